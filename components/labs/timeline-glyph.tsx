import type { Glyph } from "./chart-model";

/** A point marker: the shape says what happened (see visual-language.ts), `colour` the outcome. */
export function GlyphShape({
  glyph,
  colour,
  x,
  y,
  size = 5,
}: {
  glyph: Glyph;
  colour: string;
  x: number;
  y: number;
  size?: number;
}) {
  const s = size;
  const stroke = { stroke: colour, strokeWidth: 2, fill: "none" } as const;
  switch (glyph) {
    case "start":
      return <rect x={x - 1.5} y={y - s - 1} width={3} height={2 * s + 2} fill={colour} />;
    case "restart":
      // An open circle with an arrowhead: round again, in the same container.
      return (
        <g>
          <path d={`M${x + s},${y} A${s},${s} 0 1 1 ${x},${y - s}`} {...stroke} />
          <polygon points={`${x - 1},${y - s - 3} ${x + 3},${y - s} ${x - 1},${y - s + 3}`} fill={colour} />
        </g>
      );
    case "replace":
      return (
        <polygon
          points={`${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}`}
          fill={colour}
        />
      );
    case "exit":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={colour} />;
    case "stop":
      return <rect x={x - s + 1} y={y - s + 1} width={2 * s - 2} height={2 * s - 2} {...stroke} />;
    case "in":
      return <polygon points={`${x},${y - s} ${x + s},${y + s} ${x - s},${y + s}`} fill={colour} />;
    case "out":
      return <polygon points={`${x - s},${y - s} ${x + s},${y - s} ${x},${y + s}`} fill={colour} />;
    case "arrive":
      return <circle cx={x} cy={y} r={s / 2 + 0.5} fill={colour} />;
    case "done":
      return <circle cx={x} cy={y} r={s - 0.5} fill={colour} />;
    case "drop":
      return (
        <path
          d={`M${x - s},${y - s}L${x + s},${y + s}M${x + s},${y - s}L${x - s},${y + s}`}
          {...stroke}
          strokeWidth={2.5}
        />
      );
    case "refuse":
      return (
        <g>
          <circle cx={x} cy={y} r={s - 0.5} {...stroke} />
          <path d={`M${x - s + 1.5},${y + s - 1.5}L${x + s - 1.5},${y - s + 1.5}`} {...stroke} />
        </g>
      );
    case "note":
      return (
        <rect x={x - 2.5} y={y - 2.5} width={5} height={5} fill={colour} transform={`rotate(45 ${x} ${y})`} />
      );
  }
}

/** A small inline swatch of a glyph for legends. */
export function GlyphSwatch({ glyph, colour }: { glyph: Glyph; colour: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <GlyphShape glyph={glyph} colour={colour} x={8} y={8} />
    </svg>
  );
}
