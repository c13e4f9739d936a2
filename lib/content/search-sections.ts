import GithubSlugger from "github-slugger";

export type SearchSection = {
  /** Unique: lesson slug + heading id. */
  id: string;
  lesson: string;
  lessonTitle: string;
  heading: string;
  /** Empty for the lesson's introduction (text before the first heading). */
  anchor: string;
  text: string;
};

/** Markdown and MDX down to the words a reader sees (code is kept: people search for flags). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n/gm, "")
    .replace(/^```\s*$/gm, "")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .replace(/[>#|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits a lesson body at its ## and ### headings, giving each section the
 * same id rehype-slug gives the heading, so a search hit links straight to it.
 */
export function lessonSections(lesson: { slug: string; title: string; body: string }): SearchSection[] {
  const slugger = new GithubSlugger();
  const sections: SearchSection[] = [];
  let heading = lesson.title;
  let anchor = "";
  let lines: string[] = [];
  let inFence = false;

  const flush = () => {
    const text = plainText(lines.join("\n"));
    if (text || anchor) {
      sections.push({ id: `${lesson.slug}#${anchor}`, lesson: lesson.slug, lessonTitle: lesson.title, heading, anchor, text });
    }
    lines = [];
  };

  for (const line of lesson.body.split("\n")) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const match = !inFence && /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (match) {
      flush();
      heading = plainText(match[2]!);
      anchor = slugger.slug(heading);
      continue;
    }
    lines.push(line);
  }
  flush();
  return sections;
}
