"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isDatabaseUnavailable, SAVING_PAUSED_MESSAGE } from "@/lib/db-errors";
import { AnswerSchema } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { withAcceptedAnswersFromDb } from "@/lib/questions/accepted-answers";
import { getQuestionsById } from "@/lib/questions/bank";
import { feedbackFor, type QuestionFeedback } from "@/lib/questions/feedback";
import { answerProblem } from "@/lib/questions/validate-answer";
import { answerReviewCard, rateReviewCard, saveReviewSettings } from "@/lib/progress/review";
import { dueInWords } from "@/lib/review/due-words";
import { RATING_LABELS } from "@/lib/review/rating";
import type { RevealedCard, ReviewSummary, SessionCard } from "@/lib/review/session-types";
import { ReviewSettingsSchema } from "@/lib/review/settings";
import { loadSession, revealedCard } from "./load-session";

export type ReviewResult<T> = { ok: true; value: T } | { ok: false; error: string };

const CardId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** `answer: null` is "show the answer" without answering: graded as blank, so a miss. */
const AnswerInput = z.object({ cardId: CardId, answer: AnswerSchema.nullable() });
const RateInput = z.object({ cardId: CardId, rating: z.number().int().min(1).max(4), ahead: z.boolean() });

const SIGNED_OUT = "Your session has ended; sign in again to keep reviewing.";

function failure(error: unknown): { ok: false; error: string } {
  if (isDatabaseUnavailable(error)) return { ok: false, error: SAVING_PAUSED_MESSAGE };
  if (error instanceof Error && "status" in error && typeof error.status === "number" && error.status < 500)
    return { ok: false, error: error.message };
  throw error;
}

/** Grades the answer to the card on screen (on the server, as quizzes are) and returns the key and ratings. */
export async function answerCard(input: unknown): Promise<ReviewResult<RevealedCard>> {
  const parsed = AnswerInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: "That answer could not be read; reload the page and try again." };
  const user = await currentUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  const { cardId, answer } = parsed.data;
  try {
    const now = new Date();
    const { card, log } = await answerReviewCard(
      db(),
      user.id,
      cardId,
      async (questionId) => {
        const found = (
          await withAcceptedAnswersFromDb(db(), await getQuestionsById([questionId]), user.id)
        ).get(questionId);
        if (!found)
          throw Object.assign(new Error("That question is no longer in the course."), { status: 404 });
        const problem = answer ? answerProblem(found.question, answer) : null;
        if (problem) throw Object.assign(new Error(problem.message), { status: 400 });
        const graded = gradeAnswer(found.question, answer);
        const text = answer?.type === "interview" ? answer.text : "";
        const feedback = feedbackFor(found.question, graded, found.quiz, text);
        return {
          answerJson: JSON.stringify(answer),
          score: graded.score,
          feedbackJson: JSON.stringify(feedback),
        };
      },
      now,
    );
    return { ok: true, value: revealedCard(card, JSON.parse(log.feedback) as QuestionFeedback, now) };
  } catch (error) {
    return failure(error);
  }
}

export type Rated = { message: string; next: SessionCard | null; summary: ReviewSummary };

/** Rates the answered card (held to what its score allows), then hands back the next card. */
export async function rateCard(input: unknown): Promise<ReviewResult<Rated>> {
  const parsed = RateInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: "That rating could not be read; use Again, Hard, Good or Easy." };
  const user = await currentUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  try {
    const now = new Date();
    const { rating, due } = await rateReviewCard(
      db(),
      user.id,
      parsed.data.cardId,
      parsed.data.rating as 1 | 2 | 3 | 4,
      now,
    );
    const { card, summary } = await loadSession(user.id, parsed.data.ahead, now);
    const message = `${RATING_LABELS[rating]}: this card comes back ${dueInWords(due, now)}.`;
    return { ok: true, value: { message, next: card, summary } };
  } catch (error) {
    return failure(error);
  }
}

export type SettingsState = { status: "idle" | "saved" | "error"; message: string };

/** The daily-limits form (works without JavaScript). */
export async function saveReviewLimits(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const user = await currentUser();
  if (!user) return { status: "error", message: SIGNED_OUT };
  const parsed = ReviewSettingsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]!.message };
  try {
    await saveReviewSettings(db(), user.id, parsed.data);
  } catch (error) {
    return { status: "error", message: failure(error).error };
  }
  revalidatePath("/review");
  return {
    status: "saved",
    message: `Saved: ${parsed.data.newPerDay} new cards and ${parsed.data.reviewsPerDay} reviews a day.`,
  };
}
