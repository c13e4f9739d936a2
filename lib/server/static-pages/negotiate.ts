import { createHash } from "node:crypto";

// Pure HTTP negotiation for prerendered pages: which stored variant a request wants
// (document or RSC payload), which encoding to send, and whether the client's copy is current.

export type Encoding = "br" | "gzip" | "identity";
export type Variant = "html" | "rsc";

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Brotli when the client accepts it, else gzip, else the plain body (RFC 9110 §12.5.3 q-values;
 * `*` covers codings not named; q=0 refuses). Equal weights prefer the smaller brotli.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  const br = weightOf("br");
  const gzip = weightOf("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
}

/** True when If-None-Match lists this entity tag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/**
 * The `_rsc` search parameter Next expects for a navigation with these router headers (Next checks
 * it so that caches that ignore Vary cannot be poisoned; a wrong one gets a 307 from Next). Mirrors
 * next/dist/shared/lib/router/utils/cache-busting-search-param.js for requests without prefetch
 * headers: SHA-256 of the headers, first 96 bits, base64url; '' when no router header is sent.
 */
export function rscSearchParam(stateTree: string | undefined, nextUrl?: string): string {
  if (stateTree === undefined && nextUrl === undefined) return "";
  const input = ["0", "0", stateTree ?? "0", nextUrl ?? "0"].join(",");
  return createHash("sha256").update(input).digest().subarray(0, 12).toString("base64url");
}

/**
 * The stored variant a request asks for, or null when only Next can answer it: other methods,
 * other query strings, an `_rsc` parameter Next would redirect, prefetches of route segments,
 * server actions and previews (draft mode) all go to Next.
 */
export function requestedVariant(
  method: string | undefined,
  url: string,
  headers: Headers,
): { pathname: string; variant: Variant } | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (headers["next-action"] !== undefined) return null;
  if (first(headers.cookie)?.includes("__prerender_bypass")) return null;
  if (headers["next-router-prefetch"] !== undefined || headers["next-router-segment-prefetch"] !== undefined)
    return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  for (const key of params.keys()) if (key !== "_rsc") return null;
  const rsc = first(headers.rsc);
  if (rsc === undefined) return params.has("_rsc") ? null : { pathname, variant: "html" };
  if (rsc !== "1" || params.getAll("_rsc").length !== 1) return null;
  const expected = rscSearchParam(first(headers["next-router-state-tree"]), first(headers["next-url"]));
  return params.get("_rsc") === expected ? { pathname, variant: "rsc" } : null;
}
