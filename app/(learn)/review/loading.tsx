/** Shown while the review page loads its cards (the queue is built on the server). */
export default function ReviewLoading() {
  return (
    <div className="mt-6 max-w-3xl space-y-4" aria-busy="true" data-testid="review-loading">
      <p role="status" className="text-fg-muted">
        Loading your cards…
      </p>
      <div
        aria-hidden="true"
        className="h-5 w-64 animate-pulse rounded bg-bg-muted motion-reduce:animate-none"
      />
      <div
        aria-hidden="true"
        className="h-48 animate-pulse rounded-xl bg-bg-muted motion-reduce:animate-none"
      />
    </div>
  );
}
