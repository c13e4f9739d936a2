"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { authErrorMessage } from "./auth-messages";
import { fieldErrors, SignUpSchema, type FieldErrors } from "./credentials-schema";
import { refreshSessionUser } from "@/components/site/use-session-user";
import { Field } from "./field";

export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = SignUpSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    const { error } = await authClient.signUp.email(parsed.data);
    if (error) {
      setPending(false);
      setFormError(authErrorMessage(error));
      return;
    }
    // Sign-up answers the same whether or not the email was new (no account discovery), and never
    // signs in: signing in with the password just chosen is what tells the two apart, for its owner only.
    const signedIn = await authClient.signIn.email({
      email: parsed.data.email,
      password: parsed.data.password,
    });
    if (signedIn.error) {
      setPending(false);
      setFormError(
        signedIn.error.status === 401
          ? "We could not sign you in with these details. If this email already has an account, sign in with its password instead."
          : authErrorMessage(signedIn.error),
      );
      return;
    }
    router.replace(next);
    router.refresh();
    void refreshSessionUser();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && (
        <p
          role="alert"
          data-testid="form-error"
          className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger"
        >
          {formError}
        </p>
      )}
      <Field label="Name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={errors.password}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Creating account…" : "Create account"}
      </button>
      <p className="text-sm text-fg-muted">
        Already registered?{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-medium">
          Sign in
        </Link>
      </p>
    </form>
  );
}
