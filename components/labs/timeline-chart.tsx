import { Fragment, useId, useMemo, useRef, type KeyboardEvent } from "react";
import { axisTicks, RULE_LANE, whenOf, type ChartModel, type Lane, type Mark } from "./chart-model";
import { LinePlotLane } from "./line-plot";
import { FailureBars, ReplicaArea } from "./rollout-area";
import { PatternDefs, ToneRect } from "./timeline-defs";
import { placeWindowLabels } from "./window-labels";
import { GlyphShape } from "./timeline-glyph";
import { TONES } from "./visual-language";

const WIDTH = 880;
const GUTTER = 124;
const RIGHT = 14;
const RULE_STRIP = 34;
const AXIS = 26;
const HEIGHT: Record<Lane["kind"], number> = { band: 22, marks: 18, area: 120, bars: 40, line: 110 };

type Props = {
  chart: ChartModel;
  title: string;
  activeId: string | null;
  /** Hover, focus or click on a mark. */
  onActivate: (id: string) => void;
};

/** Each lane's top edge, and the height of all lanes together. */
function laneTops(lanes: readonly Lane[]): { tops: Map<string, number>; total: number } {
  const tops = new Map<string, number>();
  let y = RULE_STRIP;
  for (const lane of lanes) {
    tops.set(lane.id, y);
    y += HEIGHT[lane.kind] + 4;
  }
  return { tops, total: y };
}

/**
 * The purpose-built timeline: lanes from the chart model, time left to right. Every mark is a
 * stop for the keyboard (Tab into the chart, then ← → Home End), announces itself by its label
 * and tells the track which narration lines it stands for.
 */
export function TimelineChart({ chart, title, activeId, onActivate }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const svgRef = useRef<SVGSVGElement>(null);
  const { tops, total } = laneTops(chart.lanes);
  const height = total + AXIS;
  const right = WIDTH - RIGHT;
  const x = (ms: number) => GUTTER + (Math.min(ms, chart.endMs) / chart.endMs) * (right - GUTTER);
  const order = useMemo(
    () =>
      chart.marks
        .map((mark, index) => ({ mark, index }))
        .sort((a, b) => a.mark.atMs - b.mark.atMs || a.index - b.index)
        .map((entry) => entry.mark),
    [chart.marks],
  );
  const focusId = activeId !== null && order.some((mark) => mark.id === activeId) ? activeId : order[0]?.id;
  const { step, label: tickLabel } = axisTicks(chart);
  const ticks: number[] = [];
  for (let t = 0; t <= chart.endMs + 1; t += step) ticks.push(t);
  const windowLabels = placeWindowLabels(chart.windows, x, right, chart.timeAxis);
  const ruleRows = ruleLabelRows(
    order.filter((mark) => mark.lane === RULE_LANE),
    x,
  );

  const move = (event: KeyboardEvent<SVGSVGElement>) => {
    const at = order.findIndex((mark) => mark.id === focusId);
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? at + 1
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? at - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? order.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = order[Math.max(0, Math.min(order.length - 1, next))];
    if (!target) return;
    onActivate(target.id);
    svgRef.current?.querySelector<SVGGElement>(`[data-mark-id="${CSS.escape(target.id)}"]`)?.focus();
  };

  const markProps = (mark: Mark) => ({
    "data-mark-id": mark.id,
    "data-testid": "chart-mark",
    "data-active": mark.id === activeId ? "true" : undefined,
    tabIndex: mark.id === focusId ? 0 : -1,
    role: "button" as const,
    "aria-label": `${whenOf(mark, chart.timeAxis)}: ${mark.label}`,
    onFocus: () => onActivate(mark.id),
    onMouseEnter: () => onActivate(mark.id),
    onClick: () => onActivate(mark.id),
    className: "cursor-pointer outline-none",
  });

  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="timeline-svg block w-full min-w-[640px]"
      role="group"
      aria-label={`${title}: ${chart.summary}. Tab into the chart, then use the arrow keys to step through it.`}
      data-testid="timeline-chart"
      onKeyDown={move}
    >
      <PatternDefs uid={uid} />
      {chart.windows.map((window) => (
        <g key={`${window.fromMs}-${window.label}`} aria-hidden="true" data-testid="fault-window">
          <rect
            x={x(window.fromMs)}
            y={RULE_STRIP - 4}
            width={Math.max(2, x(window.toMs) - x(window.fromMs))}
            height={total - RULE_STRIP + 4}
            fill={`url(#${uid}-fault)`}
          />
          <rect
            x={x(window.fromMs)}
            y={RULE_STRIP - 4}
            width={Math.max(2, x(window.toMs) - x(window.fromMs))}
            height={total - RULE_STRIP + 4}
            fill="var(--danger)"
            opacity={0.06}
          />
        </g>
      ))}
      {chart.lanes.map((lane) => {
        const top = tops.get(lane.id)!;
        const h = HEIGHT[lane.kind];
        const geometry = { x, top, height: h, left: GUTTER, right, uid };
        return (
          <g key={lane.id}>
            <text
              x={GUTTER - 8}
              y={top + h / 2 + 4}
              fontSize={11}
              textAnchor="end"
              fill="var(--fg)"
              aria-hidden="true"
            >
              {lane.label.length > 20 ? `${lane.label.slice(0, 19)}…` : lane.label}
            </text>
            {lane.kind !== "line" && (
              <line
                x1={GUTTER}
                x2={right}
                y1={top + h / 2}
                y2={top + h / 2}
                stroke="var(--border)"
                aria-hidden="true"
              />
            )}
            {lane.kind === "line" && chart.line && <LinePlotLane plot={chart.line} geometry={geometry} />}
            {lane.kind === "area" && chart.area && <ReplicaArea plot={chart.area} geometry={geometry} />}
            {lane.kind === "bars" && chart.area && <FailureBars plot={chart.area} geometry={geometry} />}
          </g>
        );
      })}
      {ticks.map((tick) => (
        <Fragment key={tick}>
          <line
            x1={x(tick)}
            x2={x(tick)}
            y1={RULE_STRIP}
            y2={total}
            stroke="var(--border)"
            strokeDasharray="2 3"
            aria-hidden="true"
          />
          <text
            x={x(tick)}
            y={total + 16}
            fontSize={11}
            textAnchor={tick === 0 ? "start" : x(tick) > right - 24 ? "end" : "middle"}
            fill="var(--fg-muted)"
            aria-hidden="true"
          >
            {tickLabel(tick)}
          </text>
        </Fragment>
      ))}
      {order.map((mark) => {
        const active = mark.id === activeId;
        const colour = TONES[mark.tone].colour;
        if (mark.lane === RULE_LANE) {
          const row = ruleRows.get(mark.id) ?? 0;
          return (
            <g key={mark.id} {...markProps(mark)}>
              <line
                x1={x(mark.atMs)}
                x2={x(mark.atMs)}
                y1={6 + row * 13}
                y2={total}
                stroke={colour}
                strokeWidth={active ? 3 : 1.75}
                strokeDasharray={mark.dashed ? "5 4" : undefined}
              />
              <rect x={x(mark.atMs) - 5} y={0} width={10} height={total} fill="transparent" />
              <text
                x={x(mark.atMs) + (x(mark.atMs) > right - labelWidth(mark) ? -3 : 3)}
                textAnchor={x(mark.atMs) > right - labelWidth(mark) ? "end" : "start"}
                y={12 + row * 13}
                fontSize={11}
                fontWeight={active ? 700 : 400}
                fill={colour}
                paintOrder="stroke"
                stroke="var(--bg-subtle)"
                strokeWidth={3}
              >
                {shortRuleLabel(mark.label)}
              </text>
            </g>
          );
        }
        const top = tops.get(mark.lane);
        if (top === undefined) return null;
        const lane = chart.lanes.find((candidate) => candidate.id === mark.lane)!;
        const h = HEIGHT[lane.kind];
        const mid = top + h / 2;
        const from = x(mark.atMs);
        return (
          <g key={mark.id} {...markProps(mark)}>
            {mark.toMs !== undefined && (
              <ToneRect
                tone={mark.tone}
                uid={uid}
                x={from}
                y={lane.kind === "band" ? top : mid - 5}
                width={Math.max(2, x(mark.toMs) - from)}
                height={lane.kind === "band" ? h : 10}
              />
            )}
            {mark.glyph && (
              <GlyphShape
                glyph={mark.glyph}
                colour={colour}
                x={mark.toMs !== undefined ? x(mark.toMs) : from}
                y={mid}
              />
            )}
            {mark.toMs === undefined && !mark.glyph && <circle cx={from} cy={mid} r={4} fill={colour} />}
            {active && (
              <rect
                className="chart-focus-ring"
                x={from - 6}
                y={top - 2}
                width={Math.max(12, (mark.toMs !== undefined ? x(mark.toMs) : from) - from + 12)}
                height={h + 4}
                fill="none"
                stroke="var(--fg)"
                strokeWidth={2}
                rx={3}
              />
            )}
          </g>
        );
      })}
      {/* Window labels last, with a halo: a rule line crossing one does not strike it through. */}
      {windowLabels.map((placed, index) =>
        placed ? (
          <text
            key={`label-${index}`}
            x={placed.x}
            textAnchor={placed.anchor}
            y={RULE_STRIP - 8}
            fontSize={11}
            fill="var(--danger)"
            paintOrder="stroke"
            stroke="var(--bg-subtle)"
            strokeWidth={3}
            aria-hidden="true"
            data-testid="fault-window-label"
          >
            {placed.text}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** "SIGTERM sent to node" reads as "SIGTERM" above the chart; the full label is on focus. */
function shortRuleLabel(label: string): string {
  return label
    .replace(/ sent to .*$/, "")
    .replace(/ \(.*\)$/, "")
    .replace(/: SIGKILL is due$/, "");
}

function labelWidth(rule: Mark): number {
  return shortRuleLabel(rule.label).length * 6 + 8;
}

/** Rule labels that would overlap go one row lower (three rows, then round again). */
function ruleLabelRows(rules: readonly Mark[], x: (ms: number) => number): Map<string, number> {
  const rows = new Map<string, number>();
  const lastEnd = [-Infinity, -Infinity];
  for (const rule of rules) {
    const width = labelWidth(rule);
    const start = Math.min(x(rule.atMs), WIDTH - RIGHT - width);
    const row = lastEnd.findIndex((end) => end < start);
    const chosen = row === -1 ? 0 : row;
    rows.set(rule.id, chosen);
    lastEnd[chosen] = start + width;
  }
  return rows;
}
