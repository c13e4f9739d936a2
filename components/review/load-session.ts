import "server-only";
import { db } from "@/lib/db";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import { getQuestionsById } from "@/lib/questions/bank";
import type { Question } from "@/lib/questions/schema";
import { toPublicQuestion } from "@/lib/questions/public-view";
import { loadReview, pendingAnswer } from "@/lib/progress/review";
import { learnerTimeZone } from "@/lib/server/learner-time-zone";
import { dueInWords, intervalInWords } from "@/lib/review/due-words";
import { nextCard, kindOf } from "@/lib/review/queue";
import { allowedRatings, defaultRating, RATING_LABELS } from "@/lib/review/rating";
import { dueAfterEachRating, GRADES, type CardState } from "@/lib/review/schedule";
import type { RevealedCard, ReviewSummary, SessionCard } from "@/lib/review/session-types";

/** Options keep one order per card (a reload shows the same card the same way). */
function seedOf(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index += 1)
    value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** The rating buttons for a graded answer: every rating with its interval, the capped ones disabled. */
export function revealedCard(card: CardState, feedback: QuestionFeedback, now: Date): RevealedCard {
  const due = dueAfterEachRating({ ...card, lastReview: card.lastReview ?? null }, now);
  const allowed = new Set(allowedRatings(feedback.score));
  return {
    feedback,
    options: GRADES.map((rating) => ({
      rating,
      label: RATING_LABELS[rating],
      interval: intervalInWords(due[rating], now),
      allowed: allowed.has(rating),
    })),
    defaultRating: defaultRating(feedback.score),
  };
}

/** The learner's review session now: the summary and the card to show (with its waiting answer, if any). */
export async function loadSession(
  userId: string,
  ahead: boolean,
  now = new Date(),
): Promise<{
  summary: ReviewSummary;
  card: SessionCard | null;
  all: Awaited<ReturnType<typeof loadReview>>["cards"];
}> {
  let bank = new Map<string, { question: Question; quiz: string }>();
  const timeZone = await learnerTimeZone();
  const review = await loadReview(
    db(),
    userId,
    now,
    async (questionIds) => {
      bank = await getQuestionsById(questionIds);
      return new Set(bank.keys());
    },
    timeZone,
  );
  const row = nextCard(review.cards, review.queue, ahead, now);
  const summary: ReviewSummary = {
    counts: review.queue.counts,
    heldBack: review.queue.heldBack,
    nextDue: review.queue.nextDue ? dueInWords(review.queue.nextDue, now) : null,
    aheadAvailable: review.queue.aheadAvailable,
    doneToday: review.done,
    settings: review.settings,
    ahead,
    timeZone,
  };
  if (!row) return { summary, card: null, all: review.cards };
  const card = review.cards.find((candidate) => candidate.id === row.id)!;
  const entry = bank.get(card.questionId)!;
  const waiting = await pendingAnswer(db(), userId, card.questionId);
  return {
    summary,
    all: review.cards,
    card: {
      cardId: card.id,
      kind: kindOf(card),
      lesson: entry.quiz.replaceAll("-", " "),
      question: toPublicQuestion(entry.question, seedOf(card.id)),
      revealed: waiting ? revealedCard(card, JSON.parse(waiting.feedback) as QuestionFeedback, now) : null,
    },
  };
}
