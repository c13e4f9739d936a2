import { IncidentHost } from "@/lib/sim/incident/host";
import { buildWorld } from "@/lib/sim/incident/scenarios";
import { FIXES, ROOT_CAUSES, scoreAnswer } from "@/lib/sim/incident/score";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import { clip, MAX_LIFECYCLE_EVENTS, type CommandEntry, type ContainerLifecycle } from "../text/result";
import { AnswerSchema, commandLines } from "../text/schema";
import type { TextOutcome } from "../text/outcome";

type IncidentLab = LabOfKind<"incident">;

/** The learner's commands on the incident host (lib/sim/incident), which stands still at "now". */
export function incidentSession(lab: IncidentLab, lines: readonly string[]): { host: IncidentHost; entries: CommandEntry[] } {
  const host = new IncidentHost(buildWorld(lab.scenario.incident));
  const entries = lines.map((line) => {
    const result = host.run(line);
    return { line, ok: result.ok, output: result.ok ? result.output : result.error };
  });
  return { host, entries };
}

/** Scored on the named root cause and fix only; the commands used are shown, never graded. */
export function runIncident(lab: IncidentLab, text: string, answer: unknown): TextOutcome {
  const { host, entries } = incidentSession(lab, commandLines(text));
  // The container's history is drawn once the learner has looked back in time with docker events:
  // the chart shows what that command reveals, not the answer to someone who never asked.
  const lookedBack = entries.some((entry) => entry.ok && /^docker\s+(system\s+)?events\b/.test(entry.line));
  const details = {
    kind: "commands" as const,
    entries: entries.map((entry) => ({ ...entry, output: clip(entry.output) })),
    omitted: 0,
    notes: [] as string[],
    ...(lookedBack ? { lifecycle: lifecycleOf(host) } : {}),
  };
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success)
    return { failed: "Name the root cause and the fix (the two lists under the prompt), then run again.", details };
  const score = scoreAnswer(lab.scenario.incident, parsed.data, host.history);
  details.notes.push(
    score.evidenceSeen.length ? `Evidence you looked at: ${score.evidenceSeen.join("; ")}.` : "You named a cause without looking at the evidence.",
    ...(score.evidenceMissed.length ? [`Evidence you could also check: ${score.evidenceMissed.join("; ")}.`] : []),
  );
  const checks: CheckResult[] = lab.checks.map((check) => {
    const label = describeCheck(check);
    if (check.type === "incident-cause")
      return score.causeCorrect
        ? { label, passed: true, detail: `Yes: ${ROOT_CAUSES[parsed.data.cause].toLowerCase()}.` }
        : { label, passed: false, detail: `“${ROOT_CAUSES[parsed.data.cause]}” does not match what the host shows.` };
    if (check.type === "incident-fix")
      return score.fixCorrect
        ? { label, passed: true, detail: `Yes: ${FIXES[parsed.data.fix].toLowerCase()}.` }
        : { label, passed: false, detail: `“${FIXES[parsed.data.fix]}” would not stop it happening again.` };
    return { label, passed: false, detail: `The ${check.type} check does not apply to this lab.` };
  });
  return { checks, details, headline: score.feedback };
}

/** The world's docker events up to now, bounded (the latest kept), for the lifecycle chart. */
export function lifecycleOf(host: IncidentHost): ContainerLifecycle {
  const { world } = host;
  const events = world.events.filter((event) => event.at <= world.nowMs);
  const kept = events.slice(-MAX_LIFECYCLE_EVENTS);
  return {
    container: world.container.name,
    nowMs: world.nowMs,
    restartPolicy: world.container.restartPolicy,
    memoryMb: world.container.memoryMb,
    events: kept.map((event) => ({
      atMs: event.at,
      action: event.action,
      exitCode: event.attributes.exitCode === undefined ? null : Number(event.attributes.exitCode),
    })),
    omittedEvents: events.length - kept.length,
  };
}
