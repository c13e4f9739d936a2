import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "hanging-dependency",
  title: "Don't let a hanging dependency hang the probe",
  lesson: "health-checks",
  lessonSection: "liveness-and-readiness-endpoints-in-orders-api",
  summary: "When Postgres stops answering, /readyz must still answer, with a 503, before the probe times out.",
  goal:
    "Same probes as before (every 10 s, timeout 2 s, 3 failures), but this time Postgres does not refuse " +
    "connections from 60 s to 150 s: it accepts them and never answers. /readyz awaits db.ping() forever, so the " +
    "kubelet gives up on every readiness probe after 2 s and records only a timeout, your log says nothing, and " +
    "each abandoned probe leaves one more request hanging in the process. Make every failing readiness probe " +
    "during the hang an answer from your own handler: a 503, with the reason in your log, well within the 2-second " +
    "timeout. /livez stays shallow and must keep succeeding.",
  kind: "health-code",
  scenario: {
    platform: "kubernetes",
    durationMs: 210_000,
    bootMs: 2_000,
    faults: [{ dependency: "db", fromMs: 60_000, toMs: 150_000, mode: "hang" }],
    probes: {
      liveness: { path: "/livez", timeoutSeconds: 2 },
      readiness: { path: "/readyz", timeoutSeconds: 2 },
    },
  },
  input: {
    starterCode: `// livenessProbe:  httpGet /livez  (period 10 s, timeout 2 s, failureThreshold 3)
// readinessProbe: httpGet /readyz (period 10 s, timeout 2 s, failureThreshold 3)
app.get("/livez", (req, res) => {
  res.status(200).json({ status: "alive" });
});

app.get("/readyz", async (req, res) => {
  try {
    await db.ping();
    res.status(200).json({ status: "ready" });
  } catch (error) {
    res.status(503).json({ status: "unavailable", reason: error.message });
  }
});
`,
  },
  hints: [
    "try/catch only helps when the promise settles. A ping that never answers never rejects, so the catch never runs.",
    "Race the ping against a timer: Promise.race([db.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error(\"timed out\")), ms))]).",
    "Pick a limit clearly below the probe's 2 s timeout, such as 1000 ms (the lesson's pool limit), so your 503 arrives before the kubelet gives up on the probe.",
  ],
  solution: {
    code: `const DB_CHECK_TIMEOUT_MS = 1000; // well below the readiness probe's 2 s timeout

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(what + " did not answer within " + ms + " ms")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

app.get("/livez", (req, res) => {
  res.status(200).json({ status: "alive" });
});

app.get("/readyz", async (req, res) => {
  try {
    await withTimeout(db.ping(), DB_CHECK_TIMEOUT_MS, "postgres");
    res.status(200).json({ status: "ready" });
  } catch (error) {
    console.warn("readiness:", error.message);
    res.status(503).json({ status: "unavailable", reason: error.message });
  }
});
`,
    explanation:
      "Promise.race settles with whichever promise settles first. While Postgres hangs, the timer wins after 1 s, " +
      "the catch logs the reason and answers 503: a failure the kubelet records as an HTTP 503 instead of a bare " +
      "timeout, with your message in the log. Three such failures still take the Pod out of the Service, and each " +
      "probe ends after 1 s instead of 2 s. In orders-api the same limit lives in the pool settings " +
      "(connectionTimeoutMillis, query_timeout).",
  },
  checks: [
    {
      type: "failing-probes",
      probe: "readiness",
      fromMs: 60_000,
      toMs: 150_000,
      exitCode: 22,
      httpStatus: 503,
      maxDurationMs: 1_999,
      atLeast: 3,
      label: "Every failing readiness probe during the hang is your handler's 503 (not a timeout) within the 2 s timeout",
    },
    { type: "ready-at", atMs: 120_000, ready: false, label: "Out of the Service during the hang (at 120 s)" },
    { type: "ready-at", atMs: 210_000, ready: true, label: "Back in the Service after Postgres recovers" },
    { type: "probes-succeed", probe: "liveness", label: "Every liveness probe succeeds" },
  ],
};

export default lab;
