import type { TocEntry } from "./lesson-schema";

/** Routes a lesson may link to besides other lessons. */
const OTHER_INTERNAL_ROUTES = [/^\/learn$/, /^\/practice(\/[a-z0-9-]+)?$/, /^\/labs(\/[a-z0-9-]+)?$/, /^\/review$/];

const INTERNAL_LINK = /\]\(([/#][^)\s]*)\)|href="([/#][^"]*)"/g;

const NOTES_BLOCK = /<ChapterNotes>[\s\S]*?<\/ChapterNotes>/g;
const FENCE = /```[\s\S]*?```/g;
const CALLOUT = /<Callout\b([^>]*)>([\s\S]*?)<\/Callout>/g;

/**
 * Lessons teach the right way first: misconceptions are "Common myth" callouts, and anything about
 * the source chapter's wording lives in one collapsed <ChapterNotes> section, never in the text a
 * learner reads on the way through.
 */
export function learnerFacingProblems(body: string): string[] {
  const problems: string[] = [];
  const notes = body.match(NOTES_BLOCK) ?? [];
  if (notes.length > 1) problems.push("more than one <ChapterNotes> section: fold all notes about the chapter into one");
  const teaching = body.replace(NOTES_BLOCK, " ").replace(FENCE, " ");
  for (const [, attributes = "", inner = ""] of teaching.matchAll(CALLOUT)) {
    const title = /title="([^"]*)"/.exec(attributes)?.[1] ?? "";
    if (/type="correction"/.test(attributes)) problems.push(`a "correction" callout: make it a Common myth (type="myth") and move the chapter's wording to <ChapterNotes>: ${title}`);
    if (/\bchapter/i.test(title + inner)) problems.push(`a callout talks about the chapter; that belongs in <ChapterNotes>: ${title}`);
  }
  const prose = teaching.replace(CALLOUT, " ");
  for (const line of prose.split("\n")) {
    if (/\bthe chapter\b|\bchapter's\b/i.test(line)) problems.push(`prose talks about the chapter; that belongs in <ChapterNotes>: ${line.trim().slice(0, 80)}`);
  }
  return problems;
}

/**
 * What every lesson must have beyond valid frontmatter: a "Check yourself"
 * section, a closing "Summary", and internal links that point somewhere.
 */
export function lessonStructureProblems(input: { body: string; toc: TocEntry[]; knownSlugs: Set<string> }): string[] {
  const problems: string[] = [];
  const h2 = input.toc.filter((entry) => entry.depth === 2);
  if (h2.length < 3) problems.push("needs at least three ## sections");
  if (h2.at(-1)?.text !== "Summary") problems.push('the last ## section must be "Summary"');
  if (!h2.some((entry) => entry.text === "Check yourself")) problems.push('needs a "## Check yourself" section');
  const ids = new Set(input.toc.map((entry) => entry.id));

  // Screen readers announce header cells; an empty one is an axe violation.
  const lines = input.body.split("\n");
  lines.forEach((line, index) => {
    if (!/^\s*\|?\s*:?-{3,}/.test(lines[index + 1] ?? "") || !line.includes("|")) return;
    const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
    if (cells.some((cell) => cell.trim() === "")) problems.push(`table header with an empty cell: ${line.trim()}`);
  });

  problems.push(...learnerFacingProblems(input.body));

  for (const match of input.body.matchAll(INTERNAL_LINK)) {
    const target = match[1] ?? match[2] ?? "";
    const [pathname = "", hash] = target.split("#");
    const lessonSlug = /^\/learn\/([a-z0-9-]+)$/.exec(pathname)?.[1];
    if (lessonSlug) {
      if (!input.knownSlugs.has(lessonSlug)) problems.push(`link to a lesson that does not exist: ${target}`);
      continue;
    }
    if (pathname === "" && hash) {
      if (!ids.has(hash)) problems.push(`link to a section that does not exist: ${target}`);
      continue;
    }
    if (!OTHER_INTERNAL_ROUTES.some((route) => route.test(pathname))) problems.push(`internal link points nowhere: ${target}`);
  }
  return problems;
}
