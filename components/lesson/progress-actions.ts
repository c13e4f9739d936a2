"use server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { listLessons } from "@/lib/content/lessons";
import { db } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";
import {
  listLessonProgress,
  markLessonComplete,
  mergeLessonProgress,
  recordLessonVisit,
} from "@/lib/progress/lessons";
import {
  LessonSlugSchema,
  LocalProgressSchema,
  toDto,
  type ProgressEntryDto,
} from "@/lib/progress/progress-schema";

export type ProgressResult = { ok: true; entries: ProgressEntryDto[] } | { ok: false; error: string };

const EventSchema = z.object({ lessonSlug: LessonSlugSchema, event: z.enum(["visit", "complete"]) });

async function knownSlugs(): Promise<Set<string>> {
  return new Set((await listLessons()).map((lesson) => lesson.slug));
}

/** Records a visit or a completion for the signed-in learner. Repeating it is harmless. */
export async function recordLessonEvent(input: unknown): Promise<ProgressResult> {
  const parsed = EventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That is not a lesson event this site knows." };
  const user = await currentUser();
  if (!user) return { ok: false, error: "Sign in to save progress to your account." };
  const { lessonSlug, event } = parsed.data;
  if (!(await knownSlugs()).has(lessonSlug))
    return { ok: false, error: `There is no lesson called “${lessonSlug}”.` };

  if (event === "complete") {
    const before = (await listLessonProgress(db(), user)).find((entry) => entry.lessonSlug === lessonSlug);
    await markLessonComplete(db(), user, lessonSlug);
    if (!before?.completedAt) metrics().lessonCompletions.inc({ lesson: lessonSlug });
  } else {
    await recordLessonVisit(db(), user, lessonSlug);
  }
  return { ok: true, entries: (await listLessonProgress(db(), user)).map(toDto) };
}

/** Moves progress kept by this browser while signed out into the account. */
export async function mergeLocalProgress(input: unknown): Promise<ProgressResult> {
  const parsed = LocalProgressSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: "The progress saved in this browser is unreadable; it was not merged." };
  const user = await currentUser();
  if (!user) return { ok: false, error: "Sign in to save progress to your account." };
  const slugs = await knownSlugs();
  const entries = parsed.data.filter((entry) => slugs.has(entry.lessonSlug));
  return { ok: true, entries: (await mergeLessonProgress(db(), user, entries)).map(toDto) };
}
