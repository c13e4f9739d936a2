import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "pick-cpus-for-p99",
  title: "Pick --cpus so p99 stays under 200 ms at 40 requests per second",
  lesson: "resource-limits",
  lessonSection: "--cpus-a-hard-ceiling",
  summary: "Find a CPU quota that keeps orders-api's p99 latency under 200 ms without reserving more than a CPU.",
  goal:
    "orders-api runs as one Node process and serves 40 requests a second, arriving at random. Each request " +
    "needs 10 ms of CPU on average, some far more: on average the process is busy 0.4 CPU. It runs with " +
    "--cpus=0.5, so there is headroom on paper, yet p99 latency is far above the 200 ms target. The node can " +
    "reserve at most one CPU for it. Pick --cpus so that p99 stays under 200 ms and no backlog builds up, " +
    "over five minutes of traffic.",
  kind: "cpu-config",
  scenario: {
    app: "orders-api: one Node process, so one request runs at a time on its event loop; the rest wait in line.",
    threads: 1,
    requestsPerSecond: 40,
    arrivals: "poisson",
    cpuMsPerRequest: 10,
    cost: "exponential",
    seed: 1,
    horizonMs: 300_000,
    // 5 s windows: 200 requests each, so a window's p99 means something on the chart.
    sampleEveryMs: 5_000,
  },
  input: {
    params: {
      cpus: {
        label: "--cpus",
        unit: "millicpus",
        min: 100,
        max: 4000,
        step: 50,
        default: 500,
        help: "In thousandths of a CPU, as Kubernetes writes 500m: 500 is --cpus=0.5, 1500 is --cpus=1.5.",
      },
    },
  },
  hints: [
    "Run the default and look at the throttled time: every 100 ms the quota runs out while requests are still waiting, and they all wait for the next period with it.",
    "Average use is not the whole story. The closer the quota is to the average demand, the longer the queue behind an unlucky run of slow requests, and p99 is all about those.",
    "More CPU beyond what one event loop can use buys nothing: a single Node process never runs two requests at once. Look for the smallest quota that keeps p99 under the target with room to spare.",
  ],
  solution: {
    params: { cpus: 700 },
    explanation:
      "With --cpus=0.5 the container gets 50 ms of CPU per 100 ms period for 40 ms of average demand: 80 % " +
      "busy. Random arrivals and uneven request costs make queues, and whenever the quota runs out mid-queue " +
      "every waiting request also sits out the rest of the period, so p99 climbs to about 390 ms. At --cpus=0.7 " +
      "demand is under 60 % of the quota, throttling is rare and short, and p99 is about 130 ms. --cpus=0.6 " +
      "lands just under 200 ms, too close for comfort; above 1 CPU nothing improves, since one Node process " +
      "runs one request at a time.",
  },
  checks: [
    { type: "p99-below", ms: 200 },
    { type: "backlog-at-most", requests: 10 },
    { type: "cpus-at-most", cpus: 1 },
  ],
};

export default lab;
