/**
 * Is this error "the database is not answering" (down, restarting, network cut)
 * rather than a bug or bad input? Those writes can safely be retried later, so
 * the UI says "saving paused" and keeps the answer instead of failing it.
 */
// P2024: no pool connection in time; P2028: the transaction timed out (rolled back, so safe to retry).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down)|terminating connection due to administrator command|database is locked/i;

type Inspectable = {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  cause?: unknown;
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as Inspectable;
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
  const causeKind = (e.cause as { kind?: unknown } | undefined)?.kind;
  if (typeof causeKind === "string" && UNAVAILABLE_KINDS.has(causeKind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** The message learners see while the database is away; their answer stays queued in the browser. */
export const SAVING_PAUSED_MESSAGE =
  "Saving paused: the database is not answering. Your answer is kept and will be saved when it is back.";
