import { z } from "zod";

/**
 * What the scraped app does, and how Prometheus scrapes it. Times are integer ms from the start
 * of the run; latencies are ms, spread evenly between `min` and `max` (a modelling choice that
 * makes histogram_quantile's linear interpolation checkable by hand).
 */
const Ms = z.number().int().min(0);
const Latency = z
  .object({ minMs: z.number().min(0), maxMs: z.number().min(0) })
  .refine((latency) => latency.maxMs >= latency.minMs, "maxMs must be at least minMs");

export const RouteSchema = z.object({
  route: z.string().min(1),
  requestsPerSecond: z.number().min(0).max(100_000),
  /** Share of requests answered 500. */
  errorRatio: z.number().min(0).max(1).default(0),
  latencyMs: Latency.default({ minMs: 10, maxMs: 90 }),
});

export const IncidentSchema = z.object({
  fromMs: Ms,
  toMs: Ms,
  /** null: every route. */
  route: z.string().nullable().default(null),
  errorRatio: z.number().min(0).max(1).optional(),
  latencyMs: Latency.optional(),
});

export const TargetSchema = z.object({
  job: z.string().min(1).default("app"),
  instance: z.string().min(1),
  /** Prometheus spreads targets over the interval; here each target's phase is explicit. */
  offsetMs: Ms.default(0),
  /** The process restarts: its counters start again from zero. */
  restartsAtMs: z.array(Ms).default([]),
  /** Scrapes fail (up = 0, series go stale). */
  down: z.array(z.object({ fromMs: Ms, toMs: Ms })).default([]),
});

/** client_golang's DefBuckets, in seconds. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const ScrapeScenarioSchema = z.object({
  /** Prometheus' own default is 1 m; 15 s is the common setting and the default here. */
  scrapeIntervalMs: Ms.min(1_000).default(15_000),
  horizonMs: Ms.min(1)
    .max(7 * 24 * 3_600_000)
    .default(3_600_000),
  targets: z.array(TargetSchema).min(1).prefault([{ job: "app", instance: "app-1:3000" }]),
  routes: z.array(RouteSchema).min(1).prefault([{ route: "/orders", requestsPerSecond: 10 }]),
  incidents: z.array(IncidentSchema).default([]),
  buckets: z.array(z.number().positive()).min(1).default(DEFAULT_BUCKETS),
});

export type ScrapeScenarioInput = z.input<typeof ScrapeScenarioSchema>;
export type ScrapeScenario = z.output<typeof ScrapeScenarioSchema>;
export type Route = ScrapeScenario["routes"][number];
