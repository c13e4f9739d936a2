// Rewrites the shiki theme block of app/globals.css from the themes (see lib/content/shiki-classes.ts).
//   npm run shiki:css
import { readFileSync, writeFileSync } from "node:fs";
import { shikiColorTable } from "../lib/content/compile-lesson";
import { shikiThemeCss } from "../lib/content/shiki-classes";

const FILE = "app/globals.css";
const BEGIN = "/* shiki-theme:begin */";
const END = "/* shiki-theme:end */";

const css = readFileSync(FILE, "utf8");
const from = css.indexOf(BEGIN);
const to = css.indexOf(END);
if (from === -1 || to === -1) throw new Error(`${FILE} needs the markers ${BEGIN} and ${END}`);
const block = shikiThemeCss(await shikiColorTable())
  .split("\n")
  .map((line) => `  ${line}`)
  .join("\n");
writeFileSync(FILE, `${css.slice(0, from + BEGIN.length)}\n${block}\n  ${css.slice(to)}`);
console.log(`updated ${FILE}`);
