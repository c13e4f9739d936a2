import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "report-503-when-the-database-is-down",
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

export default lab;
