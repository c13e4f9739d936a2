import { clock, type TextDetails } from "@/lib/labs/text/result";
import { Heading } from "./heading";
import { ordersChart } from "./orders-chart-data";
import { queryCharts } from "./query-chart-data";
import { SeriesChart } from "./series-chart";

type Props = { details: TextDetails; level: number; onGoToLine?: (line: number) => void };

const show = (value: number | null) =>
  value === null ? "—" : Number.isNaN(value) ? "NaN" : `${Number((value * 1000).toPrecision(4))} ms`;

/** What a text lab did: the commands and their output, the alert's state changes, the query's values. */
export function TextDetailsView({ details, level, onGoToLine }: Props) {
  switch (details.kind) {
    case "commands":
      return (
        <>
          <Heading level={level} className="mt-4 font-semibold">
            Commands used ({details.entries.length})
          </Heading>
          {details.entries.length === 0 ? (
            <p className="mt-1 text-sm">None yet.</p>
          ) : (
            <ol className="mt-1 space-y-1 font-mono text-sm" data-testid="commands-used">
              {details.entries.map((entry, index) => (
                <li key={index} className="break-all">
                  <span className={entry.ok ? "text-success" : "text-danger"}>{entry.ok ? "ok" : "error"}</span>{" "}
                  {entry.line}
                </li>
              ))}
            </ol>
          )}
          {details.notes.map((note) => (
            <p key={note} className="mt-2 text-sm">
              {note}
            </p>
          ))}
          {details.orders && <OrdersOverTime orders={details.orders} level={level} />}
        </>
      );
    case "alert":
      return (
        <>
          <Heading level={level} className="mt-4 font-semibold">
            What your rule did
          </Heading>
          {details.runs.map((run) => (
            <div key={run.id} className="mt-2 text-sm">
              <p className="font-medium">
                {run.label}: trouble from {clock(run.incidentAtMs)};{" "}
                {run.firstFiringAtMs === null ? "never fired" : `first fired at ${clock(run.firstFiringAtMs)}`}.
              </p>
              {/* The run's chart below narrates every change; results stored before it list them here. */}
              {!run.chart && run.transitions.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {run.transitions.map((t, index) => (
                    <li key={index}>
                      {clock(t.atMs)}: {t.from} → {t.to}
                    </li>
                  ))}
                  {run.omittedTransitions > 0 && <li>… and {run.omittedTransitions} more changes</li>}
                </ul>
              )}
            </div>
          ))}
        </>
      );
    case "query":
      return details.rows.length === 0 ? null : (
        <>
          <Heading level={level} className="mt-4 font-semibold">
            Your values and the histogram&rsquo;s own
          </Heading>
          <div className="mt-2 overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="pr-4">Time</th>
                  <th scope="col" className="pr-4">{details.by}</th>
                  <th scope="col" className="pr-4">Yours</th>
                  <th scope="col">Expected</th>
                </tr>
              </thead>
              <tbody>
                {details.rows.map((row) => (
                  <tr key={`${row.atMs}-${row.key}`}>
                    <td className="pr-4">{clock(row.atMs)}</td>
                    <td className="pr-4 font-mono">{row.key}</td>
                    <td className="pr-4">{show(row.yours)}</td>
                    <td>{show(row.expected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {details.overTime && <QueryOverTimeView by={details.by} data={details.overTime} level={level} />}
        </>
      );
    case "dockerfile":
      return details.lines.length === 0 || !onGoToLine ? null : (
        <>
          <Heading level={level} className="mt-4 font-semibold">
            Lines to look at
          </Heading>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {details.lines.map((item) => (
              <li key={`${item.line}-${item.label}`}>
                <button
                  type="button"
                  onClick={() => onGoToLine(item.line)}
                  className="rounded-md border border-border px-2 py-1 hover:bg-bg-muted"
                >
                  Line {item.line}: {item.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      );
  }
}

const sinceArrival = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** The backup lab: orders in the database, in the backup and in the restore over the session. */
function OrdersOverTime({ orders, level }: { orders: NonNullable<Extract<TextDetails, { kind: "commands" }>["orders"]>; level: number }) {
  const chart = ordersChart(orders);
  if (!chart) return null;
  return (
    <section className="mt-4" data-testid="orders-chart">
      <Heading level={level} className="font-semibold">
        Orders while you worked
      </Heading>
      <p className="mt-1 text-sm">
        Time since you arrived at the prompt; each command came after a few seconds of thought. {chart.summary}
      </p>
      <SeriesChart
        title="Orders in the database, the backup and the restore"
        unit="orders"
        times={chart.times}
        series={chart.series}
        moments={chart.moments}
        formatTime={sinceArrival}
        tableRows={chart.times.length}
      />
    </section>
  );
}

/** The query lab: per route, the learner's values and the reference's over the whole run. */
function QueryOverTimeView({
  by,
  data,
  level,
}: {
  by: string;
  data: NonNullable<Extract<TextDetails, { kind: "query" }>["overTime"]>;
  level: number;
}) {
  const { times, moments, charts, notes } = queryCharts(by, data);
  return (
    <section className="mt-4" data-testid="query-charts">
      <Heading level={level} className="font-semibold">
        Over the whole run
      </Heading>
      <p className="mt-1 text-sm">
        Both queries evaluated every {(times[1] ?? 60_000) === 60_000 ? "minute" : clock(times[1]!)}, in milliseconds.
        Where your line lies on the reference, your query is right at that moment too.
      </p>
      {notes.map((note) => (
        <p key={note} className="mt-1 text-sm">
          {note}
        </p>
      ))}
      {charts.map((chart) => (
        <div key={chart.key} data-testid="query-chart">
          <SeriesChart
            title={chart.title}
            unit="ms"
            times={times}
            series={chart.series}
            moments={moments}
            formatTime={clock}
            tickMs={5 * 60_000}
            tableRows={times.length}
          />
          {chart.notes.map((note) => (
            <p key={note} className="text-sm">
              {note}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}
