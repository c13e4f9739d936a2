import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { runLabRequest } from "@/lib/labs/run-request";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { createLabVerifier, type LabVerifier } from "./lab-verifier";
import { sourceWorkerEntry } from "./registry";

// "One engine, two places": the browser's Web Worker runs runLabRequest (components/labs/lab.worker.ts)
// and the server's verification worker thread runs it too. Here the browser's path runs in this
// thread, in a far-away time zone, and the server's through the real pool; the results must be
// identical byte for byte, including every instant and every line the guest logged about time.
const TIME_LINE = "Date.now(), String(new Date()), Date(), performance.now(), new Date().getHours()";
const HEALTH_WITH_TIME = `async function handler(req, res) {
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log("probe", ${TIME_LINE}, performance.now() - started);
  try { await db.ping(); res.status(200).json({ ok: true }); }
  catch (error) { res.status(503).json({ ok: false }); }
}
for (const path of ["/health", "/livez", "/readyz"]) app.get(path, handler);`;
const SHUTDOWN_TIME = `
console.log("loaded", ${TIME_LINE});
process.on("SIGTERM", () => {
  console.log("stop", ${TIME_LINE});
  setTimeout(() => console.log("later", ${TIME_LINE}), 250);
});`;

const cases = [
  { labSlug: "report-503-when-the-database-is-down", code: HEALTH_WITH_TIME },
  { labSlug: "keep-liveness-shallow", code: HEALTH_WITH_TIME },
  { labSlug: "drain-under-docker-stop", code: codeOf("drain-under-docker-stop") + SHUTDOWN_TIME },
  { labSlug: "exit-on-your-own-terms", code: codeOf("exit-on-your-own-terms") + SHUTDOWN_TIME },
];

function codeOf(slug: string): string {
  const lab = getLab(slug);
  if (!lab || !("code" in lab.solution)) throw new Error(`${slug} is not a code lab`);
  return lab.solution.code;
}

// The CPU budget is measured in wall time inside guest calls: generous here, so a loaded machine
// cannot make one side hit it and the other not. (The limits are the same on both sides.)
const LIMITS = { cpuBudgetMs: 30_000, memoryBytes: 16 << 20 };

let verifier: LabVerifier;
beforeAll(async () => {
  verifier = createLabVerifier(
    { workers: 1, queueMax: 8, timeoutMs: 20_000, heapMb: 128, cpuBudgetMs: LIMITS.cpuBudgetMs },
    await sourceWorkerEntry(),
  );
}, 60_000);
afterAll(async () => {
  await verifier.close();
});

describe("the same submission in the browser's code path and on the server", () => {
  it.each(cases)(
    "gives a byte-identical result and timeline: $labSlug",
    async (submission) => {
      const zone = process.env.TZ;
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14: any leak of the host's zone would show
      let browser: string;
      try {
        const reply = await runLabRequest(
          { labSlug: submission.labSlug, submission, limits: LIMITS },
          loadQuickJs,
        );
        if (!reply.ok) throw new Error(reply.error);
        browser = JSON.stringify(reply.result);
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
      const server = JSON.stringify(await verifier.verify(getLab(submission.labSlug)!, submission));
      expect(server).toBe(browser);

      // And the guest saw the simulated clock: not the wall clock, and advancing with the run.
      const times = [...browser.matchAll(/"(?:probe|stop|later) (\d+) /g)].map((match) => Number(match[1]));
      expect(times.length).toBeGreaterThan(1);
      expect(times.every((ms) => ms >= 0 && ms < 86_400_000)).toBe(true);
      expect(Math.max(...times)).toBeGreaterThan(0);
      expect(new Set(times).size).toBeGreaterThan(1);
    },
    60_000,
  );
});
