// Serves the pages Next prerendered for good straight from memory, already compressed, with an
// entity tag and 304 on If-None-Match: a lesson then costs what a static file costs instead of a
// trip through Next's renderer and a fresh gzip of 100+ kB per request.
//
// The bodies are the very files Next serves (listed at build by ./precompress.ts). The headers are
// Next's own: the first request for each page and variant goes to Next, and the headers it sent
// are kept for the next ones, so cache-control, vary, the router's headers and every header from
// next.config.mjs stay exactly what Next would send. Headers the server sets on every response
// before calling `handle` (the request id; security headers computed per request) are left as set. Anything unusual (other methods, query
// strings, segment prefetches, server actions, draft mode) is left to Next.
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import path from "node:path";
import { etagMatches, pickEncoding, requestedVariant, type Encoding, type Variant } from "./negotiate";
import { MANIFEST_FILE, type StaticPagesManifest } from "./precompress";

type Body = { bytes: Buffer; etag: string };
type Entry = {
  variant: Variant;
  bodies: Record<Encoding, Body>;
  /** Next's response headers for this page, learned from its first answer. */
  headers: OutgoingHttpHeaders | null;
  learning: boolean;
};

export type StaticPages = {
  /** Answers the request and returns true, or returns false for Next to answer it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  readonly count: number;
};

export type StaticPagesOptions = {
  distDir: string;
  /** Headers added to every response served here (the app's security headers), if Next's lack them. */
  extraHeaders?: (req: IncomingMessage) => OutgoingHttpHeaders;
  warn?: (message: string) => void;
};

// Per-request or per-representation headers that must not be replayed.
const NOT_REPLAYED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "etag",
  "date",
  "connection",
  "keep-alive",
  "set-cookie",
  "x-request-id",
]);
const CONTENT_TYPE: Record<Variant, string> = { html: "text/html", rsc: "text/x-component" };

function withAcceptEncoding(vary: OutgoingHttpHeaders[string]): string {
  const parts = String(vary ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!parts.some((part) => part.toLowerCase() === "accept-encoding")) parts.push("Accept-Encoding");
  return parts.join(", ");
}

/** Keeps Next's headers when its answer was the plain prerendered page; null when it was not. */
export function replayableHeaders(res: ServerResponse, variant: Variant): OutgoingHttpHeaders | null {
  if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return null;
  if (!String(res.getHeader("content-type") ?? "").startsWith(CONTENT_TYPE[variant])) return null;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (!NOT_REPLAYED.has(name) && value !== undefined) headers[name] = value;
  }
  headers.vary = withAcceptEncoding(headers.vary);
  return headers;
}

function readBodies(distDir: string, file: string, hash: string): Record<Encoding, Body> {
  const absolute = path.join(distDir, file);
  return {
    identity: { bytes: readFileSync(absolute), etag: `"${hash}"` },
    gzip: { bytes: readFileSync(`${absolute}.gz`), etag: `"${hash}-gz"` },
    br: { bytes: readFileSync(`${absolute}.br`), etag: `"${hash}-br"` },
  };
}

/** Loads the build's precompressed pages; serves nothing (Next serves all) when there are none. */
export function loadStaticPages({ distDir, extraHeaders, warn }: StaticPagesOptions): StaticPages {
  const entries = new Map<string, Entry>();
  const manifestPath = path.join(distDir, MANIFEST_FILE);
  const buildIdPath = path.join(distDir, "BUILD_ID");
  if (!existsSync(manifestPath) || !existsSync(buildIdPath)) {
    warn?.(
      `no ${MANIFEST_FILE} in ${distDir}: prerendered pages are served by Next (run the full \`npm run build\`)`,
    );
  } else {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as StaticPagesManifest;
    const buildId = readFileSync(buildIdPath, "utf8").trim();
    if (manifest.buildId !== buildId) {
      warn?.(
        `${MANIFEST_FILE} is from build ${manifest.buildId}, not ${buildId}: prerendered pages are served by Next`,
      );
    } else {
      for (const page of manifest.pages) {
        entries.set(`${page.variant} ${page.pathname}`, {
          variant: page.variant,
          bodies: readBodies(distDir, page.file, page.hash),
          headers: null,
          learning: false,
        });
      }
    }
  }

  function learnFromNext(entry: Entry, res: ServerResponse) {
    if (entry.learning) return;
    entry.learning = true;
    res.once("finish", () => {
      entry.learning = false;
      entry.headers ??= replayableHeaders(res, entry.variant);
    });
  }

  return {
    count: entries.size,
    handle(req, res) {
      if (entries.size === 0) return false;
      const wanted = requestedVariant(req.method, req.url ?? "/", req.headers);
      if (!wanted) return false;
      const entry = entries.get(`${wanted.variant} ${wanted.pathname}`);
      if (!entry) return false;
      if (!entry.headers) {
        learnFromNext(entry, res);
        return false;
      }
      const body = entry.bodies[pickEncoding(req.headers["accept-encoding"] as string | undefined)];
      // Headers already set for this request (request id, per-request security headers) win.
      for (const [name, value] of Object.entries(entry.headers))
        if (!res.hasHeader(name)) res.setHeader(name, value!);
      if (extraHeaders)
        for (const [name, value] of Object.entries(extraHeaders(req))) res.setHeader(name, value!);
      res.setHeader("etag", body.etag);
      if (etagMatches(req.headers["if-none-match"], body.etag)) {
        res.removeHeader("content-type");
        res.statusCode = 304;
        res.end();
        return true;
      }
      res.statusCode = 200;
      if (body !== entry.bodies.identity)
        res.setHeader("content-encoding", body === entry.bodies.br ? "br" : "gzip");
      res.setHeader("content-length", body.bytes.length);
      res.end(req.method === "HEAD" ? undefined : body.bytes);
      return true;
    },
  };
}
