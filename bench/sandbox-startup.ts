// Prints how long the QuickJS sandbox takes to start in Node: loading the
// WebAssembly module once, then creating a runtime with our prelude and
// evaluating a small learner handler.   npx tsx bench/sandbox-startup.ts
import { loadQuickJs } from "../lib/sandbox/node-quickjs";
import { QuickJsSandbox } from "../lib/sandbox/quickjs-sandbox";

const HANDLER = `
globalThis.health = async () => {
  const up = await __host.call("db.ping");
  return up ? 200 : 503;
};`;

let started = performance.now();
const quickjs = await loadQuickJs();
console.log(`load WebAssembly module (once per process): ${(performance.now() - started).toFixed(1)} ms`);

const timings: number[] = [];
for (let run = 0; run < 50; run += 1) {
  started = performance.now();
  const box = new QuickJsSandbox(quickjs, { "db.ping": () => ({ value: true }) });
  box.evaluate(HANDLER);
  box.callGlobal("health");
  box.runJobs();
  timings.push(performance.now() - started);
  box.dispose();
}
timings.sort((a, b) => a - b);
const pick = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(2);
console.log(
  `new sandbox + prelude + evaluate + one call, 50 runs: median ${pick(0.5)} ms, p95 ${pick(0.95)} ms`,
);
