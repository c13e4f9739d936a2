/**
 * Public data types of the shutdown engine: the scenario that goes in, the events and summary that
 * come out. Everything here is plain, JSON-serialisable data. Times are integer milliseconds on the
 * virtual clock; t = 0 is the start of the simulation, and the stop begins at `stopAtMs`.
 * The app's own behaviour is injected separately (see program-types.ts).
 */

/** Signals a platform may send as the stop signal (Dockerfile STOPSIGNAL, default SIGTERM). */
export type StopSignal = "SIGTERM" | "SIGINT" | "SIGQUIT" | "SIGHUP";
export type Signal = StopSignal | "SIGKILL";

/** docker stop / docker run, docker compose, Swarm services, Kubernetes Pods. */
export type PlatformKind = "docker" | "compose" | "swarm" | "kubernetes";

/**
 * What runs as PID 1.
 * - `exec`: `CMD ["node", "server.js"]`, Node is PID 1.
 * - `init`: `docker run --init` / `init: true`, tini is PID 1 and forwards signals to Node.
 * - `npm`: `CMD npm start`, npm sits in front of Node. Modelled as: Node never receives the signal.
 */
export type LaunchMode = "exec" | "init" | "npm";

export interface PlatformSpec {
  kind: PlatformKind;
  /** Grace period between the stop signal and SIGKILL. Defaults: 10 s (Docker, Compose, Swarm), 30 s (Kubernetes). */
  gracePeriodMs?: number;
  /** Defaults to SIGTERM. */
  stopSignal?: StopSignal;
  /** Kubernetes only: a preStop hook that runs this long before the stop signal; it counts against the grace period. */
  preStopMs?: number;
}

/** How the load balancer in front stops sending new connections to this instance. */
export interface RoutingSpec {
  /**
   * Time after the stop begins at which the endpoint leaves the balancer (Kubernetes endpoint removal,
   * Swarm's service binding); null = never during the simulation (Docker or Compose behind nginx).
   */
  endpointRemovalDelayMs?: number | null;
  /** The balancer polls the readiness endpoint; null = it never does (stock nginx). */
  readinessProbe?: ReadinessProbeSpec | null;
}

export interface ReadinessProbeSpec {
  periodMs: number;
  /** Consecutive failed polls before the balancer stops sending new connections. */
  failureThreshold: number;
  /** First poll this long after the stop begins; defaults to periodMs. Polls before the stop all succeed and are not simulated. */
  offsetMs?: number;
}

/**
 * One request the load balancer wants to send to this instance.
 * Without `connection` the request opens its own connection, which closes after the response.
 * Requests naming the same `connection` share one keep-alive connection, served one after another.
 */
export interface RequestSpec {
  id: string;
  atMs: number;
  durationMs: number;
  connection?: string;
}

export interface ShutdownScenario {
  platform?: PlatformSpec;
  launch?: LaunchMode;
  /** Node.js major version (default 20): from 19, server.close() also closes idle keep-alive connections. */
  nodeMajor?: number;
  /** server.keepAliveTimeout, default 5000 ms; 0 disables it (idle connections stay open), as in Node. */
  keepAliveTimeoutMs?: number;
  /** A database pool that keeps the process alive until closed; null = the app has none. Default closes in 100 ms. */
  database?: { closeMs: number } | null;
  /** When `docker stop` runs / the Pod is deleted. Default 0. */
  stopAtMs?: number;
  requests?: readonly RequestSpec[];
  /** Defaults depend on the platform; see platform.ts. */
  routing?: RoutingSpec;
}

export type ExitCause =
  "sigkill" | "signal-default" | "process-exit" | "uncaught-exception" | "event-loop-empty";
export type DropCause = "sigkill" | "signal-default" | "exit" | "close-all-connections";
export type RefuseCause = "listener-closed" | "process-exited";
export type RoutingStopCause = "endpoint-removed" | "readiness";
export type ConnectionCloseReason =
  | "keep-alive-timeout"
  | "connection-close-header"
  | "server-close"
  | "close-idle-connections"
  | "close-all-connections";
/** How Node fared with a signal: its handler ran, PID 1 ignored it, it died of it, or npm never passed it on. */
export type SignalOutcome = "handler" | "ignored-as-pid1" | "default-action" | "not-forwarded";
export type ProcessName = "node" | "tini" | "npm";

type At<T> = T & { t: number };

/** One thing that happened, in order. */
export type ShutdownEvent = At<
  | { type: "stop-requested"; platform: PlatformKind; gracePeriodMs: number; stopSignal: StopSignal }
  | { type: "endpoint-removed" }
  | { type: "prestop-started"; durationMs: number }
  | { type: "prestop-finished"; cutShort: boolean }
  | { type: "signal-sent"; signal: Signal; to: ProcessName }
  | { type: "signal-received"; signal: StopSignal; outcome: SignalOutcome; via: ProcessName }
  | { type: "app-log"; message: string }
  | { type: "readiness-changed"; ready: boolean }
  | { type: "connection-close-header"; enabled: boolean }
  | { type: "timer-set"; timerId: number; delayMs: number }
  | { type: "timer-fired"; timerId: number }
  | { type: "timer-cleared"; timerId: number }
  | { type: "blocked"; durationMs: number }
  | { type: "unblocked" }
  | { type: "listener-closed" }
  | { type: "server-close-failed"; code: "ERR_SERVER_NOT_RUNNING" }
  | { type: "close-idle-called" }
  | { type: "close-all-called" }
  | { type: "connection-closed"; connection: string; reason: ConnectionCloseReason }
  | { type: "server-closed" }
  | { type: "db-close-started"; durationMs: number }
  | { type: "db-closed" }
  | { type: "request-arrived"; requestId: string; connection: string | null; reused: boolean }
  | { type: "request-completed"; requestId: string; connectionClose: boolean }
  | { type: "request-dropped"; requestId: string; cause: DropCause }
  | { type: "request-refused"; requestId: string; cause: RefuseCause }
  | { type: "request-rerouted"; requestId: string; cause: RoutingStopCause }
  | { type: "lb-probe"; ok: boolean; failures: number }
  | { type: "routing-stopped"; cause: RoutingStopCause }
  | { type: "routing-resumed" }
  | { type: "uncaught-exception"; message: string }
  | { type: "exit"; code: number; cause: ExitCause; signal?: Signal }
>;

export type ShutdownEventType = ShutdownEvent["type"];

export interface RequestCounts {
  total: number;
  completed: number;
  /** Accepted, then cut: SIGKILL, the process exiting, or closeAllConnections(). */
  dropped: number;
  /** Sent to this instance while nothing was listening: "connection refused". */
  refused: number;
  /** Never sent here: the balancer had already moved new connections to other replicas. */
  rerouted: number;
}

export interface ShutdownSummary {
  exitCode: number;
  exitAtMs: number;
  exitCause: ExitCause;
  stopAtMs: number;
  /** When the stop signal reached PID 1. */
  signalAtMs: number;
  /** When SIGKILL is due; sigkillAtMs is set only if it was actually sent. */
  killDeadlineMs: number;
  sigkillAtMs: number | null;
  listenerClosedAtMs: number | null;
  databaseClosed: boolean;
  requests: RequestCounts;
}

export interface ShutdownResult {
  events: ShutdownEvent[];
  summary: ShutdownSummary;
}
