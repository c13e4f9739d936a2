"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { path: "", label: "Roster" },
  { path: "/overview", label: "Charts" },
  { path: "/items", label: "Item analysis" },
  { path: "/grading", label: "Grading" },
  { path: "/exports", label: "Exports" },
] as const;

/** The cohort's sections; the current one is marked for screen readers and styled. */
export function CohortTabs({ cohortId }: { cohortId: string }) {
  const pathname = usePathname();
  const base = `/instructor/cohorts/${cohortId}`;
  const current = (path: string) =>
    path === ""
      ? pathname === base || pathname.startsWith(`${base}/learners`)
      : pathname.startsWith(base + path);
  return (
    <nav aria-label="Cohort sections" className="mt-4 overflow-x-auto border-b border-border">
      <ul className="flex min-w-max gap-1">
        {TABS.map((tab) => {
          const active = current(tab.path);
          return (
            <li key={tab.label}>
              <Link
                href={base + tab.path}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  active ? "border-accent text-fg" : "border-transparent text-fg-muted hover:text-fg"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
