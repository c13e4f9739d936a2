/**
 * The facts behind the diagrams that are pictures of a structure rather than a computation:
 * each is the lesson's own table or list as data, so drawing and text alternative agree.
 */
import type { Tone } from "./geometry";
import type { LaneGroup } from "./timeline";

/** Lesson 02, "Aggregation": the four stages every log stack has. */
export const LOG_PIPELINE = [
  { stage: "1. Emit", what: "orders-api writes JSON lines to stdout", examples: "pino: one object per line" },
  { stage: "2. Collect", what: "logging driver, or a node agent tailing files", examples: "adds container or Pod metadata" },
  { stage: "3. Process and ship", what: "parse the JSON, drop noise, buffer, batch", examples: "Fluent Bit, Fluentd, Vector, Alloy, OTel Collector" },
  { stage: "4. Store and query", what: "index and retain; a UI queries", examples: "Elasticsearch + Kibana, or Loki + Grafana" },
] as const;

/** Lesson 05, the Compose stack's scrape jobs: what Prometheus pulls from. */
export const SCRAPE_TARGETS = [
  { name: "orders-api", address: ":3000/metrics" },
  { name: "cAdvisor", address: ":8080/metrics" },
  { name: "node_exporter", address: ":9100/metrics" },
  { name: "postgres-exporter", address: ":9187/metrics" },
  { name: "redis-exporter", address: ":9121/metrics" },
] as const;

/** Lesson 09, expand/contract from orders.total (euros) to orders.total_cents. */
export type ColumnUse = "read + write" | "write" | "written, backfilled" | "unused" | "dropped" | "added, written";
export const EXPAND_CONTRACT: Array<{ step: string; release: string; total: ColumnUse; totalCents: ColumnUse }> = [
  { step: "1. Expand", release: "1.5.0", total: "read + write", totalCents: "added, written" },
  { step: "2. Backfill", release: "after 1.4.x is gone", total: "read + write", totalCents: "written, backfilled" },
  { step: "3. Switch reads", release: "1.6.0", total: "write", totalCents: "read + write" },
  { step: "4. Stop writing old", release: "1.7.0", total: "unused", totalCents: "read + write" },
  { step: "5. Contract", release: "1.8.0", total: "dropped", totalCents: "read + write" },
];

export const COLUMN_TONE: Record<ColumnUse, Tone> = {
  "read + write": "success",
  "added, written": "accent",
  "written, backfilled": "accent",
  write: "accent",
  unused: "warning",
  dropped: "neutral",
};

/** Lesson 07, "Three ways to mount storage": where each kind keeps its data. */
export const MOUNTS = [
  {
    kind: "named volume",
    container: ["/var/lib/", "postgresql/data"],
    host: ["Docker's area", "/var/lib/docker/", "volumes/pgdata"],
    note: ["outlives", "docker rm"],
    tone: "success",
  },
  {
    kind: "bind mount",
    container: ["/etc/orders-api/", "config.json"],
    host: ["your choice", "/srv/orders-api/", "config.json"],
    note: ["hides the image's", "files at that path"],
    tone: "accent",
  },
  {
    kind: "tmpfs",
    container: ["/tmp"],
    host: ["host memory", "(Linux only)", "never on disk"],
    note: ["gone when the", "container stops"],
    tone: "warning",
  },
] as const satisfies ReadonlyArray<{ kind: string; container: readonly string[]; host: readonly string[]; note: readonly string[]; tone: Tone }>;

/**
 * Lesson 06, the endpoint race. Deletion starts two things at once; how long routing takes to
 * catch up is not fixed (3 s here is only for the picture). Numbers from the lesson's timeline.
 */
export const TERMINATION_RACE: LaneGroup[] = [
  {
    title: "Pod deleted at 0 s: in parallel",
    lanes: [
      {
        label: "Endpoints, kube-proxy, ingress",
        spans: [{ from: 0, to: 3, label: "routes removed node by node", tone: "warning", dashed: true }],
        instants: [{ at: 0, label: "endpoint terminating", tone: "neutral" }],
      },
    ],
  },
  {
    title: "With preStop sleep 5 s",
    lanes: [
      {
        label: "kubelet",
        spans: [{ from: 0, to: 5, label: "preStop: sleep 5", tone: "accent" }],
        instants: [{ at: 5, label: "SIGTERM", tone: "warning" }],
      },
      {
        label: "orders-api",
        spans: [
          { from: 0, to: 5, label: "serving", tone: "success" },
          { from: 5, to: 7, label: "drain", tone: "warning" },
        ],
        instants: [{ at: 7, label: "closed, no one routes here", tone: "success" }],
      },
    ],
  },
  {
    title: "Without preStop",
    lanes: [
      {
        label: "orders-api",
        spans: [
          { from: 0, to: 2, label: "drain", tone: "warning" },
          { from: 2, to: 3, label: "", tone: "danger" },
        ],
        instants: [
          { at: 0, label: "SIGTERM", tone: "warning" },
          { at: 2, label: "closed while still routed: refused", tone: "danger" },
        ],
      },
    ],
  },
];
