"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** What the workbench has to say besides a result: an error, a busy checker, a limit, or "sign in first". */
export type LabNotice = { kind: "error" | "busy" | "rate-limited" | "sign-in"; text: string };

const tone = {
  error: "border-danger bg-danger-soft text-danger",
  busy: "border-warning bg-warning-soft",
  "rate-limited": "border-warning bg-warning-soft",
  "sign-in": "border-border bg-bg-muted",
} as const;

export function LabMessage({ notice }: { notice: LabNotice }) {
  const pathname = usePathname();
  // Shown only after a click, so reading the address (with ?state=, the learner's code) is safe here.
  const here = typeof window === "undefined" ? pathname : window.location.pathname + window.location.search;
  const next = encodeURIComponent(here ?? "/labs");
  return (
    <div
      role="alert"
      className={`mt-4 rounded-md border p-3 ${tone[notice.kind]}`}
      data-testid="lab-message"
      data-kind={notice.kind}
    >
      <p>{notice.text}</p>
      {notice.kind === "sign-in" && (
        <p className="mt-2">
          <Link href={`/sign-in?next=${next}`} className="font-semibold underline">
            Sign in
          </Link>{" "}
          or{" "}
          <Link href={`/sign-up?next=${next}`} className="font-semibold underline">
            create an account
          </Link>{" "}
          to submit, then come back here and submit again.
        </p>
      )}
    </div>
  );
}
