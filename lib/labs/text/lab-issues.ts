import { parsePromQL } from "@/lib/sim/promql/parse";
import type { CheckFamily } from "../check-schema";
import type { Lab } from "../schema";
import { isTextKind, TEXT_KINDS, type TextKind } from "./schema";

type TextLab = Extract<Lab, { kind: TextKind }>;

export const TEXT_FAMILIES = Object.fromEntries(TEXT_KINDS.map((kind) => [kind, "text"])) as Record<
  TextKind,
  CheckFamily
>;

export const isTextLabIn = (lab: Lab): lab is TextLab => isTextKind(lab.kind);

/** Which checks each text kind can judge. */
const CHECKS_OF: Record<TextKind, readonly string[]> = {
  "promql-alert": ["alert-fires-within", "alert-stays-quiet"],
  "promql-query": ["query-per-label"],
  dockerfile: ["dockerfile"],
  "backup-restore": ["backup-file", "restore-complete", "orders-failed"],
  incident: ["incident-cause", "incident-fix"],
};

/** Rules spanning a text lab's fields. */
export function textLabIssues(lab: TextLab): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  lab.checks.forEach((check, index) => {
    if (!CHECKS_OF[lab.kind].includes(check.type))
      issues.push({ path: ["checks", index], message: `a ${lab.kind} lab cannot use the ${check.type} check` });
    if (lab.kind === "promql-alert" && "run" in check && !lab.scenario.runs.some((run) => run.id === check.run))
      issues.push({ path: ["checks", index, "run"], message: "must name one of the scenario's runs" });
  });
  if (lab.solution.text.trim() === lab.input.starterText.trim())
    issues.push({ path: ["solution", "text"], message: "must differ from the starter" });
  if ((lab.kind === "incident") !== (lab.solution.answer !== undefined))
    issues.push({ path: ["solution", "answer"], message: "the incident lab, and only it, has an answer" });
  if (lab.kind === "promql-query") {
    try {
      parsePromQL(lab.scenario.reference);
    } catch (error) {
      issues.push({ path: ["scenario", "reference"], message: (error as Error).message });
    }
  }
  return issues;
}
