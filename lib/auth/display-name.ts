import { z } from "zod";

export const NAME_MAX = 100;

// C0 and C1 control characters, DEL, and the bidi overrides/isolates that can disguise a name.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A display name as stored: trimmed, 1–100 characters, no control characters. */
export const DisplayNameSchema = z
  .string("Enter your name.")
  .trim()
  .min(1, "Enter your name.")
  .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`)
  .refine((name) => !CONTROL.test(name), "Use letters, digits, spaces and punctuation only.");
