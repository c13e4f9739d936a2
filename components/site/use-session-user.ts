"use client";
import { useEffect, useSyncExternalStore } from "react";
import type { Role } from "@/lib/auth/roles";

export type ClientUser = { name: string; email: string; role: Role };
type State = { user: ClientUser | null; pending: boolean };

// One request per page load, shared by every component that shows the user (display only: every
// guard runs on the server). Plain fetch: the auth library's client stays off the shared shell.
let state: State = { user: null, pending: true };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();
const SERVER_STATE: State = { user: null, pending: true };

function set(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

async function load(): Promise<void> {
  try {
    const response = await fetch("/api/me", { cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { user } = (await response.json()) as { user: ClientUser | null };
    set({
      user: user && { ...user, role: user.role === "instructor" ? "instructor" : "learner" },
      pending: false,
    });
  } catch {
    set({ user: null, pending: false });
  }
}

/** Asks the server again, e.g. after signing in or out. */
export function refreshSessionUser(): Promise<void> {
  loading = load();
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user as the server last told this page. */
export function useSessionUser(): State {
  useEffect(() => {
    loading ??= load();
  }, []);
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER_STATE,
  );
}
