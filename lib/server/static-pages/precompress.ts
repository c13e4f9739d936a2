// Build step: finds the pages Next prerendered for good (no revalidation), writes a gzip and a
// brotli copy of each document and RSC payload beside it, and lists them with their entity tags in
// a manifest the server loads at start (./static-pages.ts). Compressing once at build, at the
// highest levels, is what lets a lesson cost what a static file costs.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Variant } from "./negotiate";

export const MANIFEST_FILE = "static-pages-manifest.json";

export type StaticPageFile = { pathname: string; variant: Variant; file: string; hash: string };
export type StaticPagesManifest = { buildId: string; pages: StaticPageFile[] };

type PrerenderRoute = {
  initialRevalidateSeconds?: number | false;
  initialStatus?: number;
  renderingMode?: string;
  /** Next 16: "complete" for a whole prerendered page ("partial" with a postponed part). */
  response?: string;
};
type PrerenderManifest = { routes: Record<string, PrerenderRoute> };

/** The prerendered routes that never revalidate: their files on disk are what Next would send. */
export function foreverStaticRoutes(manifest: PrerenderManifest): string[] {
  return Object.entries(manifest.routes)
    .filter(([pathname, route]) => {
      if (route.initialRevalidateSeconds !== false) return false;
      if (route.initialStatus !== undefined && route.initialStatus !== 200) return false;
      if (route.renderingMode !== undefined && route.renderingMode !== "STATIC") return false;
      if (route.response !== undefined && route.response !== "complete") return false;
      // Next's own error pages and metadata routes (favicon, manifest) are not ours to serve.
      return !pathname.startsWith("/_") && !/\.[a-z0-9]+$/i.test(pathname);
    })
    .map(([pathname]) => pathname)
    .sort();
}

function fileFor(pathname: string, variant: Variant): string {
  return path.join("server", "app", `${pathname === "/" ? "/index" : pathname}.${variant}`);
}

function metaStatus(distDir: string, pathname: string): number {
  const meta = path.join(distDir, "server", "app", `${pathname === "/" ? "/index" : pathname}.meta`);
  if (!existsSync(meta)) return 200;
  return (JSON.parse(readFileSync(meta, "utf8")) as { status?: number }).status ?? 200;
}

export function contentHash(body: Buffer): string {
  return createHash("sha256").update(body).digest("base64url").slice(0, 27);
}

/** Compresses every forever-static page of the build in `distDir` (.next) and writes the manifest. */
export function precompressPages(distDir: string): StaticPagesManifest {
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const prerender = JSON.parse(
    readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"),
  ) as PrerenderManifest;
  const pages: StaticPageFile[] = [];
  for (const pathname of foreverStaticRoutes(prerender)) {
    if (metaStatus(distDir, pathname) !== 200) continue;
    for (const variant of ["html", "rsc"] as const) {
      const file = fileFor(pathname, variant);
      const absolute = path.join(distDir, file);
      if (!existsSync(absolute)) continue;
      const body = readFileSync(absolute);
      writeFileSync(`${absolute}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(
        `${absolute}.br`,
        brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
      );
      pages.push({ pathname, variant, file, hash: contentHash(body) });
    }
  }
  const manifest: StaticPagesManifest = { buildId, pages };
  writeFileSync(path.join(distDir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
  return manifest;
}
