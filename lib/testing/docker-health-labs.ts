import type { LabInput } from "@/lib/labs/schema";

// Docker HEALTHCHECK code labs for the engine and lab tests. The course's own health-code labs run on
// Kubernetes readiness (lesson 1 points a Docker HEALTHCHECK at /livez, never at the database), but the
// Docker path of the health-code runner, its experiments and its checks still need a code lab to run.
// These are the two labs as they were before that change, under their own slugs.

export const DOCKER_HEALTH_CODE_LAB: LabInput = {
  slug: "docker-health-fixture",
  title: "Report 503 when the database is down",
  lesson: "health-checks",
  lessonSection: "liveness-and-readiness-endpoints-in-orders-api",
  summary: "Make /health tell the truth: 200 while Postgres answers, 503 while it is down.",
  goal:
    "orders-api runs under a Docker HEALTHCHECK that calls GET /health every 10 s (timeout 3 s, 3 retries). " +
    "From 60 s to 150 s Postgres refuses connections. Change the handler so that Docker sees the outage: the " +
    "container must be healthy before 60 s, marked unhealthy during the outage, and healthy again once the " +
    "database is back. While it is down, /health should answer 503 Service Unavailable, not crash with a 500.",
  kind: "health-code",
  scenario: {
    platform: "docker",
    durationMs: 210_000,
    bootMs: 2_000,
    faults: [{ dependency: "db", fromMs: 60_000, toMs: 150_000, mode: "down" }],
    path: "/health",
    healthcheck: { intervalMs: 10_000, timeoutMs: 3_000, retries: 3 },
  },
  input: {
    starterCode: `// GET /health, called by: HEALTHCHECK --interval=10s --timeout=3s --retries=3
//   CMD curl -fsS http://127.0.0.1:3000/health || exit 1
// Available: app.get(path, handler), db.ping(), cache.ping(), disk.free(), console.
app.get("/health", (req, res) => {
  res.status(200).json({ status: "healthy" });
});
`,
  },
  hints: [
    "A handler that always answers 200 only proves the event loop runs. Ask the database: db.ping() returns a promise that rejects while Postgres is down.",
    "Make the handler async and await db.ping() inside try/catch. Without the catch the rejection becomes a 500 from the framework, which curl -f also reports as a failure, but says nothing useful.",
    "In the catch branch answer res.status(503).json({ ... }). Docker needs 3 failures in a row (retries 3) before it marks the container unhealthy.",
  ],
  solution: {
    code: `app.get("/health", async (req, res) => {
  try {
    await db.ping();
    res.status(200).json({ status: "ok" });
  } catch (error) {
    console.warn("health: database check failed:", error.message);
    res.status(503).json({ status: "unavailable", dependency: "postgres" });
  }
});
`,
    explanation:
      "The handler awaits db.ping() and turns a rejection into 503, so curl -f exits 22 and Docker counts a failure. " +
      "The probes at about 60, 70 and 80 s fail, and the third failure in a row marks the container unhealthy at " +
      "about 80 s, 20 s into the outage. The first probe after 150 s succeeds, and one success is enough to be " +
      "healthy again. Keep in mind that plain Docker only reports this: nothing restarts the container.",
  },
  checks: [
    { type: "status-at", atMs: 59_000, status: "healthy", label: "Healthy before the outage (at 59 s)" },
    { type: "becomes-unhealthy-between", fromMs: 60_000, toMs: 150_000, label: "Marked unhealthy during the outage" },
    {
      type: "failing-probes",
      fromMs: 60_000,
      toMs: 150_000,
      exitCode: 22,
      httpStatus: 503,
      maxDurationMs: 3_000,
      atLeast: 3,
      label: "During the outage /health answers 503",
    },
    { type: "becomes-healthy-between", fromMs: 150_000, toMs: 210_000, label: "Healthy again after the database returns" },
  ],
};

export const DOCKER_HANG_CODE_LAB: LabInput = {
  slug: "docker-hang-fixture",
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
