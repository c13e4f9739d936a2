// Page serving speed next to an empty Next app of the same version, measured in one run on the
// same machine (figures on a shared box are noisy; the ratios are what to compare).
//
//   npm run build && npm run bench:pages
//   options: --duration 10 (s per page)  --connections 50  --skip-js  --skip-load
//
// For each page: requests/s and p99 at 50 connections with a browser's Accept-Encoding, bytes of
// one response body as sent, and the JavaScript a fresh Chromium loads for it (gzip). Targets
// (issue 16): lesson ≥ 0.5× the empty app's requests/s with p99 ≤ 100 ms; lesson, /, /learn and
// /practice load ≤ the empty app's JavaScript + 15 kB gzip. Exits 1 when a target is missed.
import { request } from "node:http";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import autocannon from "autocannon";
import { existsSync } from "node:fs";
import { rscSearchParam } from "../lib/server/static-pages/negotiate";
import { startProductionServer } from "../lib/testing/production-server";
import { ensureEmptyNextBuild, startEmptyNext } from "./empty-next-app";

const BROWSER_HEADERS = {
  "accept-encoding": "gzip, deflate, br",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140 Safari/537.36",
};
const STATE_TREE = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]));
const JS_BUDGET_BYTES = 15 * 1024;
const MIN_RPS_RATIO = 0.5;
const MAX_P99_MS = 100;

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    "skip-js": { type: "boolean", default: false },
    "skip-load": { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_EMPTY_PORT ?? "3169" },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);

if (!existsSync("dist/server.mjs") || !existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

type Target = {
  label: string;
  server: "empty" | "app";
  path: string;
  headers?: Record<string, string>;
  /** Held to the lesson's speed target. */
  speedTarget?: boolean;
  /** Held to the shell's JavaScript budget. */
  jsBudget?: boolean;
  underLoad?: boolean;
  js?: boolean;
};

const TARGETS: Target[] = [
  { label: "empty Next /", server: "empty", path: "/", underLoad: true, js: true },
  {
    label: "lesson",
    server: "app",
    path: "/learn/monitoring",
    underLoad: true,
    js: true,
    speedTarget: true,
    jsBudget: true,
  },
  {
    label: "lesson (RSC navigation)",
    server: "app",
    path: `/learn/monitoring?_rsc=${rscSearchParam(STATE_TREE)}`,
    // What the client router sends on a link click (its state tree, and the `_rsc` hash Next checks).
    headers: { rsc: "1", "next-router-state-tree": STATE_TREE },
    underLoad: true,
  },
  { label: "lesson with a lab", server: "app", path: "/learn/health-checks", js: true, jsBudget: true },
  { label: "home /", server: "app", path: "/", underLoad: true, js: true, jsBudget: true },
  { label: "course map /learn", server: "app", path: "/learn", js: true, jsBudget: true },
  {
    label: "practice /practice",
    server: "app",
    path: "/practice",
    underLoad: true,
    js: true,
    jsBudget: true,
  },
  { label: "quiz /practice/monitoring", server: "app", path: "/practice/monitoring", js: true },
  {
    label: "lab /labs/keep-liveness-shallow",
    server: "app",
    path: "/labs/keep-liveness-shallow",
    underLoad: true,
    js: true,
  },
];

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number };
type Row = Target & {
  load?: Load;
  bytes?: { body: number; encoding: string };
  jsGzip?: number;
  scripts?: number;
};

/** One request as a browser sends it: the body's size on the wire and its encoding. */
function responseBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ body: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...BROWSER_HEADERS, ...headers } }, (res) => {
      let body = 0;
      res.on("data", (chunk: Buffer) => (body += chunk.length));
      res.on("end", () => resolve({ body, encoding: String(res.headers["content-encoding"] ?? "identity") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function load(url: string, headers: Record<string, string>): Promise<Load> {
  // A short warm-up so the first compile of a route or a cold cache is not measured.
  await autocannon({ url, connections: 10, duration: 2, headers: { ...BROWSER_HEADERS, ...headers } });
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { ...BROWSER_HEADERS, ...headers },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function pageJs(browser: Browser, url: string): Promise<{ gzip: number; scripts: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const scripts = await Promise.all(bodies);
  await context.close();
  return {
    gzip: scripts.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0),
    scripts: scripts.length,
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);

const { version } = ensureEmptyNextBuild();
const empty = await startEmptyNext(Number(options.port));
const app = await startProductionServer({ LOG_LEVEL: process.env.LOG_LEVEL ?? "info" });
const base = (target: Target) => (target.server === "empty" ? empty.baseUrl : app.baseUrl);
const rows: Row[] = [];
let failed = false;

try {
  for (const target of TARGETS) {
    const url = `${base(target)}${target.path}`;
    // The second answer: the server learns a page's headers from Next's first one.
    await responseBytes(url, target.headers ?? {});
    const row: Row = { ...target, bytes: await responseBytes(url, target.headers ?? {}) };
    if (target.underLoad && !options["skip-load"]) {
      process.stdout.write(`measuring ${target.label}…\n`);
      row.load = await load(url, target.headers ?? {});
    }
    rows.push(row);
  }
  if (!options["skip-js"]) {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
    try {
      for (const row of rows.filter((item) => item.js)) {
        const js = await pageJs(browser, `${base(row)}${row.path}`);
        row.jsGzip = js.gzip;
        row.scripts = js.scripts;
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await empty.stop();
  await app.stop();
}

const baseline = rows[0]!;
console.log(
  `\nNext ${version}, ${connections} connections, ${duration} s per page, Accept-Encoding: ${BROWSER_HEADERS["accept-encoding"]}\n`,
);
console.log(
  `${pad("page", 34)}${padStart("req/s", 8)}${padStart("×empty", 8)}${padStart("p50 ms", 8)}${padStart("p99 ms", 8)}` +
    `${padStart("errors", 8)}${padStart("body", 11)} ${pad("enc", 5)}${padStart("JS gzip", 10)}${padStart("+empty", 10)}`,
);
for (const row of rows) {
  const notes: string[] = [];
  const l = row.load;
  if (l && row.speedTarget && baseline.load) {
    const ratio = l.rps / baseline.load.rps;
    if (ratio < MIN_RPS_RATIO) notes.push(`req/s under ${MIN_RPS_RATIO}× empty`);
    if (l.p99 > MAX_P99_MS) notes.push(`p99 over ${MAX_P99_MS} ms`);
  }
  if (l && (l.non2xx > 0 || l.errors > 0)) notes.push("non-2xx or errors");
  const extraJs =
    row.jsGzip !== undefined && baseline.jsGzip !== undefined ? row.jsGzip - baseline.jsGzip : undefined;
  if (row.jsBudget && extraJs !== undefined && extraJs > JS_BUDGET_BYTES)
    notes.push(`JS over empty + ${kB(JS_BUDGET_BYTES)}`);
  if (notes.length) failed = true;
  console.log(
    pad(row.label, 34) +
      padStart(l ? l.rps.toFixed(0) : "", 8) +
      padStart(l && baseline.load ? `${(l.rps / baseline.load.rps).toFixed(2)}` : "", 8) +
      padStart(l ? String(l.p50) : "", 8) +
      padStart(l ? String(l.p99) : "", 8) +
      padStart(l ? String(l.non2xx + l.errors) : "", 8) +
      padStart(row.bytes ? kB(row.bytes.body) : "", 11) +
      " " +
      pad(row.bytes?.encoding ?? "", 5) +
      padStart(row.jsGzip !== undefined ? kB(row.jsGzip) : "", 10) +
      padStart(
        extraJs !== undefined && row !== baseline ? `${extraJs >= 0 ? "+" : ""}${kB(extraJs)}` : "",
        10,
      ) +
      (notes.length ? `  ✗ ${notes.join(", ")}` : ""),
  );
}
console.log(
  `\ntargets: lesson ≥ ${MIN_RPS_RATIO}× empty req/s and p99 ≤ ${MAX_P99_MS} ms; ` +
    `lesson, /, /learn, /practice JS ≤ empty + ${kB(JS_BUDGET_BYTES)} gzip → ${failed ? "MISSED" : "met"}`,
);
process.exit(failed ? 1 : 0);
