import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "hanging-dependency",
  title: "Don't let a hanging dependency hang the probe",
  lesson: "health-checks",
  lessonSection: "liveness-and-readiness-endpoints-in-orders-api",
  summary: "When Postgres stops answering, /health must still answer, with a 503, before the probe times out.",
  goal:
    "Same HEALTHCHECK as before (every 10 s, timeout 3 s, 3 retries), but this time Postgres does not refuse " +
    "connections from 60 s to 150 s: it accepts them and never answers. The handler awaits db.ping() forever, so " +
    "Docker kills every probe after 3 s (exit −1, \"Health check exceeded timeout\"), and the log tells nobody why. " +
    "Make every failing probe during the hang an answer from your own handler: a 503 (curl exit 22) well within " +
    "the 3-second timeout.",
  kind: "health-code",
  scenario: {
    platform: "docker",
    durationMs: 210_000,
    bootMs: 2_000,
    faults: [{ dependency: "db", fromMs: 60_000, toMs: 150_000, mode: "hang" }],
    path: "/health",
    healthcheck: { intervalMs: 10_000, timeoutMs: 3_000, retries: 3 },
  },
  input: {
    starterCode: `// HEALTHCHECK --interval=10s --timeout=3s --retries=3
//   CMD curl -fsS http://127.0.0.1:3000/health || exit 1
app.get("/health", async (req, res) => {
  try {
    await db.ping();
    res.status(200).json({ status: "ok" });
  } catch (error) {
    res.status(503).json({ status: "unavailable", reason: error.message });
  }
});
`,
  },
  hints: [
    "try/catch only helps when the promise settles. A ping that never answers never rejects, so the catch never runs.",
    "Race the ping against a timer: Promise.race([db.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error(\"timed out\")), ms))]).",
    "Pick a limit clearly below Docker's 3 s timeout, such as 1000 ms, so your 503 arrives before Docker gives up on the probe.",
  ],
  solution: {
    code: `const DB_CHECK_TIMEOUT_MS = 1000; // well below the HEALTHCHECK's 3 s timeout

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(what + " did not answer within " + ms + " ms")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

app.get("/health", async (req, res) => {
  try {
    await withTimeout(db.ping(), DB_CHECK_TIMEOUT_MS, "postgres");
    res.status(200).json({ status: "ok" });
  } catch (error) {
    console.warn("health:", error.message);
    res.status(503).json({ status: "unavailable", reason: error.message });
  }
});
`,
    explanation:
      "Promise.race settles with whichever promise settles first. While Postgres hangs, the timer wins after 1 s, " +
      "the catch answers 503 and curl exits 22: a failure Docker records with your message instead of a generic " +
      "timeout. Three such failures still mark the container unhealthy, and each probe ends after 1 s instead of " +
      "3 s. In orders-api the same limit lives in the pool settings (connectionTimeoutMillis, query_timeout).",
  },
  checks: [
    {
      type: "failing-probes",
      fromMs: 60_000,
      toMs: 150_000,
      exitCode: 22,
      maxDurationMs: 2_999,
      atLeast: 3,
      label: "Every failing probe during the hang is your handler's answer (exit 22, not a timeout −1) within the 3 s timeout",
    },
    { type: "becomes-unhealthy-between", fromMs: 60_000, toMs: 150_000, label: "Marked unhealthy during the hang" },
    { type: "becomes-healthy-between", fromMs: 150_000, toMs: 210_000, label: "Healthy again after Postgres recovers" },
  ],
};

export default lab;
