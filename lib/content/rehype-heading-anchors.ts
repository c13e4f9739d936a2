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
 * After rehype-slug has given h2/h3 their ids: appends a "#" link to each and
 * records them in `toc` for the on-page table of contents.
 */
export function rehypeHeadingAnchors(toc: TocEntry[]) {
  return () => (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      if (typeof id !== "string") return;
      const text = textOf(node);
      toc.push({ depth: node.tagName === "h2" ? 2 : 3, id, text });
      node.children.push({
        type: "element",
        tagName: "a",
        properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: `Link to section: ${text}` },
        children: [{ type: "text", value: "#" }],
      });
    });
  };
}
