"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { RubricGradeInputSchema } from "@/lib/grading/rubric-grade";
import { findTaughtCohort } from "@/lib/instructor/cohort-access";
import {
  addComment,
  listComments,
  recordCommentUse,
  removeComment,
  type CommentBankEntry,
  CommentTextSchema,
} from "@/lib/instructor/comment-bank";
import { gradeResponseByRubric } from "@/lib/progress/instructor-review";

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const SaveGradeSchema = RubricGradeInputSchema.extend({ cohortId: Id, responseId: Id });
const EntrySchema = z.object({ entryId: Id });

/** Access and input errors (status < 500) become a message for the form; anything else is a real failure. */
function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof Error && "status" in error && typeof error.status === "number" && error.status < 500) {
    return { ok: false, error: error.message };
  }
  throw error;
}

const signedOut = { ok: false as const, error: "Your session ended. Sign in again as an instructor." };

/** Saves an instructor's rubric grade; the queue page re-renders without the answer in "waiting". */
export async function saveRubricGrade(input: unknown): Promise<ActionResult<{ score: number }>> {
  const user = await currentUser();
  if (!user) return signedOut;
  const parsed = SaveGradeSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the grade and try again." };
  const { cohortId, responseId, ...grade } = parsed.data;
  try {
    // The cohort check guards the page we revalidate; gradeResponseByRubric checks the learner itself.
    await findTaughtCohort(db(), user, cohortId);
    const saved = await gradeResponseByRubric(db(), user, responseId, grade);
    revalidatePath(`/instructor/cohorts/${cohortId}/grading`);
    return { ok: true, value: { score: saved.overrideScore ?? 0 } };
  } catch (error) {
    return failure(error);
  }
}

/** Saves a comment to the signed-in instructor's bank and returns the bank as it now is. */
export async function saveBankComment(input: unknown): Promise<ActionResult<CommentBankEntry[]>> {
  const user = await currentUser();
  if (!user) return signedOut;
  const parsed = z.object({ text: CommentTextSchema }).safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the comment." };
  try {
    await addComment(db(), user, parsed.data.text);
    return { ok: true, value: await listComments(db(), user) };
  } catch (error) {
    return failure(error);
  }
}

export async function removeBankComment(input: unknown): Promise<ActionResult<CommentBankEntry[]>> {
  const user = await currentUser();
  if (!user) return signedOut;
  const parsed = EntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That saved comment is unknown; reload the page." };
  try {
    await removeComment(db(), user, parsed.data.entryId);
    return { ok: true, value: await listComments(db(), user) };
  } catch (error) {
    return failure(error);
  }
}

/** Counts a use when the instructor inserts a saved comment into a grade. */
export async function countBankCommentUse(input: unknown): Promise<ActionResult<CommentBankEntry>> {
  const user = await currentUser();
  if (!user) return signedOut;
  const parsed = EntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That saved comment is unknown; reload the page." };
  try {
    return { ok: true, value: await recordCommentUse(db(), user, parsed.data.entryId) };
  } catch (error) {
    return failure(error);
  }
}
