import { fsrs, Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  dueAfterEachRating,
  GRADES,
  isLeech,
  LEECH_LAPSES,
  nextCardState,
  rateCard,
  ratingFor,
  type CardState,
} from "./schedule";

const NOW = new Date("2026-03-02T09:15:00.000Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function at(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms);
}

/** nextCardState for an existing card, which must never answer null. */
function answer(card: CardState, score: number, now: Date): CardState {
  const next = nextCardState(card, score, now);
  if (!next) throw new Error("an existing card must always have a next state");
  return next;
}

/** A card made by a miss at `now`. */
function missedCard(now = NOW): CardState {
  const card = nextCardState(null, 0, now);
  if (!card) throw new Error("a miss must create a card");
  return card;
}

/** Answers correctly, each time when the card falls due, until it is in review state. */
function graduate(card: CardState): CardState {
  let current = card;
  for (let i = 0; i < 10 && current.state !== State.Review; i += 1) current = answer(current, 1, current.due);
  expect(current.state).toBe(State.Review);
  return current;
}

/** A card that has been in review for a while: a miss, then correct answers days apart. */
function matureCard(): CardState {
  let card = graduate(missedCard());
  for (let i = 0; i < 3; i += 1) card = answer(card, 1, card.due);
  return card;
}

describe("nextCardState", () => {
  it("returns null for a correct answer to a question without a card (cards are for mistakes)", () => {
    expect(nextCardState(null, 1, NOW)).toBeNull();
    // Scores above full marks are still full marks.
    expect(nextCardState(null, 1.5, NOW)).toBeNull();
  });

  it.each([0, 0.5, 0.99])("creates a card due within a day, with reps 1, for a miss scored %s", (score) => {
    const card = nextCardState(null, score, NOW);
    expect(card).not.toBeNull();
    expect(card).toMatchObject({ reps: 1, lapses: 0, state: State.Learning, lastReview: NOW });
    expect(card!.due.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(card!.due.getTime()).toBeLessThanOrEqual(NOW.getTime() + DAY);
    expect(card!.stability).toBeGreaterThan(0);
    expect(card!.difficulty).toBeGreaterThan(0);
  });

  it("pushes due later for a correct answer than for a miss (learning card)", () => {
    const card = missedCard();
    const when = card.due;
    const good = answer(card, 1, when);
    const again = answer(card, 0, when);
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    expect(good.due.getTime()).toBeGreaterThan(when.getTime());
    expect(good.reps).toBe(card.reps + 1);
    expect(again.reps).toBe(card.reps + 1);
  });

  it("pushes due later for a correct answer than for a miss (card in review)", () => {
    const card = matureCard();
    const when = card.due;
    const good = answer(card, 1, when);
    const again = answer(card, 0, when);
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    // A remembered review card is pushed days ahead, further than its last interval.
    expect(good.due.getTime() - when.getTime()).toBeGreaterThan(card.scheduledDays * DAY);
    expect(good.state).toBe(State.Review);
    expect(again.state).toBe(State.Relearning);
  });

  it("counts a lapse only for a miss once the card has graduated to review state", () => {
    // Misses while still learning are not lapses.
    let card = missedCard();
    card = answer(card, 0, at(card.due, MINUTE));
    expect(card.lapses).toBe(0);
    expect(card.state).toBe(State.Learning);

    card = graduate(card);
    expect(card.lapses).toBe(0);
    expect(card.scheduledDays).toBeGreaterThanOrEqual(1);

    card = answer(card, 0, card.due);
    expect(card.lapses).toBe(1);
    expect(card.state).toBe(State.Relearning);

    // Missing again while relearning is not another lapse...
    card = answer(card, 0, card.due);
    expect(card.lapses).toBe(1);

    // ...but missing after graduating again is.
    card = graduate(card);
    card = answer(card, 0, card.due);
    expect(card.lapses).toBe(2);
  });

  it("makes a card a leech after LEECH_LAPSES lapses", () => {
    let card = missedCard();
    for (let lapse = 1; lapse <= LEECH_LAPSES; lapse += 1) {
      expect(isLeech(card)).toBe(false);
      const graduated = graduate(card);
      card = answer(graduated, lapse % 2 === 0 ? 0 : 0.5, graduated.due);
      expect(card.lapses).toBe(lapse);
    }
    expect(isLeech(card)).toBe(true);
  });

  it("is deterministic: the same inputs give the same output, and the input is left alone", () => {
    const card = matureCard();
    const snapshot = structuredClone(card);
    const when = at(card.due, 2 * DAY);
    const first = answer(card, 1, when);
    for (let i = 0; i < 20; i += 1) expect(answer(card, 1, when)).toEqual(first);
    expect(answer(card, 0, when)).toEqual(answer(card, 0, when));
    expect(nextCardState(null, 0, NOW)).toEqual(nextCardState(null, 0, NOW));
    expect(card).toEqual(snapshot);
  });

  it("does not fuzz intervals: it matches an unfuzzed FSRS scheduler", () => {
    const card = matureCard();
    const when = card.due;
    const next = answer(card, 1, when);
    const input = {
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: card.elapsedDays,
      scheduled_days: card.scheduledDays,
      learning_steps: card.learningSteps,
      reps: card.reps,
      lapses: card.lapses,
      state: card.state,
      last_review: card.lastReview ?? undefined,
    };
    const plain = fsrs({ enable_fuzz: false }).next(input, when, Rating.Good).card;
    const fuzzed = fsrs({ enable_fuzz: true }).next(input, when, Rating.Good).card;
    // The case is one where fuzz would change the interval, so the comparison means something.
    expect(fuzzed.due.getTime()).not.toBe(plain.due.getTime());
    expect(next.due).toEqual(plain.due);
    expect(next.scheduledDays).toBe(plain.scheduled_days);
  });
});

describe("ratingFor", () => {
  it("rates full marks as Good and anything less as Again", () => {
    expect(ratingFor(1)).toBe(Rating.Good);
    expect(ratingFor(1.2)).toBe(Rating.Good);
    expect(ratingFor(0.5)).toBe(Rating.Again);
    expect(ratingFor(0.999)).toBe(Rating.Again);
    expect(ratingFor(0)).toBe(Rating.Again);
  });
});

describe("isLeech", () => {
  it("is true from LEECH_LAPSES lapses on", () => {
    expect(LEECH_LAPSES).toBeGreaterThan(1);
    expect(isLeech({ lapses: 0 })).toBe(false);
    expect(isLeech({ lapses: LEECH_LAPSES - 1 })).toBe(false);
    expect(isLeech({ lapses: LEECH_LAPSES })).toBe(true);
    expect(isLeech({ lapses: LEECH_LAPSES + 3 })).toBe(true);
  });
});

describe("rateCard and dueAfterEachRating", () => {
  it("orders the four outcomes: Again ≤ Hard ≤ Good ≤ Easy, all in the future", () => {
    for (const card of [missedCard(), graduate(missedCard()), matureCard()]) {
      const now = card.due;
      const due = dueAfterEachRating(card, now);
      expect(due[Rating.Again].getTime()).toBeGreaterThan(now.getTime());
      expect(due[Rating.Again].getTime()).toBeLessThanOrEqual(due[Rating.Hard].getTime());
      expect(due[Rating.Hard].getTime()).toBeLessThanOrEqual(due[Rating.Good].getTime());
      expect(due[Rating.Good].getTime()).toBeLessThanOrEqual(due[Rating.Easy].getTime());
      for (const rating of GRADES) expect(rateCard(card, rating, now).due).toEqual(due[rating]);
    }
  });

  it("Again on a mature card is a lapse back to relearning within minutes; Easy grows the interval", () => {
    const card = matureCard();
    const again = rateCard(card, Rating.Again, card.due);
    expect(again.lapses).toBe(card.lapses + 1);
    expect(again.state).toBe(State.Relearning);
    expect(again.due.getTime() - card.due.getTime()).toBeLessThanOrEqual(60 * MINUTE);
    const easy = rateCard(card, Rating.Easy, card.due);
    expect(easy.scheduledDays).toBeGreaterThan(card.scheduledDays);
    expect(easy.reps).toBe(card.reps + 1);
  });

  it("studying ahead (rating before the due date) still schedules from now", () => {
    const card = matureCard();
    const early = at(card.due, -2 * DAY);
    const next = rateCard(card, Rating.Good, early);
    expect(next.lastReview).toEqual(early);
    expect(next.due.getTime()).toBeGreaterThan(early.getTime());
  });

  it("is deterministic (no fuzz): the same card and rating give the same state", () => {
    const card = matureCard();
    expect(rateCard(card, Rating.Hard, card.due)).toEqual(rateCard(card, Rating.Hard, card.due));
  });
});
