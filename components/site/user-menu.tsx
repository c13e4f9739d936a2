"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { Role } from "@/lib/auth/roles";
import { refreshSessionUser } from "./use-session-user";

type Props = { name: string; email: string; role: Role };

export function UserMenu({ name, email, role }: Props) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const router = useRouter();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  async function signOut() {
    setSigningOut(true);
    setError(null);
    // The auth handler's own endpoint: no auth client library in the shared shell.
    const ok = await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).then(
      (response) => response.ok,
      () => false,
    );
    setSigningOut(false);
    if (!ok) {
      setError("Could not sign out. Check your connection and try again.");
      return;
    }
    await refreshSessionUser();
    router.push("/");
    router.refresh();
  }

  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-2 text-sm hover:bg-bg-muted"
        data-testid="user-menu-button"
      >
        <span
          aria-hidden="true"
          className="grid h-6 w-6 place-items-center rounded-full bg-accent text-xs font-bold text-accent-fg"
        >
          {initials || "?"}
        </span>
        <span className="sr-only sm:not-sr-only sm:max-w-[9rem] sm:truncate">{name}</span>
        <span className="sr-only">account menu</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 mt-2 w-64 rounded-lg border border-border bg-bg p-3 shadow-lg"
        >
          <p className="truncate font-semibold">{name}</p>
          <p className="truncate text-sm text-fg-muted">{email}</p>
          <p className="mt-1 text-xs uppercase tracking-wide text-fg-muted">{role}</p>
          <Link
            href="/join"
            onClick={() => setOpen(false)}
            className="mt-3 block rounded-md px-3 py-1.5 text-sm font-medium no-underline hover:bg-bg-muted"
            data-testid="join-cohort-link"
          >
            Join a cohort
          </Link>
          <button
            type="button"
            onClick={signOut}
            disabled={signingOut}
            className="mt-3 w-full rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg-muted disabled:opacity-60"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
          {error && (
            <p role="alert" className="mt-2 text-sm text-danger">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
