/** What a drill counts: every request, every failure, and every answer the app acknowledged. */
export type Failure = { at: number; what: string; detail: string };

export class DrillStats {
  requests = 0;
  failures: Failure[] = [];
  maxMs = 0;
  /** "Saving paused" answers from the app (database away), retried by the client. */
  paused = 0;
  /** Saves and submits that were paused at least once and then acknowledged: the retry worked. */
  savedAfterPause = 0;
  readonly startedAt = Date.now();
  /** attemptId|questionId → the last answer the app acknowledged, and answers sent after it without an ack. */
  readonly answers = new Map<string, { acked: string | null; unsure: string[] }>();
  readonly submitted = new Set<string>();
  /** learner email → lab runs the app said it recorded. */
  readonly labRuns = new Map<string, number>();
  /** Lab submits answered "busy, try again in N s" or "too many submits": a clear answer, not a failure. */
  labBusy = 0;
  inFlight = 0;
  /** Requests started so far (to count those sent while a killed replica was still dying). */
  started = 0;

  track(ms: number): void {
    this.requests += 1;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  fail(what: string, detail: string): void {
    this.failures.push({ at: Date.now(), what, detail: detail.slice(0, 300) });
  }

  sent(key: string, answer: string): void {
    const entry = this.answers.get(key) ?? { acked: null, unsure: [] };
    entry.unsure.push(answer);
    this.answers.set(key, entry);
  }

  acknowledged(key: string, answer: string): void {
    this.answers.set(key, { acked: answer, unsure: [] });
  }

  ackedCount(): number {
    let count = 0;
    for (const entry of this.answers.values()) if (entry.acked !== null) count += 1;
    return count + this.submitted.size + [...this.labRuns.values()].reduce((a, b) => a + b, 0);
  }
}

export function summaryLine(
  name: string,
  stats: DrillStats,
  lost: number,
  extra: Record<string, string | number> = {},
): string {
  const parts = [
    `requests=${stats.requests}`,
    `failures=${stats.failures.length}`,
    `acknowledged=${stats.ackedCount()}`,
    `lost=${lost}`,
    `max_latency_ms=${Math.round(stats.maxMs)}`,
    `lab_busy=${stats.labBusy}`,
    ...Object.entries(extra).map(([key, value]) => `${key}=${value}`),
  ];
  return `DRILL ${name}: ${parts.join(" ")}`;
}
