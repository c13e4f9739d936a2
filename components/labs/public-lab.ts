import { describeCheck } from "@/lib/labs/check-labels";
import { defaultExperiment, hasExperiment } from "@/lib/labs/experiment";
import { experimentTargetOf, type Experiment, type ExperimentTarget } from "@/lib/labs/experiment-schema";
import { isCodeLab, isTextLab, type Lab } from "@/lib/labs/schema";
import { publicTextOf, type PublicText } from "./public-text";

export type PublicParam = {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  default: number;
  help: string;
  /** A choice between named options; the value is the option's index. */
  choices?: string[];
};

/** What the workbench needs about a lab: everything but the solution (that comes only on request). */
export type PublicLab = {
  slug: string;
  title: string;
  kind: Lab["kind"];
  hints: string[];
  checks: string[];
  starterCode: string | null;
  params: PublicParam[] | null;
  /** Code labs: which experiment they take and the lab's own scenario in the experiment's terms. */
  experiment: { target: ExperimentTarget; defaults: Experiment } | null;
  /** Text labs: how the learner writes (editor or prompt), the starter, the answer lists. */
  text: PublicText | null;
};

export function toPublicLab(lab: Lab): PublicLab {
  return {
    slug: lab.slug,
    title: lab.title,
    kind: lab.kind,
    hints: [...lab.hints],
    checks: lab.checks.map(describeCheck),
    starterCode: isCodeLab(lab) ? lab.input.starterCode : null,
    params:
      isCodeLab(lab) || isTextLab(lab)
      ? null
      : Object.entries(lab.input.params).map(([key, bound]) => ({ key, ...bound })),
    experiment: experimentOf(lab),
    text: isTextLab(lab) ? publicTextOf(lab) : null,
  };
}

function experimentOf(lab: Lab): PublicLab["experiment"] {
  const target = experimentTargetOf(lab);
  return target && hasExperiment(lab) ? { target, defaults: defaultExperiment(lab) } : null;
}
