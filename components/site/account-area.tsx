"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { UserMenu } from "./user-menu";
import { useSessionUser } from "./use-session-user";

export function AccountArea() {
  const { user, pending } = useSessionUser();
  const pathname = usePathname();
  if (pending)
    return <span aria-hidden="true" className="inline-block h-9 w-24 animate-pulse rounded-md bg-bg-muted" />;
  if (user) return <UserMenu name={user.name} email={user.email} role={user.role} />;
  const returnTo = pathname.startsWith("/sign-") ? "" : `?next=${encodeURIComponent(pathname)}`;
  return (
    <Link
      href={`/sign-in${returnTo}`}
      className="inline-flex h-9 items-center rounded-md bg-accent px-3 text-sm font-semibold text-accent-fg no-underline hover:opacity-90"
    >
      Sign in
    </Link>
  );
}
