import { checkDockerfile } from "@/lib/sim/dockerfile/checks";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import type { TextOutcome } from "../text/outcome";

/**
 * The learner's Dockerfile through the security checker (dockerfile-ast parser, lib/sim/dockerfile)
 * with the lab's build context and run options. Each check reports the line to blame.
 */
export function runDockerfile(lab: LabOfKind<"dockerfile">, text: string): TextOutcome {
  const results = checkDockerfile({ ...lab.scenario, dockerfile: text });
  const lines: Array<{ label: string; line: number }> = [];
  const checks: CheckResult[] = lab.checks.map((check) => {
    const label = describeCheck(check);
    if (check.type !== "dockerfile")
      return { label, passed: false, detail: `The ${check.type} check does not apply to this lab.` };
    const found = results.find((result) => result.id === check.check);
    if (!found) return { label, passed: false, detail: `Not checked: ${results[0]?.message ?? "the Dockerfile did not parse"}` };
    if (found.line !== null && !found.pass) lines.push({ label, line: found.line });
    return { label, passed: found.pass, detail: found.line !== null && !found.pass ? `Line ${found.line}: ${found.message}` : found.message };
  });
  return { checks, details: { kind: "dockerfile", lines } };
}
