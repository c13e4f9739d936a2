export type ContinueTarget = { slug: string; reason: "resume" | "next" | "start" };

type Entry = { completedAt: string | null; lastSeenAt: string };

/**
 * Where "continue where you left off" points: the most recently opened lesson
 * that is not finished; else the first unfinished lesson after the most
 * recently finished one; else the first lesson. Null when all are complete.
 */
export function continueTarget(
  order: string[],
  entries: Record<string, Entry | undefined>,
): ContinueTarget | null {
  const unfinished = order.filter((slug) => !entries[slug]?.completedAt);
  if (unfinished.length === 0) return null;

  const started = unfinished
    .filter((slug) => entries[slug])
    .sort((a, b) => entries[b]!.lastSeenAt.localeCompare(entries[a]!.lastSeenAt));
  if (started[0]) return { slug: started[0], reason: "resume" };

  const finished = order
    .filter((slug) => entries[slug]?.completedAt)
    .sort((a, b) => entries[b]!.completedAt!.localeCompare(entries[a]!.completedAt!));
  if (finished[0]) {
    const after = order.slice(order.indexOf(finished[0]) + 1).find((slug) => !entries[slug]?.completedAt);
    return { slug: after ?? unfinished[0]!, reason: "next" };
  }
  return { slug: unfinished[0]!, reason: "start" };
}
