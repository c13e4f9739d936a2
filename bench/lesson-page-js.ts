// Prints the JavaScript a lesson page makes the browser load, gzip-compressed,
// next to an empty page of the same app (the 404 page: same layout and header).
// Budget (lessons issue): a lesson without simulators stays within 15 kB gzip of it.
//   npm run build && npx tsx bench/lesson-page-js.ts [/learn/some-lesson ...]
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { startProductionServer } from "../lib/testing/production-server";

const BUDGET_BYTES = 15 * 1024;
const lessonPaths = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["/learn/health-checks", "/learn/monitoring"];

const server = await startProductionServer({ LOG_LEVEL: "warn" });
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

async function scriptBytes(path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  });
  await page.goto(`${server.baseUrl}${path}`, { waitUntil: "networkidle" });
  const scripts = await Promise.all(bodies);
  await context.close();
  return {
    path,
    scripts: scripts.length,
    raw: scripts.reduce((sum, body) => sum + body.length, 0),
    gzip: scripts.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
let failed = false;
try {
  const empty = await scriptBytes("/no-such-page");
  console.log(
    `empty page (${empty.path}): ${empty.scripts} scripts, ${kib(empty.gzip)} gzip, ${kib(empty.raw)} raw`,
  );
  for (const path of lessonPaths) {
    const lesson = await scriptBytes(path);
    const extra = lesson.gzip - empty.gzip;
    const verdict = extra <= BUDGET_BYTES ? "within" : "OVER";
    if (extra > BUDGET_BYTES) failed = true;
    console.log(
      `${path}: ${lesson.scripts} scripts, ${kib(lesson.gzip)} gzip, ${kib(lesson.raw)} raw; ` +
        `+${kib(extra)} gzip over the empty page (${verdict} the ${kib(BUDGET_BYTES)} budget)`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
