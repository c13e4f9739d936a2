// Simulates 24 h of virtual time for a few health-check scenarios and prints, per scenario, the
// wall time the engine took and how many events the timeline holds.
//   npx tsx bench/healthcheck-engine.ts
import {
  alwaysHealthy,
  failsBetween,
  flapping,
  hangsFrom,
  healthyAfterBoot,
  simulate,
  slowResponses,
  type ProbeProgram,
  type Scenario,
} from "../lib/sim/healthcheck";

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

const courseHealthcheck = {
  intervalMs: 10_000,
  timeoutMs: 3_000,
  startPeriodMs: 30_000,
  startIntervalMs: 5_000,
};

const cases: Array<{ name: string; scenario: Scenario; program: ProbeProgram }> = [
  {
    name: "docker: course healthcheck, app flapping every 15 min, restart=always",
    scenario: {
      platform: "docker",
      durationMs: DAY_MS,
      healthcheck: courseHealthcheck,
      restartPolicy: "always",
    },
    program: flapping(15 * MINUTE_MS, healthyAfterBoot(8_000, { responseMs: 50 })),
  },
  {
    name: "swarm: app hangs after 20 min of uptime, replaced each time",
    scenario: { platform: "swarm", durationMs: DAY_MS, healthcheck: courseHealthcheck },
    program: hangsFrom(20 * MINUTE_MS, healthyAfterBoot(8_000), "uptime"),
  },
  {
    name: "kubernetes: startup + liveness + readiness, hang after 30 min uptime, readiness flapping",
    scenario: {
      platform: "kubernetes",
      durationMs: DAY_MS,
      startupProbe: { failureThreshold: 30 },
      livenessProbe: {},
      readinessProbe: { program: flapping(7 * MINUTE_MS, healthyAfterBoot(20_000)) },
    },
    program: hangsFrom(30 * MINUTE_MS, healthyAfterBoot(20_000), "uptime"),
  },
  {
    name: "nginx: 3 servers, a request every 100 ms, one flapping, one slow with an outage",
    scenario: {
      platform: "nginx",
      durationMs: DAY_MS,
      servers: [
        { name: "a" },
        { name: "b", program: flapping(5 * MINUTE_MS, alwaysHealthy(30)) },
        {
          name: "c",
          program: failsBetween(6 * 60 * MINUTE_MS, 7 * 60 * MINUTE_MS, slowResponses(200, alwaysHealthy())),
        },
      ],
      requests: { everyMs: 100 },
    },
    program: alwaysHealthy(20),
  },
];

for (const { name, scenario, program } of cases) {
  const started = performance.now();
  const timeline = simulate(scenario, program);
  const wallMs = performance.now() - started;
  const counts = new Map<string, number>();
  for (const event of timeline.events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  const byType = [...counts].map(([type, count]) => `${type} ${count}`).join(", ");
  console.log(`${name}\n  ${wallMs.toFixed(0)} ms wall, ${timeline.events.length} events (${byType})`);
  const { restarts, replacements, failedRequests, requests, endpointRemovals } = timeline.summary;
  console.log(
    `  restarts ${restarts}, replacements ${replacements}, endpoint removals ${endpointRemovals}, requests ${requests} (${failedRequests} failed)`,
  );
}
