import { z } from "zod";

/** Anki's defaults are 20 new / 200 reviews; a one-chapter course needs fewer. */
export const DEFAULT_REVIEW_SETTINGS = { newPerDay: 10, reviewsPerDay: 100 } as const;

export type ReviewSettings = { newPerDay: number; reviewsPerDay: number };

const limit = (max: number, what: string) =>
  z.coerce
    .number({ error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .max(max, `${what} can be at most ${max}.`);

/** The settings form (strings from FormData are coerced). 0 new cards a day pauses new cards. */
export const ReviewSettingsSchema = z.object({
  newPerDay: limit(999, "New cards per day"),
  reviewsPerDay: limit(9999, "Reviews per day"),
});
