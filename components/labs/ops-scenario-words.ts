import { duration } from "@/lib/labs/checks/logging";
import { seconds } from "@/lib/labs/check-labels";
import type { LabOfKind } from "@/lib/labs/schema";

type OpsLab = LabOfKind<"memory-config" | "cpu-config" | "logging-config" | "secrets-code">;

/** The fixed scenario of a resource-limits, logging or secrets lab, in sentences for the page. */
export function opsScenarioInWords(lab: OpsLab): string[] {
  switch (lab.kind) {
    case "memory-config": {
      const s = lab.scenario;
      return [
        s.app,
        `It runs with --restart=${s.restartPolicy}; the simulation covers ${duration(s.horizonMs)}.`,
      ];
    }
    case "cpu-config": {
      const s = lab.scenario;
      return [
        s.app,
        `${s.requestsPerSecond} requests per second arrive (${s.arrivals === "poisson" ? "at random, Poisson" : "evenly spaced"}), each needing ${s.cpuMsPerRequest} ms of CPU${s.cost === "exponential" ? " on average" : ""}, for ${seconds(s.horizonMs)}.`,
      ];
    }
    case "logging-config": {
      const { disk, delivery } = lab.scenario;
      const phase = disk.phases[0]!;
      return [
        lab.scenario.app,
        `On the node's disk: ${phase.linesPerSecond} lines per second of ${phase.lineBytes} bytes, for ${duration(disk.horizonMs)}.`,
        `Shipping: ${delivery.linesPerSecond} lines per second to a collector that takes ${delivery.collectorLinesPerSecond} per second${delivery.slow.map((w) => `, but only ${w.linesPerSecond} per second from ${seconds(w.fromMs)} to ${seconds(w.toMs)}`).join("")}.`,
      ];
    }
    case "secrets-code": {
      const s = lab.scenario;
      const files = s.container.secrets.map((secret) => secret.target ?? `/run/secrets/${secret.name}`);
      return [
        `The container ${s.container.name} (${s.container.image}) has the secret files ${files.join(" and ")}.`,
        `Its environment: ${Object.keys(s.container.env).join(", ") || "nothing"}.`,
        `Your loadConfig runs twice: with every file in place, then without ${files[0]}.`,
      ];
    }
  }
}
