import type { RolloutScenario } from "./schema";

export type Role = "old" | "new";
export type Strategy = RolloutScenario["strategy"];

/**
 * How the rollout ended. Swarm: completed / paused / rolled-back / rollback-paused (its
 * UpdateStatus states). Kubernetes: completed or deadline-exceeded (it never rolls back itself).
 * Blue-green and canary: completed, rolled-back, or aborted before any switch.
 */
export type Outcome =
  | "in-progress"
  | "completed"
  | "paused"
  | "rolled-back"
  | "rollback-paused"
  | "deadline-exceeded"
  | "aborted";

/**
 * no-instance: no ready instance to route to; refused: routed to an instance that no longer
 * (or not yet) accepts connections; cut: in flight when its instance was killed or crashed;
 * broken: answered with an error by a faulty version.
 */
export type ErrorCause = "no-instance" | "refused" | "cut" | "broken";

export type EventBody =
  | { type: "rollout-started"; strategy: Strategy; replicas: number }
  | { type: "instance-started"; id: string; role: Role; label: string }
  | { type: "instance-running"; id: string; restarts: number }
  | { type: "instance-ready"; id: string }
  | { type: "instance-available"; id: string }
  | { type: "instance-failed"; id: string; inFlightLost: number }
  | { type: "instance-terminating"; id: string }
  | { type: "instance-unrouted"; id: string }
  | { type: "instance-sigterm"; id: string }
  | { type: "instance-killed"; id: string; inFlightLost: number }
  | { type: "instance-gone"; id: string; exitCode: number }
  | { type: "replicasets-scaled"; old: number; new: number }
  | { type: "slot-update-started"; slot: number; role: Role }
  | { type: "task-failure-counted"; id: string; failures: number; slots: number }
  | { type: "update-paused"; reason: string }
  | { type: "rollback-started"; reason: string }
  | { type: "rolled-back" }
  | { type: "rollout-completed" }
  | { type: "deadline-exceeded"; sinceProgressMs: number }
  | { type: "smoke-test"; passed: boolean; requests: number; errors: number; notReady: number }
  | { type: "traffic-switched"; to: "blue" | "green" }
  | { type: "phase-changed"; phase: number; weight: number }
  | { type: "gate-failed"; requests: number; errors: number }
  | { type: "rollout-aborted"; reason: string };

export type RolloutEvent = EventBody & { at: number };
export type EventType = RolloutEvent["type"];

/** One point of the sampled series; served/errors count outcomes since the previous sample. */
export type Sample = {
  t: number;
  /** Old/new instances that are ready (listening, health passing) and not terminating. */
  readyOld: number;
  readyNew: number;
  /** Instances that receive traffic and accept it: what actually serves users. */
  capacity: number;
  /** Ready for at least minReady (Kubernetes' "available"; equals ready elsewhere). */
  available: number;
  /** Containers/Pods that exist, including starting and terminating ones. */
  instances: number;
  served: number;
  errors: number;
};

export type Summary = {
  outcome: Outcome;
  /** Time the outcome was reached (end of the run while still in progress). */
  durationMs: number;
  endMs: number;
  minCapacity: number;
  minAvailable: number;
  maxInstances: number;
  /** Time spent at each capacity, ascending by capacity. */
  capacityMs: Array<{ capacity: number; ms: number }>;
  requests: number;
  served: number;
  errors: number;
  errorsByCause: Record<ErrorCause, number>;
  inFlightAtEnd: number;
};

export type RolloutResult = {
  scenario: RolloutScenario;
  events: RolloutEvent[];
  samples: Sample[];
  summary: Summary;
};
