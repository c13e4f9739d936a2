/**
 * Maps a request path to the route template it is served by, so that metric
 * labels stay few (one series per route, not per URL).
 */
const ROUTE_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image/, "/_next/image"],
  [/^\/_next\//, "/_next/other"],
  [/^\/api\/auth\//, "/api/auth/[...all]"],
  [/^\/learn\/[^/]+$/, "/learn/[lesson]"],
  [/^\/practice\/[^/]+$/, "/practice/[set]"],
  [/^\/labs\/[^/]+$/, "/labs/[lab]"],
  [/^\/instructor\/.+$/, "/instructor/[...path]"],
  [/^\/monaco\//, "/monaco"],
];

const EXACT_ROUTES = new Set([
  "/",
  "/learn",
  "/practice",
  "/labs",
  "/review",
  "/instructor",
  "/sign-in",
  "/sign-up",
  "/api/health",
  "/api/ready",
  "/api/metrics",
  "/api/test/slow",
  "/favicon.ico",
  "/icon.svg",
]);

export function routeLabel(pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (EXACT_ROUTES.has(path)) return path;
  for (const [pattern, label] of ROUTE_PATTERNS) {
    if (pattern.test(path)) return label;
  }
  return "unmatched";
}
