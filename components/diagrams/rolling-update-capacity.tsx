import { linearScale } from "@/lib/diagrams/geometry";
import { rollingUpdateCapacity } from "@/lib/diagrams/rolling-capacity";
import type { IntOrPercent } from "@/lib/sim/rollout/schema";
import { DiagramFigure } from "./diagram-figure";
import { TextAlternative, TONE } from "./svg-parts";

const W = 360;
const TOP = 40;
const BOTTOM = 230;
const LEFT = 28;
/** Room on the right for the ceiling and floor labels, clear of the bars. */
const RIGHT = 92;

const LEGEND = [
  { label: "old, serving", className: TONE.neutral.box },
  { label: "new, available", className: TONE.success.box },
  { label: "new, not yet", className: TONE.warning.box },
] as const;

/** Pods per round of a RollingUpdate, computed from replicas, maxSurge and maxUnavailable. */
export function RollingUpdateCapacity({
  replicas = 6,
  maxSurge = 1,
  maxUnavailable = 0,
}: {
  replicas?: number;
  maxSurge?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
}) {
  const plan = rollingUpdateCapacity(replicas, maxSurge, maxUnavailable);
  const y = linearScale([0, plan.ceiling + 1], [BOTTOM, TOP]);
  const slot = (W - LEFT - RIGHT) / plan.rows.length;
  const barW = Math.min(34, slot - 10);
  const id = `rolling-update-capacity-${replicas}-${maxSurge}-${maxUnavailable}`.replace(/%/g, "pc");
  const settings = `${replicas} replicas, maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable}`;
  return (
    <DiagramFigure
      id={id}
      width={W}
      height={BOTTOM + 36}
      title={`Rolling update capacity: ${settings}`}
      description={`Never more than ${plan.ceiling} Pods and never fewer than ${plan.floor} available. ${plan.rows
        .map((r) => `${r.after}: ${r.old} old, ${r.created} new (${r.ready} available), ${r.available} serving`)
        .join(". ")}.`}
      caption={`Each bar is one round: the Deployment controller surges up to ${plan.ceiling} Pods (dashed line above), keeps at least ${plan.floor} available (dashed line below) and waits for new Pods to become available. Computed from the settings, not drawn by hand.`}
      text={
        <TextAlternative>
          <table>
            <thead>
              <tr>
                <th scope="col">After</th>
                <th scope="col">Old</th>
                <th scope="col">New (available)</th>
                <th scope="col">Serving</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => (
                <tr key={r.after}>
                  <td>{r.after}</td>
                  <td>{r.old}</td>
                  <td>
                    {r.created} ({r.ready})
                  </td>
                  <td>{r.available}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TextAlternative>
      }
    >
      {LEGEND.map((item, i) => (
        <g key={item.label}>
          <rect x={LEFT + i * 112} y={8} width={12} height={12} rx={2} className={item.className} />
          <text x={LEFT + i * 112 + 16} y={18} fontSize={11} className="fill-fg">
            {item.label}
          </text>
        </g>
      ))}
      {[0, plan.floor, plan.ceiling].map((value) => (
        <text key={value} x={LEFT - 6} y={y(value) + 4} fontSize={11} textAnchor="end" className="fill-fg-muted">
          {value}
        </text>
      ))}
      <line x1={LEFT} x2={W - RIGHT} y1={BOTTOM} y2={BOTTOM} className="stroke-border" />
      {plan.rows.map((r, i) => {
        const x = LEFT + i * slot + (slot - barW) / 2;
        const parts = [
          { n: r.old, className: TONE.neutral.box },
          { n: r.ready, className: TONE.success.box },
          { n: r.created - r.ready, className: TONE.warning.box },
        ];
        let base = 0;
        return (
          <g key={r.after}>
            {parts.map((part, j) => {
              const from = base;
              base += part.n;
              return part.n > 0 ? (
                <rect key={j} x={x} y={y(base)} width={barW} height={y(from) - y(base)} className={part.className} strokeWidth={1} />
              ) : null;
            })}
            <text x={x + barW / 2} y={BOTTOM + 14} fontSize={11} textAnchor="middle" className="fill-fg-muted">
              {i}
            </text>
          </g>
        );
      })}
      {[
        { value: plan.ceiling, label: `max ${plan.ceiling} Pods`, tone: TONE.danger.stroke, dy: -4 },
        { value: plan.floor, label: `min ${plan.floor} serving`, tone: TONE.warning.stroke, dy: 12 },
      ].map((line) => (
        <g key={line.label}>
          <line x1={LEFT} x2={W - 4} y1={y(line.value)} y2={y(line.value)} className={line.tone} strokeWidth={1.5} strokeDasharray="6 4" />
          <text x={W - 4} y={y(line.value) + line.dy} fontSize={11} textAnchor="end" className="fill-fg">
            {line.label}
          </text>
        </g>
      ))}
      <text x={(W - RIGHT + LEFT) / 2} y={BOTTOM + 30} fontSize={11} textAnchor="middle" className="fill-fg-muted">
        round (0 = kubectl set image)
      </text>
    </DiagramFigure>
  );
}
