import { PLATFORM_RULES } from "./platform";
import { SIGNAL_NUMBERS } from "./signals";
import type {
  ConnectionCloseReason,
  DropCause,
  ExitCause,
  ProcessName,
  ShutdownEvent,
  SignalOutcome,
} from "./types";

/** "0 s", "2.5 s", "12.1 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

const PROCESS: Record<ProcessName, string> = { node: "Node", tini: "tini", npm: "npm" };

const RECEIVED: Record<SignalOutcome, (signal: string) => string> = {
  handler: (s) => `Node receives ${s} and runs its handler`,
  "ignored-as-pid1": (s) =>
    `Node is PID 1 with no ${s} handler, so the kernel ignores the signal and Node keeps serving`,
  "default-action": (s) => `tini forwards ${s} to Node, which has no handler and dies of it at once`,
  "not-forwarded": (s) => `npm receives ${s}, but it never reaches Node, which keeps serving`,
};

const CLOSED: Record<ConnectionCloseReason, string> = {
  "keep-alive-timeout": "closes after sitting idle for keepAliveTimeout",
  "connection-close-header": "closes after a response with Connection: close",
  "server-close": "is idle, so server.close() closes it",
  "close-idle-connections": "is idle, so closeIdleConnections() closes it",
  "close-all-connections": "is destroyed by closeAllConnections()",
};

const DROPPED: Record<DropCause, string> = {
  sigkill: "is cut off by SIGKILL",
  "signal-default": "is cut off as Node dies of the signal",
  exit: "is cut off because the process exits",
  "close-all-connections": "is cut off by closeAllConnections()",
};

function exitSentence(code: number, cause: ExitCause, signal: string | undefined): string {
  const number = signal ? SIGNAL_NUMBERS[signal as keyof typeof SIGNAL_NUMBERS] : 0;
  switch (cause) {
    case "sigkill":
    case "signal-default":
      return `the container exits with code ${code} (128 + ${number}: killed by ${signal})`;
    case "process-exit":
      return `process.exit(${code}) ends the process: the container exits with code ${code}`;
    case "uncaught-exception":
      return `the process crashes and the container exits with code ${code}`;
    case "event-loop-empty":
      return `nothing is left to keep the event loop alive, so Node exits with code ${code}`;
  }
}

function describe(event: ShutdownEvent): string {
  switch (event.type) {
    case "stop-requested": {
      const kubernetes = event.platform === "kubernetes";
      return `${PLATFORM_RULES[event.platform].label} begins stopping the ${kubernetes ? "Pod" : "container"} (stop signal ${
        event.stopSignal
      }, grace period ${formatSeconds(event.gracePeriodMs)}${kubernetes ? ", preStop included" : ""})`;
    }
    case "endpoint-removed":
      return "the endpoint is removed from the load balancer, so new connections go to other replicas";
    case "prestop-started":
      return `the preStop hook starts; it takes ${formatSeconds(event.durationMs)} and SIGTERM waits for it`;
    case "prestop-finished":
      return event.cutShort
        ? "the preStop hook is cut short: it used up the grace period"
        : "the preStop hook ends";
    case "signal-sent":
      return event.signal === "SIGKILL"
        ? `the grace period is over: SIGKILL, which cannot be caught, is sent to ${PROCESS[event.to]}`
        : `${event.signal} is sent to ${PROCESS[event.to]}, PID 1 of the container`;
    case "signal-received":
      return RECEIVED[event.outcome](event.signal);
    case "app-log":
      return `the app logs "${event.message}"`;
    case "readiness-changed":
      return event.ready
        ? "the readiness endpoint answers 200 again"
        : "the readiness endpoint now answers 503";
    case "connection-close-header":
      return event.enabled
        ? "from now on every response carries Connection: close"
        : "responses no longer carry Connection: close";
    case "timer-set":
      return `the app sets timer #${event.timerId} to fire in ${formatSeconds(event.delayMs)}`;
    case "timer-fired":
      return `timer #${event.timerId} fires`;
    case "timer-cleared":
      return `the app clears timer #${event.timerId}`;
    case "blocked":
      return `the app blocks for ${formatSeconds(event.durationMs)}: nothing else in the process runs meanwhile`;
    case "unblocked":
      return "the blocking call returns and the process runs again";
    case "listener-closed":
      return "server.close() closes the listener: new connections are refused";
    case "server-close-failed":
      return "server.close() fails with ERR_SERVER_NOT_RUNNING: the server was not listening";
    case "close-idle-called":
      return "the app calls server.closeIdleConnections()";
    case "close-all-called":
      return "the app calls server.closeAllConnections(), which destroys busy connections too";
    case "connection-closed":
      return `keep-alive connection ${event.connection} ${CLOSED[event.reason]}`;
    case "server-closed":
      return "the last connection has ended, so the server.close() callback runs";
    case "db-close-started":
      return `the app starts closing the database pool, which takes ${formatSeconds(event.durationMs)}`;
    case "db-closed":
      return "the database pool is closed";
    case "request-arrived":
      return `request ${event.requestId} arrives ${
        event.connection === null
          ? "on a new connection"
          : `on ${event.reused ? "open" : "new"} keep-alive connection ${event.connection}`
      }`;
    case "request-completed":
      return `request ${event.requestId} completes${event.connectionClose ? " and its connection closes" : ""}`;
    case "request-dropped":
      return `request ${event.requestId} ${DROPPED[event.cause]}`;
    case "request-refused":
      return `request ${event.requestId} is refused: ${
        event.cause === "listener-closed" ? "the listener is closed" : "the process has exited"
      }`;
    case "request-rerouted":
      return `request ${event.requestId} goes to another replica: ${
        event.cause === "endpoint-removed"
          ? "this endpoint was removed"
          : "the load balancer sees this one as not ready"
      }`;
    case "lb-probe":
      return event.ok
        ? "the load balancer's readiness check succeeds"
        : `the load balancer's readiness check fails (${event.failures} in a row)`;
    case "routing-stopped":
      return event.cause === "readiness"
        ? "after enough failed checks the load balancer stops sending new connections here"
        : "the load balancer stops sending new connections here";
    case "routing-resumed":
      return "the readiness check passes again, so the load balancer resumes sending new connections";
    case "uncaught-exception":
      return `the app throws an uncaught exception: ${event.message}`;
    case "exit":
      return exitSentence(event.code, event.cause, event.signal);
  }
}

/** One plain-English sentence for one event. */
export function narrate(event: ShutdownEvent): string {
  return `At ${formatSeconds(event.t)}, ${describe(event)}.`;
}

export function narrateTimeline(events: readonly ShutdownEvent[]): string[] {
  return events.map(narrate);
}
