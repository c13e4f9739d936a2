import type { ScenarioId } from "./world";
import type { HistoryEntry } from "./host";

/** The learner's answer is two choices from fixed lists, never free text. */
export const ROOT_CAUSES = {
  "oom-kill": "The kernel OOM-kills the app: its memory grows past --memory",
  "heap-limit": "V8 runs out of heap (--max-old-space-size) and aborts",
  "slow-dependency": "The health check times out because a dependency it calls is slow",
  "app-crash": "The app throws at start-up and exits 1",
  "disk-full": "The disk is full of container logs that are never rotated",
  "cpu-throttling": "The CPU quota (--cpus) throttles the app in bursts",
  network: "The container's port is not published",
} as const;
export const FIXES = {
  "raise-memory-cap-heap": "Raise --memory and set --max-old-space-size below it (then find the leak)",
  "add-restart-policy": "Add --restart always",
  "health-timeout-or-shallow-check":
    "Keep the dependency out of the health check (or give it a --health-timeout above its latency)",
  "remove-healthcheck": "Remove the HEALTHCHECK",
  "rotate-logs": "Rotate logs: --log-opt max-size/max-file (or the local driver) and free the space",
  "bigger-disk": "Attach a bigger disk",
  "raise-cpus": "Raise --cpus above the bursts' demand (or remove the quota)",
  "restart-container": "docker restart the container",
} as const;
export type RootCause = keyof typeof ROOT_CAUSES;
export type Fix = keyof typeof FIXES;

type Key = { cause: RootCause; fixes: Fix[]; evidence: { pattern: RegExp; what: string }[] };

const KEYS: Record<ScenarioId, Key> = {
  "oom-restart-loop": {
    cause: "oom-kill",
    fixes: ["raise-memory-cap-heap"],
    evidence: [
      {
        pattern: /^docker events .*(event=oom|event=die)|^docker events --since/,
        what: "the oom and die events",
      },
      { pattern: /^docker (inspect|exec .*memory\.events)/, what: "the restart count or memory.events" },
    ],
  },
  "slow-dependency-healthcheck": {
    cause: "slow-dependency",
    fixes: ["health-timeout-or-shallow-check"],
    evidence: [
      { pattern: /^docker inspect/, what: "State.Health.Log (probes killed at the timeout)" },
      { pattern: /^curl .*\/health/, what: "how long /health takes" },
    ],
  },
  "disk-full-logs": {
    cause: "disk-full",
    fixes: ["rotate-logs"],
    evidence: [
      { pattern: /^df\b/, what: "the disk usage" },
      { pattern: /^docker inspect/, what: "LogConfig (json-file without max-size)" },
    ],
  },
  "cpu-throttling": {
    cause: "cpu-throttling",
    fixes: ["raise-cpus"],
    evidence: [
      { pattern: /^docker exec .*cpu\.stat/, what: "cpu.stat (nr_throttled)" },
      { pattern: /^docker (inspect|stats)/, what: "the CPU limit or usage" },
    ],
  },
};

export type Score = {
  passed: boolean;
  causeCorrect: boolean;
  fixCorrect: boolean;
  /** Evidence the learner looked at, and what they could have looked at. */
  evidenceSeen: string[];
  evidenceMissed: string[];
  commands: HistoryEntry[];
  feedback: string;
};

/**
 * Scores a named root cause and fix against the scenario. Passing needs both right; the commands
 * used are listed and matched to the evidence each scenario offers, for the feedback only.
 */
export function scoreAnswer(
  id: ScenarioId,
  answer: { cause: RootCause; fix: Fix },
  commands: HistoryEntry[],
): Score {
  const key = KEYS[id];
  const causeCorrect = answer.cause === key.cause;
  const fixCorrect = key.fixes.includes(answer.fix);
  const ran = commands.filter((c) => c.ok).map((c) => c.line);
  const evidenceSeen = key.evidence
    .filter((e) => ran.some((line) => e.pattern.test(line)))
    .map((e) => e.what);
  const evidenceMissed = key.evidence.filter((e) => !evidenceSeen.includes(e.what)).map((e) => e.what);
  const passed = causeCorrect && fixCorrect;
  const feedback = passed
    ? `Right: ${ROOT_CAUSES[key.cause].toLowerCase()}; fix: ${FIXES[answer.fix].toLowerCase()}.${evidenceMissed.length ? ` Also worth a look: ${evidenceMissed.join(", ")}.` : ""}`
    : !causeCorrect
      ? `Not the root cause: "${ROOT_CAUSES[answer.cause]}" does not match what the host shows.${evidenceMissed.length ? ` Look at ${evidenceMissed.join(" and ")}.` : ""}`
      : `Right cause, but "${FIXES[answer.fix]}" would not stop it happening again.`;
  return { passed, causeCorrect, fixCorrect, evidenceSeen, evidenceMissed, commands, feedback };
}
