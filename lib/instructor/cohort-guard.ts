import "server-only";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { requireRole, type SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { db } from "@/lib/db";
import { findTaughtCohort, type TaughtCohort } from "./cohort-access";

/** Once per request: the cohort layout and its page both ask. */
const taughtCohort = cache((userId: string, role: SessionUser["role"], cohortId: string) =>
  findTaughtCohort(db(), { id: userId, role }, cohortId),
);

/**
 * For instructor pages under /instructor/cohorts/[cohortId]: signed-in instructor who teaches this
 * cohort, or HTTP 403 (app/forbidden.tsx). An unknown cohort id is 404. Route handlers use
 * cohortAccessForRequest instead, which answers with a status rather than a page.
 */
export async function requireTaughtCohort(
  cohortId: string,
  returnTo: string,
): Promise<{ user: SessionUser; cohort: TaughtCohort }> {
  const user = await requireRole("instructor", returnTo);
  try {
    const cohort = await taughtCohort(user.id, user.role, cohortId);
    return { user, cohort };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
