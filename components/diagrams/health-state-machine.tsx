import { connect, selfLoop, type Box, type Side, type Tone } from "@/lib/diagrams/geometry";
import { healthArrows, healthTransitions } from "@/lib/diagrams/health-machine";
import type { HealthStatus } from "@/lib/sim/healthcheck/types";
import { DiagramFigure } from "./diagram-figure";
import { ArrowLine, ArrowMarkers, DiagramBox, Label, TextAlternative } from "./svg-parts";

const ID = "health-state-machine";
const BOXES: Record<HealthStatus, Box> = {
  starting: { id: "starting", lines: ["starting", "streak 0"], x: 140, y: 30, w: 120, h: 46, tone: "accent" },
  healthy: { id: "healthy", lines: ["healthy"], x: 20, y: 190, w: 120, h: 46, tone: "success" },
  unhealthy: { id: "unhealthy", lines: ["unhealthy"], x: 260, y: 190, w: 120, h: 46, tone: "danger" },
};
const LOOP_SIDE: Record<HealthStatus, Side> = { starting: "left", healthy: "bottom", unhealthy: "bottom" };

function arrowTone(from: HealthStatus, to: HealthStatus): Tone {
  if (to === "starting" || from === to) return "neutral";
  return to === "healthy" ? "success" : "danger";
}

/** Docker's health states and every transition, taken from the simulator's rules (retries 3). */
export function HealthStateMachine({ retries = 3 }: { retries?: number }) {
  const arrows = healthArrows(retries);
  return (
    <DiagramFigure
      id={ID}
      width={400}
      height={300}
      title="Docker health state machine"
      description={`Three states: starting, healthy and unhealthy. One success makes any state healthy; ${retries} counted failures in a row make it unhealthy; failures inside the start period do not count while starting; every container start or restart returns to starting.`}
      caption={`Docker's health states with retries ${retries}. Solid arrows are probe results; dashed arrows are container (re)starts. Drawn from the same rules the health-check labs run.`}
      text={
        <TextAlternative>
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {healthTransitions(retries).map((t) => (
                <tr key={`${t.from}-${t.short}`}>
                  <td>{t.from}</td>
                  <td>{t.to}</td>
                  <td>{t.long}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TextAlternative>
      }
    >
      <ArrowMarkers diagram={ID} />
      {arrows.map((arrow) => {
        const from = BOXES[arrow.from];
        const to = BOXES[arrow.to];
        const path =
          arrow.from === arrow.to
            ? selfLoop(from, LOOP_SIDE[arrow.from])
            : connect(from, to, { offset: from.y === to.y ? 12 : 10, at: from.y === to.y ? 0.5 : 0.3 });
        const loopAnchor = arrow.from === arrow.to && LOOP_SIDE[arrow.from] === "left" ? "end" : "middle";
        return (
          <g key={`${arrow.from}-${arrow.to}`}>
            <ArrowLine diagram={ID} d={path.d} tone={arrowTone(arrow.from, arrow.to)} dashed={arrow.to === "starting" && arrow.from !== "starting"} />
            <Label at={path.label} lines={arrow.lines} anchor={loopAnchor} />
          </g>
        );
      })}
      {Object.values(BOXES).map((box) => (
        <DiagramBox key={box.id} box={box} size={14} />
      ))}
    </DiagramFigure>
  );
}
