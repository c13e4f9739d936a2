import type { DataTable } from "./chart-model";

/** The chart's data in rows and columns: what a screen reader (or a careful reader) reads instead. */
export function ChartDataTable({ table }: { table: DataTable }) {
  return (
    <details className="mt-2" data-testid="chart-data-table">
      <summary className="cursor-pointer text-sm font-semibold">
        Chart data as a table ({table.rows.length} rows)
      </summary>
      <div
        className="mt-2 max-h-80 overflow-auto rounded-md border border-border"
        tabIndex={0}
        role="region"
        aria-label={table.caption}
      >
        <table className="w-full text-left text-xs">
          <caption className="sr-only">{table.caption}</caption>
          <thead className="sticky top-0 bg-bg-muted">
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col" className="px-2 py-1 font-semibold">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index} className="border-t border-border">
                {row.map((cell, column) => (
                  <td key={column} className="px-2 py-0.5 align-top tabular-nums">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
