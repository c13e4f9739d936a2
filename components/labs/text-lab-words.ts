import { seconds } from "@/lib/labs/check-labels";
import type { TextLab } from "@/lib/labs/schema";
import { clock } from "@/lib/labs/text/result";
import type { TextKind } from "@/lib/labs/text/schema";

/** What the learner does in a text lab, for the "Lab · …" line. */
export const TEXT_LAB_VERBS: Record<TextKind, string> = {
  "promql-alert": "write an alert rule",
  "promql-query": "write a query",
  dockerfile: "harden a Dockerfile",
  "backup-restore": "type commands",
  incident: "investigate at a prompt",
};

/** A text lab's fixed scenario as short sentences, derived from the lab data. */
export function textScenarioInWords(lab: TextLab): string[] {
  switch (lab.kind) {
    case "promql-alert":
      return [
        `Prometheus scrapes the app every ${seconds(lab.scenario.runs[0]!.scrape.scrapeIntervalMs)} and evaluates your rule every ${seconds(lab.scenario.evaluationIntervalMs)}.`,
        ...lab.scenario.runs.map((run) => `${run.label}: ${run.description}`),
      ];
    case "promql-query": {
      const s = lab.scenario.scrape;
      return [
        `${s.targets.length} instances of the app, scraped every ${seconds(s.scrapeIntervalMs)}, expose http_request_duration_seconds as a histogram (buckets by le, labels route and instance).`,
        ...s.routes.map(
          (route) => `${route.route}: ${route.requestsPerSecond} requests/s per instance, latency spread evenly from ${route.latencyMs.minMs} to ${route.latencyMs.maxMs} ms.`,
        ),
        ...s.incidents.map(
          (incident) =>
            `From ${clock(incident.fromMs)} to ${clock(incident.toMs)}${incident.route ? ` ${incident.route}` : " every route"} slows down${incident.latencyMs ? ` to ${incident.latencyMs.minMs}–${incident.latencyMs.maxMs} ms` : ""}.`,
        ),
      ];
    }
    case "dockerfile": {
      const s = lab.scenario;
      return [
        `The build context holds: ${s.context.join(", ")}.`,
        s.dockerignore.trim() ? `.dockerignore: ${s.dockerignore.trim().split("\n").join(", ")}.` : "There is no .dockerignore.",
        `The container runs with ${[s.run.readOnly ? "--read-only" : null, ...s.run.writable.map((path) => `--tmpfs ${path}`), ...s.run.capDrop.map((cap) => `--cap-drop=${cap}`)].filter(Boolean).join(" ")}.`,
        ...s.app.writes.map((write) => `The app writes to ${write.path}${write.env ? ` (moved by ${write.env})` : ""}.`),
        ...(s.app.listen ? [`It listens on port ${s.app.listen.port}${s.app.listen.env ? ` (set by ${s.app.listen.env})` : ""}.`] : []),
      ];
    }
    case "backup-restore": {
      const s = lab.scenario;
      return [
        `orders-db (postgres:16, data on the named volume pgdata) has been taking ${s.ordersPerSecond} orders per second for ${clock(s.warmupMs)} when you arrive, and keeps taking them.`,
        `About ${seconds(s.thinkMs)} pass before each command you type; copies and dumps take time too.`,
        `Restore into a new container called ${s.restoreContainer}.`,
      ];
    }
    case "incident":
      return [
        "The shop's API container shop-api is misbehaving. Look around with docker ps, inspect, logs, stats, events, exec … cat, curl and df.",
        "Time stands still while you look: every command sees the same host.",
      ];
  }
}
