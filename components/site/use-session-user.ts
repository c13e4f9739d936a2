"use client";
import { authClient } from "@/lib/auth/auth-client";
import { parseRole, type Role } from "@/lib/auth/roles";

export type ClientUser = { name: string; email: string; role: Role };

/** The signed-in user as the browser sees it (display only; every guard runs on the server). */
export function useSessionUser(): { user: ClientUser | null; pending: boolean } {
  const { data, isPending } = authClient.useSession();
  if (!data) return { user: null, pending: isPending };
  const { name, email } = data.user;
  return { user: { name, email, role: parseRole((data.user as { role?: unknown }).role) }, pending: false };
}
