import { startQuizAttempt } from "./actions";

/** Two plain forms (they work before JavaScript loads): practice or check mode. */
export function StartAttemptButtons({ quizSlug, compact = false }: { quizSlug: string; compact?: boolean }) {
  const modes = [
    { mode: "practice", label: "Practice", note: "Feedback after each question, hints, retries." },
    { mode: "check", label: "Check yourself", note: "Answer everything, then see your score and feedback." },
  ] as const;
  return (
    <div className={compact ? "flex flex-wrap gap-2" : "grid gap-3 sm:grid-cols-2"}>
      {modes.map(({ mode, label, note }) => (
        <form
          key={mode}
          action={startQuizAttempt}
          className={compact ? "" : "rounded-xl border border-border p-4"}
        >
          <input type="hidden" name="quizSlug" value={quizSlug} />
          <input type="hidden" name="mode" value={mode} />
          {!compact && <p className="mb-3 text-fg-muted">{note}</p>}
          <button
            type="submit"
            className={
              compact
                ? "rounded-md border border-accent px-3 py-1.5 text-sm font-semibold text-accent hover:bg-accent-soft"
                : "w-full rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90"
            }
          >
            {compact ? `New attempt: ${label.toLowerCase()}` : `Start: ${label.toLowerCase()}`}
          </button>
        </form>
      ))}
    </div>
  );
}
