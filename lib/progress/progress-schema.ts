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

/** Progress dates must fall in [now − PAST_WINDOW, now + FUTURE_SLACK]; anything outside is clamped. */
export const PAST_WINDOW_MS = 365 * 24 * 60 * 60 * 1000;
/** Browser clocks run a little fast: a few minutes ahead is tolerated, then clamped to now. */
export const FUTURE_SLACK_MS = 5 * 60 * 1000;

/**
 * Clamps a date a browser sent into a window around now. Merging keeps the earliest completion and
 * the latest visit, so an unclamped 1970 or 2099 could never be corrected and would skew activity.
 */
export function clampToWindow(date: Date, now: Date): Date {
  const earliest = now.getTime() - PAST_WINDOW_MS;
  const latest = now.getTime() + FUTURE_SLACK_MS;
  const time = date.getTime();
  if (time > latest) return new Date(now.getTime());
  if (time < earliest) return new Date(earliest);
  return date;
}

/** One merged entry with its dates clamped, and a completion never later than the visit. */
export function clampEntry<T extends { completedAt: Date | null; lastSeenAt: Date }>(entry: T, now: Date): T {
  const lastSeenAt = clampToWindow(entry.lastSeenAt, now);
  const completed = entry.completedAt ? clampToWindow(entry.completedAt, now) : null;
  return {
    ...entry,
    lastSeenAt: completed && completed > lastSeenAt ? completed : lastSeenAt,
    completedAt: completed,
  };
}
