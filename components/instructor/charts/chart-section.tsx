import type { ReactNode } from "react";

/**
 * One chart with what a reader needs besides the picture: a heading, the takeaway in a sentence, and
 * the same numbers as a real table (for screen readers, keyboard users and anyone who wants exact values).
 */
export function ChartSection({
  id,
  title,
  takeaway,
  chart,
  table,
  empty,
}: {
  id: string;
  title: string;
  takeaway: string;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of the chart and table when there is nothing to plot yet. */
  empty?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-xl border border-border p-4 sm:p-6"
      data-testid={id}
    >
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-fg-muted" data-testid={`${id}-takeaway`}>
        {takeaway}
      </p>
      {empty ? (
        <p className="mt-4 rounded-lg border border-dashed border-border p-6 text-center text-fg-muted">
          {empty}
        </p>
      ) : (
        <>
          <div className="mt-4 min-w-0">{chart}</div>
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium text-accent">
              Show the numbers as a table
            </summary>
            <div className="relative mt-2 overflow-x-auto">{table}</div>
          </details>
        </>
      )}
    </section>
  );
}

/** A plain data table: the first column names the row (a row header), the rest are numbers. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string; label: string; values: readonly (number | string)[] }>;
}) {
  return (
    <table className="w-full min-w-[16rem] border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-border">
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={`py-1.5 pr-4 font-semibold ${index > 0 ? "text-right" : ""}`}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-border">
            <th scope="row" className="py-1.5 pr-4 font-normal">
              {row.label}
            </th>
            {row.values.map((value, index) => (
              <td key={index} className="py-1.5 pr-4 text-right tabular-nums">
                {typeof value === "number" ? value.toLocaleString("en-GB") : value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
