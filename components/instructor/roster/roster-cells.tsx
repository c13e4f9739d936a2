import type { LessonStatus } from "@/lib/instructor/roster-matrix";
import { percent } from "./roster-format";

const LESSON_MARK: Record<LessonStatus, { symbol: string; label: string; className: string }> = {
  completed: { symbol: "●", label: "Completed", className: "text-success" },
  "in-progress": { symbol: "◐", label: "In progress", className: "text-warning" },
  "not-started": { symbol: "○", label: "Not started", className: "text-fg-muted" },
};

export function LessonMark({ status }: { status: LessonStatus }) {
  const mark = LESSON_MARK[status];
  return (
    <>
      <span aria-hidden="true" className={mark.className} title={mark.label}>
        {mark.symbol}
      </span>
      <span className="sr-only">{mark.label}</span>
    </>
  );
}

export function LessonLegend() {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-fg-muted" aria-label="Lesson marks">
      {(Object.keys(LESSON_MARK) as LessonStatus[]).map((status) => (
        <span key={status}>
          <span aria-hidden="true" className={LESSON_MARK[status].className}>
            {LESSON_MARK[status].symbol}
          </span>{" "}
          {LESSON_MARK[status].label}
        </span>
      ))}
    </p>
  );
}

export function QuizScore({ score }: { score: number | null | undefined }) {
  if (score === null || score === undefined)
    return (
      <>
        <span aria-hidden="true" className="text-fg-muted">
          —
        </span>
        <span className="sr-only">not taken</span>
      </>
    );
  return (
    <span className={score >= 0.8 ? "text-success" : score < 0.5 ? "text-danger" : ""}>{percent(score)}</span>
  );
}

export function ProgressBar({ value }: { value: number }) {
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className="block h-2 w-20 overflow-hidden rounded-full bg-bg-muted">
        <span
          className="block h-full rounded-full bg-accent"
          style={{ width: `${Math.round(value * 100)}%` }}
        />
      </span>
      <span className="tabular-nums">{percent(value)}</span>
    </span>
  );
}
