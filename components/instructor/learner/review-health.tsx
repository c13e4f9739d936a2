import type { LearnerDetail } from "@/lib/instructor/learner-data";
import { LEECH_LAPSES } from "@/lib/instructor/learner-review-health";

/** The learner's review queue: what is due, and the questions that keep being forgotten. */
export function ReviewHealthPanel({ review }: { review: LearnerDetail["review"] }) {
  const stats = [
    { label: "Cards due now", value: String(review.dueNow) },
    { label: "Cards in total", value: String(review.total) },
    { label: "Leeches", value: String(review.leeches.length) },
    {
      label: "Average stability",
      value: review.averageStability === null ? "—" : `${review.averageStability.toFixed(1)} days`,
    },
  ];
  return (
    <>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="learner-review-health">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-xl border border-border p-3">
            <dt className="text-sm text-fg-muted">{stat.label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{stat.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-fg-muted">
        A leech is a card forgotten {LEECH_LAPSES} or more times. Stability is how many days a memory lasts
        before recall drops to 90%.
      </p>
      {review.leechQuestions.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {review.leechQuestions.map((leech) => (
            <li key={leech.questionId}>
              <span className="font-medium tabular-nums">{leech.lapses} lapses</span> — {leech.question}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
