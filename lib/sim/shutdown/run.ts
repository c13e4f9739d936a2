import { VirtualClock } from "../clock";
import type { StopPlan } from "./platform";
import type { ShutdownProgram } from "./program-types";
import type { ResolvedScenario } from "./scenario";
import type { ExitCause, RequestCounts, RequestSpec, RoutingStopCause, ShutdownEvent } from "./types";

/** A connection to the app's HTTP server. `named` ones are keep-alive; the others close after one response. */
export interface Connection {
  /** Key in the server's connection map. */
  key: string;
  /** The keep-alive connection's name, or the request id for a one-request connection. */
  id: string;
  named: boolean;
  current: RequestSpec | null;
  /** Requests sent on this connection while it was busy, served in order. */
  queue: RequestSpec[];
  idleTimer: number | null;
  closed: boolean;
}

/** What sits on the virtual clock. App ticks run JavaScript inside the process; the rest do not. */
export type Tick =
  | { kind: "stop" }
  | { kind: "prestop-done" }
  | { kind: "signal" }
  | { kind: "sigkill" }
  | { kind: "endpoint-removed" }
  | { kind: "probe" }
  | { kind: "resume"; then: (() => void) | undefined }
  | { kind: "complete"; connection: Connection }
  | { kind: "idle-timeout"; connection: Connection }
  | { kind: "timer"; timerId: number }
  | { kind: "db-closed" }
  | { kind: "callback"; run: () => void };

const APP_TICKS = new Set<Tick["kind"]>(["complete", "idle-timeout", "timer", "db-closed", "callback"]);
export const isAppTick = (tick: Tick) => APP_TICKS.has(tick.kind);

/** The mutable state of one simulation run, shared by the engine's modules. */
export interface Run {
  readonly clock: VirtualClock<Tick>;
  readonly scenario: ResolvedScenario;
  readonly plan: StopPlan;
  readonly program: ShutdownProgram;
  readonly sink: (event: ShutdownEvent) => void;
  now: number;
  /** Arrivals not yet processed (the engine feeds them in time order). */
  arrivalsLeft: number;
  proc: {
    alive: boolean;
    exitCode: number | null;
    exitAtMs: number | null;
    exitCause: ExitCause | null;
    sigkillAtMs: number | null;
    killTick: number | null;
    /** Inside block(): nothing in the process runs until the resume tick. */
    blocked: boolean;
    blockedUntil: number;
    /** Set by block() inside a callback: further API calls in that callback are a mistake. */
    blockedThisCallback: boolean;
    /** Scheduled callbacks not yet run; they keep the event loop alive. */
    pendingCallbacks: number;
  };
  server: {
    listening: boolean;
    listenerClosedAtMs: number | null;
    connections: Map<string, Connection>;
    closeCallbacks: Array<(error?: string) => void> | null;
    connectionClose: boolean;
    inFlight: number;
  };
  db: "none" | "open" | "closing" | "closed";
  dbCallbacks: Array<(error?: string) => void>;
  /** Pending timers; `ref: false` after `unref()`: such a timer does not keep Node alive. */
  timers: Map<number, { tick: number; callback: () => void; ref: boolean }>;
  nextTimerId: number;
  lb: {
    ready: boolean;
    routing: boolean;
    stoppedBy: RoutingStopCause | null;
    failures: number;
    probing: boolean;
  };
  counts: RequestCounts;
}

type EventBody = ShutdownEvent extends infer E ? (E extends ShutdownEvent ? Omit<E, "t"> : never) : never;

export function emit(run: Run, event: EventBody): void {
  run.sink({ t: run.now, ...event } as ShutdownEvent);
}

export function createRun(
  scenario: ResolvedScenario,
  plan: StopPlan,
  program: ShutdownProgram,
  sink: (event: ShutdownEvent) => void,
): Run {
  return {
    clock: new VirtualClock<Tick>(),
    scenario,
    plan,
    program,
    sink,
    now: 0,
    arrivalsLeft: scenario.requests.length,
    proc: {
      alive: true,
      exitCode: null,
      exitAtMs: null,
      exitCause: null,
      sigkillAtMs: null,
      killTick: null,
      blocked: false,
      blockedUntil: 0,
      blockedThisCallback: false,
      pendingCallbacks: 0,
    },
    server: {
      listening: true,
      listenerClosedAtMs: null,
      connections: new Map(),
      closeCallbacks: null,
      connectionClose: false,
      inFlight: 0,
    },
    db: scenario.database ? "open" : "none",
    dbCallbacks: [],
    timers: new Map(),
    nextTimerId: 1,
    lb: { ready: true, routing: true, stoppedBy: null, failures: 0, probing: false },
    counts: { total: scenario.requests.length, completed: 0, dropped: 0, refused: 0, rerouted: 0 },
  };
}

/** Runs `callback` asynchronously (after the current JavaScript returns), like a resolved promise or an emitted event. */
export function queueCallback(run: Run, callback: () => void): void {
  run.proc.pendingCallbacks++;
  run.clock.schedule(run.now, { kind: "callback", run: callback });
}
