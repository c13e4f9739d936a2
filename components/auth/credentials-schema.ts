import { z } from "zod";
import { DisplayNameSchema } from "@/lib/auth/display-name";

// Trim before validating: people paste addresses with spaces around them.
const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const SignInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password."),
});

export const SignUpSchema = z.object({
  name: DisplayNameSchema,
  email: emailField,
  password: z
    .string()
    .min(8, "Use a password of at least 8 characters.")
    .max(128, "Use a password of at most 128 characters."),
});

export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
