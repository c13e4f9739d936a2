import rehypeShiki from "@shikijs/rehype";
import { transformerMetaHighlight, transformerNotationDiff } from "@shikijs/transformers";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import { bundledThemes, type ThemeRegistrationRaw } from "shiki";
import remarkGfm from "remark-gfm";
import { rehypeHeadingAnchors } from "./rehype-heading-anchors";
import type { TocEntry } from "./lesson-schema";
import { colorTable, shikiClassesTransformer } from "./shiki-classes";
import { codeFigureTransformer } from "./shiki-code-figure";

export const SHIKI_THEMES = { light: "github-light", dark: "github-dark" } as const;

// A few GitHub theme colours miss WCAG AA (4.5:1) on our code background and on
// highlighted/diff lines; these darker (light) or lighter (dark) shades pass.
export const COLOR_REPLACEMENTS = {
  "github-light": {
    "#d73a49": "#a40e26",
    "#6a737d": "#57606a",
    "#e36209": "#953800",
    "#22863a": "#116329",
  },
  "github-dark": {
    "#6a737d": "#8b949e",
  },
};

async function loadTheme(name: string): Promise<ThemeRegistrationRaw> {
  const theme = bundledThemes[name as keyof typeof bundledThemes];
  if (!theme) throw new Error(`unknown shiki theme ${name}`);
  return (await theme()).default as ThemeRegistrationRaw;
}

/** Every colour the two themes can give a token (with our replacements): the class table. */
export async function shikiColorTable(): Promise<string[]> {
  return colorTable(await loadTheme(SHIKI_THEMES.light), await loadTheme(SHIKI_THEMES.dark), COLOR_REPLACEMENTS);
}

/** MDX source → function body for getMDXComponent, highlighted at compile time. */
export async function compileMdx(source: string, cwd: string): Promise<{ code: string; toc: TocEntry[] }> {
  const toc: TocEntry[] = [];
  const colors = await shikiColorTable();
  const { code } = await bundleMDX({
    source,
    cwd,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
      options.rehypePlugins = [
        ...(options.rehypePlugins ?? []),
        rehypeSlug,
        rehypeHeadingAnchors(toc),
        [
          rehypeShiki,
          {
            themes: SHIKI_THEMES,
            defaultColor: "light",
            addLanguageClass: true,
            colorReplacements: COLOR_REPLACEMENTS,
            transformers: [transformerMetaHighlight(), transformerNotationDiff(), codeFigureTransformer(),
              // Last: token colours become classes (app/globals.css) instead of inline styles.
              shikiClassesTransformer(colors),
            ],
          },
        ],
      ];
      return options;
    },
  });
  return { code, toc };
}
