import { Callout } from "./callout";
import { CodeFigure } from "./code-figure";

/**
 * What lessons may use in MDX. Simulators and inline questions join this map
 * as their features land; an unknown component fails the lesson's build.
 */
export const mdxComponents = {
  Callout,
  figure: CodeFigure,
};
