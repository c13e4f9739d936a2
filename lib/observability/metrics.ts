import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type Metrics = ReturnType<typeof createMetrics>;

function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "shipshape" });
  collectDefaultMetrics({ register: registry });

  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from request arrival to the end of the response, by route template and status code",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    httpRequestsInFlight: new Gauge({
      name: "http_requests_in_flight",
      help: "Requests received and not yet answered (watch it drain during a graceful shutdown)",
      registers: [registry],
    }),
    shuttingDown: new Gauge({
      name: "shipshape_shutting_down",
      help: "1 once SIGTERM has been received and readiness reports 503",
      registers: [registry],
    }),
    authEvents: new Counter({
      name: "shipshape_auth_events_total",
      help: "Sign-ups, sign-ins and sign-outs, and rejected sign-ins",
      labelNames: ["event"] as const,
      registers: [registry],
    }),
    lessonCompletions: new Counter({
      name: "shipshape_lesson_completions_total",
      help: "Lessons marked complete by signed-in learners",
      labelNames: ["lesson"] as const,
      registers: [registry],
    }),
    quizSubmissions: new Counter({
      name: "shipshape_quiz_submissions_total",
      help: "Quiz attempts graded on the server",
      labelNames: ["quiz", "mode"] as const,
      registers: [registry],
    }),
    labVerifications: new Counter({
      name: "shipshape_lab_verifications_total",
      help: "Lab solutions re-run on the server, by verdict",
      labelNames: ["lab", "verdict"] as const,
      registers: [registry],
    }),
  };
}

// The custom server records request durations and a Next.js route handler
// serves /api/metrics; they are bundled apart, so the registry is process-wide.
const METRICS_KEY = Symbol.for("shipshape.metrics");
type MetricsHolder = { [METRICS_KEY]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as MetricsHolder;
  holder[METRICS_KEY] ??= createMetrics();
  return holder[METRICS_KEY];
}
