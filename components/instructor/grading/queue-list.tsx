import Link from "next/link";
import type { GradingFilter, QueueRow } from "@/lib/instructor/grading";
import { formatWhen } from "./format";
import { InlineText } from "@/components/ui/inline-text";

type Props = {
  rows: QueueRow[];
  openId: string | null;
  hrefFor: (responseId: string) => string;
  filter: GradingFilter;
  truncated: boolean;
};

/** The answers in the chosen list, oldest submission first; the open one is marked. */
export function QueueList({ rows, openId, hrefFor, filter, truncated }: Props) {
  return (
    <section aria-labelledby="queue-list-heading">
      <h2 id="queue-list-heading" className="font-semibold">
        {filter === "waiting" ? "Waiting, oldest first" : filter === "graded" ? "Graded" : "All answers"}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-fg-muted">Nothing in this list.</p>
      ) : (
        <ol className="mt-2 space-y-1" data-testid="grading-queue">
          {rows.map((row) => {
            const open = row.responseId === openId;
            return (
              <li key={row.responseId}>
                <Link
                  href={hrefFor(row.responseId)}
                  aria-current={open ? "true" : undefined}
                  className={`block rounded-md border px-3 py-2 text-sm no-underline ${
                    open ? "border-accent bg-accent-soft" : "border-border hover:bg-bg-muted"
                  }`}
                >
                  <span className="block font-medium text-fg">{row.learnerName}</span>
                  <span className="line-clamp-2 block text-fg-muted">
                    <InlineText text={row.prompt} />
                  </span>
                  <span className="mt-0.5 flex flex-wrap justify-between gap-x-2 text-xs text-fg-muted">
                    <time dateTime={row.submittedAt.toISOString()}>{formatWhen(row.submittedAt)}</time>
                    {row.gradedScore !== null && (
                      <span className="font-semibold text-fg">
                        Graded {Math.round(row.gradedScore * 100)}%
                      </span>
                    )}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
      {truncated && (
        <p className="mt-2 text-sm text-fg-muted">
          Only the oldest {rows.length} are listed; grade these first.
        </p>
      )}
    </section>
  );
}
