import { seconds } from "@/lib/labs/check-labels";
import { isTextLab, type Lab } from "@/lib/labs/schema";
import { opsScenarioInWords } from "./ops-scenario-words";
import { textScenarioInWords } from "./text-lab-words";

/**
 * The lab's fixed scenario as short sentences for the page, so the learner knows what the
 * simulation will do before running it. Derived from the lab data, never hand-copied.
 */
export function scenarioInWords(lab: Lab): string[] {
  if (isTextLab(lab)) return textScenarioInWords(lab);
  switch (lab.kind) {
    case "memory-config":
    case "cpu-config":
    case "logging-config":
    case "secrets-code":
      return opsScenarioInWords(lab);
    case "health-code": {
      const s = lab.scenario;
      const facts = [
        `The simulation runs for ${seconds(s.durationMs)} of virtual time; the app listens ${seconds(s.bootMs)} after it starts.`,
      ];
      if (s.platform === "docker") {
        const hc = s.healthcheck;
        facts.push(
          `Docker runs a HEALTHCHECK against ${s.path} every ${seconds(hc.intervalMs)} with a ${seconds(hc.timeoutMs)} timeout` +
            `${hc.startPeriodMs ? `, a ${seconds(hc.startPeriodMs)} start period` : ""} and ${hc.retries} retries.`,
        );
      } else {
        for (const [kind, probe] of Object.entries(s.probes)) {
          if (!probe) continue;
          const extras = [
            probe.periodSeconds !== undefined ? `period ${probe.periodSeconds} s` : null,
            probe.timeoutSeconds !== undefined ? `timeout ${probe.timeoutSeconds} s` : null,
            probe.failureThreshold !== undefined ? `failureThreshold ${probe.failureThreshold}` : null,
            probe.initialDelaySeconds !== undefined
              ? `initialDelaySeconds ${probe.initialDelaySeconds}`
              : null,
          ].filter(Boolean);
          facts.push(
            `Kubernetes ${kind} probe: httpGet ${probe.path}${extras.length ? ` (${extras.join(", ")})` : " (API defaults)"}.`,
          );
        }
      }
      for (const fault of s.faults) facts.push(describeFault(fault));
      return facts;
    }
    case "healthcheck-flags":
      return lab.scenario.runs.map(
        (run) => `${run.label}: ${run.description} (runs ${seconds(run.durationMs)}).`,
      );
    case "shutdown-code":
    case "shutdown-config": {
      const s = lab.scenario;
      const facts = [
        `Platform: ${s.platform.kind}${s.platform.gracePeriodMs !== undefined ? `, grace period ${seconds(s.platform.gracePeriodMs)}` : ""}` +
          `${s.platform.stopSignal ? `, stop signal ${s.platform.stopSignal}` : ""}; the stop starts at ${seconds(s.stopAtMs)}.`,
      ];
      if (s.launch)
        facts.push(
          `The app is launched ${s.launch === "exec" ? "directly as PID 1 (exec form)" : s.launch === "init" ? "under an init process" : "through npm"}.`,
        );
      if (s.requests.length)
        facts.push(
          `Requests already in flight: ${s.requests.map((r) => `${r.id} (${seconds(r.durationMs)} from ${seconds(r.atMs)})`).join(", ")}.`,
        );
      if (s.traffic)
        facts.push(
          `New requests keep arriving every ${seconds(s.traffic.everyMs)} from ${seconds(s.traffic.fromMs)} to ${seconds(s.traffic.toMs)}, each taking ${seconds(s.traffic.durationMs)}.`,
        );
      if (s.database) facts.push(`Closing the database takes ${seconds(s.database.closeMs)}.`);
      if (s.routing?.endpointRemovalDelayMs !== undefined && s.routing.endpointRemovalDelayMs !== null)
        facts.push(
          `Routers stop sending new requests ${seconds(s.routing.endpointRemovalDelayMs)} after the stop begins.`,
        );
      if (s.routing?.readinessProbe)
        facts.push(
          `A load balancer probes readiness every ${seconds(s.routing.readinessProbe.periodMs)} and stops routing after ${s.routing.readinessProbe.failureThreshold} failures.`,
        );
      if (lab.kind === "shutdown-config")
        facts.push(
          `The app's own shutdown code is fixed (${lab.scenario.program.builtin}); you tune the platform around it.`,
        );
      return facts;
    }
    case "rollout-config": {
      const s = lab.scenario;
      const facts = [
        `A Kubernetes Deployment with ${s.replicas} replicas rolls from ${s.oldVersion?.label ?? "the old version"} to ${s.newVersion?.label ?? "the new version"}.`,
      ];
      if (s.requestsPerSecond !== undefined)
        facts.push(
          `Traffic: ${s.requestsPerSecond} requests per second${s.requestMs ? `, each taking ${seconds(s.requestMs)}` : ""}.`,
        );
      if (s.newVersion?.readyAfterMs)
        facts.push(`A new Pod becomes Ready ${seconds(s.newVersion.readyAfterMs)} after it starts.`);
      if (s.endpointDelayMs !== undefined)
        facts.push(`Routers notice a terminating Pod ${seconds(s.endpointDelayMs)} late.`);
      if (s.terminationGraceMs !== undefined)
        facts.push(`terminationGracePeriodSeconds: ${s.terminationGraceMs / 1000}.`);
      return facts;
    }
  }
}

function describeFault(fault: {
  dependency: string;
  fromMs: number;
  toMs?: number;
  mode: string;
  latencyMs?: number;
}): string {
  const name =
    { db: "The database", cache: "The cache", disk: "The disk" }[fault.dependency] ?? fault.dependency;
  const until = fault.toMs === undefined ? "until the end" : `until ${seconds(fault.toMs)}`;
  const what =
    fault.mode === "down"
      ? "refuses connections"
      : fault.mode === "hang"
        ? "never answers"
        : `answers slowly${fault.latencyMs ? ` (${seconds(fault.latencyMs)} per call)` : ""}`;
  return `${name} ${what} from ${seconds(fault.fromMs)} ${until}.`;
}
