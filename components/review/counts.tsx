import type { ReviewSummary } from "@/lib/review/session-types";

/** Today's queue by kind and what the daily limits allow (kept current by the session after each rating). */
export function Counts({ summary }: { summary: ReviewSummary }) {
  const items = [
    ["new", summary.counts.new, "text-accent"],
    ["learning", summary.counts.learning, "text-danger"],
    ["to review", summary.counts.review, "text-success"],
  ] as const;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="due-count">
      {items.map(([label, count, tone]) => (
        <span key={label}>
          <strong className={`text-base ${tone}`}>{count}</strong> {label}
        </span>
      ))}
      <span className="text-fg-muted">
        · done today: {summary.doneToday.new} new (limit {summary.settings.newPerDay}),{" "}
        {summary.doneToday.review} reviews (limit {summary.settings.reviewsPerDay})
      </span>
    </p>
  );
}
