const whenFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Server-rendered times in UTC, said so: the same on every server and in every test. */
export function formatWhen(date: Date): string {
  return `${whenFormat.format(date)} UTC`;
}
