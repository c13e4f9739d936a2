import type { ShikiTransformer } from "shiki";

const TITLE = /title="([^"]+)"/;

/**
 * Wraps each highlighted block in <figure data-code-figure> with the file name
 * from the fence meta (```js title="src/app.js") and the raw code for the copy button.
 */
export function codeFigureTransformer(): ShikiTransformer {
  return {
    name: "shipshape:code-figure",
    root(root) {
      const meta = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? "";
      const title = TITLE.exec(meta)?.[1] ?? null;
      const pre = root.children[0];
      if (!pre || pre.type !== "element") return;
      // Diff and notation comments are stripped by other transformers; copy what the reader sees.
      const source = this.source
        .split("\n")
        .filter((line) => !/^\s*(#|\/\/)\s*\[!code [^\]]+\]\s*$/.test(line))
        .map((line) => line.replace(/\s*(#|\/\/)\s*\[!code [^\]]+\]\s*$/, ""))
        .join("\n");
      root.children = [
        {
          type: "element",
          tagName: "figure",
          properties: {
            className: ["code-figure"],
            dataCodeFigure: "",
            dataTitle: title ?? undefined,
            dataLanguage: this.options.lang,
            dataCode: source,
          },
          children: [pre],
        },
      ];
    },
  };
}
