import { NotFoundError } from "@/lib/access";
import type { Db } from "@/lib/db";
import { cappedRating } from "@/lib/review/rating";
import { startOfLearningDay } from "@/lib/review/learning-day";
import { buildQueue, kindOf, type DoneToday } from "@/lib/review/queue";
import { rateCard, type CardState } from "@/lib/review/schedule";
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from "@/lib/review/settings";
import type { Grade } from "ts-fsrs";

/**
 * Data access for /review: the only module that reads or writes review logs and settings
 * (review cards are also moved by quiz submissions in ./attempts.ts). Every function takes
 * the acting learner's id and touches only that learner's rows.
 */

export class ReviewOrderError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = "ReviewOrderError";
  }
}

export async function getReviewSettings(db: Db, userId: string): Promise<ReviewSettings> {
  const row = await db.reviewSettings.findUnique({ where: { userId } });
  return row
    ? { newPerDay: row.newPerDay, reviewsPerDay: row.reviewsPerDay }
    : { ...DEFAULT_REVIEW_SETTINGS };
}

export async function saveReviewSettings(db: Db, userId: string, settings: ReviewSettings): Promise<void> {
  await db.reviewSettings.upsert({ where: { userId }, create: { userId, ...settings }, update: settings });
}

/** New cards and reviews rated since the learner's day began (learning steps are not limited). */
export async function doneToday(db: Db, userId: string, now: Date, timeZone = "UTC"): Promise<DoneToday> {
  const since = startOfLearningDay(now, timeZone);
  const [fresh, review] = await Promise.all(
    (["new", "review"] as const).map((kind) =>
      db.reviewLog.count({ where: { userId, kind, ratedAt: { gte: since } } }),
    ),
  );
  return { new: fresh!, review: review! };
}

/**
 * Everything the review page needs: the learner's cards, limits, what is done today and the queue.
 * `known` drops cards whose question left the bank, so the queue never offers what cannot be shown.
 */
export async function loadReview(
  db: Db,
  userId: string,
  now: Date,
  known?: (questionIds: string[]) => Promise<ReadonlySet<string>>,
  timeZone = "UTC",
) {
  const [rows, settings, done, ratedToday] = await Promise.all([
    db.reviewCard.findMany({ where: { userId }, orderBy: { due: "asc" } }),
    getReviewSettings(db, userId),
    doneToday(db, userId, now, timeZone),
    db.reviewLog.findMany({
      where: { userId, ratedAt: { gte: startOfLearningDay(now, timeZone) } },
      select: { questionId: true },
      distinct: ["questionId"],
    }),
  ]);
  const keep = known ? await known(rows.map((card) => card.questionId)) : null;
  const reviewed = new Set(ratedToday.map((log) => log.questionId));
  const cards = (keep ? rows.filter((card) => keep.has(card.questionId)) : rows).map((card) => ({
    ...card,
    reviewedToday: reviewed.has(card.questionId),
  }));
  return { cards, settings, done, queue: buildQueue(cards, settings, done, now) };
}

async function ownCard(db: Db, userId: string, cardId: string) {
  const card = await db.reviewCard.findUnique({ where: { id: cardId } });
  // Someone else's card is "not found" too: ids are not secrets, but nor are they an oracle.
  if (!card || card.userId !== userId) throw new NotFoundError("That review card does not exist.");
  return card;
}

/** The answer to this card that is graded but not yet rated, if any. */
export async function pendingAnswer(db: Db, userId: string, questionId: string) {
  return db.reviewLog.findFirst({
    where: { userId, questionId, rating: null },
    orderBy: { answeredAt: "desc" },
  });
}

export type GradedReviewAnswer = { answerJson: string; score: number; feedbackJson: string };

/**
 * Records the learner's graded answer to a card. Idempotent: while an answer waits for its
 * rating, answering again returns that answer (no second try after the key was shown).
 */
export async function answerReviewCard(
  db: Db,
  userId: string,
  cardId: string,
  grade: (questionId: string) => Promise<GradedReviewAnswer>,
  now = new Date(),
) {
  const card = await ownCard(db, userId, cardId);
  const waiting = await pendingAnswer(db, userId, card.questionId);
  if (waiting) return { card, log: waiting, alreadyAnswered: true };
  const graded = await grade(card.questionId);
  const log = await db.reviewLog.create({
    data: {
      userId,
      questionId: card.questionId,
      answer: graded.answerJson,
      score: graded.score,
      feedback: graded.feedbackJson,
      answeredAt: now,
    },
  });
  return { card, log, alreadyAnswered: false };
}

function stateOf(card: CardState): CardState {
  return { ...card, lastReview: card.lastReview ?? null };
}

/**
 * Rates the card's waiting answer and moves its schedule, in one transaction. The rating is held
 * to what the graded score allows (see lib/review/rating.ts). Rating twice (a double key press)
 * finds no waiting answer and is refused with 409.
 */
export async function rateReviewCard(
  db: Db,
  userId: string,
  cardId: string,
  requested: Grade,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const card = await ownCard(tx as unknown as Db, userId, cardId);
    const log = await tx.reviewLog.findFirst({
      where: { userId, questionId: card.questionId, rating: null },
      orderBy: { answeredAt: "desc" },
    });
    if (!log) throw new ReviewOrderError("Answer the card before rating it (it may already be rated).");
    const rating = cappedRating(requested, log.score);
    const next = rateCard(stateOf(card), rating, now);
    const claimed = await tx.reviewLog.updateMany({
      where: { id: log.id, rating: null },
      data: {
        rating,
        ratedAt: now,
        kind: kindOf(card),
        ahead: card.introducedAt !== null && card.due > now,
        dueAfter: next.due,
      },
    });
    if (claimed.count === 0) throw new ReviewOrderError("That card was already rated.");
    await tx.reviewCard.update({
      where: { id: card.id },
      data: { ...next, introducedAt: card.introducedAt ?? now },
    });
    return { rating, due: next.due, score: log.score };
  });
}
