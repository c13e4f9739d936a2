import { createElement, type HTMLAttributes } from "react";

export type HeadingLevel = 2 | 3 | 4 | 5;

/**
 * A heading at a level the caller picks: the lab page starts its sections at h2, a lab embedded
 * under a lesson's h3 starts lower, so the outline stays in order either way.
 */
export function Heading({ level, ...props }: { level: number } & HTMLAttributes<HTMLHeadingElement>) {
  return createElement(`h${Math.min(6, Math.max(1, level))}`, props);
}
