import { simulate, slowResponses, alwaysHealthy } from "../healthcheck";
import { simulateLogFiles } from "../logging";
import { simulateCpu, simulateMemory } from "../memory";
import type { DockerEvent, LogEntry, ScenarioId, World } from "./world";

const MIN = 60_000;
const HOUR = 60 * MIN;
const base = {
  name: "shop-api",
  id: "4f3c2a1b9e8d",
  image: "shop-api:1.4.2",
  command: "node server.js",
  port: 3000,
  logConfig: { Type: "json-file", Config: {} as Record<string, string> },
};

/**
 * OOM restart loop: the heap grows 40 MiB/min under --memory 256m with --max-old-space-size 512
 * (V8 would allow more than the cgroup has), --restart always. The learner arrives 30 s after the
 * latest restart: the container is Up and, since Engine 24.0, State.OOMKilled is false again —
 * only `docker events --filter event=oom` (or the restart count) tells the story.
 */
function oomLoop(at?: number): World {
  const horizon = 2 * HOUR;
  const result = simulateMemory({
    memoryMb: 256,
    maxOldSpaceSizeMb: 512,
    restartPolicy: "always",
    horizonMs: horizon,
    sampleEveryMs: 1_000,
    workload: { nativeMb: 40, heapMb: 30, phases: [{ durationMs: null, heapMbPerMin: 40 }] },
  });
  const lastStart = result.events.filter((e) => e.type === "start").at(-1)!;
  const nowMs = at ?? lastStart.at + 30_000;
  let startedAt = 0;
  let status: World["state"]["status"] = "running";
  const events: DockerEvent[] = [];
  const logs: LogEntry[] = [];
  let restartCount = 0;
  let oomKilled = false;
  let exitCode = 0;
  let finishedAt: number | null = null;
  for (const e of result.events) {
    if (e.at > nowMs) break;
    if (e.type === "start") {
      restartCount = e.restartCount;
      startedAt = e.at;
      status = "running";
      // moby container/state.go SetRunning: ExitCode back to 0, and since Engine 24.0 (moby
      // 57d2d6ef62) OOMKilled too — a running container no longer shows its last OOM kill.
      exitCode = 0;
      oomKilled = false;
      events.push({ at: e.at, action: "start", attributes: {} });
      logs.push({ at: e.at, stream: "stdout", text: "shop-api listening on :3000" });
    }
    if (e.type === "oom") {
      oomKilled = true;
      events.push({ at: e.at, action: "oom", attributes: {} });
    }
    if (e.type === "die") {
      exitCode = e.exitCode;
      finishedAt = e.at;
      status = "restarting";
      events.push({ at: e.at, action: "die", attributes: { exitCode: String(e.exitCode) } });
    }
  }
  const sample = result.samples.filter((s) => s.t <= nowMs).at(-1)!;
  const kills = events.filter((e) => e.action === "oom").length;
  return {
    id: "oom-restart-loop",
    nowMs,
    container: { ...base, restartPolicy: "always", memoryMb: 256, nanoCpus: null },
    state: { status, exitCode, oomKilled, startedAt, finishedAt, restartCount, health: null },
    events,
    logs,
    stats: { cpuPercent: 3.2, memUsageMb: Math.round(sample.ramMb * 10) / 10, memLimitMb: 256, pids: 11 },
    files: {
      "/sys/fs/cgroup/memory.max": `${256 * 1024 * 1024}\n`,
      "/sys/fs/cgroup/memory.events": `low 0\nhigh 0\nmax ${kills}\noom ${kills}\noom_kill ${kills}\noom_group_kill 0\n`,
    },
    disk: { sizeBytes: 50e9, usedBytes: 12e9 },
    curl: (path) => ({
      status: 200,
      body: path === "/health" ? '{"status":"ok"}' : '{"orders":[]}',
      timeMs: 8,
    }),
  };
}

/**
 * A HEALTHCHECK made unhealthy by a slow dependency: /health pings the database, which now takes
 * 3.5 s, and the check's --timeout is 2 s. Docker kills each probe at the timeout; after three
 * failures in a row the container is unhealthy — and standalone Docker does nothing about it.
 */
function slowDependency(): World {
  const nowMs = 15 * MIN;
  const dbMs = 3_500;
  const healthcheck = { intervalMs: 10_000, timeoutMs: 2_000, retries: 3, startPeriodMs: 0 };
  const timeline = simulate(
    { platform: "docker", durationMs: nowMs, container: base.name, healthcheck, restartPolicy: "always" },
    (ctx) => (ctx.nowMs >= 5 * MIN ? slowResponses(dbMs, alwaysHealthy(15))(ctx) : alwaysHealthy(15)(ctx)),
  );
  const events: DockerEvent[] = [{ at: 0, action: "start", attributes: {} }];
  const logs: LogEntry[] = [{ at: 0, stream: "stdout", text: "shop-api listening on :3000" }];
  for (const e of timeline.events) {
    if (e.type === "status-change" && e.cause === "probe")
      events.push({ at: e.atMs, action: `health_status: ${e.to}`, attributes: {} });
    if (e.type === "probe-end") {
      const took = e.timedOut ? dbMs + 15 : e.durationMs;
      // The app answers (and logs) when the database does, even after Docker gave up on the probe.
      logs.push({ at: e.startedAtMs + took, stream: "stdout", text: `GET /health 200 ${took}ms` });
    }
  }
  logs.sort((a, b) => a.at - b.at);
  const health = timeline.health[base.name]!;
  return {
    id: "slow-dependency-healthcheck",
    nowMs,
    container: { ...base, restartPolicy: "always", memoryMb: 512, nanoCpus: null },
    state: {
      status: "running",
      exitCode: 0,
      oomKilled: false,
      startedAt: 0,
      finishedAt: null,
      restartCount: 0,
      health: {
        status: health.status,
        failingStreak: health.failingStreak,
        log: health.log
          .slice(-5)
          .map((l) => ({ start: l.startMs, end: l.endMs, exitCode: l.exitCode, output: l.output })),
      },
    },
    events,
    logs,
    stats: { cpuPercent: 1.4, memUsageMb: 92, memLimitMb: 512, pids: 11 },
    files: {},
    disk: { sizeBytes: 50e9, usedBytes: 12e9 },
    curl: (path, maxTimeMs) => {
      const timeMs = path === "/health" ? dbMs + 15 : 12;
      if (maxTimeMs !== null && timeMs > maxTimeMs)
        return {
          error: `curl: (28) Operation timed out after ${maxTimeMs} milliseconds with 0 bytes received`,
          timeMs: maxTimeMs,
        };
      return {
        status: 200,
        body: path === "/health" ? `{"status":"ok","db":{"latencyMs":${dbMs}}}` : '{"orders":[]}',
        timeMs,
      };
    },
  };
}

/**
 * A full disk from unrotated logs: json-file with no max-size, 200 lines/s of 300 bytes, on a
 * 5 GB partition for /var/lib/docker. The logging engine says when the disk filled; after that
 * every write the app makes fails with ENOSPC.
 */
function diskFull(): World {
  const nowMs = 24 * HOUR;
  const diskBytes = 5_000_000_000;
  const usedByOthers = 1_000_000_000;
  const files = simulateLogFiles({
    driver: "json-file",
    phases: [{ durationMs: null, linesPerSecond: 200, lineBytes: 300 }],
    horizonMs: nowMs,
    diskBytes: diskBytes - usedByOthers,
    sampleEveryMs: 60_000,
  });
  const full = files.events.find((e) => e.type === "disk-full");
  const logs: LogEntry[] = [{ at: 0, stream: "stdout", text: "shop-api listening on :3000" }];
  // The last lines before the disk filled: request logs (the same 300-byte shape).
  const lastLine = full ? full.at : nowMs;
  for (let i = 5; i >= 1; i--)
    logs.push({ at: lastLine - i * 5, stream: "stdout", text: `GET /orders/${1000 + i} 200 4ms` });
  return {
    id: "disk-full-logs",
    nowMs,
    container: { ...base, restartPolicy: "always", memoryMb: 512, nanoCpus: null },
    state: {
      status: "running",
      exitCode: 0,
      oomKilled: false,
      startedAt: 0,
      finishedAt: null,
      restartCount: 0,
      health: null,
    },
    events: [{ at: 0, action: "start", attributes: {} }],
    logs,
    stats: { cpuPercent: 6.1, memUsageMb: 120, memLimitMb: 512, pids: 11 },
    files: {},
    disk: { sizeBytes: diskBytes, usedBytes: usedByOthers + (files.samples.at(-1)?.diskBytes ?? 0) },
    curl: (path) =>
      full && path !== "/health"
        ? { status: 500, body: '{"error":"ENOSPC: no space left on device, write"}', timeMs: 6 }
        : { status: 200, body: '{"status":"ok"}', timeMs: 5 },
  };
}

/**
 * CPU throttling: --cpus 0.5 for 40 requests/s of 10 ms CPU each (Poisson arrivals, exponential
 * costs). Demand is 0.4 CPU, under the quota on average, but bursts use up each 100 ms period's
 * 50 ms of quota and wait for the next: p99 in the hundreds of milliseconds.
 */
function cpuThrottling(): World {
  const nowMs = 10 * MIN;
  const cpu = simulateCpu({
    cpus: 0.5,
    requestsPerSecond: 40,
    cpuMsPerRequest: 10,
    arrivals: "poisson",
    cost: "exponential",
    horizonMs: nowMs,
  });
  const s = cpu.summary;
  return {
    id: "cpu-throttling",
    nowMs,
    container: { ...base, restartPolicy: "always", memoryMb: 512, nanoCpus: 500_000_000 },
    state: {
      status: "running",
      exitCode: 0,
      oomKilled: false,
      startedAt: 0,
      finishedAt: null,
      restartCount: 0,
      health: null,
    },
    events: [{ at: 0, action: "start", attributes: {} }],
    logs: [
      { at: 0, stream: "stdout", text: "shop-api listening on :3000" },
      { at: nowMs - 2_000, stream: "stdout", text: `GET /orders 200 ${s.p50Ms}ms` },
      { at: nowMs - 1_000, stream: "stdout", text: `GET /orders 200 ${s.p99Ms}ms` },
    ],
    stats: {
      cpuPercent: Math.round((s.cpuUsedMs / nowMs) * 10_000) / 100,
      memUsageMb: 110,
      memLimitMb: 512,
      pids: 11,
    },
    files: {
      "/sys/fs/cgroup/cpu.max": `${cpu.summary.quotaUs} ${cpu.summary.periodUs}\n`,
      "/sys/fs/cgroup/cpu.stat": `usage_usec ${Math.round(s.cpuUsedMs * 1000)}\nnr_periods ${s.nrPeriods}\nnr_throttled ${s.nrThrottled}\nthrottled_usec ${Math.round(s.throttledMs * 1000)}\n`,
    },
    disk: { sizeBytes: 50e9, usedBytes: 12e9 },
    // A request that lands in a burst waits for the next period: curl sees the p99, not the p50.
    curl: (path) => ({
      status: 200,
      body: path === "/health" ? '{"status":"ok"}' : '{"orders":[]}',
      timeMs: s.p99Ms ?? 0,
    }),
  };
}

/** `atMs` (OOM loop only) looks at the host at another moment than the scenario's own. */
export function buildWorld(id: ScenarioId, options: { atMs?: number } = {}): World {
  switch (id) {
    case "oom-restart-loop":
      return oomLoop(options.atMs);
    case "slow-dependency-healthcheck":
      return slowDependency();
    case "disk-full-logs":
      return diskFull();
    case "cpu-throttling":
      return cpuThrottling();
  }
}
