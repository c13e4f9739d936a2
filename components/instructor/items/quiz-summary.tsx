import type { QuizAnalysis } from "@/lib/analytics/quiz-analysis";
import { decimal, percent } from "./format";

/** n, mean, median, SD and alpha of one quiz, as a description list. */
export function QuizSummary({ analysis }: { analysis: QuizAnalysis }) {
  const { alpha } = analysis;
  const figures: Array<[string, string, string?]> = [
    ["Learners", String(analysis.learners)],
    ["Mean", percent(analysis.mean)],
    ["Median", percent(analysis.median)],
    ["SD", percent(analysis.standardDeviation), "sample standard deviation of the learners' scores (n − 1)"],
    [
      "Cronbach's α",
      decimal(alpha.value),
      alpha.value === null
        ? `not computable: ${alpha.reason}`
        : `over the ${alpha.learners} learner${alpha.learners === 1 ? "" : "s"} who answered all ${alpha.items} questions`,
    ],
  ];
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
      {figures.map(([label, value, note]) => (
        <div key={label}>
          <dt className="text-fg-muted">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          {note && <dd className="text-xs text-fg-muted">{note}</dd>}
        </div>
      ))}
    </dl>
  );
}
