/**
 * Public data types of the health-check engine. Times are integer milliseconds on the virtual
 * clock; t = 0 is the start of the simulation (the first container starts then).
 * Everything that goes out (events, summary) is plain, JSON-serialisable data.
 */

export type HealthStatus = "starting" | "healthy" | "unhealthy";

/** Who is asking: a Docker HEALTHCHECK, one of the three Kubernetes probes, or an nginx request. */
export type ProbeKind = "healthcheck" | "startup" | "liveness" | "readiness" | "request";

/** What a probe program is told when it is asked to answer one probe or request. */
export type ProbeContext = {
  /** Virtual time the probe starts at. */
  nowMs: number;
  /** Time since the current container started (restarts and replacements reset it). */
  sinceStartMs: number;
  /** 1-based count of probes of this kind for this container (or requests to this server). */
  probeNumber: number;
  kind: ProbeKind;
};

/**
 * How one probe ends. `exitCode` 0 is a success, anything else a failure (Docker only checks for
 * 0, so 2 is a failure too). `durationMs` may be `Infinity` for a probe that hangs: the engine
 * applies the timeout. Fractional durations are rounded to whole milliseconds.
 */
export type ProbeResult = { exitCode: number; durationMs: number; output?: string };

/**
 * The app's behaviour, injected: a pure, synchronous function called once at the start of every
 * probe. Built-in programs live in probes.ts; a sandbox adapter can wrap learner code in this shape.
 */
export type ProbeProgram = (context: ProbeContext) => ProbeResult;

/** The main process of the app's current container exits by itself at `atMs` (if running then). */
export type ProcessExit = { atMs: number; exitCode: number };

/** Why a container started. */
export type StartReason = "initial" | "restart" | "replacement" | "dependency-healthy";

/** One nginx attempt to pass a request to an upstream server. */
export type UpstreamAttempt = {
  server: string;
  startedAtMs: number;
  endedAtMs: number;
  outcome: "ok" | "error" | "timeout";
};

export type TimelineEvent =
  | { type: "container-start"; atMs: number; container: string; startNumber: number; reason: StartReason }
  /** The app's main process exited by itself. */
  | { type: "container-exit"; atMs: number; container: string; exitCode: number; uptimeMs: number }
  /** An orchestrator shut the container down. */
  | { type: "container-stop"; atMs: number; container: string; reason: string }
  | { type: "probe-start"; atMs: number; container: string; probe: ProbeKind; probeNumber: number }
  | {
      type: "probe-end";
      atMs: number;
      container: string;
      probe: ProbeKind;
      probeNumber: number;
      startedAtMs: number;
      durationMs: number;
      /** −1 when the probe was killed for exceeding its timeout. */
      exitCode: number;
      output: string;
      timedOut: boolean;
      timeoutMs: number;
      success: boolean;
      /** Docker: false for a failure ignored during the start period. Kubernetes: always true. */
      counted: boolean;
      /** Docker: failing streak after this result. Kubernetes: consecutive results equal to this one. */
      streak: number;
      /** Docker: retries. Kubernetes: failureThreshold or successThreshold, matching this result. */
      threshold: number;
    }
  /**
   * A Docker health status change. `cause: "probe"` is what `docker events` reports as
   * `health_status: <to>`; `cause: "container-start"` is the silent reset on a (re)start.
   */
  | {
      type: "status-change";
      atMs: number;
      container: string;
      from: HealthStatus;
      to: HealthStatus;
      cause: "probe" | "container-start";
    }
  /** A decision to start the container again after `delayMs`. */
  | {
      type: "restart";
      atMs: number;
      container: string;
      reason: string;
      delayMs: number;
      restartCount: number;
    }
  /** Standalone Docker or Compose saw `unhealthy` and, by design, did nothing. */
  | { type: "unhealthy-ignored"; atMs: number; container: string }
  | { type: "task-running"; atMs: number; task: string }
  | { type: "task-failed"; atMs: number; task: string; reason: string }
  | { type: "task-replaced"; atMs: number; oldTask: string; newTask: string }
  | { type: "startup-succeeded"; atMs: number; container: string }
  | {
      type: "endpoint-added";
      atMs: number;
      target: string;
      via: "kubernetes-service" | "nginx-upstream";
      reason: string;
    }
  | {
      type: "endpoint-removed";
      atMs: number;
      target: string;
      via: "kubernetes-service" | "nginx-upstream";
      reason: string;
    }
  | { type: "dependant-waiting"; atMs: number; dependant: string; dependency: string }
  | { type: "dependant-started"; atMs: number; dependant: string; dependency: string }
  | { type: "dependant-failed"; atMs: number; dependant: string; dependency: string; reason: string }
  | {
      type: "request";
      atMs: number;
      requestNumber: number;
      startedAtMs: number;
      /** 200, 502 (error or no live upstreams) or 504 (last attempt timed out). */
      status: number;
      attempts: UpstreamAttempt[];
    };

export type TimelineEventType = TimelineEvent["type"];

/** Summary figures; times are since t = 0, null when it never happened. */
export type Summary = {
  /** First `health_status: healthy` (Docker, Compose, Swarm). */
  timeToFirstHealthyMs: number | null;
  /** First `health_status: unhealthy`. */
  timeToUnhealthyMs: number | null;
  /** First time traffic may reach the app: Kubernetes Pod Ready or Swarm task running. */
  timeToFirstReadyMs: number | null;
  restarts: number;
  replacements: number;
  probes: number;
  failedProbes: number;
  timedOutProbes: number;
  endpointRemovals: number;
  requests: number;
  failedRequests: number;
  retriedRequests: number;
  dependantStartedAtMs: number | null;
  dependantFailedAtMs: number | null;
};

/** One entry of Docker's health log (`docker inspect` → State.Health.Log). */
export type HealthLogEntry = { startMs: number; endMs: number; exitCode: number; output: string };

/** Docker's per-container health state (`docker inspect` → State.Health). */
export type HealthState = { status: HealthStatus; failingStreak: number; log: readonly HealthLogEntry[] };

export type Timeline = {
  events: TimelineEvent[];
  summary: Summary;
  /** Final Docker health state per container (Docker, Compose, Swarm); empty otherwise. */
  health: Record<string, HealthState>;
};
