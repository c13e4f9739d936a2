import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import type { Actor } from "@/lib/access";
import type { Db } from "@/lib/db";
import { recordLabRun } from "@/lib/progress/labs";
import { getLab } from "./catalog";
import { evaluateLab } from "./evaluate";
import type { LabResult } from "./result-types";

export type Verification =
  { ok: true; result: LabResult; recorded: boolean } | { ok: false; status: 400 | 404; error: string };

/**
 * The server's side of "submit solution": re-runs the same engine and sandbox
 * on the submitted code or settings and records the run with the server's own
 * verdict. Whatever the browser claims about its result is not an input.
 */
export async function verifyAndRecord(
  db: Db,
  actor: Actor | null,
  input: unknown,
  quickjs: QuickJSWASMModule,
): Promise<Verification> {
  const labSlug =
    typeof input === "object" && input !== null ? (input as { labSlug?: unknown }).labSlug : undefined;
  if (typeof labSlug !== "string")
    return { ok: false, status: 400, error: "Say which lab this solution is for (labSlug)." };
  const lab = getLab(labSlug);
  if (!lab) return { ok: false, status: 404, error: `There is no lab called “${labSlug}”.` };

  const result = evaluateLab(lab, input, quickjs);
  if (!actor) return { ok: true, result, recorded: false };
  const submission = input as { code?: string; params?: Record<string, number> };
  await recordLabRun(db, actor, {
    labSlug: lab.slug,
    code: typeof submission.code === "string" ? submission.code.slice(0, 20_000) : "",
    params: submission.params && typeof submission.params === "object" ? submission.params : {},
    passed: result.passed,
    checks: result.checks,
    headline: result.headline,
  });
  return { ok: true, result, recorded: true };
}
