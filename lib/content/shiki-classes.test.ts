import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Element, Nodes } from "hast";
import { codeToHast } from "shiki";
import { transformerMetaHighlight, transformerNotationDiff } from "@shikijs/transformers";
import { describe, expect, it } from "vitest";
import { COLOR_REPLACEMENTS, SHIKI_THEMES, shikiColorTable } from "./compile-lesson";
import { classesForStyle, shikiClassesTransformer, shikiThemeCss } from "./shiki-classes";
import { codeFigureTransformer } from "./shiki-code-figure";

const LESSONS = path.join(process.cwd(), "content", "lessons");
const FENCE = /^```([\w-]+)([^\n]*)\n([\s\S]*?)^```/gm;

function codeBlocks(): Array<{ file: string; lang: string; meta: string; code: string }> {
  return readdirSync(LESSONS)
    .filter((name) => name.endsWith(".mdx"))
    .flatMap((file) =>
      [...readFileSync(path.join(LESSONS, file), "utf8").matchAll(FENCE)].map((match) => ({
        file,
        lang: match[1]!,
        meta: match[2]!.trim(),
        code: match[3]!.replace(/\n$/, ""),
      })),
    );
}

function walk(node: Nodes, visit: (element: Element) => void) {
  if (node.type === "element") visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

const text = (node: Nodes): string =>
  node.type === "text" ? node.value : "children" in node ? node.children.map(text).join("") : "";

async function highlight(block: { lang: string; meta: string; code: string }, colors: string[]) {
  return codeToHast(block.code, {
    lang: block.lang,
    themes: SHIKI_THEMES,
    defaultColor: "light",
    colorReplacements: COLOR_REPLACEMENTS,
    meta: { __raw: block.meta },
    transformers: [transformerMetaHighlight(), transformerNotationDiff(), codeFigureTransformer(), shikiClassesTransformer(colors)],
  });
}

describe("shiki token classes", () => {
  it("maps both colours and font styles to classes and drops backgrounds", () => {
    const table = new Map([
      ["#24292e", 0],
      ["#e1e4e8", 1],
    ]);
    expect(classesForStyle("color:#24292E;--shiki-dark:#e1e4e8", table)).toEqual(["l0", "d1"]);
    expect(classesForStyle("background-color:#fff;--shiki-dark-bg:#24292e;color:#24292e", table)).toEqual(["l0"]);
    expect(classesForStyle("color:#24292e;font-style:italic;--shiki-dark-font-style:inherit", table)).toEqual(["l0", "l-i"]);
    expect(classesForStyle("--shiki-dark-font-weight:bold", table)).toEqual(["d-b"]);
    // Never applied by any rule before: kept out so the light theme looks as it did.
    expect(classesForStyle("color:#24292e;--shiki-light-font-weight:bold", table)).toEqual(["l0"]);
  });

  it("refuses a colour or style it has no class for, rather than losing it", () => {
    expect(() => classesForStyle("color:#123456", new Map())).toThrow(/not in the class table/);
    expect(() => classesForStyle("letter-spacing:2px", new Map())).toThrow(/has no class/);
  });

  it("leaves no inline style in any lesson's code and keeps every token coloured in both themes", { timeout: 120_000 }, async () => {
    const colors = await shikiColorTable();
    const blocks = codeBlocks();
    expect(blocks.length).toBeGreaterThan(20);
    let allTokens = 0;
    let allColoured = 0;
    for (const block of blocks) {
      const root = await highlight(block, colors);
      let tokens = 0;
      let coloured = 0;
      walk(root, (element) => {
        if (element.properties.className)
          expect(element.properties.class, `${block.file}: class left beside className`).toBeUndefined();
        if (element.tagName === "pre") {
          expect(element.properties.className, `${block.file}: the pre keeps shiki's classes`).toEqual(
            expect.arrayContaining(["shiki", "shiki-themes", "github-light", "github-dark"]),
          );
        }
        expect(element.properties.style, `${block.file}: inline style left`).toBeUndefined();
        const classes = [element.properties.className ?? [], element.properties.class ?? []].flat().join(" ").split(" ");
        if (element.tagName === "span" && !classes.includes("line")) {
          tokens++;
          // A token shiki leaves in the default colour of both themes has no style, then and now.
          const light = classes.some((name) => /^l\d+$/.test(name));
          const dark = classes.some((name) => /^d\d+$/.test(name));
          expect(light, `${block.file}: a token coloured in one theme only`).toBe(dark);
          if (light) coloured++;
        }
      });
      allTokens += tokens;
      allColoured += coloured;
    }
    expect(allColoured).toBeGreaterThan(allTokens / 2);
  });

  it("copies what the reader sees: the block's text without notation comments", { timeout: 120_000 }, async () => {
    const colors = await shikiColorTable();
    for (const block of codeBlocks()) {
      const root = await highlight(block, colors);
      let pre: Element | undefined;
      walk(root, (element) => (pre ??= element.tagName === "pre" ? element : undefined));
      const expected = block.code
        .split("\n")
        .filter((line) => !/^\s*(#|\/\/)\s*\[!code [^\]]+\]\s*$/.test(line))
        .map((line) => line.replace(/\s*(#|\/\/)\s*\[!code [^\]]+\]\s*$/, ""))
        .join("\n");
      expect(text(pre!), block.file).toBe(expected);
    }
  });

  it("app/globals.css holds the generated theme CSS (run `npm run shiki:css` after a theme change)", async () => {
    const css = readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8").replace(/^[ \t]+/gm, "");
    expect(css).toContain(shikiThemeCss(await shikiColorTable()));
  });
});
