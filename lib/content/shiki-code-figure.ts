import type { ShikiTransformer } from "shiki";

const TITLE = /title="([^"]+)"/;

/**
 * Wraps each highlighted block in <figure data-code-figure> with the file name
 * from the fence meta (```js title="src/app.js"). The copy button copies the text of the
 * <pre> the reader sees, so the code is not sent a second time as a prop.
 */
export function codeFigureTransformer(): ShikiTransformer {
  return {
    name: "shipshape:code-figure",
    root(root) {
      const meta = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? "";
      const title = TITLE.exec(meta)?.[1] ?? null;
      const pre = root.children[0];
      if (!pre || pre.type !== "element") return;
      root.children = [
        {
          type: "element",
          tagName: "figure",
          properties: {
            className: ["code-figure"],
            dataCodeFigure: "",
            dataTitle: title ?? undefined,
            dataLanguage: this.options.lang,
          },
          children: [pre],
        },
      ];
    },
  };
}
