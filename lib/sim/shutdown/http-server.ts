import { emit, queueCallback, type Connection, type Run } from "./run";
import type { ConnectionCloseReason, DropCause, RequestSpec } from "./types";

/**
 * Node's http.Server (fact sheet §4): a listener plus the connections it accepted. Named
 * connections are keep-alive and idle between requests; the others close after one response.
 */

function connectionKey(request: RequestSpec): string {
  return request.connection === undefined ? `r:${request.id}` : `k:${request.connection}`;
}

/** A request the balancer sends here: on its open keep-alive connection, or as a new connection. */
export function arrive(run: Run, request: RequestSpec): void {
  const { server, lb } = run;
  const key = connectionKey(request);
  const existing = request.connection === undefined ? undefined : server.connections.get(key);
  if (existing) return deliver(run, existing, request, true);
  if (!lb.routing) {
    run.counts.rerouted++;
    return emit(run, { type: "request-rerouted", requestId: request.id, cause: lb.stoppedBy ?? "readiness" });
  }
  if (!run.proc.alive || !server.listening) {
    run.counts.refused++;
    const cause = run.proc.alive ? "listener-closed" : "process-exited";
    return emit(run, { type: "request-refused", requestId: request.id, cause });
  }
  const connection: Connection = {
    key,
    id: request.connection ?? request.id,
    named: request.connection !== undefined,
    current: null,
    queue: [],
    idleTimer: null,
    closed: false,
  };
  server.connections.set(key, connection);
  deliver(run, connection, request, false);
}

function startRequest(run: Run, connection: Connection, request: RequestSpec): void {
  connection.current = request;
  if (connection.idleTimer !== null) run.clock.cancel(connection.idleTimer);
  connection.idleTimer = null;
  run.clock.schedule(run.now + request.durationMs, { kind: "complete", connection });
}

function deliver(run: Run, connection: Connection, request: RequestSpec, reused: boolean): void {
  emit(run, {
    type: "request-arrived",
    requestId: request.id,
    connection: connection.named ? connection.id : null,
    reused,
  });
  run.server.inFlight++;
  if (connection.current) connection.queue.push(request);
  else startRequest(run, connection, request);
}

/** The response is written. It closes its connection if either side said `Connection: close`. */
export function completeRequest(run: Run, connection: Connection): void {
  const request = connection.current;
  if (connection.closed || !request) return;
  connection.current = null;
  run.server.inFlight--;
  run.counts.completed++;
  const connectionClose = !connection.named || run.server.connectionClose;
  emit(run, { type: "request-completed", requestId: request.id, connectionClose });
  const next = connection.queue.shift();
  if (next) return startRequest(run, connection, next);
  if (connectionClose) return closeConnection(run, connection, "connection-close-header");
  const timeout = run.scenario.keepAliveTimeoutMs;
  // keepAliveTimeout 0 disables the idle timeout, as in Node.
  if (timeout > 0)
    connection.idleTimer = run.clock.schedule(run.now + timeout, { kind: "idle-timeout", connection });
}

export function idleTimeout(run: Run, connection: Connection): void {
  if (connection.closed || connection.current) return;
  connection.idleTimer = null;
  closeConnection(run, connection, "keep-alive-timeout");
}

function closeConnection(run: Run, connection: Connection, reason: ConnectionCloseReason): void {
  connection.closed = true;
  if (connection.idleTimer !== null) run.clock.cancel(connection.idleTimer);
  connection.idleTimer = null;
  run.server.connections.delete(connection.key);
  if (connection.named) emit(run, { type: "connection-closed", connection: connection.id, reason });
  checkServerClosed(run);
}

function dropRequests(run: Run, connection: Connection, cause: DropCause): void {
  const requests = connection.current ? [connection.current, ...connection.queue] : connection.queue;
  for (const request of requests) {
    run.server.inFlight--;
    run.counts.dropped++;
    emit(run, { type: "request-dropped", requestId: request.id, cause });
  }
  connection.current = null;
  connection.queue = [];
}

/** The close callback fires once the listener is closed and the last connection has ended. */
function checkServerClosed(run: Run): void {
  const { server } = run;
  if (!run.proc.alive || server.listening || !server.closeCallbacks || server.connections.size > 0) return;
  const callbacks = server.closeCallbacks;
  server.closeCallbacks = null;
  emit(run, { type: "server-closed" });
  for (const callback of callbacks) queueCallback(run, () => callback());
}

/** server.close(cb) */
export function closeServer(run: Run, callback: ((error?: string) => void) | undefined): void {
  const { server } = run;
  if (!server.listening) {
    // Node attaches the error callback to the next 'close' event: after the drain if one is under way.
    emit(run, { type: "server-close-failed", code: "ERR_SERVER_NOT_RUNNING" });
    if (!callback) return;
    if (server.closeCallbacks) server.closeCallbacks.push(() => callback("ERR_SERVER_NOT_RUNNING"));
    else queueCallback(run, () => callback("ERR_SERVER_NOT_RUNNING"));
    return;
  }
  server.listening = false;
  server.listenerClosedAtMs = run.now;
  server.closeCallbacks = callback ? [callback] : [];
  emit(run, { type: "listener-closed" });
  if (run.scenario.nodeMajor >= 19) closeIdleConnections(run, "server-close");
  checkServerClosed(run);
}

export function closeIdleConnections(run: Run, reason: ConnectionCloseReason): void {
  // Deleting from a Map while iterating it is safe: deleted entries are simply not visited.
  for (const connection of run.server.connections.values()) {
    if (!connection.current) closeConnection(run, connection, reason);
  }
}

export function closeAllConnections(run: Run): void {
  for (const connection of run.server.connections.values()) {
    dropRequests(run, connection, "close-all-connections");
    closeConnection(run, connection, "close-all-connections");
  }
}

/** The process is gone: every connection dies with it, silently except for the requests it cuts. */
export function destroyAllConnections(run: Run, cause: DropCause): void {
  for (const connection of run.server.connections.values()) {
    dropRequests(run, connection, cause);
    connection.closed = true;
    if (connection.idleTimer !== null) run.clock.cancel(connection.idleTimer);
  }
  run.server.connections.clear();
  run.server.listening = false;
}
