import "server-only";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { db } from "@/lib/db";
import { findTaughtCohort, type TaughtCohort } from "./cohort-access";

type Access = { ok: true; user: SessionUser; cohort: TaughtCohort } | { ok: false; response: Response };

const refuse = (status: number, error: string) => ({
  ok: false as const,
  response: Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } }),
});

/** For instructor route handlers (exports): 401 signed out, 403 not this cohort's instructor, 404 unknown cohort. */
export async function cohortAccessForRequest(cohortId: string): Promise<Access> {
  const user = await currentUser();
  if (!user) return refuse(401, "Sign in as an instructor to download this.");
  try {
    const cohort = await findTaughtCohort(db(), user, cohortId);
    return { ok: true, user, cohort };
  } catch (error) {
    if (error instanceof ForbiddenError) return refuse(403, error.message);
    if (error instanceof NotFoundError) return refuse(404, error.message);
    throw error;
  }
}
