import Link from "next/link";
import type { ReviewSummary } from "@/lib/review/session-types";

function cards(count: number, what = "card"): string {
  return `${count} ${what}${count === 1 ? "" : "s"}`;
}

/** Nothing left to show now: why (done, or held back by the limits), when the next card is due, and study ahead. */
export function DoneState({ summary }: { summary: ReviewSummary }) {
  const held = summary.heldBack.new + summary.heldBack.review;
  return (
    <section
      aria-labelledby="done-heading"
      className="rounded-xl border border-dashed border-border p-6 text-center"
      data-testid="review-done"
    >
      <h2 id="done-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
        {summary.ahead ? "Nothing more to study ahead" : held > 0 ? "Daily limit reached" : "All caught up"}
      </h2>
      <div className="mx-auto mt-2 max-w-prose space-y-1 text-fg-muted">
        {held > 0 && !summary.ahead && (
          <p data-testid="held-back">
            {summary.heldBack.new > 0 && cards(summary.heldBack.new, "new card")}
            {summary.heldBack.new > 0 && summary.heldBack.review > 0 && " and "}
            {summary.heldBack.review > 0 && cards(summary.heldBack.review, "review")}{" "}
            {held === 1 ? "waits" : "wait"} for tomorrow (your daily limit: {summary.settings.newPerDay} new,{" "}
            {summary.settings.reviewsPerDay} reviews).
          </p>
        )}
        <p data-testid="next-due">
          {summary.nextDue ? `The next card is due ${summary.nextDue}.` : "No card is scheduled yet."}
        </p>
        {summary.ahead && <p>Study ahead reaches cards due within the next 7 days.</p>}
      </div>
      <div className="mt-4 flex flex-wrap justify-center gap-3">
        {!summary.ahead && summary.aheadAvailable > 0 && (
          <Link
            href="/review?ahead=1"
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg no-underline hover:opacity-90"
          >
            Study ahead ({cards(summary.aheadAvailable)})
          </Link>
        )}
        {summary.ahead && (
          <Link
            href="/review"
            className="rounded-md border border-border px-4 py-2 font-semibold no-underline"
          >
            Back to today&apos;s review
          </Link>
        )}
        <Link
          href="/practice"
          className="rounded-md border border-border px-4 py-2 font-semibold no-underline"
        >
          Practise a lesson
        </Link>
      </div>
    </section>
  );
}
