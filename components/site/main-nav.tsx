"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { navFor } from "@/lib/navigation";
import { useSessionUser } from "./use-session-user";

export function MainNav() {
  const pathname = usePathname();
  const { user } = useSessionUser();
  const items = navFor(user?.role ?? null);
  return (
    <nav aria-label="Main">
      <ul className="-mx-1 flex gap-1 overflow-x-auto">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium no-underline ${
                  active ? "bg-accent-soft text-fg" : "text-fg-muted hover:bg-bg-muted hover:text-fg"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
