import { State } from "ts-fsrs";
import type { ReviewSettings } from "./settings";

/** What the queue needs to know about a card. */
export type QueueCard = {
  id: string;
  due: Date;
  /** ts-fsrs State: New 0, Learning 1, Review 2, Relearning 3. */
  state: number;
  /** Null until first rated in /review: such a card is "new" whatever its FSRS state. */
  introducedAt: Date | null;
  createdAt: Date;
  /** Rated in /review since the day began: study ahead skips it (else a card rated ahead would return at once). */
  reviewedToday?: boolean;
};

export type CardKind = "new" | "learning" | "review";

/** Cards rated since the day began, by what they were when rated. */
export type DoneToday = { new: number; review: number };

/** When nothing else is left today, learning cards due this soon are shown at once (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** How far "study ahead" reaches: cards due within the next week. */
export const STUDY_AHEAD_MS = 7 * 24 * 60 * 60_000;

export function kindOf(card: Pick<QueueCard, "state" | "introducedAt">): CardKind {
  if (!card.introducedAt) return "new";
  return card.state === State.Learning || card.state === State.Relearning ? "learning" : "review";
}

export type ReviewQueue = {
  /** Today's cards in the order they are shown: learning, then reviews, then new cards. */
  cards: QueueCard[];
  counts: Record<CardKind, number>;
  /** Cards that are ready but wait for tomorrow because of the daily limits. */
  heldBack: { new: number; review: number };
  /** The earliest moment a card outside today's queue falls due (null: none scheduled). */
  nextDue: Date | null;
  /** Cards "study ahead" would offer now (outside today's queue, due within a week, or held back). */
  aheadAvailable: number;
};

const byDue = (a: QueueCard, b: QueueCard) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id);
const byCreated = (a: QueueCard, b: QueueCard) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/**
 * Today's queue, as Anki builds it: learning cards that are due are always shown (they are
 * minutes apart and part of one lesson), due reviews up to the review limit, new cards up to
 * the new-card limit; what the learner did earlier today counts against both limits.
 */
export function buildQueue(
  all: readonly QueueCard[],
  settings: ReviewSettings,
  done: DoneToday,
  now: Date,
): ReviewQueue {
  const dueReviews = all.filter((card) => kindOf(card) === "review" && card.due <= now).sort(byDue);
  const fresh = all.filter((card) => kindOf(card) === "new").sort(byCreated);
  const reviews = dueReviews.slice(0, Math.max(0, settings.reviewsPerDay - done.review));
  const news = fresh.slice(0, Math.max(0, settings.newPerDay - done.new));
  // A card just rated Again comes back in a minute: with nothing else to do, show it now.
  const learnUntil = now.getTime() + (reviews.length + news.length === 0 ? LEARN_AHEAD_MS : 0);
  const learning = all
    .filter((card) => kindOf(card) === "learning" && card.due.getTime() <= learnUntil)
    .sort(byDue);
  const cards = [...learning, ...reviews, ...news];
  const inQueue = new Set(cards.map((card) => card.id));
  const rest = all.filter((card) => !inQueue.has(card.id));
  const scheduled = rest.filter((card) => kindOf(card) !== "new").sort(byDue);
  return {
    cards,
    counts: { learning: learning.length, review: reviews.length, new: news.length },
    heldBack: { new: fresh.length - news.length, review: dueReviews.length - reviews.length },
    nextDue: scheduled.find((card) => card.due > now)?.due ?? null,
    aheadAvailable: studyAhead(all, inQueue, now).length,
  };
}

/**
 * "Study ahead", chosen by the learner once today's queue is empty: past the daily limits
 * (held-back reviews and new cards) and into cards due within the next week, earliest first;
 * new cards last. Cards already reviewed today are left out.
 */
export function studyAhead(all: readonly QueueCard[], exclude: ReadonlySet<string>, now: Date): QueueCard[] {
  const horizon = now.getTime() + STUDY_AHEAD_MS;
  const candidates = all.filter((card) => !exclude.has(card.id) && !card.reviewedToday);
  const scheduled = candidates
    .filter((card) => kindOf(card) !== "new" && card.due.getTime() <= horizon)
    .sort(byDue);
  const fresh = candidates.filter((card) => kindOf(card) === "new").sort(byCreated);
  return [...scheduled, ...fresh];
}

/** The card to show now: today's first, or with `ahead` the first study-ahead card. */
export function nextCard(
  all: readonly QueueCard[],
  queue: ReviewQueue,
  ahead: boolean,
  now: Date,
): QueueCard | null {
  if (queue.cards.length > 0) return queue.cards[0]!;
  if (!ahead) return null;
  return studyAhead(all, new Set(), now)[0] ?? null;
}
