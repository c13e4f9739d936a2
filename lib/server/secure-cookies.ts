import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Whether the browser reached us over https: the public URL says so, or a
 * trusted proxy (TRUST_PROXY) says so in the right-most X-Forwarded-Proto.
 */
export function requestIsHttps(req: IncomingMessage, publicUrl: string, trustedProxies: number): boolean {
  if (publicUrl.startsWith("https:")) return true;
  if ("encrypted" in req.socket && req.socket.encrypted) return true;
  if (trustedProxies < 1) return false;
  const header = req.headers["x-forwarded-proto"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => hop.trim());
  return hops.at(-1)?.toLowerCase() === "https";
}

/** Adds the Secure attribute to cookies that lack it. */
export function withSecure(cookies: string | string[]): string[] {
  return (Array.isArray(cookies) ? cookies : [cookies]).map((cookie) =>
    /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`,
  );
}

/** Every Set-Cookie of this response gets Secure (the auth library decides at start-up, not per request). */
export function secureCookiesOn(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const current = res.getHeader("set-cookie");
    if (current !== undefined) res.setHeader("set-cookie", withSecure(current as string | string[]));
    const headers = args.find((arg, index) => index > 0 && typeof arg === "object" && arg !== null) as
      Record<string, unknown> | undefined;
    if (headers && !Array.isArray(headers))
      for (const key of Object.keys(headers))
        if (key.toLowerCase() === "set-cookie") headers[key] = withSecure(headers[key] as string | string[]);
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}
