"use client";
import { useState } from "react";
import type { LabCell, LabColumn } from "@/lib/instructor/roster-matrix";

/**
 * Passed count; expanding lists each lab with its runs. The list is rendered only once opened:
 * a thousand rows of eight labs each would otherwise dominate the page's HTML.
 */
export function LabsSummary({ labs, cells }: { labs: readonly LabColumn[]; cells: readonly LabCell[] }) {
  const [open, setOpen] = useState(false);
  const passed = cells.filter((cell) => cell.passed).length;
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer whitespace-nowrap tabular-nums">
        {passed}/{labs.length}
        <span className="sr-only"> labs passed, show each lab</span>
      </summary>
      {open && (
        <ul className="mt-1 w-64 space-y-0.5 text-xs">
          {labs.map((lab, i) => {
            const cell = cells[i];
            const state = cell?.passed ? "passed" : cell?.runs ? "not passed yet" : "not tried";
            return (
              <li key={lab.slug} className="flex gap-1">
                <span
                  aria-hidden="true"
                  className={cell?.passed ? "text-success" : cell?.runs ? "text-danger" : "text-fg-muted"}
                >
                  {cell?.passed ? "✓" : cell?.runs ? "✗" : "–"}
                </span>
                <span>
                  {lab.title}{" "}
                  <span className="text-fg-muted">
                    ({state}, {cell?.runs ?? 0} runs)
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
