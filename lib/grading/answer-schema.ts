import { z } from "zod";

/** What a learner submits for one question; validated at every boundary. */
export const AnswerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("fill-in"), blanks: z.array(z.string().max(200)).max(6) }),
  z.object({ type: z.literal("true-false"), value: z.boolean() }),
  z.object({ type: z.literal("multiple-choice"), selected: z.array(z.string().regex(/^[a-z]$/)).max(6) }),
  z.object({ type: z.literal("interview"), text: z.string().max(6000) }),
]);

export type Answer = z.infer<typeof AnswerSchema>;
