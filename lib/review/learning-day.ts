import { z } from "zod";

/**
 * A review day starts at 04:00 in the learner's own time zone, as Anki's does: a session that runs
 * past midnight still counts as the evening's, and a limit resets while the learner sleeps, not at
 * midnight UTC (which is mid-afternoon in California).
 */
export const DAY_STARTS_AT_HOUR = 4;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name as the browser reports it; anything else counts as UTC. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone)
  .catch("UTC");

/** The wall-clock reading of `instant` in `timeZone`, as if that reading were UTC (ms). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)!.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/** The instant the learner's current review day began: the last 04:00 on their own clock. */
export function startOfLearningDay(now: Date, timeZone = "UTC"): Date {
  const wall = wallClockMs(now.getTime(), timeZone);
  const shifted = new Date(wall - DAY_STARTS_AT_HOUR * 3_600_000);
  const dayStartWall =
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) + DAY_STARTS_AT_HOUR * 3_600_000;
  // Wall time → instant: subtract the zone's offset at that moment (twice, in case the first guess
  // lands across a daylight-saving change).
  let instant = dayStartWall - (wall - Math.floor(now.getTime() / 1000) * 1000);
  instant = dayStartWall - (wallClockMs(instant, timeZone) - instant);
  return new Date(instant);
}

/** The cookie the review page keeps the browser's time zone in (an IANA name, nothing personal). */
export const TIME_ZONE_COOKIE = "tz";
