import { whenOf, type Mark } from "./chart-model";
import { ChartDataTable } from "./chart-data-table";
import { TimelineChart } from "./timeline-chart";
import type { Track } from "./timeline-data";
import { TimelineLegend, usedKeys } from "./timeline-legend";

type Props = {
  track: Track;
  activeMark: Mark | null;
  onActivate: (id: string) => void;
};

/**
 * The chart with what makes it readable: a scroll cue at phone width, a read-out of the mark under
 * the pointer or focus with its narration line, notes, the key, and the data as a table.
 */
export function TrackTimeline({ track, activeMark, onActivate }: Props) {
  const { chart } = track;
  const lane = activeMark ? chart.lanes.find((candidate) => candidate.id === activeMark.lane) : undefined;
  const narration = (activeMark?.events ?? [])
    .slice(0, 2)
    .map((index) => track.events[index]?.text)
    .filter(Boolean);
  return (
    <figure className="mt-3">
      <p className="mb-1 text-xs text-fg-muted sm:hidden" data-testid="chart-scroll-cue">
        <span aria-hidden="true">⟷ </span>The chart is wider than your screen: scroll it sideways.
      </p>
      <div
        className="overflow-x-auto rounded-md border border-border bg-bg-subtle"
        data-testid="chart-scroller"
      >
        <TimelineChart
          chart={chart}
          title={`Timeline of ${track.title}`}
          activeId={activeMark?.id ?? null}
          onActivate={onActivate}
        />
      </div>
      <div
        className="mt-2 min-h-[3.5rem] rounded-md border border-border p-2 text-sm"
        aria-live="polite"
        data-testid="chart-readout"
      >
        {activeMark ? (
          <>
            <p className="font-semibold">
              {whenOf(activeMark, chart.timeAxis)} · {lane?.label ?? "Whole chart"}: {activeMark.label}
            </p>
            {narration.map((line) => (
              <p key={line} className="text-fg-muted">
                {line}
              </p>
            ))}
          </>
        ) : (
          <p className="text-fg-muted">
            Point at or Tab to a mark (then use the arrow keys) to see what happened and its narration line.
          </p>
        )}
      </div>
      <figcaption>
        {chart.notes.map((note) => (
          <p key={note} className="mt-1 text-xs text-fg-muted">
            {note}
          </p>
        ))}
        <TimelineLegend only={usedKeys(chart)} />
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer text-fg-muted">The key to every lab chart</summary>
          <TimelineLegend />
        </details>
        <span className="mt-1 block text-xs text-fg-muted">
          Time runs left to right, in simulated time since the start of the run
          {chart.timeAxis === "clock" ? " (minutes:seconds)" : ""}.
        </span>
      </figcaption>
      <ChartDataTable table={chart.table} />
    </figure>
  );
}
