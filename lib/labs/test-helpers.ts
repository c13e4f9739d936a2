import { defaultParams } from "./params-schema";
import { isCodeLab, isTextLab, type Lab, type Submission } from "./schema";

/** What a learner submits without changing anything: the starter code or every default setting. */
export function starterSubmission(lab: Lab): Submission {
  if (isTextLab(lab)) return { labSlug: lab.slug, text: lab.input.starterText };
  return isCodeLab(lab)
    ? { labSlug: lab.slug, code: lab.input.starterCode }
    : { labSlug: lab.slug, params: defaultParams(lab.input.params) };
}

export function solutionSubmission(lab: Lab): Submission {
  if (isTextLab(lab))
    return { labSlug: lab.slug, text: lab.solution.text, ...(lab.solution.answer ? { answer: lab.solution.answer } : {}) };
  return isCodeLab(lab)
    ? { labSlug: lab.slug, code: lab.solution.code }
    : { labSlug: lab.slug, params: { ...lab.solution.params } };
}

export function labBySlug(labs: readonly Lab[], slug: string): Lab {
  const lab = labs.find((candidate) => candidate.slug === slug);
  if (!lab) throw new Error(`no lab ${slug}`);
  return lab;
}
