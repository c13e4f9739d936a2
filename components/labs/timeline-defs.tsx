import type { Tone } from "./chart-model";
import { TONES } from "./visual-language";

/**
 * Fill patterns drawn over a tone's colour, so failed, timed-out and starting spans differ by
 * texture as well as by colour. Ids are per chart (several charts share a page).
 */
export function PatternDefs({ uid }: { uid: string }) {
  return (
    <defs>
      <pattern
        id={`${uid}-hatch`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bg)" strokeWidth="2" opacity="0.55" />
      </pattern>
      <pattern id={`${uid}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <circle cx="2.5" cy="2.5" r="1.1" fill="var(--bg)" opacity="0.7" />
      </pattern>
      <pattern
        id={`${uid}-fault`}
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(-45)"
      >
        <line x1="0" y1="0" x2="0" y2="8" stroke="var(--danger)" strokeWidth="1.5" opacity="0.35" />
      </pattern>
    </defs>
  );
}

/** A rectangle in a tone: the colour, then the tone's pattern over it. */
export function ToneRect({
  tone,
  uid,
  x,
  y,
  width,
  height,
  opacity = 1,
}: {
  tone: Tone;
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  opacity?: number;
}) {
  const style = TONES[tone];
  return (
    <g opacity={opacity}>
      <rect x={x} y={y} width={width} height={height} fill={style.colour} rx={1.5} />
      {style.pattern && (
        <rect x={x} y={y} width={width} height={height} fill={`url(#${uid}-${style.pattern})`} />
      )}
    </g>
  );
}
