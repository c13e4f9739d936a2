import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div
      className="mt-8 rounded-xl border border-dashed border-border p-8 text-center"
      data-testid="empty-state"
    >
      <p className="text-lg font-semibold">{title}</p>
      <div className="mx-auto mt-2 max-w-prose text-fg-muted">{children}</div>
      {action && (
        <Link
          href={action.href}
          className="mt-4 inline-flex rounded-lg bg-accent px-4 py-2 font-semibold text-accent-fg no-underline hover:opacity-90"
        >
          {action.label}
        </Link>
      )}
    </div>
  );
}
