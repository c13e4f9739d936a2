import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/access";
import { requireUser } from "@/lib/auth/session";
import { previewJoin, type JoinPreview } from "@/lib/cohorts/queries";
import { rosterPath } from "@/lib/cohorts/paths";
import { db } from "@/lib/db";
import { JoinForm } from "../_components/join-form";

export const metadata: Metadata = { title: "Join a cohort" };

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ joined?: string | string[] }>;
};

/** A shared join link: shows the cohort and asks to confirm (joining on a bare GET would let any page enrol you). */
export default async function JoinWithCodePage({ params, searchParams }: Props) {
  const code = safeDecode((await params).code).slice(0, 40);
  const user = await requireUser(`/join/${encodeURIComponent(code)}`);
  const justJoined = (await searchParams).joined === "1";

  let preview: JoinPreview;
  try {
    preview = await previewJoin(db(), user, code);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return (
      <>
        <PageHeader title="Join a cohort" />
        <p
          role="alert"
          className="mt-4 max-w-xl rounded-md border border-danger bg-danger-soft px-3 py-2 text-danger"
        >
          {error.message}.
        </p>
        <p className="mt-4 text-fg-muted">Type the code again:</p>
        <JoinForm code={code} />
      </>
    );
  }

  if (preview.alreadyMember) {
    return (
      <>
        <PageHeader title={justJoined ? `You joined ${preview.name}` : `You are in ${preview.name}`}>
          {preview.role === "instructor"
            ? "You teach this cohort."
            : "Your instructor can now follow your progress in the course."}
        </PageHeader>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href={preview.role === "instructor" ? rosterPath(preview.cohortId) : "/learn"}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg no-underline hover:opacity-90"
          >
            {preview.role === "instructor" ? "Open the roster" : "Go to the lessons"}
          </Link>
          <Link
            href="/join"
            className="rounded-md border border-border px-4 py-2 font-medium no-underline hover:bg-bg-muted"
          >
            Your cohorts
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title={`Join ${preview.name}?`}>
        {preview.role === "instructor"
          ? "You will co-teach this cohort: you will see its learners' progress and answers."
          : "Your instructor will see your progress: lessons, quiz answers, lab runs and review cards."}
      </PageHeader>
      <p className="mt-4 text-sm text-fg-muted">
        Join code <span className="font-mono text-fg">{preview.joinCode}</span> · signed in as {user.name}
      </p>
      <JoinForm code={preview.joinCode} cohortName={preview.name} />
    </>
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
