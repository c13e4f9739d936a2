import { MIN_RESPONSES, POPULAR_WRONG_SHARE, VERY_EASY_ABOVE, VERY_HARD_BELOW } from "@/lib/analytics/flags";

/** How the figures are made, in a disclosure so the tables stay near the top. */
export function MethodNote() {
  return (
    <details className="mt-2 max-w-3xl text-sm text-fg-muted">
      <summary className="cursor-pointer text-fg">How these figures are computed</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Each learner&apos;s <strong>first</strong> submitted <strong>check-mode</strong> attempt at a lesson
          quiz counts (practice attempts give hints and show keys, so they are left out). Later attempts
          come after the feedback and the key, so they measure memory of the answers rather than the
          questions. Scores include instructor overrides.
        </li>
        <li>
          <strong>Facility</strong>: mean score ÷ maximum (0 nobody, 1 everybody). <strong>D</strong>: mean
          score of the top 27 % of learners by total minus the bottom 27 %; learners tied at a group&apos;s
          edge share its last places equally. <strong>r</strong>: the question&apos;s correlation with the
          rest of the quiz. Both should be positive; negative means strong learners did worse on it.
        </li>
        <li>
          Mean, median and SD are of each learner&apos;s score as a share of the questions they had; SD is the
          sample standard deviation (n − 1). Cronbach&apos;s α counts only learners who answered every
          question.
        </li>
        <li>
          Flags: fewer than {MIN_RESPONSES} responses; facility above {VERY_EASY_ABOVE} or below{" "}
          {VERY_HARD_BELOW}; negative discrimination; a wrong answer given by{" "}
          {Math.round(POPULAR_WRONG_SHARE * 100)} % or more; a distractor nobody picks.
        </li>
      </ul>
    </details>
  );
}
