import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { runLabRequest } from "@/lib/labs/run-request";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { HEALTH_WITH_TIME, SHUTDOWN_TIME, workedSolutionCode } from "@/lib/labs/time-probe-programs";
import { TEST_LIMITS, sharedTestVerifier } from "./test-verifier";

// "One engine, two places": the browser's Web Worker runs runLabRequest (components/labs/lab.worker.ts)
// and the server's verification worker thread runs it too. Here the browser's path runs in this
// thread, in a far-away time zone, and the server's through the real pool; the results must be
// identical byte for byte, including every instant and every line the guest logged about time.
const cases = [
  { labSlug: "report-503-when-the-database-is-down", code: HEALTH_WITH_TIME },
  { labSlug: "keep-liveness-shallow", code: HEALTH_WITH_TIME },
  { labSlug: "drain-under-docker-stop", code: workedSolutionCode("drain-under-docker-stop") + SHUTDOWN_TIME },
  { labSlug: "exit-on-your-own-terms", code: workedSolutionCode("exit-on-your-own-terms") + SHUTDOWN_TIME },
];

const verifier = sharedTestVerifier();

describe("the same submission in the browser's code path and on the server", () => {
  it.each(cases)(
    "gives a byte-identical result and timeline: $labSlug",
    async (submission) => {
      const zone = process.env.TZ;
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14: any leak of the host's zone would show
      let browser: string;
      try {
        const reply = await runLabRequest(
          { labSlug: submission.labSlug, submission, limits: TEST_LIMITS },
          loadQuickJs,
        );
        if (!reply.ok) throw new Error(reply.error);
        browser = JSON.stringify(reply.result);
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
      const server = JSON.stringify(await verifier().verify(getLab(submission.labSlug)!, submission));
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
