// The learner page's activity timeline: every dated event, newest first, grouped by day (UTC, so the
// grouping does not depend on where the server runs). Pure.

export type TimelineEvent = {
  at: Date;
  kind: "lesson-completed" | "lesson-visited" | "attempt-started" | "attempt-submitted" | "lab-run";
  text: string;
  /** "passed"/"failed" for lab runs, a score for submitted attempts. */
  outcome?: { tone: "good" | "bad" | "neutral"; label: string };
  /** In-page anchor of the attempt or lab run, if it is shown below. */
  href?: string;
};

export type TimelineDay = { day: string; events: TimelineEvent[] };

export type TimelineSources = {
  lessons: Array<{ title: string; completedAt: Date | null; lastSeenAt: Date }>;
  attempts: Array<{
    id: string;
    title: string;
    kind: string;
    startedAt: Date;
    submittedAt: Date | null;
    score: number | null;
    maxScore: number | null;
  }>;
  labRuns: Array<{ id: string; title: string; passed: boolean; createdAt: Date }>;
};

export function scoreLabel(score: number | null, maxScore: number | null): string {
  if (score === null || maxScore === null || maxScore <= 0) return "not scored";
  const points = Number.isInteger(score) ? String(score) : score.toFixed(2);
  return `${points}/${maxScore} (${Math.round((score / maxScore) * 100)}%)`;
}

export function timelineEvents(sources: TimelineSources): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const lesson of sources.lessons) {
    if (lesson.completedAt)
      events.push({
        at: lesson.completedAt,
        kind: "lesson-completed",
        text: `Completed lesson “${lesson.title}”`,
      });
    // LessonProgress keeps the latest visit only; a visit at the completion moment is the same event.
    if (lesson.completedAt?.getTime() !== lesson.lastSeenAt.getTime())
      events.push({
        at: lesson.lastSeenAt,
        kind: "lesson-visited",
        text: `Visited lesson “${lesson.title}” (latest visit)`,
      });
  }
  for (const attempt of sources.attempts) {
    const what = attempt.kind === "review" ? "a review of past mistakes" : `quiz “${attempt.title}”`;
    if (attempt.submittedAt) {
      const ratio = attempt.score !== null && attempt.maxScore ? attempt.score / attempt.maxScore : null;
      events.push({
        at: attempt.submittedAt,
        kind: "attempt-submitted",
        text: `Submitted ${what}`,
        outcome: {
          tone: ratio === null ? "neutral" : ratio >= 0.8 ? "good" : ratio < 0.5 ? "bad" : "neutral",
          label: scoreLabel(attempt.score, attempt.maxScore),
        },
        href: `#attempt-${attempt.id}`,
      });
    } else {
      events.push({
        at: attempt.startedAt,
        kind: "attempt-started",
        text: `Started ${what} (not submitted)`,
        href: `#attempt-${attempt.id}`,
      });
    }
  }
  for (const run of sources.labRuns) {
    events.push({
      at: run.createdAt,
      kind: "lab-run",
      text: `Ran lab “${run.title}”`,
      outcome: run.passed ? { tone: "good", label: "passed" } : { tone: "bad", label: "did not pass" },
      href: `#lab-run-${run.id}`,
    });
  }
  return events.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Events newest first, in days newest first; `day` is YYYY-MM-DD (UTC). */
export function groupByDay(events: readonly TimelineEvent[]): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const event of [...events].sort((a, b) => b.at.getTime() - a.at.getTime())) {
    const day = event.at.toISOString().slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }
  return days;
}
