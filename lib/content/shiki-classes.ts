// Shiki writes every token's two colours as an inline style (`color:#d73a49;--shiki-dark:#f97583`):
// ~50 bytes per token, sent twice (HTML and RSC payload), ~1,800 tokens on a long lesson. This turns
// them into two short classes (`l7 d12`) whose colours live once in app/globals.css. The class table
// is derived from the two themes, so it is stable between builds; `npm run shiki:css` rewrites the
// CSS block and a unit test fails when it is out of date.
import type { Element } from "hast";
import type { ShikiTransformer, ThemeRegistrationRaw } from "shiki";

export type ColorReplacements = Record<string, Record<string, string>>;

/** Font styles shiki emits, by declaration; each gets a one-letter class suffix. */
const FONT_STYLES: Record<string, string> = {
  "font-style:italic": "i",
  "font-weight:bold": "b",
  "text-decoration:underline": "u",
  "text-decoration:line-through": "s",
  "text-decoration:underline line-through": "us",
};

const hex = (value: string) => value.trim().toLowerCase();

function themeColors(theme: ThemeRegistrationRaw, replacements: Record<string, string>): string[] {
  const colors = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string" || !value.startsWith("#")) return;
    colors.add(hex(replacements[hex(value)] ?? value));
  };
  // The code's default colour, then every token colour (backgrounds are not used, see below).
  add(theme.fg);
  add(theme.colors?.["editor.foreground"]);
  add(theme.colors?.foreground);
  for (const rule of theme.tokenColors ?? theme.settings ?? []) add(rule.settings?.foreground);
  return [...colors].sort();
}

/** Every colour either theme can give a token, sorted: a colour's index is its class number. */
export function colorTable(
  light: ThemeRegistrationRaw,
  dark: ThemeRegistrationRaw,
  replacements: ColorReplacements,
): string[] {
  const all = new Set([
    ...themeColors(light, replacements[light.name ?? ""] ?? {}),
    ...themeColors(dark, replacements[dark.name ?? ""] ?? {}),
  ]);
  return [...all].sort();
}

function parseStyle(style: string): Array<[string, string]> {
  return style
    .split(";")
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const at = declaration.indexOf(":");
      return [declaration.slice(0, at).trim().toLowerCase(), declaration.slice(at + 1).trim()];
    });
}

/**
 * Classes for one element's shiki style: `l<n>`/`d<n>` for the light/dark colour, `l-i`/`d-i` and
 * friends for font styles. Backgrounds are dropped: the code block's background comes from our CSS.
 * Throws on a declaration the table does not know, so the build fails instead of losing a colour.
 */
export function classesForStyle(style: string, table: ReadonlyMap<string, number>): string[] {
  const classes: string[] = [];
  for (const [property, value] of parseStyle(style)) {
    if (property === "background-color" || property === "--shiki-dark-bg") continue;
    if (value === "inherit") continue;
    // Shiki writes the default theme's font styles as `--shiki-light-*` variables, which no rule has
    // ever read: the light theme showed them in the regular weight, and still does.
    if (property.startsWith("--shiki-light-")) continue;
    if (property === "color" || property === "--shiki-dark") {
      const index = table.get(hex(value));
      if (index === undefined) throw new Error(`shiki colour ${value} is not in the class table: run \`npm run shiki:css\``);
      classes.push(`${property === "color" ? "l" : "d"}${index}`);
      continue;
    }
    const dark = property.startsWith("--shiki-dark-");
    const suffix = FONT_STYLES[`${dark ? property.slice("--shiki-dark-".length) : property}:${value}`];
    if (!suffix) throw new Error(`shiki style ${property}:${value} has no class: extend FONT_STYLES`);
    classes.push(`${dark ? "d" : "l"}-${suffix}`);
  }
  return classes;
}

function moveStyleToClasses(node: Element, table: ReadonlyMap<string, number>) {
  const style = node.properties.style;
  if (typeof style !== "string") return;
  delete node.properties.style;
  const classes = classesForStyle(style, table);
  if (!classes.length) return;
  // Shiki names classes in `class` (a string), rehype in `className` (a list): keep both kinds.
  const list = [node.properties.class, node.properties.className].flatMap((value) =>
    Array.isArray(value) ? value.map(String) : value ? String(value).split(" ").filter(Boolean) : [],
  );
  delete node.properties.class;
  node.properties.className = [...list, ...classes];
}

/** The shiki transformer: runs last, on the finished `<pre>` tree. */
export function shikiClassesTransformer(colors: readonly string[]): ShikiTransformer {
  const table = new Map(colors.map((color, index) => [color, index]));
  return {
    name: "shipshape:classes",
    pre(pre) {
      const visit = (node: Element) => {
        moveStyleToClasses(node, table);
        for (const child of node.children) if (child.type === "element") visit(child);
      };
      visit(pre);
    },
  };
}

/** The CSS for the class table: light colours by default, dark ones under `.dark`. */
export function shikiThemeCss(colors: readonly string[]): string {
  const lines = [
    "/* Generated by `npm run shiki:css` from the shiki themes (lib/content/shiki-classes.ts). */",
    ...colors.map((color, index) => `.shiki.l${index}, .shiki .l${index} { color: ${color}; }`),
    ...Object.values(FONT_STYLES).map((suffix) => `.shiki .l-${suffix} { ${fontCss(suffix)} }`),
    // Dark mode: light styles step back, then the dark ones apply.
    ".dark .shiki, .dark .shiki span { color: inherit; font-style: inherit; font-weight: inherit; text-decoration: inherit; }",
    ...colors.map((color, index) => `.dark .shiki.d${index}, .dark .shiki .d${index} { color: ${color}; }`),
    ...Object.values(FONT_STYLES).map((suffix) => `.dark .shiki .d-${suffix} { ${fontCss(suffix)} }`),
  ];
  return lines.join("\n");
}

function fontCss(suffix: string): string {
  switch (suffix) {
    case "i":
      return "font-style: italic;";
    case "b":
      return "font-weight: bold;";
    case "u":
      return "text-decoration: underline;";
    case "s":
      return "text-decoration: line-through;";
    default:
      return "text-decoration: underline line-through;";
  }
}
