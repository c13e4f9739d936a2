import type { ReactNode } from "react";
import { describeTimeline, labelWidth, layoutTimeline, type TimelineSpec } from "@/lib/diagrams/timeline";
import { TextAlternative, TONE } from "./svg-parts";

/** Lanes of spans and instants over one time axis: the shutdown diagrams' shared drawing. */
export function TimelineSvg({ spec, width = 360 }: { spec: TimelineSpec; width?: number }) {
  const layout = layoutTimeline(spec, width);
  return (
    <g fontSize={11}>
      {layout.ticks.map((tick) => (
        <g key={tick.label}>
          <line x1={tick.x} x2={tick.x} y1={0} y2={layout.axisY} className="stroke-border" strokeDasharray="2 3" />
          <text x={tick.x} y={layout.axisY + 14} textAnchor="middle" className="fill-fg-muted">
            {tick.label}
          </text>
        </g>
      ))}
      {layout.titles.map((title) => (
        <text key={title.text} x={4} y={title.y} fontSize={12} fontWeight={700} className="fill-fg">
          {title.text}
        </text>
      ))}
      {layout.lanes.map((lane, laneIndex) => (
        <g key={laneIndex}>
          <text x={8} y={lane.y - 4} className="fill-fg-muted">
            {lane.label}
          </text>
          {lane.spans.map((span, index) => (
            <g key={index}>
              <rect
                x={span.x}
                y={lane.y}
                width={span.w}
                height={layout.barHeight}
                rx={3}
                className={TONE[span.tone].box}
                strokeWidth={1.2}
                strokeDasharray={span.dashed ? "4 3" : undefined}
              />
              {span.label ? (
                // Inside the bar when it fits, otherwise just after it.
                <text
                  x={labelWidth(span.label) < span.w - 4 ? span.x + 4 : span.x + span.w + 4}
                  y={lane.y + layout.barHeight / 2 + 4}
                  className="fill-fg"
                >
                  {span.label}
                </text>
              ) : null}
            </g>
          ))}
          {lane.instants.map((instant, index) => (
            <g key={index}>
              <line
                x1={instant.x}
                x2={instant.x}
                y1={lane.y - 3}
                y2={lane.y + layout.barHeight + 3 + instant.row * 13}
                className={TONE[instant.tone].stroke}
                strokeWidth={2.5}
              />
              <text
                x={instant.x}
                y={lane.y + layout.barHeight + 14 + instant.row * 13}
                textAnchor={instant.anchor}
                fontWeight={600}
                className="fill-fg"
              >
                {instant.label}
              </text>
            </g>
          ))}
        </g>
      ))}
    </g>
  );
}

export function timelineHeight(spec: TimelineSpec, width = 360): number {
  return layoutTimeline(spec, width).height;
}

/** The same lanes as sentences: the timeline diagrams' text alternative. */
export function TimelineText({ spec, children }: { spec: TimelineSpec; children?: ReactNode }) {
  return (
    <TextAlternative>
      {describeTimeline(spec).map((group) => (
        <div key={group.title}>
          <p className="font-medium">{group.title}</p>
          <ul>
            {group.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
      {children}
    </TextAlternative>
  );
}
