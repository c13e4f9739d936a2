"use client";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { Grade } from "ts-fsrs";
import { FeedbackView } from "@/components/quiz/feedback-view";
import { QuestionInput } from "@/components/quiz/question-input";
import type { Answer } from "@/lib/grading/answer-schema";
import type { ReviewSummary, SessionCard } from "@/lib/review/session-types";
import { answerCard, rateCard } from "./actions";
import { Counts } from "./counts";
import { DoneState } from "./done-state";
import { RatingButtons } from "./rating-buttons";
import { useReviewKeys } from "./use-review-keys";

function capNote(score: number): string | null {
  if (score >= 1) return null;
  return score > 0
    ? "Partly right, so at most Hard: Good and Easy are for answers you got fully right."
    : "Not right, so Again: the card comes back soon to relearn.";
}

/** One card at a time: answer, see the key, rate. Keyboard: Space reveals and continues, 1–4 rate. */
export function ReviewSession({
  initialCard,
  initialSummary,
}: {
  initialCard: SessionCard | null;
  initialSummary: ReviewSummary;
}) {
  const [card, setCard] = useState(initialCard);
  const [summary, setSummary] = useState(initialSummary);
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();
  const cardRef = useRef<HTMLElement>(null);
  const revealedRef = useRef<HTMLDivElement>(null);

  const revealed = card?.revealed ?? null;
  const cardId = card?.cardId ?? null;

  // A new card or a revealed key takes the focus, so Space and 1–4 work at once and screen readers read it.
  useEffect(() => {
    if (!cardId) document.getElementById("done-heading")?.focus();
    else (revealed ? revealedRef.current : cardRef.current)?.focus();
  }, [cardId, revealed]);

  const reveal = useCallback(() => {
    if (!card || card.revealed || pending) return;
    setError(null);
    startTransition(async () => {
      const result = await answerCard({ cardId: card.cardId, answer: answer ?? null });
      if (!result.ok) return setError(result.error);
      setCard({ ...card, revealed: result.value });
    });
  }, [card, answer, pending]);

  const rate = useCallback(
    (rating: Grade) => {
      if (!card?.revealed || pending) return;
      const option = card.revealed.options.find((candidate) => candidate.rating === rating);
      if (!option?.allowed) {
        setStatus(
          `${option?.label ?? "That rating"} is not available: ${capNote(card.revealed.feedback.score) ?? ""}`,
        );
        return;
      }
      setError(null);
      startTransition(async () => {
        const result = await rateCard({ cardId: card.cardId, rating, ahead: summary.ahead });
        if (!result.ok) return setError(result.error);
        setAnswer(undefined);
        setStatus(result.value.message);
        setSummary(result.value.summary);
        setCard(result.value.next);
      });
    },
    [card, pending, summary.ahead],
  );

  useReviewKeys({
    active: !!card,
    revealed: !!card?.revealed,
    defaultRating: card?.revealed?.defaultRating,
    rate,
    reveal,
  });

  return (
    <div className="space-y-4">
      <Counts summary={summary} />
      <p className="sr-only" role="status" aria-live="polite" data-testid="review-status">
        {status}
      </p>
      {status && (
        <p aria-hidden="true" className="text-sm text-fg-muted" data-testid="review-last">
          {status}
        </p>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-md border border-danger bg-danger-soft p-3"
          data-testid="review-error"
        >
          {error}
        </p>
      )}
      {!card ? (
        <DoneState summary={summary} />
      ) : (
        <article
          ref={cardRef}
          tabIndex={-1}
          aria-labelledby="card-heading"
          aria-busy={pending}
          data-testid="review-card"
          data-question-id={card.question.id}
          data-kind={card.kind}
          className="rounded-xl border border-border bg-bg-subtle p-4 outline-none focus-visible:ring-2 focus-visible:ring-accent sm:p-6"
        >
          <h2 id="card-heading" className="text-sm font-normal text-fg-muted">
            <span className="font-semibold text-fg">
              {card.kind === "new" ? "New card" : card.kind === "learning" ? "Learning" : "Review"}
            </span>{" "}
            · {card.lesson}
            {summary.ahead && " · studying ahead"}
          </h2>
          <div className="mt-3 [overflow-wrap:anywhere]">
            <QuestionInput
              question={card.question}
              number={1}
              answer={answer}
              disabled={!!revealed || pending}
              onChange={(next) => setAnswer(next)}
              onEnter={reveal}
            />
          </div>
          {!revealed ? (
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <button
                type="button"
                onClick={reveal}
                disabled={pending}
                aria-keyshortcuts="Space"
                className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
              >
                {pending ? "Checking…" : "Show answer"}
              </button>
              <span className="text-sm text-fg-muted">
                Space (outside a text box) or Enter shows the answer; not answering counts as a miss.
              </span>
            </div>
          ) : (
            <div
              ref={revealedRef}
              tabIndex={-1}
              className="mt-4 space-y-4 outline-none"
              data-testid="review-answer"
            >
              <FeedbackView feedback={revealed.feedback} />
              <RatingButtons
                options={revealed.options}
                defaultRating={revealed.defaultRating}
                busy={pending}
                capNote={capNote(revealed.feedback.score)}
                onRate={rate}
              />
            </div>
          )}
        </article>
      )}
    </div>
  );
}
