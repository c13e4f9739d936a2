import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import { parseRole, type Role } from "./roles";

export type SessionUser = { id: string; name: string; email: string; role: Role; administrator?: boolean };

/** The signed-in user for this request, or null. Cached per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email } = session.user;
  const extra = session.user as { role?: unknown; administrator?: unknown };
  return { id, name, email, role: parseRole(extra.role), administrator: extra.administrator === true };
});

/** For guarded pages: sends anonymous visitors to sign-in, then back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Signed in with the wrong role: HTTP 403 with app/forbidden.tsx (the URL stays as it was). */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}
