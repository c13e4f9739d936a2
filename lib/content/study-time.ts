/**
 * Reading time that counts what a learner actually does in a lesson: reading its prose, working
 * its labs and answering its self-check. A lesson with four labs is not a 13-minute read.
 */
export const WORDS_PER_MINUTE = 220;
/** A lab is read, tried and usually retried once: a typical first pass, not a worst case. */
export const MINUTES_PER_LAB = 6;
/** A self-check question is thought through before the answer is opened. */
export const MINUTES_PER_QUESTION = 1;

const FENCE = /```[\s\S]*?```/g;
// `<Lab slug=…/>` and `<LabEmbed …>` both put a simulator in the lesson.
const LAB_TAG = /<Lab(?:Embed)?[\s/>]/g;

/** Labs embedded in a lesson body; examples inside code fences are not labs. */
export function countLabs(mdxBody: string): number {
  return mdxBody.replace(FENCE, " ").match(LAB_TAG)?.length ?? 0;
}

/** Questions in the "## Check yourself" section: each hides its answer in one <details>. */
export function countSelfCheckQuestions(mdxBody: string): number {
  const body = mdxBody.replace(FENCE, " ");
  const start = body.search(/^## Check yourself\s*$/m);
  if (start < 0) return 0;
  const rest = body.slice(start).split("\n").slice(1).join("\n");
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section.match(/<details[\s>]/g)?.length ?? 0;
}

/** The optional "If you read the original chapter" notes are not part of the lesson's reading. */
export function withoutChapterNotes(mdxBody: string): string {
  return mdxBody.replace(/<ChapterNotes>[\s\S]*?<\/ChapterNotes>/g, " ");
}

export type StudyLoad = { words: number; labs: number; questions: number };

/** Whole minutes, at least 1: prose at 220 words a minute plus each lab and question. */
export function studyMinutes(load: StudyLoad): number {
  const reading = load.words / WORDS_PER_MINUTE;
  const doing = load.labs * MINUTES_PER_LAB + load.questions * MINUTES_PER_QUESTION;
  return Math.max(1, Math.round(reading + doing));
}
