import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";

/** The scheduling fields we store per learner and question (see ReviewCard in the schema). */
export type CardState = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

const scheduler = fsrs({ enable_fuzz: false });

function toCard(state: CardState): Card {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview ?? undefined,
  };
}

function fromCard(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** Full marks count as remembered ("Good"); anything less as forgotten ("Again"). */
export function ratingFor(score: number): Grade {
  return score >= 1 ? Rating.Good : Rating.Again;
}

/**
 * The next state of a question's review card after an answer. A question
 * without a card gets one only when it was missed: cards are for mistakes.
 */
export function nextCardState(current: CardState | null, score: number, now: Date): CardState | null {
  if (!current && score >= 1) return null;
  const card = current ? toCard(current) : createEmptyCard(now);
  return fromCard(scheduler.next(card, now, ratingFor(score)).card);
}

/** The ratings a learner can give in /review (ts-fsrs Grade: Again 1, Hard 2, Good 3, Easy 4). */
export const GRADES = [
  Rating.Again,
  Rating.Hard,
  Rating.Good,
  Rating.Easy,
] as const satisfies readonly Grade[];

/** The next state after the learner rated the card in /review (the rating is already capped). */
export function rateCard(current: CardState, rating: Grade, now: Date): CardState {
  return fromCard(scheduler.next(toCard(current), now, rating).card);
}

/** When the card would next be due for each rating: shown on the rating buttons before choosing. */
export function dueAfterEachRating(current: CardState, now: Date): Record<Grade, Date> {
  const outcomes = scheduler.repeat(toCard(current), now);
  return {
    [Rating.Again]: outcomes[Rating.Again].card.due,
    [Rating.Hard]: outcomes[Rating.Hard].card.due,
    [Rating.Good]: outcomes[Rating.Good].card.due,
    [Rating.Easy]: outcomes[Rating.Easy].card.due,
  } as Record<Grade, Date>;
}

/** A card the learner keeps missing: worth an instructor's attention. */
export const LEECH_LAPSES = 4;
export function isLeech(state: Pick<CardState, "lapses">): boolean {
  return state.lapses >= LEECH_LAPSES;
}
