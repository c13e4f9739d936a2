import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { lessonSections } from "@/lib/content/search-sections";
import { listLabs } from "./catalog";

const LESSONS_DIR = path.join(process.cwd(), "content/lessons");
const EMBED = /<Lab\s+slug="([^"]*)"\s*\/>/g;

/** Where each `<Lab slug="…" />` sits: its lesson and the id of the section around it. */
async function embeds() {
  const files = (await readdir(LESSONS_DIR)).filter((file) => file.endsWith(".mdx"));
  const found: Array<{ slug: string; lesson: string; section: string }> = [];
  for (const file of files) {
    const lesson = file.replace(/^\d+-/, "").replace(/\.mdx$/, "");
    const body = matter(await readFile(path.join(LESSONS_DIR, file), "utf8")).content;
    // A marker that survives the split into sections, so each embed can be found in its section.
    const marked = body.replace(EMBED, (_tag, slug: string) => `@@lab:${slug}@@`);
    for (const section of lessonSections({ slug: lesson, title: lesson, body: marked }))
      for (const match of section.text.matchAll(/@@lab:([^@]*)@@/g))
        found.push({ slug: match[1]!, lesson, section: section.anchor });
  }
  return found;
}

describe("labs embedded in lessons", () => {
  it("every lab is embedded exactly once, in its own lesson, inside the section it practises", async () => {
    const all = await embeds();
    for (const lab of listLabs()) {
      expect(all.filter((embed) => embed.slug === lab.slug)).toEqual([
        { slug: lab.slug, lesson: lab.lesson, section: lab.lessonSection },
      ]);
    }
  });

  it("every embed names a lab that exists", async () => {
    const slugs = new Set(listLabs().map((lab) => lab.slug));
    expect((await embeds()).filter((embed) => !slugs.has(embed.slug))).toEqual([]);
  });
});
