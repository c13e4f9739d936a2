import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "pick-healthcheck-flags",
  title: "Pick HEALTHCHECK flags that catch a hang within 20 s yet survive a 2 s pause",
  lesson: "health-checks",
  lessonSection: "scheduling",
  summary: "Tune --interval, --timeout, --start-period and --retries against two apps at once.",
  goal:
    "One HEALTHCHECK line has to serve two situations. In the first, the app deadlocks at 120 s and never " +
    "answers again: Docker must mark it unhealthy by 140 s at the latest. In the second, the app is fine but " +
    "every minute it spends 15 s in a batch job during which each answer takes 2 s: it must never be marked " +
    "unhealthy. Both apps refuse connections for the first 8 s while they boot. Docker's defaults " +
    "(interval 30 s, timeout 30 s, start period 0, retries 3) catch the deadlock far too late. Pick settings " +
    "that pass both runs.",
  kind: "healthcheck-flags",
  scenario: {
    engineVersion: 27,
    runs: [
      {
        id: "hang",
        label: "Deadlocks at 120 s",
        description: "Boots in 8 s, answers in 5 ms, and from 120 s on never answers a probe again.",
        durationMs: 200_000,
        app: { bootMs: 8_000, responseMs: 5, hangsFromMs: 120_000 },
      },
      {
        id: "pause",
        label: "Slow for 15 s every minute",
        description: "Boots in 8 s, answers in 5 ms, but from 30 s on, for 15 s of every minute, each answer takes 2 s longer.",
        durationMs: 300_000,
        app: {
          bootMs: 8_000,
          responseMs: 5,
          slowSpells: { firstAtMs: 30_000, everyMs: 60_000, lastsMs: 15_000, extraMs: 2_000 },
        },
      },
    ],
  },
  input: {
    params: {
      interval: { label: "--interval", unit: "seconds", min: 1, max: 60, default: 30, help: "Wait between the end of one probe and the start of the next." },
      timeout: { label: "--timeout", unit: "seconds", min: 1, max: 30, default: 30, help: "A probe still running after this is killed and counts as a failure (exit −1)." },
      startPeriod: { label: "--start-period", unit: "seconds", min: 0, max: 60, default: 0, help: "Failures while still starting inside this period do not count; probes run every 5 s in it." },
      retries: { label: "--retries", unit: "failures", min: 1, max: 10, default: 3, help: "Consecutive failures that mark the container unhealthy." },
    },
  },
  hints: [
    "Work out the worst case for the deadlock: the hang may start just after a probe, so the first hanging probe can begin up to one interval later. Each hanging probe then lasts a full timeout.",
    "Time to unhealthy after the hang ≤ interval + retries × timeout + (retries − 1) × interval. The defaults give 30 + 3 × 30 + 2 × 30 = 180 s.",
    "The slow app's answers take about 2 s. Any timeout above that lets them pass; a timeout of 2 s or less turns each one into a failure, and a spell lasts long enough for several in a row.",
  ],
  solution: {
    params: { interval: 5, timeout: 3, startPeriod: 10, retries: 2 },
    explanation:
      "With --interval=5s --timeout=3s --retries=2 the worst case after the deadlock is: up to 5 s until the next " +
      "probe starts, 3 s until Docker kills it, 5 s until the second probe, 3 s until that one is killed: " +
      "5 + 2 × 3 + 1 × 5 = 16 s, inside the 20 s budget. The slow spell makes answers take 2.005 s, under the 3 s " +
      "timeout, so not a single probe fails there. --start-period=10s covers the 8 s boot: the refused probe at 5 s " +
      "does not count (inside the start period Docker probes every 5 s, the start interval), and the first success " +
      "ends the start period early. A 1-second interval would also work but runs a probe process every second " +
      "in every container; a timeout of 2 s would fail every probe during the spell.",
  },
  checks: [
    {
      type: "becomes-unhealthy-between",
      run: "hang",
      fromMs: 120_000,
      toMs: 140_000,
      label: "Deadlocked app: marked unhealthy within 20 s of the hang, not before",
    },
    { type: "never-unhealthy", run: "pause", label: "Slow app: never marked unhealthy" },
  ],
};

export default lab;
