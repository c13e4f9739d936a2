import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { etagMatches, pickEncoding, requestedVariant, rscSearchParam } from "./negotiate";
import { foreverStaticRoutes, precompressPages } from "./precompress";
import { loadStaticPages } from "./static-pages";

describe("negotiation", () => {
  it("prefers brotli, honours q-values and refusals", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("identity")).toBe("identity");
    expect(pickEncoding(undefined)).toBe("identity");
  });

  it("matches entity tags weakly and in lists", () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches("*", '"b"')).toBe(true);
    expect(etagMatches('"a"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });

  it("computes the `_rsc` parameter as Next does (value taken from Next's own redirect)", () => {
    const tree = "%5B%22%22%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%5D%7D%2Cnull%2Cnull%2Ctrue%5D";
    expect(rscSearchParam(tree)).toBe("Vk1O8K2I4u0MlA11");
    expect(rscSearchParam(undefined)).toBe("");
  });

  it("serves documents and navigations, and leaves everything else to Next", () => {
    const tree = "%5B%22%22%5D";
    const rsc = { rsc: "1", "next-router-state-tree": tree };
    expect(requestedVariant("GET", "/learn/a", {})).toEqual({ pathname: "/learn/a", variant: "html" });
    expect(requestedVariant("HEAD", "/learn/a", {})).toEqual({ pathname: "/learn/a", variant: "html" });
    expect(requestedVariant("GET", `/learn/a?_rsc=${rscSearchParam(tree)}`, rsc)).toEqual({
      pathname: "/learn/a",
      variant: "rsc",
    });
    // Next redirects a wrong or missing `_rsc`; so must we (by letting Next answer).
    expect(requestedVariant("GET", "/learn/a?_rsc=wrong", rsc)).toBeNull();
    expect(requestedVariant("GET", "/learn/a", rsc)).toBeNull();
    expect(requestedVariant("POST", "/learn/a", {})).toBeNull();
    expect(requestedVariant("GET", "/learn/a?x=1", {})).toBeNull();
    expect(requestedVariant("GET", "/learn/a", { "next-action": "abc" })).toBeNull();
    expect(requestedVariant("GET", "/learn/a", { ...rsc, "next-router-prefetch": "1" })).toBeNull();
    expect(requestedVariant("GET", "/learn/a", { "next-router-segment-prefetch": "/_tree" })).toBeNull();
    expect(requestedVariant("GET", "/learn/a", { cookie: "__prerender_bypass=1" })).toBeNull();
  });

  it("picks only pages prerendered for good with status 200", () => {
    expect(
      foreverStaticRoutes({
        routes: {
          "/learn/a": { initialRevalidateSeconds: false },
          "/news": { initialRevalidateSeconds: 60 },
          "/_not-found": { initialRevalidateSeconds: false, initialStatus: 404 },
          "/gone": { initialRevalidateSeconds: false, initialStatus: 404 },
          "/search-index.json": { initialRevalidateSeconds: false },
          "/partial": { initialRevalidateSeconds: false, response: "partial" },
        },
      }),
    ).toEqual(["/learn/a"]);
  });
});

describe("serving a precompressed build", () => {
  const html = `<!doctype html><html><body>${"lesson text ".repeat(2000)}</body></html>`;
  const rscBody = `0:["lesson",${JSON.stringify("payload ".repeat(2000))}]\n`;
  let dir: string;
  let server: Server;
  let base: string;
  let nextCalls = 0;
  let requestCounter = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "static-pages-"));
    mkdirSync(path.join(dir, "server", "app", "learn"), { recursive: true });
    writeFileSync(path.join(dir, "BUILD_ID"), "build-1");
    writeFileSync(
      path.join(dir, "prerender-manifest.json"),
      JSON.stringify({ routes: { "/learn/a": { initialRevalidateSeconds: false } } }),
    );
    writeFileSync(path.join(dir, "server", "app", "learn", "a.html"), html);
    writeFileSync(path.join(dir, "server", "app", "learn", "a.rsc"), rscBody);
    expect(precompressPages(dir).pages).toHaveLength(2);
    const pages = loadStaticPages({ distDir: dir, extraHeaders: () => ({ "x-extra": "1" }) });
    // A stand-in for Next: what it answers is what the fast path must learn and repeat.
    server = createServer((req, res) => {
      // Set per request before either path answers, like the request id in lib/server/main.ts.
      res.setHeader("x-request-id", String(++requestCounter));
      if (pages.handle(req, res)) return;
      nextCalls++;
      const isRsc = req.headers.rsc === "1";
      res.setHeader("content-type", isRsc ? "text/x-component" : "text/html; charset=utf-8");
      res.setHeader("cache-control", "s-maxage=31536000");
      res.setHeader("vary", "rsc, next-router-state-tree");
      res.setHeader("x-frame-options", "DENY");
      res.end(isRsc ? rscBody : html);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  function get(url: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      request(`${base}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on("error", reject)
        .end();
    });
  }

  it("lets Next answer first, then answers from memory with Next's headers, compressed", async () => {
    const first = await get("/learn/a", { "accept-encoding": "gzip, br" });
    expect(first.body.toString()).toBe(html);
    const calls = nextCalls;

    const br = await get("/learn/a", { "accept-encoding": "gzip, deflate, br" });
    expect(nextCalls).toBe(calls);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(html);
    expect(br.body.length).toBeLessThan(html.length / 10);
    expect(br.headers["cache-control"]).toBe("s-maxage=31536000");
    expect(br.headers["x-frame-options"]).toBe("DENY");
    expect(br.headers["x-extra"]).toBe("1");
    expect(br.headers["x-request-id"]).toBe(String(requestCounter));
    expect(br.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(br.headers["content-type"]).toBe("text/html; charset=utf-8");

    const gzip = await get("/learn/a", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(html);

    const plain = await get("/learn/a");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it("answers 304 without a body when If-None-Match has the current tag", async () => {
    const { headers } = await get("/learn/a", { "accept-encoding": "br" });
    const again = await get("/learn/a", { "accept-encoding": "br", "if-none-match": headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(headers.etag);
    const stale = await get("/learn/a", { "accept-encoding": "br", "if-none-match": '"old"' });
    expect(stale.status).toBe(200);
  });

  it("serves the RSC payload for a client navigation, and leaves unknown pages and prefetches to Next", async () => {
    const tree = "%5B%22%22%5D";
    const headers = { rsc: "1", "next-router-state-tree": tree, "accept-encoding": "br" };
    await get(`/learn/a?_rsc=${rscSearchParam(tree)}`, headers);
    const calls = nextCalls;
    const nav = await get(`/learn/a?_rsc=${rscSearchParam(tree)}`, headers);
    expect(nextCalls).toBe(calls);
    expect(nav.headers["content-type"]).toBe("text/x-component");
    expect(brotliDecompressSync(nav.body).toString()).toBe(rscBody);

    await get("/learn/b");
    await get("/learn/a", { ...headers, "next-router-prefetch": "1" });
    expect(nextCalls).toBe(calls + 2);
  });

  it("serves nothing from a manifest of another build", () => {
    writeFileSync(path.join(dir, "BUILD_ID"), "build-2");
    const warnings: string[] = [];
    expect(loadStaticPages({ distDir: dir, warn: (message) => warnings.push(message) }).count).toBe(0);
    expect(warnings[0]).toMatch(/not build-2/);
  });
});
