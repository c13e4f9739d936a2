import { IncomingMessage } from "node:http";

/**
 * Checks at the edge, before Next sees a request, for inputs Next would answer
 * with a 500 and a stack trace: every refusal is a short plain-text 4xx.
 */
export type Refusal = { status: 400 | 403 | 413; message: string };

/** Largest request body we accept (Next's server-action limit is the same 1 MB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

type RequestLike = { method?: string; url?: string; headers: IncomingMessage["headers"] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function isServerAction(req: RequestLike): boolean {
  return req.method === "POST" && typeof req.headers["next-action"] === "string";
}

/** The checks that need only the request line and headers. */
export function refuseByHeaders(req: RequestLike, limit = BODY_LIMIT_BYTES): Refusal | null {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, message: "Bad request: the address is not valid URL encoding." };
  }
  const length = Number(first(req.headers["content-length"]) ?? 0);
  if (Number.isFinite(length) && length > limit)
    return { status: 413, message: `Request body too large: the limit is ${limit} bytes.` };
  if (isServerAction(req)) {
    // Server actions change data: only our own pages may call them (CSRF), as Next intends.
    const origin = first(req.headers.origin);
    const host = first(req.headers["x-forwarded-host"]) ?? first(req.headers.host);
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (!originHost || !host || originHost !== host)
      return { status: 403, message: "Forbidden: this action may only be called from this site." };
  }
  return null;
}

/** A server action body is JSON when sent as text (React's encoding of simple arguments). */
export function refuseActionBody(contentType: string | undefined, body: Buffer): Refusal | null {
  if (!contentType || !contentType.startsWith("text/plain")) return null;
  try {
    JSON.parse(body.toString("utf8"));
    return null;
  } catch {
    return { status: 400, message: "Bad request: the action's arguments are not valid JSON." };
  }
}

/**
 * Reads a server action's body (bounded), checks it, and hands back a fresh request carrying
 * the same body for Next. Refuses bodies over the limit even without a Content-Length.
 */
export async function bufferActionBody(
  req: IncomingMessage,
  limit = BODY_LIMIT_BYTES,
): Promise<{ refusal: Refusal } | { request: IncomingMessage }> {
  // Events, not `for await`: the async iterator destroys the request when it ends, and with it the
  // socket the response still needs.
  const chunks: Buffer[] = [];
  const tooLarge = await new Promise<boolean>((resolve, reject) => {
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(true);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(false));
    req.once("error", reject);
  });
  if (tooLarge)
    return { refusal: { status: 413, message: `Request body too large: the limit is ${limit} bytes.` } };
  const body = Buffer.concat(chunks);
  const refusal = refuseActionBody(first(req.headers["content-type"]), body);
  if (refusal) return { refusal };
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  // The body is all here. Without this, the copy ending counts as an aborted request and
  // IncomingMessage destroys the socket the response is still to be written to.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return { request: copy };
}
