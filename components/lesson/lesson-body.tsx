import { getMDXComponent } from "mdx-bundler/client";
import { createElement } from "react";
import { mdxComponents } from "./mdx-components";

/**
 * Evaluates the lesson's compiled MDX on the server. It is a server component
 * with no state, so making the component per render is harmless here.
 */
export function LessonBody({ code }: { code: string }) {
  return createElement(getMDXComponent(code), { components: mdxComponents });
}
