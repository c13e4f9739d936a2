import { z } from "zod";
import { CHECK_IDS } from "@/lib/sim/dockerfile/schema";

/**
 * Pass criteria of the text labs (a rule, a query, a Dockerfile or commands at a prompt), as data.
 * They join the shared CheckSchema as the "text" family; each names the run or the item it reads.
 */
const Label = { label: z.string().min(3).optional() };
const Ms = z.number().int().min(0);

export const textChecks = [
  /** The alert rule first fires within `withinMs` of the run's incident starting. */
  z.strictObject({ type: z.literal("alert-fires-within"), run: z.string().min(1), withinMs: Ms.min(1), ...Label }),
  /** The alert rule never fires during the run (it may go pending). */
  z.strictObject({ type: z.literal("alert-stays-quiet"), run: z.string().min(1), ...Label }),
  /**
   * At `atMs`, the query gives exactly one value per `by` label value, each within `tolerance`
   * (relative) of the scenario's reference query.
   */
  z.strictObject({
    type: z.literal("query-per-label"),
    atMs: Ms,
    by: z.string().min(1),
    tolerance: z.number().positive().max(0.5).default(0.01),
    ...Label,
  }),
  /** One of the Dockerfile checker's checks (lib/sim/dockerfile). */
  z.strictObject({ type: z.literal("dockerfile"), check: z.enum(CHECK_IDS), ...Label }),
  /** A backup file is in the learner's working directory when the commands are done. */
  z.strictObject({ type: z.literal("backup-file"), ...Label }),
  /** The restored container answers for every order the backup claims to hold: none lost or corrupt. */
  z.strictObject({ type: z.literal("restore-complete"), ...Label }),
  /** At most `max` orders failed because the database was not running. */
  z.strictObject({ type: z.literal("orders-failed"), max: z.number().int().min(0), ...Label }),
  z.strictObject({ type: z.literal("incident-cause"), ...Label }),
  z.strictObject({ type: z.literal("incident-fix"), ...Label }),
] as const;

type TextCheckSchema = (typeof textChecks)[number];
export type TextCheck = z.output<TextCheckSchema>;
export type TextCheckOf<T extends TextCheck["type"]> = Extract<TextCheck, { type: T }>;
