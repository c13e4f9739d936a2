import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "report-503-when-the-database-is-down",
  title: "Report 503 when the database is down",
  lesson: "health-checks",
  lessonSection: "liveness-and-readiness-endpoints-in-orders-api",
  summary: "Make /readyz tell the truth: 200 while Postgres answers, 503 while it is down, with /livez left shallow.",
  goal:
    "orders-api runs on Kubernetes with a readiness probe on /readyz and a liveness probe on /livez (every 10 s, " +
    "timeout 2 s, 3 failures). From 60 s to 150 s Postgres refuses connections. Today /readyz always answers 200, " +
    "so the Service keeps sending orders to a replica that cannot store them. Change /readyz so that the Pod is " +
    "Ready before 60 s, leaves the Service during the outage and comes back once the database is back. While " +
    "Postgres is down, /readyz should answer 503 Service Unavailable, not crash with a 500. Leave /livez shallow: " +
    "a restart cannot fix the database, and on plain Docker the image's HEALTHCHECK calls /livez for that reason.",
  kind: "health-code",
  scenario: {
    platform: "kubernetes",
    durationMs: 210_000,
    bootMs: 2_000,
    faults: [{ dependency: "db", fromMs: 60_000, toMs: 150_000, mode: "down" }],
    probes: {
      liveness: { path: "/livez", timeoutSeconds: 2 },
      readiness: { path: "/readyz", timeoutSeconds: 2 },
    },
  },
  input: {
    starterCode: `// livenessProbe:  httpGet /livez  (period 10 s, timeout 2 s, failureThreshold 3)
// readinessProbe: httpGet /readyz (period 10 s, timeout 2 s, failureThreshold 3)
// Available: app.get(path, handler), db.ping(), cache.ping(), disk.free(), console.
app.get("/livez", (req, res) => {
  res.status(200).json({ status: "alive" }); // the process answers; a restart fixes nothing else
});

app.get("/readyz", (req, res) => {
  res.status(200).json({ status: "ready" });
});
`,
  },
  hints: [
    "A readiness handler that always answers 200 only proves the event loop runs. Ask the database: db.ping() returns a promise that rejects while Postgres is down.",
    "Make the /readyz handler async and await db.ping() inside try/catch. Without the catch the rejection becomes a 500 from the framework: the probe fails too, but nobody learns why.",
    "In the catch branch answer res.status(503).json({ ... }). The kubelet needs 3 failed readiness probes in a row before it takes the Pod out of the Service.",
  ],
  solution: {
    code: `app.get("/livez", (req, res) => {
  res.status(200).json({ status: "alive" });
});

app.get("/readyz", async (req, res) => {
  try {
    await db.ping();
    res.status(200).json({ status: "ready" });
  } catch (error) {
    console.warn("readiness: database check failed:", error.message);
    res.status(503).json({ status: "unavailable", dependency: "postgres" });
  }
});
`,
    explanation:
      "The readiness handler awaits db.ping() and turns a rejection into 503, which the kubelet counts as a failed " +
      "probe. The readiness probes at about 60, 70 and 80 s fail, and the third failure in a row takes the Pod out " +
      "of the Service's endpoints at about 80 s, 20 s into the outage. The first probe after 150 s succeeds, and one " +
      "success puts it back. /livez never touches the database, so no liveness probe fails and the container keeps " +
      "its connection pool and its in-flight work through the outage.",
  },
  checks: [
    { type: "ready-at", atMs: 59_000, ready: true, label: "Ready before the outage (at 59 s)" },
    { type: "ready-at", atMs: 120_000, ready: false, label: "Out of the Service during the outage (at 120 s)" },
    {
      type: "failing-probes",
      probe: "readiness",
      fromMs: 60_000,
      toMs: 150_000,
      exitCode: 22,
      httpStatus: 503,
      maxDurationMs: 1_999,
      atLeast: 3,
      label: "During the outage /readyz answers 503",
    },
    { type: "ready-at", atMs: 210_000, ready: true, label: "Back in the Service after the database returns" },
    { type: "no-restarts", label: "The container is never restarted" },
  ],
};

export default lab;
