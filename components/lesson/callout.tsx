import type { ReactNode } from "react";

const STYLES = {
  note: { label: "Note", box: "border-accent bg-accent-soft", icon: "ℹ" },
  tip: { label: "Tip", box: "border-success bg-success-soft", icon: "✓" },
  warning: { label: "Warning", box: "border-warning bg-warning-soft", icon: "!" },
  // A misconception many learners bring, stated and then set right; notes on the source
  // chapter's wording go to <ChapterNotes> instead.
  myth: { label: "Common myth", box: "border-warning bg-warning-soft", icon: "?" },
} as const;

export type CalloutType = keyof typeof STYLES;

export function Callout({
  type = "note",
  title,
  children,
}: {
  type?: CalloutType;
  title?: string;
  children: ReactNode;
}) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <aside
      className={`not-prose my-6 rounded-lg border-l-4 px-4 py-3 ${style.box}`}
      aria-label={title ? `${style.label}: ${title}` : style.label}
      data-callout={type}
    >
      <p className="flex items-baseline gap-2 font-semibold">
        <span aria-hidden="true">{style.icon}</span>
        <span>
          {style.label}
          {title ? `: ${title}` : ""}
        </span>
      </p>
      <div className="callout-body mt-1 space-y-2 text-[0.975rem] [&_code]:rounded [&_code]:bg-bg/60 [&_code]:px-1 [&_ul]:list-disc [&_ul]:pl-5">
        {children}
      </div>
    </aside>
  );
}
