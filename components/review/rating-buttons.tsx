"use client";
import type { Grade } from "ts-fsrs";
import type { RatingOption } from "@/lib/review/session-types";

const TONE: Record<number, string> = {
  1: "border-danger",
  2: "border-warning",
  3: "border-success",
  4: "border-accent",
};

/** Again / Hard / Good / Easy with the interval each gives; ratings the answer does not allow are disabled. */
export function RatingButtons({
  options,
  defaultRating,
  busy,
  capNote,
  onRate,
}: {
  options: RatingOption[];
  defaultRating: Grade;
  busy: boolean;
  capNote: string | null;
  onRate: (rating: Grade) => void;
}) {
  return (
    <div role="group" aria-labelledby="rate-heading" aria-describedby={capNote ? "rate-cap" : undefined}>
      <h3 id="rate-heading" className="font-semibold">
        How well did you remember it?
      </h3>
      {capNote && (
        <p id="rate-cap" className="mt-1 text-sm text-fg-muted" data-testid="rating-cap">
          {capNote}
        </p>
      )}
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {options.map((option) => (
          <button
            key={option.rating}
            type="button"
            disabled={!option.allowed || busy}
            aria-keyshortcuts={`${option.rating}${option.rating === defaultRating ? " Space" : ""}`}
            data-testid={`rate-${option.label.toLowerCase()}`}
            onClick={() => onRate(option.rating)}
            className={`flex min-h-16 flex-col items-center justify-center rounded-lg border-2 bg-bg px-2 py-2 text-center hover:bg-bg-muted disabled:cursor-not-allowed disabled:border-border disabled:opacity-60 ${TONE[option.rating]} ${option.rating === defaultRating ? "ring-2 ring-accent ring-offset-2 ring-offset-bg" : ""}`}
          >
            <span className="font-semibold">
              {option.label}
              <kbd className="ml-2 rounded border border-border px-1 font-mono text-xs text-fg-muted">
                {option.rating}
              </kbd>
            </span>
            <span className="text-sm text-fg-muted" data-testid="rate-interval">
              {option.allowed ? option.interval : "not for this answer"}
            </span>
          </button>
        ))}
      </div>
      <p className="mt-2 text-xs text-fg-muted">Keys 1–4 rate; Space chooses the highlighted one.</p>
    </div>
  );
}
