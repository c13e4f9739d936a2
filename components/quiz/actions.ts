"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ANON_COOKIE, currentLearner, ensureLearner, unclaimedAnonId } from "@/lib/auth/learner";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isDatabaseUnavailable, SAVING_PAUSED_MESSAGE } from "@/lib/db-errors";
import { AnswerSchema } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { metrics } from "@/lib/observability/metrics";
import {
  claimAnonymousAttempts,
  ConflictError,
  openAttempt,
  type Learner,
  recordPracticeCheck,
  revealPracticeAnswer,
  saveCheckedResponse,
  submitAttempt,
} from "@/lib/progress/attempts";
import { withAcceptedAnswersFromDb } from "@/lib/questions/accepted-answers";
import { getQuestionsById, getQuiz } from "@/lib/questions/bank";
import { feedbackFor } from "@/lib/questions/feedback";
import { practiceFeedback, type PracticeFeedback } from "@/lib/questions/practice";
import type { Question } from "@/lib/questions/schema";
import { answerProblem } from "@/lib/questions/validate-answer";

export type ActionResult<T> =
  | { ok: true; value: T }
  /** `retryable`: the database is away (not the answer's fault); the browser keeps it and retries. */
  | { ok: false; error: string; retryable?: true };

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const StartSchema = z.object({ quizSlug: Id, mode: z.enum(["practice", "check"]) });
const SaveSchema = z.object({ attemptId: Id, questionId: Id, answer: AnswerSchema });

function failure(error: unknown): { ok: false; error: string; retryable?: true } {
  if (isDatabaseUnavailable(error)) return { ok: false, error: SAVING_PAUSED_MESSAGE, retryable: true };
  if (error instanceof Error && "status" in error && typeof error.status === "number" && error.status < 500) {
    return { ok: false, error: error.message };
  }
  throw error;
}

/** Bank questions with the answers instructors accepted for everyone: every grading call below goes through here. */
async function questionsOf(
  questionIds: string[],
  learner: Learner,
): Promise<Map<string, { question: Question; quiz: string }>> {
  // Answers accepted in a cohort grade only that cohort's learners; course-wide ones grade everyone.
  const userId = learner.kind === "user" ? learner.id : null;
  return withAcceptedAnswersFromDb(db(), await getQuestionsById(questionIds), userId);
}

function textOf(answer: { type: string; text?: string } | null): string {
  return answer?.type === "interview" ? (answer.text ?? "") : "";
}

/** Starts (or resumes) an attempt at a lesson's question set and opens it. */
export async function startQuizAttempt(formData: FormData): Promise<void> {
  const parsed = StartSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/practice?error=unknown-quiz");
  const quiz = await getQuiz(parsed.data.quizSlug);
  if (!quiz) redirect("/practice?error=unknown-quiz");
  const learner = await ensureLearner();
  const attempt = await openAttempt(db(), learner, {
    quizSlug: quiz.lesson,
    kind: "lesson",
    mode: parsed.data.mode,
    questionIds: quiz.questions.map((question) => question.id),
    seed: Math.floor(Math.random() * 2 ** 31),
  });
  redirect(`/practice/${quiz.lesson}/attempts/${attempt.id}`);
}

/** Validates an answer sent by the browser: its shape, who sends it, and that it fits its question. */
async function prepareAnswer(input: unknown) {
  const parsed = SaveSchema.safeParse(input);
  if (!parsed.success) return failWith("That answer could not be read; reload the page and try again.");
  const learner = await currentLearner();
  if (!learner) return failWith("Your session has ended; reload the page to continue.");
  const { attemptId, questionId, answer } = parsed.data;
  // The bank alone says whether the answer fits; accepted answers matter only where it is graded.
  const found = (await getQuestionsById([questionId])).get(questionId);
  if (!found) return failWith("That question does not exist.");
  const problem = answerProblem(found.question, answer);
  if (problem) return failWith(problem.message);
  return { ok: true as const, value: { learner, attemptId, questionId, answer, found } };
}

function failWith(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** Autosave of one answer. Idempotent: saving the same answer twice stores it once. */
export async function saveAnswer(input: unknown): Promise<ActionResult<{ savedAt: string }>> {
  try {
    const prepared = await prepareAnswer(input);
    if (!prepared.ok) return prepared;
    const { learner, attemptId, answer, found } = prepared.value;
    const saved = await saveCheckedResponse(db(), learner, attemptId, found.question, answer);
    return { ok: true, value: { savedAt: saved.updatedAt.toISOString() } };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Practice mode: grade one answer now. A wrong answer gets right/wrong, the
 * near-miss marks and the next hint; the key only once the question is finished.
 */
export async function checkAnswer(input: unknown): Promise<ActionResult<PracticeFeedback>> {
  const prepared = await prepareAnswer(input);
  if (!prepared.ok) return prepared;
  const { learner, attemptId, questionId, answer } = prepared.value;
  try {
    const found = (await questionsOf([questionId], learner)).get(questionId)!;
    const graded = gradeAnswer(found.question, answer);
    let shown: PracticeFeedback | null = null;
    await recordPracticeCheck(db(), learner, attemptId, questionId, (state) => {
      shown = practiceFeedback(found.question, graded, found.quiz, { ...state, givenText: textOf(answer) });
      return { answerJson: JSON.stringify(answer), score: graded.score, feedbackJson: JSON.stringify(shown) };
    });
    return { ok: true, value: shown! };
  } catch (error) {
    return failure(error);
  }
}

const RevealSchema = z.object({ attemptId: Id, questionId: Id });

/** Practice mode "Show answer": ends the question's tries and shows the key; recorded for instructors. */
export async function revealAnswer(input: unknown): Promise<ActionResult<PracticeFeedback>> {
  const parsed = RevealSchema.safeParse(input);
  if (!parsed.success) return failWith("That question could not be read; reload the page and try again.");
  const learner = await currentLearner();
  if (!learner) return failWith("Your session has ended; reload the page to continue.");
  const { attemptId, questionId } = parsed.data;
  try {
    const found = (await questionsOf([questionId], learner)).get(questionId);
    if (!found) return failWith("That question does not exist.");
    let shown: PracticeFeedback | null = null;
    await revealPracticeAnswer(db(), learner, attemptId, questionId, (state, savedJson) => {
      const parsedAnswer = savedJson ? AnswerSchema.safeParse(safeJson(savedJson)) : null;
      const given =
        parsedAnswer?.success && !answerProblem(found.question, parsedAnswer.data) ? parsedAnswer.data : null;
      const graded = gradeAnswer(found.question, given);
      shown = practiceFeedback(found.question, graded, found.quiz, { ...state, givenText: textOf(given) });
      return { answerJson: savedJson ?? "null", score: graded.score, feedbackJson: JSON.stringify(shown) };
    });
    return { ok: true, value: shown! };
  } catch (error) {
    return failure(error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Grades the whole attempt once; a second submit returns the first result. */
export async function submitQuiz(
  input: unknown,
): Promise<ActionResult<{ attemptId: string; alreadySubmitted: boolean }>> {
  const parsed = z.object({ attemptId: Id }).safeParse(input);
  if (!parsed.success) return { ok: false, error: "That attempt could not be read; reload the page." };
  try {
    const learner = await currentLearner();
    if (!learner) return { ok: false, error: "Your session has ended; reload the page to continue." };
    const attempt = await db().quizAttempt.findUnique({
      where: { id: parsed.data.attemptId },
      select: { questionIds: true, quizSlug: true, mode: true },
    });
    if (!attempt) return { ok: false, error: "That attempt does not exist." };
    const questionIds = JSON.parse(attempt.questionIds) as string[];
    const questions = await questionsOf(questionIds, learner);
    const result = await submitAttempt(db(), learner, parsed.data.attemptId, (answers) =>
      questionIds.flatMap((questionId) => {
        const found = questions.get(questionId);
        if (!found) return [];
        const raw = answers.get(questionId);
        const answer = raw ? AnswerSchema.safeParse(safeJson(raw)) : null;
        // Rows written before answers were validated may not fit: they grade as unanswered.
        const given = answer?.success && !answerProblem(found.question, answer.data) ? answer.data : null;
        const graded = gradeAnswer(found.question, given);
        return [
          {
            questionId,
            answerJson: raw ?? "null",
            score: graded.score,
            feedbackJson: JSON.stringify(feedbackFor(found.question, graded, found.quiz, textOf(given))),
          },
        ];
      }),
    );
    if (!result.alreadySubmitted)
      metrics().quizSubmissions.inc({ quiz: attempt.quizSlug, mode: attempt.mode });
    return {
      ok: true,
      value: { attemptId: parsed.data.attemptId, alreadySubmitted: result.alreadySubmitted },
    };
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, error: error.message };
    return failure(error);
  }
}

/** After sign-in: attempts made anonymously in this browser join the account. */
export async function claimAnonymousWork(): Promise<ActionResult<{ claimed: number }>> {
  const user = await currentUser();
  const anonId = await unclaimedAnonId();
  if (!user || !anonId) return { ok: true, value: { claimed: 0 } };
  const claimed = await claimAnonymousAttempts(db(), user.id, anonId);
  (await cookies()).delete(ANON_COOKIE);
  return { ok: true, value: { claimed } };
}
