import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";
export const CLIENT_IP_HEADER = "x-shipshape-client-ip";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Reuses a well-formed incoming request id (from a proxy) or makes a new one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The address the auth rate limiter keys on. A client can put anything in
 * X-Forwarded-For and each proxy appends what it saw, so only the right-most
 * hops are ours: with `trustedProxies` proxies in front, the client is the hop
 * that the outermost of them appended (the right-most untrusted one). Without a
 * trusted proxy, or when that hop is missing or not an address, the socket's.
 */
export function clientIpFor(req: IncomingMessage, trustedProxies: number | boolean): string {
  const proxies = trustedProxies === true ? 1 : trustedProxies === false ? 0 : trustedProxies;
  const socket = req.socket.remoteAddress ?? "unknown";
  if (proxies < 1) return socket;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => hop.trim());
  const candidate = hops.length >= proxies ? hops[hops.length - proxies] : undefined;
  return candidate && isIP(candidate) ? candidate : socket;
}

/** TRUST_PROXY: unset/0 = no proxy; 1 (or "true") = one proxy; N = N proxies in a chain. */
export function trustedProxyCount(value: string | undefined): number {
  if (!value || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  const count = Number(value);
  return Number.isInteger(count) && count > 0 && count < 10 ? count : 0;
}
