import { TERMINATION_RACE } from "@/lib/diagrams/figures";
import type { TimelineSpec } from "@/lib/diagrams/timeline";
import { DiagramFigure } from "./diagram-figure";
import { TimelineSvg, TimelineText, timelineHeight } from "./timeline-svg";

const SPEC: TimelineSpec = { until: 8, tickEvery: 1, groups: TERMINATION_RACE };

/** Kubernetes Pod deletion: preStop and SIGTERM on one side, endpoint removal on the other. */
export function TerminationRace() {
  return (
    <DiagramFigure
      id="termination-race"
      width={360}
      height={timelineHeight(SPEC)}
      title="Kubernetes termination race: preStop and SIGTERM versus endpoint removal"
      description="When a Pod is deleted, endpoint removal and the kubelet's shutdown start at the same moment. Routing updates reach kube-proxy and ingress controllers a moment later. With a 5 second preStop sleep, SIGTERM arrives at 5 seconds and the listener closes at 7, after routing has caught up. Without preStop, SIGTERM arrives at once and the listener closes at 2 seconds while some nodes may still route to it, so those connections are refused. SIGKILL stays due at the 45 second grace period, which includes the preStop time."
      caption="How long routing takes to catch up varies by cluster; 3 s is only for the picture. The preStop time comes out of terminationGracePeriodSeconds (45 s here), it is not added to it."
      text={
        <TimelineText spec={SPEC}>
          <p>SIGKILL is due at 45 s, counted from the deletion, preStop included.</p>
        </TimelineText>
      }
    >
      <TimelineSvg spec={SPEC} />
    </DiagramFigure>
  );
}
