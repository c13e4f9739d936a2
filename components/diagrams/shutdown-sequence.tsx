import { SHUTDOWN_SETUPS, shutdownLanes } from "@/lib/diagrams/shutdown";
import type { TimelineSpec } from "@/lib/diagrams/timeline";
import { DiagramFigure } from "./diagram-figure";
import { TimelineSvg, TimelineText, timelineHeight } from "./timeline-svg";

const SPEC: TimelineSpec = { until: 14, tickEvery: 2, groups: SHUTDOWN_SETUPS.map(shutdownLanes) };

/** SIGTERM → drain → close, against SIGTERM ignored → SIGKILL: the worked timeline's two ends. */
export function ShutdownSequence() {
  return (
    <DiagramFigure
      id="shutdown-sequence"
      width={360}
      height={timelineHeight(SPEC)}
      title="Shutdown sequence: drain and exit versus SIGKILL"
      description="Three requests need 2, 4 and 12 more seconds when SIGTERM arrives. With a draining handler and a 30 second grace period, readiness turns 503, the listener closes at 5 seconds, all three complete and the process exits 0 at 12 seconds. With no handler and the default 10 second grace period, the process keeps accepting until SIGKILL at 10 seconds, exit code 137, and the 12 second request is cut."
      caption="The same three requests under two setups, computed from the grace period, drain delay and force-exit timer."
      text={
        <TimelineText spec={SPEC} />
      }
    >
      <TimelineSvg spec={SPEC} />
    </DiagramFigure>
  );
}
