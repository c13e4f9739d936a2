/**
 * The response security headers, as one pure function so every way a page is
 * served (Next's handler, or a cache of prerendered HTML) sends the same policy.
 *
 * Scripts: our own files ('self'), plus either the per-request nonce Next puts
 * on the inline scripts of pages it renders, or the sha256 hashes of the inline
 * scripts of a page prerendered at build time (a static page cannot carry a
 * per-request nonce). 'wasm-unsafe-eval' lets the QuickJS sandbox compile its
 * WebAssembly; it does not allow eval of JavaScript. Workers (the sandbox and
 * Monaco's) come from our origin or blob: URLs Monaco makes.
 */
export type SecurityHeaderInput = {
  /** Base64 nonce Next adds to the inline scripts it renders for this request. */
  nonce?: string;
  /** "sha256-…" sources of the inline scripts of a prerendered page. */
  scriptHashes?: readonly string[];
  /** The request reached us over https (directly or via a trusted proxy). */
  https: boolean;
};

export const HSTS_MAX_AGE = 60 * 60 * 24 * 365;

export function contentSecurityPolicy({ nonce, scriptHashes = [] }: SecurityHeaderInput): string {
  const scripts = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...scriptHashes.map((hash) => `'${hash}'`),
    "'wasm-unsafe-eval'",
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // React style props and Monaco's injected styles are inline styles; they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
  ].join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
  "interest-cohort=()",
  "browsing-topics=()",
].join(", ");

/** Headers for an HTML page (and harmless on any other response). */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(input),
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(input.https ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE}; includeSubDomains` } : {}),
  };
}
