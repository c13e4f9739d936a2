import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import type { CheckResult } from "@/lib/labs/result-types";

export type LabRunRecord = {
  labSlug: string;
  code: string;
  params: Record<string, number>;
  passed: boolean;
  checks: CheckResult[];
  headline: string;
  /** The learner had revealed the worked solution before this run. */
  afterReveal?: boolean;
};

/** Stores one server-verified run. `passed` must come from the server's own evaluation, never the browser. */
export async function recordLabRun(db: Db, actor: Actor, run: LabRunRecord) {
  return db.labRun.create({
    data: {
      userId: actor.id,
      labSlug: run.labSlug,
      code: run.code,
      params: JSON.stringify(run.params),
      passed: run.passed,
      verdict: JSON.stringify({ headline: run.headline, checks: run.checks }),
      afterReveal: run.afterReveal ?? false,
    },
  });
}

/** The actor's own runs, newest first. */
export async function listLabRuns(db: Db, actor: Actor, labSlug?: string) {
  return db.labRun.findMany({
    where: { userId: actor.id, ...(labSlug ? { labSlug } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** Labs the actor has passed at least once. */
export async function passedLabSlugs(db: Db, actor: Actor): Promise<Set<string>> {
  const rows = await db.labRun.findMany({
    where: { userId: actor.id, passed: true },
    select: { labSlug: true },
    distinct: ["labSlug"],
  });
  return new Set(rows.map((row) => row.labSlug));
}
