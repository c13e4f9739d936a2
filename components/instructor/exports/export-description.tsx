import type { ReactNode } from "react";

/** One export file: what it holds, its columns in order, and its download control. */
export function ExportDescription({
  id,
  title,
  summary,
  columns,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-border p-4 sm:p-6">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-fg-muted">{summary}</p>
      {children}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium text-accent">
          The {columns.length} columns, in order
        </summary>
        <ol className="mt-2 list-decimal space-y-0.5 pl-6 text-sm">
          {columns.map((column) => (
            <li key={column}>{column}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}
