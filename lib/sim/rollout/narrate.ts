import type { RolloutEvent, Strategy } from "./types";

/** "12 s", "2.5 s", "2 min", "10 min 30 s". */
export function formatMs(ms: number): string {
  if (ms < 120_000) return `${Number((ms / 1000).toFixed(3))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Number(((ms % 60_000) / 1000).toFixed(3));
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

const replicas = (n: number) => (n === 1 ? "1 replica" : `${n} replicas`);

const STRATEGY: Record<Strategy, (n: number) => string> = {
  swarm: (n) => `a Docker Swarm rolling update of ${replicas(n)} begins`,
  kubernetes: (n) => `a Kubernetes rolling update of a ${n}-replica Deployment begins`,
  "blue-green": (n) => `a blue-green deployment begins: ${replicas(n)} of blue serve while green starts`,
  canary: (n) => `a canary release begins beside ${replicas(n)} of the stable version`,
};

const EXIT: Record<number, string> = {
  0: "exited cleanly (code 0)",
  1: "failed (code 1)",
  137: "was killed (code 137)",
};

const requests = (n: number) => (n === 1 ? "1 request" : `${n} requests`);
const lost = (n: number) => (n === 0 ? "no request was in flight" : `${requests(n)} in flight failed`);

/** One plain-English sentence describing an event. */
export function narrate(event: RolloutEvent): string {
  const when = `At ${formatMs(event.at)}`;
  switch (event.type) {
    case "rollout-started":
      return `${when} ${STRATEGY[event.strategy](event.replicas)}.`;
    case "instance-started":
      return `${when} ${event.id} (${event.label}) is created and starts.`;
    case "instance-running":
      return event.restarts === 0
        ? `${when} ${event.id}'s process is running.`
        : `${when} ${event.id}'s container is running again (restart ${event.restarts}).`;
    case "instance-ready":
      return `${when} ${event.id} is ready: its health check passes and it can take traffic.`;
    case "instance-available":
      return `${when} ${event.id} has stayed ready for minReadySeconds and counts as available.`;
    case "instance-failed":
      return `${when} ${event.id} fails (crashed or unhealthy) and ${lost(event.inFlightLost)}.`;
    case "instance-terminating":
      return `${when} ${event.id} is told to stop.`;
    case "instance-unrouted":
      return `${when} the routers stop sending new requests to ${event.id}.`;
    case "instance-sigterm":
      return `${when} ${event.id} receives SIGTERM and starts draining.`;
    case "instance-killed":
      return `${when} ${event.id} is still running at the end of its grace period, gets SIGKILL, and ${lost(event.inFlightLost)}.`;
    case "instance-gone":
      return `${when} ${event.id} ${EXIT[event.exitCode] ?? `exited (code ${event.exitCode})`} and is gone.`;
    case "replicasets-scaled":
      return `${when} the ReplicaSets are scaled to ${event.old} old and ${event.new} new Pods.`;
    case "slot-update-started":
      return `${when} Swarm starts moving slot ${event.slot} to the ${event.role} version.`;
    case "task-failure-counted":
      return `${when} ${event.id} counts as failure ${event.failures} of ${event.slots} updated slots.`;
    case "update-paused":
      return `${when} Swarm stops here and reports "${event.reason}".`;
    case "rollback-started":
      return `${when} Swarm starts rolling back: "${event.reason}".`;
    case "rolled-back":
      return `${when} the rollback is complete and the old version serves all traffic.`;
    case "rollout-completed":
      return `${when} the rollout is complete and the new version serves all traffic.`;
    case "deadline-exceeded":
      return `${when} the rollout has made no progress for ${formatMs(event.sinceProgressMs)}: ProgressDeadlineExceeded, and nothing rolls back by itself.`;
    case "smoke-test":
      return event.passed
        ? `${when} the smoke test against green passes: all green instances ready, ${requests(event.requests)} without an error.`
        : `${when} the smoke test against green fails: ${event.notReady} instances not ready, ${event.errors} of ${requests(event.requests)} failed.`;
    case "traffic-switched":
      return `${when} the router switches all traffic to ${event.to}.`;
    case "phase-changed":
      return `${when} canary phase ${event.phase} begins: ${event.weight}% of requests go to the new version.`;
    case "gate-failed":
      return event.requests === 0
        ? `${when} the canary gate fails: no canary requests in the window, and no data counts as failure.`
        : `${when} the canary gate fails: ${event.errors} errors in ${requests(event.requests)} (${((100 * event.errors) / event.requests).toFixed(1)}%), so traffic goes back to stable.`;
    case "rollout-aborted":
      return `${when} the rollout is abandoned: ${event.reason}.`;
  }
}

export function narrateAll(events: RolloutEvent[]): string[] {
  return events.map(narrate);
}
