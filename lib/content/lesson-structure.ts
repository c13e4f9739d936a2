import type { TocEntry } from "./lesson-schema";

/** Routes a lesson may link to besides other lessons. */
const OTHER_INTERNAL_ROUTES = [/^\/learn$/, /^\/practice(\/[a-z0-9-]+)?$/, /^\/labs(\/[a-z0-9-]+)?$/, /^\/review$/];

const INTERNAL_LINK = /\]\(([/#][^)\s]*)\)|href="([/#][^"]*)"/g;

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
