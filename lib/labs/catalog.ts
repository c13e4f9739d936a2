import { LABS } from "@/content/labs";
import type { Lab } from "./schema";

/** Every lab, in course order. */
export function listLabs(): readonly Lab[] {
  return LABS;
}

export function getLab(slug: string): Lab | null {
  return LABS.find((lab) => lab.slug === slug) ?? null;
}

/** The labs that practise one lesson, for the lesson page's "Try it" links. */
export function labsForLesson(lesson: Lab["lesson"]): readonly Lab[] {
  return LABS.filter((lab) => lab.lesson === lesson);
}
