import { z } from "zod";

export const LessonSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "not a lesson slug")
  .max(80);

const IsoDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** What an anonymous browser kept in localStorage, as sent to be merged into an account. */
export const LocalProgressSchema = z
  .array(
    z.object({
      lessonSlug: LessonSlugSchema,
      completedAt: IsoDate.nullable(),
      lastSeenAt: IsoDate,
    }),
  )
  .max(200, "too many entries");

/** Progress as the browser receives it (dates as ISO strings). */
export type ProgressEntryDto = { lessonSlug: string; completedAt: string | null; lastSeenAt: string };

export function toDto(entry: {
  lessonSlug: string;
  completedAt: Date | null;
  lastSeenAt: Date;
}): ProgressEntryDto {
  return {
    lessonSlug: entry.lessonSlug,
    completedAt: entry.completedAt?.toISOString() ?? null,
    lastSeenAt: entry.lastSeenAt.toISOString(),
  };
}
