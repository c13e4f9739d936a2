import { formatMs } from "../rollout/narrate";
import type { MemoryEvent } from "./types";

const mb = (value: number) => `${Number(value.toFixed(1))} MiB`;

/** One plain-English sentence per memory event. */
export function narrateMemory(event: MemoryEvent): string {
  const when = `At ${formatMs(event.at)}`;
  switch (event.type) {
    case "start":
      return event.restartCount === 0
        ? `${when} the container starts.`
        : `${when} Docker starts the container again (restart ${event.restartCount}).`;
    case "swap-started":
      return `${when} the app wants ${mb(event.rssMb)}, more than its ${mb(event.ramMb)} memory limit: the kernel starts pushing pages out to swap, and the app slows down.`;
    case "heap-limit":
      return `${when} the live JavaScript heap reaches V8's limit of ${mb(event.limitMb)}: Node prints "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" and aborts.`;
    case "oom":
      return `${when} the container needs ${mb(event.rssMb)} but may hold only ${mb(event.ramMb)} of RAM${event.swapMb > 0 ? ` plus ${mb(event.swapMb)} of swap` : ""}: the kernel's OOM killer sends SIGKILL (docker events: oom).`;
    case "die":
      return event.oomKilled
        ? `${when} the container dies with exit code ${event.exitCode}, and docker inspect shows OOMKilled: true.`
        : event.exitCode === 0
          ? `${when} the job finishes and the container exits with code 0.`
          : `${when} the container dies with exit code ${event.exitCode}${event.exitCode === 134 ? " (SIGABRT)" : ""}.`;
    case "restart-scheduled":
      return `${when} the restart policy restarts it after ${formatMs(event.delayMs)} (restart ${event.restartCount}).`;
    case "not-restarted":
      return `${when} the restart policy "${event.policy}" leaves the container stopped with exit code ${event.exitCode}.`;
  }
}

export function narrateMemoryAll(events: MemoryEvent[]): string[] {
  return events.map(narrateMemory);
}
