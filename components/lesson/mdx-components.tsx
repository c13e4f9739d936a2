import { LabEmbed } from "@/components/labs/lab-embed";
import * as diagrams from "@/components/diagrams";
import { Callout } from "./callout";
import { ChapterNotes } from "./chapter-notes";
import { CodeFigure } from "./code-figure";
import { ScrollableTable } from "./scrollable-table";

/**
 * What lessons may use in MDX. Simulators and inline questions join this map
 * as their features land; an unknown component fails the lesson's build.
 * `<Lab slug="…" />` renders a lab inline; its workbench loads lazily (see lab-embed-loader.tsx).
 */
export const mdxComponents = {
  Callout,
  ChapterNotes,
  ...diagrams,
  Lab: LabEmbed,
  figure: CodeFigure,
  table: ScrollableTable,
};
