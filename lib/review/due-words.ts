const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * How long until `due`, in words a learner reads at a glance: "now", "in 1 min", "in 10 min",
 * "in 3 hours", "in 3 days", "in 2 months", "in 1.5 years". Rounded to the nearest unit, the
 * unit chosen so the number stays small (under 60 min, 24 hours, 30 days, 12 months).
 * Anything due now or earlier is "now": an overdue card is simply ready.
 */
export function dueInWords(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return "now";
  if (ms < HOUR) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) {
    const hours = Math.round(ms / HOUR);
    return hours >= 24 ? "in 1 day" : `in ${plural(hours, "hour")}`;
  }
  if (ms < MONTH) {
    const days = Math.round(ms / DAY);
    return days >= 30 ? "in 1 month" : `in ${plural(days, "day")}`;
  }
  if (ms < YEAR) {
    const months = Math.round(ms / MONTH);
    return months >= 12 ? "in 1 year" : `in ${plural(months, "month")}`;
  }
  const years = Math.round((ms / YEAR) * 10) / 10;
  return `in ${years} year${years === 1 ? "" : "s"}`;
}

/** The short form on a rating button ("10 min", "3 days"): the same words without "in". */
export function intervalInWords(due: Date, now: Date): string {
  const words = dueInWords(due, now);
  return words === "now" ? "now" : words.slice(3);
}
