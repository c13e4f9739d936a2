"use client";
import { useMemo, useState } from "react";
import type { RosterCourse } from "@/lib/instructor/roster-data";
import {
  filterRoster,
  rosterTotals,
  sortRoster,
  STATUS_FILTERS,
  type RosterRow,
  type SortDirection,
  type SortKey,
  type StatusFilter,
} from "@/lib/instructor/roster-matrix";
import { RosterTable } from "./roster-table";

// Rendering a thousand rows at once makes the first paint slow: show pages of rows instead.
const PAGE_SIZE = 100;

const SORT_LABELS: Record<SortKey, string> = {
  name: "Name",
  progress: "Overall progress",
  quizAverage: "Quiz average",
  lastActive: "Last active",
};
// Names read A→Z; numbers and dates read best or newest first.
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  name: "asc",
  progress: "desc",
  quizAverage: "desc",
  lastActive: "desc",
};

const control = "mt-1 block w-full rounded-md border border-border bg-bg px-3 py-2 text-fg";

export function RosterView({
  cohortId,
  course,
  rows,
  now,
}: {
  cohortId: string;
  course: RosterCourse;
  rows: RosterRow[];
  now: number;
}) {
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<StatusFilter>("all");
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: "name",
    direction: "asc",
  });
  const [shown, setShown] = useState(PAGE_SIZE);

  const visible = useMemo(
    () => sortRoster(filterRoster(rows, { query, status }), sort.key, sort.direction),
    [rows, query, status, sort],
  );
  const totals = useMemo(
    () =>
      rosterTotals(visible, {
        lessons: course.lessons.length,
        quizzes: course.quizzes.length,
        labs: course.labs.length,
      }),
    [visible, course],
  );

  function sortBy(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key, direction: FIRST_DIRECTION[key] },
    );
  }

  return (
    <>
      <div className="mt-4 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]" role="search">
        <label className="block text-sm font-medium">
          Search learners
          <input
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setShown(PAGE_SIZE);
            }}
            placeholder="Name or email"
            className={control}
            data-testid="roster-search"
          />
        </label>
        <label className="block text-sm font-medium">
          Status
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as StatusFilter);
              setShown(PAGE_SIZE);
            }}
            className={control}
            data-testid="roster-status"
          >
            {STATUS_FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Sort by
          <select
            value={`${sort.key}:${sort.direction}`}
            onChange={(event) => {
              const [key, direction] = event.target.value.split(":") as [SortKey, SortDirection];
              setSort({ key, direction });
            }}
            className={control}
            data-testid="roster-sort"
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).flatMap((key) =>
              (["asc", "desc"] as const).map((direction) => (
                <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                  {SORT_LABELS[key]} {sortWords(key, direction)}
                </option>
              )),
            )}
          </select>
        </label>
      </div>
      <p className="mt-3 text-sm text-fg-muted" aria-live="polite" data-testid="roster-count">
        {visible.length === rows.length
          ? `${rows.length} ${rows.length === 1 ? "learner" : "learners"}`
          : `${visible.length} of ${rows.length} learners match`}
      </p>
      {visible.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-border p-6 text-center text-fg-muted">
          No learner matches. Clear the search or choose another status.
        </p>
      ) : (
        <RosterTable
          cohortId={cohortId}
          course={course}
          rows={visible.slice(0, shown)}
          totals={totals}
          now={now}
          sort={sort}
          onSort={sortBy}
        />
      )}
      {visible.length > shown && (
        <button
          type="button"
          onClick={() => setShown((count) => count + PAGE_SIZE)}
          className="mt-3 rounded-md border border-border px-4 py-2 text-sm font-medium hover:bg-bg-muted"
        >
          Show {Math.min(PAGE_SIZE, visible.length - shown)} more (of {visible.length - shown} not shown)
        </button>
      )}
    </>
  );
}

function sortWords(key: SortKey, direction: SortDirection): string {
  if (key === "name") return direction === "asc" ? "(A–Z)" : "(Z–A)";
  if (key === "lastActive") return direction === "asc" ? "(longest ago first)" : "(most recent first)";
  return direction === "asc" ? "(lowest first)" : "(highest first)";
}
