import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { evaluateLab } from "@/lib/labs/evaluate";
import { defaultParams } from "@/lib/labs/params-schema";
import { isCodeLab, isTextLab, type Lab } from "@/lib/labs/schema";

/**
 * What a learner submits at each stage of a lab: the untouched starter (code or
 * default settings), a half-way try (config labs: half of the solution's
 * settings), and the worked solution.
 */
export type LabVariant = "starter" | "halfway" | "solution";

/** One evaluated submission, shaped as recordLabRun stores it. */
export type LabOutcome = {
  labSlug: string;
  lesson: string;
  variant: LabVariant;
  code: string;
  params: Record<string, number>;
  passed: boolean;
  /** JSON of { headline, checks }: the server's verdict. */
  verdict: string;
};

function submissionFor(lab: Lab, variant: LabVariant): { code: string; params: Record<string, number> } {
  if (isCodeLab(lab))
    return { code: variant === "solution" ? lab.solution.code : lab.input.starterCode, params: {} };
  if (isTextLab(lab)) return { code: variant === "solution" ? lab.solution.text : lab.input.starterText, params: {} };
  const defaults = defaultParams(lab.input.params);
  if (variant === "starter") return { code: "", params: defaults };
  const solution: Record<string, number> = { ...lab.solution.params };
  if (variant === "solution") return { code: "", params: solution };
  const keys = Object.keys(solution);
  const halfway = Object.fromEntries(
    keys.map((key, index) => [key, index < keys.length / 2 ? solution[key]! : defaults[key]!]),
  );
  return { code: "", params: halfway };
}

/**
 * Runs every lab's variants once through the real evaluator (QuickJS for code
 * labs), so synthetic runs carry verdicts the server would give. Code labs have
 * no half-way variant. One evaluation per (lab, variant) keeps seeding fast.
 */
export function evaluateLabVariants(labs: readonly Lab[], quickjs: QuickJSWASMModule): LabOutcome[] {
  return labs.flatMap((lab) =>
    (isCodeLab(lab) ? (["starter", "solution"] as const) : (["starter", "halfway", "solution"] as const)).map(
      (variant) => {
        const submission = submissionFor(lab, variant);
        const input = isCodeLab(lab)
          ? { labSlug: lab.slug, code: submission.code }
          : { labSlug: lab.slug, params: submission.params };
        const result = evaluateLab(lab, input, quickjs);
        return {
          labSlug: lab.slug,
          lesson: lab.lesson,
          variant,
          ...submission,
          passed: result.passed,
          verdict: JSON.stringify({ headline: result.headline, checks: result.checks }),
        };
      },
    ),
  );
}
