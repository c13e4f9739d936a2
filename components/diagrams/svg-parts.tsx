import type { ReactNode } from "react";
import type { Box, Point, Tone } from "@/lib/diagrams/geometry";

/** Theme colours by tone: CSS variables switch with dark mode, so the SVG follows the theme. */
export const TONE: Record<Tone, { box: string; stroke: string; fill: string }> = {
  neutral: { box: "fill-bg-subtle stroke-border", stroke: "stroke-fg-muted", fill: "fill-fg-muted" },
  accent: { box: "fill-accent-soft stroke-accent", stroke: "stroke-accent", fill: "fill-accent" },
  success: { box: "fill-success-soft stroke-success", stroke: "stroke-success", fill: "fill-success" },
  warning: { box: "fill-warning-soft stroke-warning", stroke: "stroke-warning", fill: "fill-warning" },
  danger: { box: "fill-danger-soft stroke-danger", stroke: "stroke-danger", fill: "fill-danger" },
};

const TONES = Object.keys(TONE) as Tone[];

export const markerId = (diagram: string, tone: Tone) => `${diagram}-arrow-${tone}`;

/** One arrowhead per tone, ids scoped to the diagram so two diagrams on a page never clash. */
export function ArrowMarkers({ diagram }: { diagram: string }) {
  return (
    <defs>
      {TONES.map((tone) => (
        <marker
          key={tone}
          id={markerId(diagram, tone)}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0L10 5L0 10z" className={TONE[tone].fill} />
        </marker>
      ))}
    </defs>
  );
}

export function DiagramBox({ box, size = 12 }: { box: Box; size?: number }) {
  const lineHeight = size + 3;
  const top = box.y + box.h / 2 - ((box.lines.length - 1) * lineHeight) / 2;
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} className={TONE[box.tone].box} strokeWidth={1.5} />
      <text x={box.x + box.w / 2} y={top} textAnchor="middle" dominantBaseline="central" fontSize={size} className="fill-fg">
        {box.lines.map((line, index) => (
          <tspan key={index} x={box.x + box.w / 2} y={top + index * lineHeight} fontWeight={index === 0 ? 600 : 400} fontSize={index === 0 ? size : size - 1}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

export function ArrowLine({ diagram, d, tone = "neutral", dashed = false }: { diagram: string; d: string; tone?: Tone; dashed?: boolean }) {
  return (
    <path
      d={d}
      fill="none"
      strokeWidth={1.5}
      className={TONE[tone].stroke}
      strokeDasharray={dashed ? "5 4" : undefined}
      markerEnd={`url(#${markerId(diagram, tone)})`}
    />
  );
}

/** A label on a plain background so it stays legible where it crosses a line. */
export function Label({ at, lines, anchor = "middle", size = 11 }: { at: Point; lines: string[]; anchor?: "start" | "middle" | "end"; size?: number }) {
  const lineHeight = size + 2;
  const width = Math.max(...lines.map((line) => line.length)) * size * 0.56 + 6;
  const height = lines.length * lineHeight + 2;
  const left = anchor === "middle" ? at.x - width / 2 : anchor === "end" ? at.x - width : at.x;
  const top = at.y - height / 2;
  return (
    <g>
      <rect x={left} y={top} width={width} height={height} rx={3} className="fill-bg" opacity={0.92} />
      <text fontSize={size} textAnchor={anchor} className="fill-fg">
        {lines.map((line, index) => (
          <tspan key={index} x={anchor === "middle" ? at.x : anchor === "end" ? at.x - 3 : at.x + 3} y={top + 1 + (index + 0.8) * lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

export function TextAlternative({ children }: { children: ReactNode }) {
  return <div className="space-y-2 pt-2 [&_table]:w-full [&_td]:border-t [&_td]:border-border [&_td]:py-1 [&_td]:pr-2 [&_th]:pr-2 [&_th]:text-left [&_ul]:list-disc [&_ul]:pl-5">{children}</div>;
}
