/**
 * A snapshot of one troubleshooting incident at the moment the learner logs in: one container's
 * state, its `docker events`, its log lines, its resource figures, what curl gets and the disk.
 * Built by `scenarios.ts` from the memory/CPU, health-check and logging engines.
 */
export type DockerEvent = { at: number; action: string; attributes: Record<string, string> };
export type LogEntry = { at: number; stream: "stdout" | "stderr"; text: string };
export type CurlAnswer = { status: number; body: string; timeMs: number } | { error: string; timeMs: number };

export type World = {
  id: ScenarioId;
  /** Virtual time now (ms since the container was first started). */
  nowMs: number;
  container: {
    name: string;
    id: string;
    image: string;
    command: string;
    port: number;
    restartPolicy: string;
    memoryMb: number | null;
    nanoCpus: number | null;
    logConfig: { Type: string; Config: Record<string, string> };
  };
  state: {
    status: "running" | "restarting" | "exited";
    exitCode: number;
    oomKilled: boolean;
    startedAt: number;
    finishedAt: number | null;
    restartCount: number;
    health: {
      status: string;
      failingStreak: number;
      log: { start: number; end: number; exitCode: number; output: string }[];
    } | null;
  };
  events: DockerEvent[];
  logs: LogEntry[];
  stats: { cpuPercent: number; memUsageMb: number; memLimitMb: number; pids: number };
  /** Files readable with `docker exec NAME cat PATH` (cgroup files). */
  files: Record<string, string>;
  disk: { sizeBytes: number; usedBytes: number };
  curl: (path: string, maxTimeMs: number | null) => CurlAnswer;
};

export const SCENARIO_IDS = [
  "oom-restart-loop",
  "slow-dependency-healthcheck",
  "disk-full-logs",
  "cpu-throttling",
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Wall-clock origin of every scenario: virtual t = 0. */
export const EPOCH_MS = Date.UTC(2026, 11, 7, 2, 0, 0);
export const iso = (ms: number) => new Date(EPOCH_MS + ms).toISOString().replace(".000Z", "Z");
/** RFC 3339 with nanoseconds, as `docker events` prints times. */
export const isoNano = (ms: number) =>
  `${new Date(EPOCH_MS + Math.floor(ms)).toISOString().slice(0, 19)}.${String(Math.round((ms % 1000) * 1e6)).padStart(9, "0")}Z`;

/** go-units HumanDuration, which `docker ps` uses for "Up …" and "… ago". */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return "Less than a second";
  if (s === 1) return "1 second";
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return "About a minute";
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return "About an hour";
  if (h < 48) return `${h} hours`;
  return `${Math.floor(h / 24)} days`;
}
