import { z } from "zod";

export const RoleSchema = z.enum(["learner", "instructor"]);
export type Role = z.infer<typeof RoleSchema>;

/** Unknown or missing roles fall back to the least privileged one. */
export function parseRole(value: unknown): Role {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? parsed.data : "learner";
}
