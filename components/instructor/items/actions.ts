"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  AcceptAnswerSchema,
  acceptAnswerForEveryone,
  RemoveAcceptedAnswerSchema,
  removeAcceptedAnswer,
} from "@/lib/instructor/accept-answer";
import { loadQuizzes } from "@/lib/questions/bank";
import { itemsPath } from "./format";

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Access and input errors (status < 500) become a message next to the button; anything else is a real failure. */
function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof Error && "status" in error && typeof error.status === "number" && error.status < 500) {
    return { ok: false, error: error.message };
  }
  throw error;
}

const signedOut = { ok: false as const, error: "Your session ended. Sign in again as an instructor." };

/** "Accept for everyone": stores the answer and regrades every past submitted response to the question. */
export async function acceptTypedAnswer(input: unknown): Promise<ActionResult<{ changed: number }>> {
  const user = await currentUser();
  if (!user) return signedOut;
  const parsed = AcceptAnswerSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues[0]?.message ?? "That answer could not be read; reload the page.",
    };
  try {
    const result = await acceptAnswerForEveryone(db(), user, parsed.data, await loadQuizzes());
    // Every cohort's figures change (the answer is global); this cohort's pages are the ones open now.
    revalidatePath(itemsPath(parsed.data.cohortId), "layout");
    return { ok: true, value: { changed: result.changed } };
  } catch (error) {
    return failure(error);
  }
}

/** Undo: the answer is no longer accepted; past responses are regraded without it. */
export async function removeAcceptedTypedAnswer(input: unknown): Promise<ActionResult<{ changed: number }>> {
  const user = await currentUser();
  if (!user) return signedOut;
  const parsed = RemoveAcceptedAnswerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That accepted answer is unknown; reload the page." };
  try {
    const result = await removeAcceptedAnswer(db(), user, parsed.data, await loadQuizzes());
    revalidatePath(itemsPath(parsed.data.cohortId), "layout");
    return { ok: true, value: { changed: result.changed } };
  } catch (error) {
    return failure(error);
  }
}
