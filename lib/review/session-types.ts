import type { Grade } from "ts-fsrs";
import type { PublicQuestion } from "@/lib/questions/public-view";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import type { CardKind } from "./queue";
import type { ReviewSettings } from "./settings";

/** What the browser gets about the card on screen (no key until it is answered). */
export type SessionCard = {
  cardId: string;
  kind: CardKind;
  /** The lesson the question belongs to, as a title-ish slug ("health checks"). */
  lesson: string;
  question: PublicQuestion;
  /** Set once the learner answered: the graded feedback (with the key) and the rating buttons. */
  revealed: RevealedCard | null;
};

export type RatingOption = {
  rating: Grade;
  label: string;
  /** When the card comes back with this rating, in words ("10 min", "3 days"). */
  interval: string;
  allowed: boolean;
};

export type RevealedCard = {
  feedback: QuestionFeedback;
  options: RatingOption[];
  /** What Space rates. */
  defaultRating: Grade;
};

export type ReviewSummary = {
  counts: Record<CardKind, number>;
  heldBack: { new: number; review: number };
  /** "in 3 hours", or null when nothing is scheduled. */
  nextDue: string | null;
  aheadAvailable: number;
  doneToday: { new: number; review: number };
  settings: ReviewSettings;
  ahead: boolean;
  /** The zone "today" is counted in (the daily limits reset at 04:00 there). */
  timeZone: string;
};
