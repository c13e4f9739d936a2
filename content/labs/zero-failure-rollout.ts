import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "zero-failure-rollout",
  title: "Roll out 6 replicas with zero failed requests",
  lesson: "zero-downtime-deployment",
  lessonSection: "worked-example-6-replicas-maxsurge-1-maxunavailable-0",
  summary: "Choose maxSurge, maxUnavailable, a preStop sleep and minReadySeconds for a rollout nobody notices.",
  goal:
    "A Deployment of 6 replicas serves 50 requests per second, and 6 replicas is exactly what that load needs. " +
    "New Pods are ready 10 s after they start; routers keep sending to a deleted Pod for about 1 s. With the " +
    "defaults (maxSurge 25% = 2 Pods, maxUnavailable 25% = 1 Pod, no preStop) requests fail. Pick settings so " +
    "that the rollout completes, no request fails and at least 6 replicas are serving at every moment.",
  kind: "rollout-config",
  scenario: {
    strategy: "kubernetes",
    replicas: 6,
    requestsPerSecond: 50,
    requestMs: 100,
    oldVersion: { label: "v1" },
    newVersion: { label: "v2", readyAfterMs: 10_000 },
    terminationGraceMs: 30_000,
    endpointDelayMs: 1_000,
  },
  input: {
    params: {
      maxSurge: { label: "maxSurge", unit: "pods", min: 0, max: 6, default: 2, help: "Extra Pods allowed above 6 during the rollout (25% of 6, rounded up, is 2)." },
      maxUnavailable: { label: "maxUnavailable", unit: "pods", min: 0, max: 6, default: 1, help: "Pods allowed below 6 available (25% of 6, rounded down, is 1)." },
      preStop: { label: "preStop sleep (seconds)", unit: "seconds", min: 0, max: 20, default: 0, help: "Delay before SIGTERM reaches an old Pod, while routers catch up." },
      minReady: { label: "minReadySeconds", unit: "seconds", min: 0, max: 60, default: 0, help: "How long a new Pod must stay Ready before it counts as available." },
    },
  },
  hints: [
    "maxUnavailable above 0 lets Kubernetes delete an old Pod before its replacement is ready: for a while only 5 replicas serve.",
    "Surge instead: maxSurge 1 with maxUnavailable 0 adds a new Pod first and deletes an old one only once the new one is available.",
    "Capacity is not the only loss: an old Pod that gets SIGTERM at once stops accepting while routers still send to it for about a second. A preStop sleep longer than that closes the gap.",
  ],
  solution: {
    params: { maxSurge: 1, maxUnavailable: 0, preStop: 5, minReady: 0 },
    explanation:
      "maxUnavailable 0 forbids going below 6 available Pods, so Kubernetes creates one new Pod (maxSurge 1), " +
      "waits until it is ready, and only then deletes an old one: 6 serving at every moment, 7 for a while. The " +
      "deleted Pod leaves the routers after 1 s but gets SIGTERM only after the 5 s preStop sleep, so it never " +
      "refuses a request that is still routed to it; it then drains its in-flight requests and exits well inside " +
      "the 30 s grace period. Six rounds of 10 s: the rollout completes after about 60 s with no failed request.",
  },
  checks: [
    { type: "rollout-outcome", outcome: "completed" },
    { type: "errors", max: 0 },
    { type: "min-capacity", atLeast: 6 },
  ],
};

export default lab;
