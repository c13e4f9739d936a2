// Prints how fast the incident host (lib/sim/incident) builds its scenarios and answers commands.
//   npm run bench:incident
// Builds each of the four scenarios (the disk-full one covers 24 h of logs, the OOM loop 2 h of
// memory, the throttling one 10 min of CFS periods at 40 requests/s), then answers a typical
// investigation (8 commands) 250 times against each.
import { buildWorld, IncidentHost, SCENARIO_IDS } from "../lib/sim/incident";

const investigation = [
  "docker ps -a",
  "docker inspect shop-api",
  "docker logs --tail 50 -t shop-api",
  "docker stats --no-stream",
  "docker events --since 24h",
  "docker events --since 2h --filter event=oom --filter event=die",
  "curl -s -w '%{http_code} %{time_total}' localhost:3000/health",
  "df -h",
];
for (const id of SCENARIO_IDS) {
  let start = performance.now();
  const world = buildWorld(id);
  const buildMs = performance.now() - start;
  const host = new IncidentHost(world);
  start = performance.now();
  let failed = 0;
  for (let i = 0; i < 250; i++) for (const line of investigation) failed += host.run(line).ok ? 0 : 1;
  const answerMs = performance.now() - start;
  console.log(
    `incident ${id}: built in ${buildMs.toFixed(0)} ms wall (${(world.nowMs / 3_600_000).toFixed(2)} h virtual); ` +
      `${250 * investigation.length} commands in ${answerMs.toFixed(0)} ms (${((answerMs / 250 / investigation.length) * 1000).toFixed(0)} µs each, ${failed} errors)`,
  );
}
