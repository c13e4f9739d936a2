/**
 * Docker's restart manager (moby restartmanager/restartmanager.go): the only thing that restarts a
 * standalone container. It looks at the exit code and at manual stops, never at health
 * (fact sheet §2.1).
 */

export type RestartPolicyName = "no" | "always" | "unless-stopped" | "on-failure" | `on-failure:${number}`;

export type RestartManagerState = { restartCount: number; timeoutMs: number };

export const INITIAL_RESTART_MANAGER: RestartManagerState = { restartCount: 0, timeoutMs: 0 };

// Backoff constants from moby: 100 ms, doubling, capped at 1 minute, reset after a run of ≥ 10 s.
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 60_000;
const STABLE_RUN_MS = 10_000;

export function decideRestart(
  policyName: RestartPolicyName,
  manager: RestartManagerState,
  exit: { exitCode: number; uptimeMs: number; manuallyStopped?: boolean },
): { restart: boolean; delayMs: number; manager: RestartManagerState } {
  const policy = parsePolicy(policyName);
  if (policy.kind === "no") return { restart: false, delayMs: 0, manager };

  // moby updates the backoff before deciding, whether or not it then restarts.
  const previous = exit.uptimeMs >= STABLE_RUN_MS ? 0 : manager.timeoutMs;
  const timeoutMs = previous === 0 ? FIRST_DELAY_MS : Math.min(previous * 2, MAX_DELAY_MS);

  const restart =
    policy.kind === "always" ||
    (policy.kind === "unless-stopped" && !exit.manuallyStopped) ||
    (policy.kind === "on-failure" &&
      (policy.maxRetries === 0 || manager.restartCount < policy.maxRetries) &&
      exit.exitCode !== 0);
  if (!restart) return { restart: false, delayMs: 0, manager: { ...manager, timeoutMs } };
  return {
    restart: true,
    delayMs: timeoutMs,
    manager: { restartCount: manager.restartCount + 1, timeoutMs },
  };
}

function parsePolicy(name: RestartPolicyName): {
  kind: "no" | "always" | "unless-stopped" | "on-failure";
  maxRetries: number;
} {
  if (!name.startsWith("on-failure"))
    return { kind: name as "no" | "always" | "unless-stopped", maxRetries: 0 };
  const maxRetries = name === "on-failure" ? 0 : Number(name.slice("on-failure:".length));
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new RangeError(`invalid restart policy ${name}`);
  return { kind: "on-failure", maxRetries };
}
