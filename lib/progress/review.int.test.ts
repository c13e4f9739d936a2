import { Rating, State } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/access";
import { nextCardState } from "@/lib/review/schedule";
import { DEFAULT_REVIEW_SETTINGS } from "@/lib/review/settings";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import {
  answerReviewCard,
  doneToday,
  getReviewSettings,
  loadReview,
  pendingAnswer,
  rateReviewCard,
  ReviewOrderError,
  saveReviewSettings,
  type GradedReviewAnswer,
} from "./review";

const T0 = new Date("2026-04-01T09:00:00.000Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const at = (ms: number) => new Date(T0.getTime() + ms);

const graded =
  (score: number, text = "answer") =>
  async (): Promise<GradedReviewAnswer> => ({
    answerJson: JSON.stringify({ type: "interview", text }),
    score,
    feedbackJson: JSON.stringify({ score }),
  });

describe.each(testProviders())("review data access (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** A learner with one card per question id, each made by a quiz miss at T0 (as submitAttempt does). */
  async function learnerWithCards(count: number) {
    const user = await insertUser(t.db, "learner");
    const cards = [];
    for (let i = 0; i < count; i += 1) {
      const state = nextCardState(null, 0, at(i))!;
      cards.push(
        await t.db.reviewCard.create({
          data: { ...state, userId: user.id, questionId: `q-${user.id}-${i}`, createdAt: at(i) },
        }),
      );
    }
    return { user, cards };
  }

  it("uses the default limits until the learner saves their own", async () => {
    const user = await insertUser(t.db, "learner");
    expect(await getReviewSettings(t.db, user.id)).toEqual(DEFAULT_REVIEW_SETTINGS);
    await saveReviewSettings(t.db, user.id, { newPerDay: 3, reviewsPerDay: 7 });
    await saveReviewSettings(t.db, user.id, { newPerDay: 2, reviewsPerDay: 9 });
    expect(await getReviewSettings(t.db, user.id)).toEqual({ newPerDay: 2, reviewsPerDay: 9 });
  });

  it("answers, rates and reschedules a card; it stops being new and counts against today's new limit", async () => {
    const { user, cards } = await learnerWithCards(1);
    const card = cards[0]!;
    const now = at(DAY);
    const answered = await answerReviewCard(t.db, user.id, card.id, graded(1), now);
    expect(answered.alreadyAnswered).toBe(false);
    expect(answered.log.rating).toBeNull();

    const rated = await rateReviewCard(t.db, user.id, card.id, Rating.Good, now);
    expect(rated.rating).toBe(Rating.Good);
    const after = await t.db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.introducedAt).toEqual(now);
    expect(after.due).toEqual(rated.due);
    expect(after.due.getTime()).toBeGreaterThan(now.getTime());
    expect(after.reps).toBe(card.reps + 1);
    const log = await t.db.reviewLog.findUniqueOrThrow({ where: { id: answered.log.id } });
    expect(log).toMatchObject({
      rating: Rating.Good,
      kind: "new",
      ratedAt: now,
      dueAfter: rated.due,
      ahead: false,
    });
    expect(await doneToday(t.db, user.id, now)).toEqual({ new: 1, review: 0 });
    // The next day starts a new count.
    expect(await doneToday(t.db, user.id, at(2 * DAY))).toEqual({ new: 0, review: 0 });
  });

  it("caps the rating on the server: a wrong answer rated Easy is recorded as Again", async () => {
    const { user, cards } = await learnerWithCards(2);
    const now = at(DAY);
    await answerReviewCard(t.db, user.id, cards[0]!.id, graded(0), now);
    expect((await rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Easy, now)).rating).toBe(Rating.Again);
    await answerReviewCard(t.db, user.id, cards[1]!.id, graded(0.5), now);
    expect((await rateReviewCard(t.db, user.id, cards[1]!.id, Rating.Easy, now)).rating).toBe(Rating.Hard);
    const again = await t.db.reviewCard.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    expect(again.due.getTime() - now.getTime()).toBeLessThanOrEqual(10 * MIN);
  });

  it("answering twice returns the first graded answer (no second try once the key was shown)", async () => {
    const { user, cards } = await learnerWithCards(1);
    const first = await answerReviewCard(t.db, user.id, cards[0]!.id, graded(0, "wrong"), at(DAY));
    let gradedAgain = false;
    const second = await answerReviewCard(
      t.db,
      user.id,
      cards[0]!.id,
      async () => {
        gradedAgain = true;
        return graded(1, "right")();
      },
      at(DAY + MIN),
    );
    expect(gradedAgain).toBe(false);
    expect(second.alreadyAnswered).toBe(true);
    expect(second.log.id).toBe(first.log.id);
    expect(second.log.score).toBe(0);
    expect((await pendingAnswer(t.db, user.id, cards[0]!.questionId))?.id).toBe(first.log.id);
  });

  it("refuses to rate before answering, and rates a double key press once", async () => {
    const { user, cards } = await learnerWithCards(1);
    await expect(rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Good, at(DAY))).rejects.toBeInstanceOf(
      ReviewOrderError,
    );
    await answerReviewCard(t.db, user.id, cards[0]!.id, graded(1), at(DAY));
    const results = await Promise.allSettled([
      rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Good, at(DAY)),
      rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Easy, at(DAY)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(Error);
    expect(await t.db.reviewLog.count({ where: { userId: user.id, rating: { not: null } } })).toBe(1);
    const card = await t.db.reviewCard.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    expect(card.reps).toBe(cards[0]!.reps + 1);
  });

  it("never answers or rates another learner's card", async () => {
    const { cards } = await learnerWithCards(1);
    const stranger = await insertUser(t.db, "learner");
    await expect(
      answerReviewCard(t.db, stranger.id, cards[0]!.id, graded(1), at(DAY)),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      rateReviewCard(t.db, stranger.id, cards[0]!.id, Rating.Good, at(DAY)),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      answerReviewCard(t.db, stranger.id, "no-such-card", graded(1), at(DAY)),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("builds today's queue with the daily new-card limit, and study ahead beyond it", async () => {
    const { user, cards } = await learnerWithCards(4);
    await saveReviewSettings(t.db, user.id, { newPerDay: 2, reviewsPerDay: 100 });
    const now = at(DAY);
    let review = await loadReview(t.db, user.id, now);
    expect(review.queue.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(review.queue.cards.map((card) => card.id)).toEqual([cards[0]!.id, cards[1]!.id]);

    for (const card of cards.slice(0, 2)) {
      await answerReviewCard(t.db, user.id, card.id, graded(1), now);
      await rateReviewCard(t.db, user.id, card.id, Rating.Easy, now);
    }
    review = await loadReview(t.db, user.id, now);
    expect(review.done).toEqual({ new: 2, review: 0 });
    expect(review.queue.cards).toEqual([]);
    expect(review.queue.heldBack).toEqual({ new: 2, review: 0 });
    // Study ahead: the 2 held-back new cards (the 2 just rated are not offered again today).
    expect(review.queue.aheadAvailable).toBe(2);
    expect(review.queue.nextDue!.getTime()).toBeGreaterThan(now.getTime() + DAY);

    // Easy graduated them to review state; when they fall due they count against the review limit.
    const graduated = await t.db.reviewCard.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    expect(graduated.state).toBe(State.Review);
    const later = graduated.due;
    await saveReviewSettings(t.db, user.id, { newPerDay: 0, reviewsPerDay: 1 });
    review = await loadReview(t.db, user.id, later);
    expect(review.queue.counts.review).toBe(1);
    await answerReviewCard(t.db, user.id, graduated.id, graded(1), later);
    await rateReviewCard(t.db, user.id, graduated.id, Rating.Good, later);
    expect((await doneToday(t.db, user.id, later)).review).toBe(1);
  });

  it("marks a rating before the due date as studied ahead", async () => {
    const { user, cards } = await learnerWithCards(1);
    await answerReviewCard(t.db, user.id, cards[0]!.id, graded(1), at(DAY));
    const first = await rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Easy, at(DAY));
    const early = new Date(first.due.getTime() - DAY);
    const answered = await answerReviewCard(t.db, user.id, cards[0]!.id, graded(1), early);
    await rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Good, early);
    const log = await t.db.reviewLog.findUniqueOrThrow({ where: { id: answered.log.id } });
    expect(log).toMatchObject({ ahead: true, kind: "review" });
  });

  it("leaves out cards whose question left the bank, and marks cards reviewed today", async () => {
    const { user, cards } = await learnerWithCards(3);
    const now = at(DAY);
    await answerReviewCard(t.db, user.id, cards[0]!.id, graded(1), now);
    await rateReviewCard(t.db, user.id, cards[0]!.id, Rating.Easy, now);
    const gone = cards[2]!.questionId;
    const review = await loadReview(
      t.db,
      user.id,
      now,
      async (ids) => new Set(ids.filter((id) => id !== gone)),
    );
    expect(review.cards.map((card) => card.questionId).sort()).toEqual(
      [cards[0]!.questionId, cards[1]!.questionId].sort(),
    );
    expect(review.cards.find((card) => card.id === cards[0]!.id)?.reviewedToday).toBe(true);
    expect(review.cards.find((card) => card.id === cards[1]!.id)?.reviewedToday).toBe(false);
    // Rated today, so study ahead does not offer it again; the other card is still new and queued.
    expect(review.queue.cards.map((card) => card.id)).toEqual([cards[1]!.id]);
    expect(review.queue.aheadAvailable).toBe(0);
    expect((await loadReview(t.db, user.id, at(2 * DAY))).cards.every((card) => !card.reviewedToday)).toBe(
      true,
    );
  });
});
