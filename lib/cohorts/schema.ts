import { z } from "zod";

export const COHORT_NAME_MIN = 3;
export const COHORT_NAME_MAX = 80;

/** A cohort's name as an instructor types it: spaces at the ends and runs of spaces do not count. */
export const CohortNameSchema = z
  .string({ error: "Give the cohort a name." })
  .transform((name) => name.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(COHORT_NAME_MIN, `Use at least ${COHORT_NAME_MIN} characters for the name.`)
      .max(COHORT_NAME_MAX, `Keep the name to ${COHORT_NAME_MAX} characters or fewer.`),
  );

/** What a learner types; joinCohort normalises and checks the code itself. */
export const JoinCodeInputSchema = z
  .string({ error: "Type the join code your instructor gave you." })
  .trim()
  .min(1, "Type the join code your instructor gave you.")
  .max(40, "That is longer than any join code: check it with your instructor.");
