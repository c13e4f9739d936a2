/**
 * Plain geometry for the lesson diagrams: boxes, arrows between their borders, self-loops and a
 * linear time scale. Pure, so every diagram's layout is computed (and tested) without React.
 */
export type Tone = "neutral" | "accent" | "success" | "warning" | "danger";

export type Point = { x: number; y: number };

export type Box = {
  id: string;
  /** One line per entry; the first is drawn bold. */
  lines: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  tone: Tone;
};

/** An arrow ready to draw: its path, where its label sits and the label's lines. */
export type Arrow = { d: string; label: Point; lines: string[]; tone: Tone; dashed: boolean };

export function centre(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** Where the ray from the box's centre towards `toward` leaves the box. */
export function borderPoint(box: Box, toward: Point): Point {
  const c = centre(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  // Scale the ray until it touches the nearer of the vertical or horizontal edges.
  const sx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A straight arrow from border to border. `offset` shifts it sideways (to the left of its
 * direction) so two arrows between the same boxes in opposite directions do not overlap;
 * `at` is where along the arrow its label sits (0 start, 1 end).
 */
export function connect(from: Box, to: Box, options: { offset?: number; at?: number } = {}): { d: string; label: Point } {
  const { offset = 0, at = 0.5 } = options;
  const a = centre(from);
  const b = centre(to);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = ((a.y - b.y) / length) * offset;
  const ny = ((b.x - a.x) / length) * offset;
  const start = borderPoint(from, { x: b.x + nx, y: b.y + ny });
  const end = borderPoint(to, { x: a.x + nx, y: a.y + ny });
  const p = { x: start.x + nx, y: start.y + ny };
  const q = { x: end.x + nx, y: end.y + ny };
  return {
    d: `M${round(p.x)} ${round(p.y)}L${round(q.x)} ${round(q.y)}`,
    label: { x: round(p.x + (q.x - p.x) * at), y: round(p.y + (q.y - p.y) * at) },
  };
}

export type Side = "top" | "bottom" | "left" | "right";

/** A loop that leaves and re-enters one side of a box: a transition back to the same state. */
export function selfLoop(box: Box, side: Side, reach = 28): { d: string; label: Point } {
  const c = centre(box);
  const spread = 14;
  if (side === "top" || side === "bottom") {
    const y = side === "top" ? box.y : box.y + box.h;
    const out = side === "top" ? y - reach : y + reach;
    return {
      d: `M${c.x - spread} ${y}C${c.x - spread * 2} ${out} ${c.x + spread * 2} ${out} ${c.x + spread} ${y}`,
      label: { x: c.x, y: side === "top" ? out - 6 : out + 8 },
    };
  }
  const x = side === "left" ? box.x : box.x + box.w;
  const out = side === "left" ? x - reach : x + reach;
  return {
    d: `M${x} ${c.y - spread}C${out} ${c.y - spread * 2} ${out} ${c.y + spread * 2} ${x} ${c.y + spread}`,
    label: { x: side === "left" ? out - 6 : out + 6, y: c.y },
  };
}

/** Maps a value range onto pixels, for time axes and bar heights. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => round(r0 + ((value - d0) / span) * (r1 - r0));
}

/** Boxes stacked top to bottom with a fixed gap: pipelines read downwards on a phone. */
export function stackBoxes(
  items: Array<{ id: string; lines: string[]; tone: Tone }>,
  frame: { x: number; y: number; w: number; h: number; gap: number },
): Box[] {
  return items.map((item, index) => ({ ...item, x: frame.x, y: frame.y + index * (frame.h + frame.gap), w: frame.w, h: frame.h }));
}
