import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "prestop-sleep",
  title: "Stop sending traffic before SIGTERM: the preStop sleep",
  lesson: "high-availability",
  lessonSection: "kubernetes-prestop-and-the-endpoint-race",
  summary: "Delay SIGTERM until kube-proxy and the ingress have stopped routing to the Pod.",
  goal:
    "A Pod is deleted at 0 s. Its app has a correct SIGTERM handler: it closes the listener at once, waits for " +
    "in-flight requests and exits 0. But in this cluster the routers only stop sending new connections to the Pod " +
    "2 s after the deletion, and traffic keeps coming every 100 ms. A 20-second report is also in flight. Set the " +
    "preStop sleep and terminationGracePeriodSeconds so that no request is refused or dropped and the container " +
    "exits 0, not 137.",
  kind: "shutdown-config",
  scenario: {
    platform: { kind: "kubernetes" },
    launch: "exec",
    database: { closeMs: 100 },
    stopAtMs: 0,
    requests: [{ id: "report", atMs: 0, durationMs: 20_000 }],
    traffic: { idPrefix: "r", fromMs: 100, toMs: 6_000, everyMs: 100, durationMs: 50 },
    routing: { endpointRemovalDelayMs: 2_000, readinessProbe: null },
    program: { builtin: "graceful", drainDelayMs: 0, forceExitMs: 25_000, connectionClose: true },
  },
  input: {
    params: {
      preStop: {
        label: "lifecycle.preStop.sleep.seconds",
        unit: "seconds",
        min: 0,
        max: 60,
        default: 0,
        help: "The kubelet runs this sleep before sending SIGTERM; it counts against the grace period.",
      },
      gracePeriod: {
        label: "terminationGracePeriodSeconds",
        unit: "seconds",
        min: 1,
        max: 120,
        default: 30,
        help: "From the deletion to SIGKILL, preStop included (at least 2 s after SIGTERM).",
      },
    },
  },
  hints: [
    "With no preStop, SIGTERM arrives at 0 s and the app closes its listener, while the routers keep sending new connections for 2 more seconds: every one is refused.",
    "A preStop sleep delays SIGTERM without the app's help. How long must SIGTERM wait for the routers to catch up?",
    "The sleep comes out of terminationGracePeriodSeconds. The report needs 20 s from deletion; SIGKILL must come later than that.",
  ],
  solution: {
    params: { preStop: 5, gracePeriod: 30 },
    explanation:
      "preStop sleep 5 s: the routers stop sending at 2 s, SIGTERM follows at 5 s, so the listener closes only when " +
      "nothing new arrives any more: zero refused. The grace period of 30 s counts from the deletion and includes " +
      "the 5 s sleep; the report ends at 20 s, the database closes, and the process exits 0 at about 20.1 s, long " +
      "before SIGKILL at 30 s. Any sleep from 2 s up works here, but a longer one only delays every rollout; " +
      "a grace period under about 21 s would cut the report.",
  },
  checks: [
    { type: "requests", dropped: 0, refused: 0 },
    { type: "exit-code", code: 0, label: "Exit code 0 (no SIGKILL)" },
  ],
};

export default lab;
