"use client";
import { useEffect, useState } from "react";
import type { TocEntry } from "@/lib/content/lesson-schema";

/** On-page contents; highlights the section being read. */
export function LessonToc({ entries }: { entries: TocEntry[] }) {
  const [activeId, setActiveId] = useState<string | null>(entries[0]?.id ?? null);

  useEffect(() => {
    const headings = entries
      .map((entry) => document.getElementById(entry.id))
      .filter((element): element is HTMLElement => element !== null);
    const observer = new IntersectionObserver(
      (observed) => {
        const visible = observed.filter((item) => item.isIntersecting);
        if (visible.length > 0) setActiveId(visible[0]!.target.id);
      },
      { rootMargin: "-80px 0px -70% 0px" },
    );
    headings.forEach((heading) => observer.observe(heading));
    return () => observer.disconnect();
  }, [entries]);

  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold text-fg">On this page</p>
      <ul className="space-y-1 border-l border-border">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? "pl-6" : "pl-3"}>
            <a
              href={`#${entry.id}`}
              aria-current={entry.id === activeId ? "location" : undefined}
              className={`-ml-px block border-l-2 pl-2 no-underline ${
                entry.id === activeId
                  ? "border-accent font-medium text-fg"
                  : "border-transparent text-fg-muted hover:text-fg"
              }`}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
