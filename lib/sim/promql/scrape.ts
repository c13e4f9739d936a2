import { ScrapeScenarioSchema, type Route, type ScrapeScenario, type ScrapeScenarioInput } from "./scrape-schema";
import { SeriesStore } from "./storage";
import { PromQLError, type Labels, type Series } from "./types";

/** The app's behaviour on one route during one stretch of time. */
type Regime = { rate: number; errorRatio: number; minMs: number; maxMs: number };

export type ScrapeResult = { scenario: ScrapeScenario; store: SeriesStore; scrapes: number; samples: number };

/**
 * Scrapes simulated targets into a series store. Each target serves every route; the counters a
 * Prometheus client library would expose are computed exactly from the workload as integrals
 * since the process last started, floored to whole requests so they only ever go up (until a
 * restart resets them). Series appear on their first non-zero value, as client libraries create
 * labelled children lazily, and get a staleness marker when a scrape fails or they vanish.
 */
export function scrape(input: ScrapeScenarioInput): ScrapeResult {
  const parsed = ScrapeScenarioSchema.safeParse(input);
  if (!parsed.success)
    throw new PromQLError(
      `invalid scrape scenario: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  const scenario = parsed.data;
  const store = new SeriesStore();
  let samples = 0;
  let scrapes = 0;
  const buckets = [...scenario.buckets].sort((a, b) => a - b);
  const boundaries = [...new Set(scenario.incidents.flatMap((i) => [i.fromMs, i.toMs]))].sort((a, b) => a - b);

  for (const target of scenario.targets) {
    const base = { job: target.job, instance: target.instance };
    // This target's series by a cheap local key (metric|route|code-or-le): no label sorting per sample.
    const own = new Map<string, Series>();
    let present = new Set<string>();
    const write = (key: string, labels: () => Labels, t: number, v: number) => {
      let series = own.get(key);
      if (!series) {
        series = { labels: labels(), points: [] };
        own.set(key, series);
        store.add(series);
      }
      series.points.push({ t, v });
      samples++;
    };
    const markStale = (key: string, t: number) => {
      const series = own.get(key);
      if (series && !series.points.at(-1)?.stale) series.points.push({ t, v: Number.NaN, stale: true });
    };
    for (let t = target.offsetMs; t <= scenario.horizonMs; t += scenario.scrapeIntervalMs) {
      scrapes++;
      const down = target.down.some((window) => t >= window.fromMs && t < window.toMs);
      write("up", () => ({ __name__: "up", ...base }), t, down ? 0 : 1);
      if (down) {
        for (const key of present) markStale(key, t);
        present = new Set();
        continue;
      }
      const started = Math.max(0, ...target.restartsAtMs.filter((at) => at <= t));
      const now = new Set<string>();
      const emit = (key: string, labels: () => Labels, v: number) => {
        now.add(key);
        write(key, labels, t, v);
      };
      for (const route of scenario.routes) exposeRoute(route, started, t, base, emit);
      // Prometheus marks series that vanished from a successful scrape as stale.
      for (const key of present) if (!now.has(key)) markStale(key, t);
      present = now;
    }
  }

  function regimeAt(route: Route, t: number): Regime {
    let regime: Regime = {
      rate: route.requestsPerSecond,
      errorRatio: route.errorRatio,
      minMs: route.latencyMs.minMs,
      maxMs: route.latencyMs.maxMs,
    };
    for (const incident of scenario.incidents) {
      if (t < incident.fromMs || t >= incident.toMs) continue;
      if (incident.route !== null && incident.route !== route.route) continue;
      regime = {
        ...regime,
        errorRatio: incident.errorRatio ?? regime.errorRatio,
        minMs: incident.latencyMs?.minMs ?? regime.minMs,
        maxMs: incident.latencyMs?.maxMs ?? regime.maxMs,
      };
    }
    return regime;
  }

  function exposeRoute(
    route: Route,
    from: number,
    to: number,
    base: Labels,
    emit: (key: string, labels: () => Labels, v: number) => void,
  ) {
    // Integrate piecewise between incident boundaries: requests, errors, bucket counts, seconds.
    let ok = 0;
    let errors = 0;
    let latencySum = 0;
    let inflight = 0;
    const le_ = new Array<number>(buckets.length).fill(0);
    const cuts = [from, ...boundaries.filter((b) => b > from && b < to), to];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const regime = regimeAt(route, cuts[i]!);
      const requests = (regime.rate * (cuts[i + 1]! - cuts[i]!)) / 1000;
      ok += requests * (1 - regime.errorRatio);
      errors += requests * regime.errorRatio;
      latencySum += (requests * (regime.minMs + regime.maxMs)) / 2 / 1000;
      buckets.forEach((bound, index) => {
        le_[index]! += requests * uniformCdf(bound * 1000, regime.minMs, regime.maxMs);
      });
    }
    const now = regimeAt(route, to);
    // Little's law: requests in flight = arrival rate × mean time in the system.
    inflight = (now.rate * (now.minMs + now.maxMs)) / 2 / 1000;
    const okCount = Math.floor(ok + 1e-9);
    const errorCount = Math.floor(errors + 1e-9);
    const count = okCount + errorCount;
    const labels = { ...base, route: route.route };
    const r = route.route;
    if (okCount > 0) emit(`total|${r}|200`, () => ({ __name__: "http_requests_total", ...labels, code: "200" }), okCount);
    if (errorCount > 0) emit(`total|${r}|500`, () => ({ __name__: "http_requests_total", ...labels, code: "500" }), errorCount);
    if (count > 0) {
      buckets.forEach((bound, index) => {
        const le = String(bound);
        emit(
          `bucket|${r}|${le}`,
          () => ({ __name__: "http_request_duration_seconds_bucket", ...labels, le }),
          Math.min(count, Math.floor(le_[index]! + 1e-9)),
        );
      });
      emit(`bucket|${r}|+Inf`, () => ({ __name__: "http_request_duration_seconds_bucket", ...labels, le: "+Inf" }), count);
      emit(`sum|${r}`, () => ({ __name__: "http_request_duration_seconds_sum", ...labels }), latencySum);
      emit(`count|${r}`, () => ({ __name__: "http_request_duration_seconds_count", ...labels }), count);
    }
    emit(`inflight|${r}`, () => ({ __name__: "http_requests_in_flight", ...labels }), inflight);
  }

  return { scenario, store, scrapes, samples };
}

function uniformCdf(x: number, min: number, max: number): number {
  if (x >= max) return 1;
  if (x < min) return 0;
  return (x - min) / (max - min);
}
