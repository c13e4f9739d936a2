import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "exit-on-your-own-terms",
  title: "Exit on your own terms",
  lesson: "high-availability",
  lessonSection: "worked-timeline-2-4-and-12-seconds",
  summary: "A request that needs a minute cannot finish in 10 s: end the drain yourself, before SIGKILL.",
  goal:
    "docker stop gives the container 10 s. Two short requests in flight need 2 and 4 more seconds; a CSV export " +
    "needs 60. The export cannot finish, whatever you do. The handler below drains correctly, but its force-exit " +
    "timer is the chapter's 30 seconds, so Docker's SIGKILL at 10 s ends the process first: exit 137, no last log " +
    "line, the database pool never closed. Make the process end itself, after the short requests have completed " +
    "and before SIGKILL.",
  kind: "shutdown-code",
  scenario: {
    platform: { kind: "docker" },
    launch: "exec",
    database: { closeMs: 100 },
    stopAtMs: 0,
    requests: [
      { id: "A", atMs: 0, durationMs: 2_000 },
      { id: "B", atMs: 0, durationMs: 4_000 },
      { id: "export", atMs: 0, durationMs: 60_000 },
    ],
    routing: { endpointRemovalDelayMs: null, readinessProbe: null },
  },
  input: {
    starterCode: `process.on("SIGTERM", () => {
  console.log("SIGTERM: closing the server");
  health.setReady(false);

  server.close(() => {
    db.close(() => process.exit(0));
  });

  // Force shutdown after 30 seconds, as the chapter does.
  setTimeout(() => {
    console.error("Could not close connections in time, forcing shutdown");
    process.exit(1);
  }, 30000);
});
`,
  },
  hints: [
    "Compare the force-exit timer with docker stop's grace period. Which fires first?",
    "The timer only helps if it fires before SIGKILL: pick a delay under 10 s that still leaves the 2 s and 4 s requests time to finish.",
    "Closing the database in the timer before exiting is a nice touch, but the exit itself must come before 10 s.",
  ],
  solution: {
    code: `// Below docker stop's 10 s grace period, above the 4 s the short requests need.
const FORCE_EXIT_MS = 8000;

process.on("SIGTERM", () => {
  console.log("SIGTERM: closing the server");
  health.setReady(false);

  server.close(() => {
    db.close(() => process.exit(0));
  });

  setTimeout(() => {
    console.error(inFlightRequests() + " request(s) still running after " + FORCE_EXIT_MS + " ms, forcing exit");
    process.exit(1);
  }, FORCE_EXIT_MS);
});
`,
    explanation:
      "An 8-second timer fires before Docker's SIGKILL at 10 s. By then A (2 s) and B (4 s) have completed; the " +
      "export is cut either way, but now the app logs which request it abandons and exits 1 by itself, a code that " +
      "says \"shutdown incomplete\" instead of an anonymous 137. To let the export finish too, raise the grace " +
      "period (docker stop -t 70 or stop_grace_period) above the export's length, and the timer with it.",
  },
  checks: [
    { type: "requests-completed", ids: ["A", "B"], label: "The 2 s and 4 s requests complete" },
    { type: "no-sigkill" },
    { type: "exit-cause", cause: "process-exit", label: "The process ends itself with process.exit()" },
    { type: "exit-before-ms", ms: 10_000, label: "It exits before the 10 s deadline" },
  ],
};

export default lab;
