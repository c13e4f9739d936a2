import { State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  buildQueue,
  kindOf,
  LEARN_AHEAD_MS,
  nextCard,
  STUDY_AHEAD_MS,
  studyAhead,
  type QueueCard,
} from "./queue";

const NOW = new Date("2026-05-10T12:00:00.000Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const LIMITS = { newPerDay: 10, reviewsPerDay: 100 };
const NONE = { new: 0, review: 0 };

let seq = 0;
function card(kind: "new" | "learning" | "review" | "relearning", dueIn: number, createdAgo = 0): QueueCard {
  seq += 1;
  const state = {
    new: State.Learning,
    learning: State.Learning,
    review: State.Review,
    relearning: State.Relearning,
  }[kind];
  return {
    id: `c${String(seq).padStart(3, "0")}-${kind}`,
    due: at(dueIn),
    state,
    introducedAt: kind === "new" ? null : at(-10 * DAY),
    createdAt: at(-createdAgo),
  };
}
const ids = (cards: QueueCard[]) => cards.map((c) => c.id);

describe("kindOf", () => {
  it("calls a card never rated in review new, whatever its FSRS state", () => {
    for (const state of [State.New, State.Learning, State.Review, State.Relearning])
      expect(kindOf({ state, introducedAt: null })).toBe("new");
  });
  it("tells learning (and relearning) from review once introduced", () => {
    const introducedAt = NOW;
    expect(kindOf({ state: State.Learning, introducedAt })).toBe("learning");
    expect(kindOf({ state: State.Relearning, introducedAt })).toBe("learning");
    expect(kindOf({ state: State.Review, introducedAt })).toBe("review");
    expect(kindOf({ state: State.New, introducedAt })).toBe("review");
  });
});

describe("buildQueue", () => {
  it("is empty with no cards", () => {
    const queue = buildQueue([], LIMITS, NONE, NOW);
    expect(queue).toEqual({
      cards: [],
      counts: { new: 0, learning: 0, review: 0 },
      heldBack: { new: 0, review: 0 },
      nextDue: null,
      aheadAvailable: 0,
    });
  });

  it("orders due learning cards, then due reviews by due date, then new cards oldest first", () => {
    const review2 = card("review", -1 * DAY);
    const review1 = card("review", -3 * DAY);
    const learning = card("relearning", -MIN);
    const newer = card("new", 0, 1 * DAY);
    const older = card("new", 0, 5 * DAY);
    const future = card("review", 2 * DAY);
    const queue = buildQueue([review2, newer, future, learning, older, review1], LIMITS, NONE, NOW);
    expect(ids(queue.cards)).toEqual(ids([learning, review1, review2, older, newer]));
    expect(queue.counts).toEqual({ learning: 1, review: 2, new: 2 });
    expect(queue.nextDue).toEqual(future.due);
    expect(queue.heldBack).toEqual({ new: 0, review: 0 });
  });

  it("holds reviews and new cards back at the daily limits, counting what was done today", () => {
    const reviews = [card("review", -3 * DAY), card("review", -2 * DAY), card("review", -DAY)];
    const news = [card("new", 0, 3), card("new", 0, 2), card("new", 0, 1)];
    const queue = buildQueue(
      [...reviews, ...news],
      { newPerDay: 2, reviewsPerDay: 5 },
      { new: 1, review: 3 },
      NOW,
    );
    expect(ids(queue.cards)).toEqual(ids([reviews[0]!, reviews[1]!, news[0]!]));
    expect(queue.heldBack).toEqual({ new: 2, review: 1 });
    // Held-back cards are what study ahead offers first.
    expect(queue.aheadAvailable).toBe(3);
  });

  it("never shows more than the limit even when more was done than allowed (limit lowered later)", () => {
    const queue = buildQueue(
      [card("review", -DAY), card("new", 0)],
      { newPerDay: 1, reviewsPerDay: 1 },
      { new: 4, review: 9 },
      NOW,
    );
    expect(queue.cards).toEqual([]);
    expect(queue.heldBack).toEqual({ new: 1, review: 1 });
  });

  it("a limit of 0 pauses that kind; learning cards are never limited", () => {
    const learning = card("learning", -MIN);
    const queue = buildQueue(
      [learning, card("new", 0), card("review", -DAY)],
      { newPerDay: 0, reviewsPerDay: 0 },
      NONE,
      NOW,
    );
    expect(ids(queue.cards)).toEqual([learning.id]);
  });

  it("shows a learning card due within the learn-ahead limit only when nothing else is left", () => {
    const soon = card("learning", LEARN_AHEAD_MS - MIN);
    const tooLate = card("learning", LEARN_AHEAD_MS + MIN);
    expect(ids(buildQueue([soon, tooLate], LIMITS, NONE, NOW).cards)).toEqual([soon.id]);
    const review = card("review", -DAY);
    expect(ids(buildQueue([soon, review], LIMITS, NONE, NOW).cards)).toEqual([review.id]);
    expect(buildQueue([tooLate], LIMITS, NONE, NOW).nextDue).toEqual(tooLate.due);
  });

  it("reports the next due time of scheduled cards, ignoring new ones", () => {
    const queue = buildQueue(
      [card("new", 0), card("review", 5 * DAY), card("review", 2 * DAY)],
      { newPerDay: 0, reviewsPerDay: 10 },
      NONE,
      NOW,
    );
    expect(queue.nextDue).toEqual(at(2 * DAY));
  });
});

describe("studyAhead", () => {
  it("offers cards due within a week, earliest first, then new cards, and nothing already queued", () => {
    const inTwoDays = card("review", 2 * DAY);
    const inAnHour = card("learning", 60 * MIN);
    const nextMonth = card("review", 30 * DAY);
    const edge = card("review", STUDY_AHEAD_MS);
    const fresh = card("new", 0);
    const queued = card("review", -DAY);
    const ahead = studyAhead(
      [inTwoDays, nextMonth, fresh, inAnHour, queued, edge],
      new Set([queued.id]),
      NOW,
    );
    expect(ids(ahead)).toEqual(ids([inAnHour, inTwoDays, edge, fresh]));
  });
});

describe("studyAhead skips what was reviewed today", () => {
  it("so a card rated ahead does not come straight back", () => {
    const rated = { ...card("review", 3 * DAY), reviewedToday: true };
    const other = card("review", 4 * DAY);
    expect(ids(studyAhead([rated, other], new Set(), NOW))).toEqual([other.id]);
    expect(buildQueue([rated, other], LIMITS, NONE, NOW).aheadAvailable).toBe(1);
  });
});

describe("nextCard", () => {
  it("is today's first card, or null when done and not studying ahead", () => {
    const due = card("review", -DAY);
    const later = card("review", 3 * DAY);
    const all = [later, due];
    expect(nextCard(all, buildQueue(all, LIMITS, NONE, NOW), false, NOW)?.id).toBe(due.id);
    expect(nextCard([later], buildQueue([later], LIMITS, NONE, NOW), false, NOW)).toBeNull();
  });

  it("with study ahead, is the earliest card within the week", () => {
    const a = card("review", 3 * DAY);
    const b = card("review", DAY);
    const all = [a, b];
    expect(nextCard(all, buildQueue(all, LIMITS, NONE, NOW), true, NOW)?.id).toBe(b.id);
    const far = card("review", 60 * DAY);
    expect(nextCard([far], buildQueue([far], LIMITS, NONE, NOW), true, NOW)).toBeNull();
  });

  it("with study ahead, still takes today's cards first", () => {
    const due = card("review", -DAY);
    const soon = card("review", DAY);
    const all = [soon, due];
    expect(nextCard(all, buildQueue(all, LIMITS, NONE, NOW), true, NOW)?.id).toBe(due.id);
  });
});
