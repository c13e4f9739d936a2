import { Learner } from "./learner";
import type { Plan } from "./plan";
import { DrillStats } from "./stats";

export type Load = {
  learners: Learner[];
  stats: DrillStats;
  /** Lets every learner finish what it is doing (including "saving paused" retries), then returns. */
  stop: () => Promise<void>;
};

/** Signs up `count` learners (a few at a time), then runs them until stop(). */
export async function startLoad(options: {
  baseUrl: string;
  plan: Plan;
  count: number;
  runId: string;
  thinkMs?: [number, number];
}): Promise<Load> {
  const stats = new DrillStats();
  const learners = Array.from(
    { length: options.count },
    (_, n) => new Learner(n, options.baseUrl, options.plan, stats, options.runId),
  );
  for (let i = 0; i < learners.length; i += 10)
    await Promise.all(learners.slice(i, i + 10).map((l) => l.signUp()));

  // Learners read and type between actions: 6-18 s each keeps 100+ of them within
  // what two shared CPU cores serve, so failures mean faults, not overload.
  const [minThink, maxThink] = options.thinkMs ?? [6_000, 18_000];
  let running = true;
  let retryPausedUntil = Number.POSITIVE_INFINITY;
  const loops = learners.map(async (learner) => {
    // Spread the first steps so 100 learners do not all start in the same millisecond.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * maxThink));
    while (running) {
      await learner.step({ retryPausedUntil: () => retryPausedUntil });
      await new Promise((resolve) => setTimeout(resolve, minThink + Math.random() * (maxThink - minThink)));
    }
  });

  return {
    learners,
    stats,
    stop: async () => {
      running = false;
      retryPausedUntil = Date.now() + 30_000;
      await Promise.all(loops);
      for (const learner of learners) learner.client.close();
    },
  };
}

/** Waits while the load runs (the drill's fault happens around these waits). */
export const during = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
