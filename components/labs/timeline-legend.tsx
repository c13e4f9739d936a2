import type { ChartModel, Glyph, LinePlot, Tone } from "./chart-model";
import { GlyphSwatch } from "./timeline-glyph";
import { GLYPH_ORDER, GLYPHS, TONE_ORDER, TONES } from "./visual-language";

/** The tones and glyphs a chart actually uses, so its key lists nothing it does not draw. */
export function usedKeys(chart: ChartModel): {
  tones: Set<Tone>;
  glyphs: Set<Glyph>;
  faults: boolean;
  pods: boolean;
  line: LinePlot | null;
} {
  const tones = new Set<Tone>();
  const glyphs = new Set<Glyph>();
  for (const mark of chart.marks) {
    if (mark.toMs !== undefined || !mark.glyph) tones.add(mark.tone);
    if (mark.glyph) glyphs.add(mark.glyph);
  }
  if (chart.area) {
    tones.add("old");
    tones.add("new");
  }
  const line = chart.lanes.some((lane) => lane.kind === "line") ? (chart.line ?? null) : null;
  return { tones, glyphs, faults: chart.windows.length > 0, pods: chart.area !== null, line };
}

type Props = {
  /** Only these keys; all of them (the whole visual language) when left out. */
  only?: ReturnType<typeof usedKeys>;
};

/**
 * The key to every lab chart. One language for all of them: green is OK, red (hatched) failed,
 * amber (dotted) timed out; a triangle up is "into traffic" whichever lab drew it.
 */
export function TimelineLegend({ only }: Props) {
  const tones = TONE_ORDER.filter((tone) => !only || only.tones.has(tone));
  const glyphs = GLYPH_ORDER.filter((glyph) => !only || only.glyphs.has(glyph));
  return (
    <div className="mt-2 text-sm" data-testid={only ? "timeline-legend" : "timeline-key"}>
      <p className="sr-only">Key to the chart:</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {tones.map((tone) => (
          <li key={tone} className="flex items-center gap-1.5" title={TONES[tone].meaning}>
            <ToneSwatch tone={tone} />
            <span>
              {TONES[tone].name} <span className="text-fg-muted">— {TONES[tone].meaning}</span>
            </span>
          </li>
        ))}
        {(!only || only.pods) && (
          <li className="flex items-center gap-1.5">
            <svg width="22" height="12" aria-hidden="true" focusable="false">
              <path d="M0,9H8V3H22" fill="none" stroke="var(--fg)" strokeWidth="1.5" />
            </svg>
            <span>
              All Pods{" "}
              <span className="text-fg-muted">
                — every Pod that exists, starting and terminating ones too (the surge ceiling does not count
                terminating Pods)
              </span>
            </span>
          </li>
        )}
        {(!only || only.line) && (
          <li className="flex items-center gap-1.5">
            <svg width="22" height="12" aria-hidden="true" focusable="false">
              <path d="M0,10L7,8L14,3L22,2" fill="none" stroke="var(--accent)" strokeWidth="2" />
            </svg>
            <span>
              {only?.line?.name ?? "Measured value"}{" "}
              <span className="text-fg-muted">— sampled at each evaluation, a gap where there was none</span>
            </span>
          </li>
        )}
        {(!only || only.line?.threshold) && (
          <li className="flex items-center gap-1.5">
            <svg width="22" height="12" aria-hidden="true" focusable="false">
              <line
                x1="0"
                x2="22"
                y1="6"
                y2="6"
                stroke="var(--danger)"
                strokeWidth="1.5"
                strokeDasharray="8 4"
              />
            </svg>
            <span>
              Threshold{only?.line?.threshold ? ` (${only.line.threshold.label})` : ""}{" "}
              <span className="text-fg-muted">— the value the rule compares against</span>
            </span>
          </li>
        )}
        {(!only || only.faults) && (
          <li className="flex items-center gap-1.5">
            <svg width="22" height="12" aria-hidden="true" focusable="false">
              <rect width="22" height="12" fill="var(--danger)" opacity="0.15" />
              <path d="M0,12L12,0M8,12L20,0" stroke="var(--danger)" opacity="0.6" />
            </svg>
            <span>
              Fault window{" "}
              <span className="text-fg-muted">— trouble injected on purpose: a dependency down, errors</span>
            </span>
          </li>
        )}
      </ul>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {glyphs.map((glyph) => (
          <li key={glyph} className="flex items-center gap-1" title={GLYPHS[glyph].meaning}>
            <GlyphSwatch glyph={glyph} colour="var(--fg)" />
            <span>
              {GLYPHS[glyph].name}
              {!only && <span className="text-fg-muted"> — {GLYPHS[glyph].meaning}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ToneSwatch({ tone }: { tone: Tone }) {
  const style = TONES[tone];
  return (
    <svg width="22" height="12" aria-hidden="true" focusable="false">
      <rect width="22" height="12" rx="2" fill={style.colour} />
      {style.pattern === "hatch" && (
        <path
          d="M0,12L12,0M8,12L20,0M-4,8L4,0M16,12L22,6"
          stroke="var(--bg)"
          strokeWidth="2"
          opacity="0.55"
        />
      )}
      {style.pattern === "dots" &&
        [3, 8, 13, 18].map((cx) => <circle key={cx} cx={cx} cy="6" r="1.1" fill="var(--bg)" opacity="0.7" />)}
    </svg>
  );
}
