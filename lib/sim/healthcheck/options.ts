/**
 * Docker HEALTHCHECK options and how the daemon fills in the ones left out
 * (moby daemon/health.go, daemon/commit.go; fact sheet §1.1–1.2).
 */

/** The options of `docker run --health-*`, Compose `healthcheck:` or a Dockerfile HEALTHCHECK, in ms. */
export type HealthcheckOptions = {
  intervalMs?: number;
  timeoutMs?: number;
  startPeriodMs?: number;
  startIntervalMs?: number;
  retries?: number;
};

export type ResolvedHealthcheck = Required<HealthcheckOptions>;

export const DOCKER_HEALTHCHECK_DEFAULTS: ResolvedHealthcheck = {
  intervalMs: 30_000,
  timeoutMs: 30_000,
  startPeriodMs: 0,
  startIntervalMs: 5_000,
  retries: 3,
};

/** Docker Engine major version the simulation behaves like; 27 unless a scenario says otherwise. */
export const DEFAULT_ENGINE_VERSION = 27;

type ResolveContext = {
  /** Values from the image's HEALTHCHECK instruction, used where the run options say 0. */
  image?: HealthcheckOptions;
  engineVersion?: number;
};

/**
 * Fills in every option. A value of 0 (or a missing one) means "use the image's value, else the
 * default". Retries ≤ 0 mean 3. Start-interval depends on the engine: it does not exist before
 * Engine 25 (the probe gap is always the interval); when unset, Engine 25–26 fall back to the
 * interval and Engine 27+ to 5 s.
 */
export function resolveHealthcheck(
  run: HealthcheckOptions = {},
  context: ResolveContext = {},
): ResolvedHealthcheck {
  const image = context.image ?? {};
  const engineVersion = context.engineVersion ?? DEFAULT_ENGINE_VERSION;
  const pick = (key: keyof HealthcheckOptions) => {
    const value = nonZero(run[key]) ?? nonZero(image[key]);
    if (value !== undefined && key !== "retries") assertDuration(key, value);
    return value;
  };

  const intervalMs = pick("intervalMs") ?? DOCKER_HEALTHCHECK_DEFAULTS.intervalMs;
  const configuredStartInterval = pick("startIntervalMs");
  const retries = pick("retries") ?? 0;
  return {
    intervalMs,
    timeoutMs: pick("timeoutMs") ?? DOCKER_HEALTHCHECK_DEFAULTS.timeoutMs,
    startPeriodMs: pick("startPeriodMs") ?? DOCKER_HEALTHCHECK_DEFAULTS.startPeriodMs,
    startIntervalMs:
      engineVersion < 25
        ? intervalMs
        : (configuredStartInterval ??
          (engineVersion <= 26 ? intervalMs : DOCKER_HEALTHCHECK_DEFAULTS.startIntervalMs)),
    retries: retries > 0 ? retries : DOCKER_HEALTHCHECK_DEFAULTS.retries,
  };
}

function nonZero(value: number | undefined) {
  return value === undefined || value === 0 ? undefined : value;
}

// The daemon refuses negative durations, so a scenario that has one is a bug in the scenario.
function assertDuration(key: string, value: number) {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${key} must be a duration ≥ 0 ms, got ${value}`);
}
