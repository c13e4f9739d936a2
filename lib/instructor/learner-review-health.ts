// How a learner's spaced-repetition queue is doing. Pure.

/** A card forgotten this many times is a leech: the question keeps failing and needs another approach. */
export const LEECH_LAPSES = 4;

export type ReviewCardFacts = { questionId: string; due: Date; stability: number; lapses: number };

export type ReviewHealth = {
  total: number;
  dueNow: number;
  /** Most lapses first. */
  leeches: Array<{ questionId: string; lapses: number }>;
  /** Mean FSRS stability in days (how long a memory lasts at 90 % recall), null without cards. */
  averageStability: number | null;
};

export function reviewHealth(cards: readonly ReviewCardFacts[], now: Date): ReviewHealth {
  return {
    total: cards.length,
    dueNow: cards.filter((card) => card.due.getTime() <= now.getTime()).length,
    leeches: cards
      .filter((card) => card.lapses >= LEECH_LAPSES)
      .map(({ questionId, lapses }) => ({ questionId, lapses }))
      .sort((a, b) => b.lapses - a.lapses || a.questionId.localeCompare(b.questionId)),
    averageStability:
      cards.length === 0 ? null : cards.reduce((sum, card) => sum + card.stability, 0) / cards.length,
  };
}
