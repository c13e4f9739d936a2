// Server-side lab verification throughput and what it does to /api/health: starts the production
// build with 1..N verification workers, keeps workers+1 clients submitting the worked solutions of
// every lab for a fixed time, polls /api/health every 50 ms meanwhile, and prints verifications/s
// and the health latency (p50, p99, max) for each pool size.
//
//   npm run build && npm run bench:lab-verify
//   options: --seconds 10  --max-workers <cores>
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { LABS } from "../content/labs";
import { solutionSubmission } from "../lib/labs/test-helpers";
import { signUpLearner, submitToServer } from "../lib/testing/lab-client";
import { startProductionServer } from "../lib/testing/production-server";

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    "max-workers": { type: "string", default: String(Math.max(2, availableParallelism())) },
  },
});
const seconds = Number(options.seconds);
const maxWorkers = Number(options["max-workers"]);
const solutions = LABS.map((lab) => solutionSubmission(lab));

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

console.log(`lab verification: worked solutions of ${LABS.length} labs, ${seconds} s per pool size`);
console.log("workers  clients  verified/s  busy  failed  health p50  health p99  health max  (ms)");
for (let workers = 1; workers <= maxWorkers; workers += 1) {
  const server = await startProductionServer({
    LAB_VERIFY_WORKERS: String(workers),
    LAB_VERIFY_QUEUE_MAX: String(workers * 2),
    LAB_SUBMIT_RATE_MAX: "10000",
    LOG_LEVEL: "warn",
  });
  try {
    const cookie = await signUpLearner(server, `bench-${workers}@example.test`);
    // Warm every worker before timing.
    await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        submitToServer(server, cookie, solutions[i % solutions.length]!),
      ),
    );
    const clients = workers + 1;
    const endAt = performance.now() + seconds * 1000;
    let verified = 0;
    let busy = 0;
    let failed = 0;
    const client = async (offset: number) => {
      for (let i = offset; performance.now() < endAt; i += 1) {
        const answer = await submitToServer(server, cookie, solutions[i % solutions.length]!);
        if (answer.status === 200 && answer.body.result?.passed) verified += 1;
        else if (answer.status === 503) {
          busy += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
        } else failed += 1;
      }
    };
    const health: number[] = [];
    const poll = async () => {
      while (performance.now() < endAt) {
        const started = performance.now();
        await fetch(`${server.baseUrl}/api/health`).then((response) => response.arrayBuffer());
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (performance.now() - started))));
      }
    };
    const started = performance.now();
    await Promise.all([...Array.from({ length: clients }, (_, i) => client(i)), poll()]);
    const elapsed = (performance.now() - started) / 1000;
    health.sort((a, b) => a - b);
    const cell = (value: number, width: number) => value.toFixed(1).padStart(width);
    console.log(
      `${String(workers).padStart(7)}  ${String(clients).padStart(7)}  ${cell(verified / elapsed, 10)}  ${String(busy).padStart(4)}  ${String(failed).padStart(6)}  ${cell(quantile(health, 0.5), 10)}  ${cell(quantile(health, 0.99), 10)}  ${cell(health.at(-1) ?? Number.NaN, 10)}`,
    );
  } finally {
    await server.stop();
  }
}
