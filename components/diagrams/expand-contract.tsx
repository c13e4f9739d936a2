import { COLUMN_TONE, EXPAND_CONTRACT } from "@/lib/diagrams/figures";
import type { Box } from "@/lib/diagrams/geometry";
import { DiagramFigure } from "./diagram-figure";
import { DiagramBox, TextAlternative } from "./svg-parts";

const ROW = 46;
const HEAD = 26;
const COLS = [
  { key: "total" as const, label: "orders.total", x: 140 },
  { key: "totalCents" as const, label: "orders.total_cents", x: 252 },
];

/** Which column each release reads and writes, step by step, from the lesson's table. */
export function ExpandContract() {
  const cells: Box[] = EXPAND_CONTRACT.flatMap((step, row) =>
    COLS.map((col) => ({
      id: `${step.step}-${col.key}`,
      lines: step[col.key].split(", "),
      x: col.x,
      y: HEAD + row * ROW,
      w: 104,
      h: ROW - 8,
      tone: COLUMN_TONE[step[col.key]],
    })),
  );
  return (
    <DiagramFigure
      id="expand-contract"
      width={360}
      height={HEAD + EXPAND_CONTRACT.length * ROW}
      title="Expand and contract: renaming orders.total to orders.total_cents"
      description={EXPAND_CONTRACT.map((s) => `${s.step} (${s.release}): total ${s.total}, total_cents ${s.totalCents}`).join(". ")}
      caption="Read down: at every step both the release before and the release after work with the schema, so each one can roll back."
      text={
        <TextAlternative>
          <table>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Release</th>
                <th scope="col">orders.total</th>
                <th scope="col">orders.total_cents</th>
              </tr>
            </thead>
            <tbody>
              {EXPAND_CONTRACT.map((s) => (
                <tr key={s.step}>
                  <td>{s.step}</td>
                  <td>{s.release}</td>
                  <td>{s.total}</td>
                  <td>{s.totalCents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TextAlternative>
      }
    >
      {COLS.map((col) => (
        <text key={col.key} x={col.x + 52} y={16} fontSize={11} fontWeight={700} textAnchor="middle" className="fill-fg">
          {col.label}
        </text>
      ))}
      {EXPAND_CONTRACT.map((step, row) => (
        <text key={step.step} x={4} y={HEAD + row * ROW + 16} fontSize={12} className="fill-fg">
          <tspan fontWeight={700}>{step.step}</tspan>
          <tspan x={4} dy={14} fontSize={11} className="fill-fg-muted">
            {step.release}
          </tspan>
        </text>
      ))}
      {cells.map((cell) => (
        <DiagramBox key={cell.id} box={cell} size={11} />
      ))}
    </DiagramFigure>
  );
}
