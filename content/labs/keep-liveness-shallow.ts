import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "keep-liveness-shallow",
  title: "Keep liveness shallow",
  lesson: "health-checks",
  lessonSection: "dependencies-what-belongs-in-which-check",
  summary: "Survive a five-minute database outage without Kubernetes restarting the Pod.",
  goal:
    "The Pod has a liveness probe on /livez and a readiness probe on /readyz, both with Kubernetes' defaults " +
    "(every 10 s, timeout 1 s, 3 failures). Postgres is down from 60 s to 360 s. Today both endpoints query the " +
    "database, so the kubelet restarts the container again and again, which cannot fix Postgres. Change the code so " +
    "that the container is never restarted and every liveness probe succeeds, while readiness still takes the Pod " +
    "out of the Service during the outage and brings it back afterwards.",
  kind: "health-code",
  scenario: {
    platform: "kubernetes",
    durationMs: 420_000,
    bootMs: 2_000,
    faults: [{ dependency: "db", fromMs: 60_000, toMs: 360_000, mode: "down" }],
    probes: {
      liveness: { path: "/livez" },
      readiness: { path: "/readyz" },
    },
  },
  input: {
    starterCode: `// livenessProbe:  httpGet /livez  (period 10 s, timeout 1 s, failureThreshold 3)
// readinessProbe: httpGet /readyz (period 10 s, timeout 1 s, failureThreshold 3)
async function deepCheck(res) {
  try {
    await db.ping();
    res.status(200).json({ status: "ok" });
  } catch (error) {
    res.status(503).json({ status: "unavailable", reason: error.message });
  }
}

app.get("/livez", (req, res) => deepCheck(res));
app.get("/readyz", (req, res) => deepCheck(res));
`,
  },
  hints: [
    "Ask of each probe what its failure makes Kubernetes do. A failed liveness probe restarts the container; a failed readiness probe only takes the Pod out of the Service.",
    "Would a restart fix a database outage? If not, the database does not belong in the liveness check.",
    "Let /livez answer 200 from the process alone, with no I/O, and keep the database check in /readyz.",
  ],
  solution: {
    code: `// Liveness: can this process still answer at all? No I/O: a restart cannot fix Postgres.
app.get("/livez", (req, res) => {
  res.status(200).json({ status: "alive" });
});

// Readiness: should this Pod get traffic right now? Here the database matters.
app.get("/readyz", async (req, res) => {
  try {
    await db.ping();
    res.status(200).json({ status: "ready" });
  } catch (error) {
    console.warn("readiness: postgres check failed:", error.message);
    res.status(503).json({ status: "unavailable", dependency: "postgres" });
  }
});
`,
    explanation:
      "Liveness now answers from the process alone, so no liveness probe fails and the kubelet has no reason to " +
      "restart anything. Readiness keeps the database check: its probes at 60, 70 and 80 s fail, the third " +
      "removes the Pod from the Service's endpoints, and the first success after 360 s adds it back. The container " +
      "keeps its connection pool and its in-flight work through the whole outage.",
  },
  checks: [
    { type: "no-restarts", label: "The container is never restarted" },
    { type: "probes-succeed", probe: "liveness", label: "Every liveness probe succeeds" },
    { type: "ready-at", atMs: 200_000, ready: false, label: "Out of the Service during the outage (at 200 s)" },
    { type: "ready-at", atMs: 420_000, ready: true, label: "Back in the Service after the outage" },
  ],
};

export default lab;
