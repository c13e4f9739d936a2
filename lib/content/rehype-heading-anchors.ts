import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import type { TocEntry } from "./lesson-schema";

function textOf(node: Element): string {
  let text = "";
  visit(node, "text", (child) => {
    text += child.value;
  });
  return text.trim();
}

/**
 * After rehype-slug has given h2/h3 their ids: makes each heading's text a
 * link to itself (so its accessible name stays just the heading text; CSS adds
 * a "#" on hover) and records it in `toc` for the on-page table of contents.
 */
export function rehypeHeadingAnchors(toc: TocEntry[]) {
  return () => (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      if (typeof id !== "string") return;
      const text = textOf(node);
      toc.push({ depth: node.tagName === "h2" ? 2 : 3, id, text });
      node.children = [
        {
          type: "element",
          tagName: "a",
          properties: { href: `#${id}`, className: ["heading-anchor"] },
          children: node.children,
        },
      ];
    });
  };
}
