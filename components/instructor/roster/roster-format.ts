const DAY_MS = 86_400_000;

export function percent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? "—" : `${Math.round(fraction * 100)}%`;
}

/** "today", "yesterday", "5 days ago": relative to the server's clock so server and browser agree. */
export function daysAgo(at: number | null, now: number): string {
  if (at === null) return "never";
  const days = Math.floor((now - at) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

export const exactDate = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
