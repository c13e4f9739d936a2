import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeRedirectPath(Array.isArray(raw) ? raw[0] : raw);
  if (await currentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Create an account</h1>
      <p className="mb-5 text-sm text-fg-muted">
        Free. Keeps your lesson progress, quiz answers and lab runs.
      </p>
      <SignUpForm next={next} />
    </>
  );
}
