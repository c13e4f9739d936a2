"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { normaliseJoinCode } from "./join-code";
import { createCohort, joinCohort, type CohortSummary } from "./queries";
import { CohortNameSchema, JoinCodeInputSchema } from "./schema";

export type FormResult<T> = { ok: true; value: T } | { ok: false; error: string } | null;

/** Instructor page: creates a cohort and makes its join code available to share. */
export async function createCohortAction(
  _previous: FormResult<CohortSummary>,
  formData: FormData,
): Promise<FormResult<CohortSummary>> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended: sign in again to create a cohort." };
  if (user.role !== "instructor") return { ok: false, error: "Only instructors can create cohorts." };
  const parsed = CohortNameSchema.safeParse(formData.get("name") ?? undefined);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the name." };
  const cohort = await createCohort(db(), user, parsed.data);
  revalidatePath("/instructor");
  return { ok: true, value: cohort };
}

const JoinSchema = z.object({ code: JoinCodeInputSchema });

/** /join and /join/<code>: joins (idempotently) and shows the cohort's page with a confirmation. */
export async function joinCohortAction(
  _previous: FormResult<never>,
  formData: FormData,
): Promise<FormResult<never>> {
  const parsed = JoinSchema.safeParse({ code: formData.get("code") ?? undefined });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the code." };
  const code = normaliseJoinCode(parsed.data.code);
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/join/${code}`)}`);
  try {
    await joinCohort(db(), user, code);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return { ok: false, error: `${error.message}.` };
    throw error;
  }
  revalidatePath("/join");
  redirect(`/join/${code}?joined=1`);
}
