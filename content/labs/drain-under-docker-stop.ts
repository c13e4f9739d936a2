import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "drain-under-docker-stop",
  title: "Zero dropped requests under docker stop with the default grace",
  lesson: "high-availability",
  lessonSection: "the-sequence",
  summary: "Write a SIGTERM handler that loses nothing within docker stop's 10 seconds.",
  goal:
    "docker stop sends SIGTERM at 0 s and SIGKILL at 10 s. Three requests are in flight that need 1, 3 and 6 more " +
    "seconds. The load balancer in front checks /readyz actively, every second, and keeps sending a new request " +
    "every 250 ms until two checks in a row fail. That takes an active health check: HAProxy (option httpchk), " +
    "NGINX Plus (health_check) or a cloud load balancer; stock nginx only notices a refused connection. The starter code is the chapter's handler. Rewrite it so that no request is " +
    "dropped (cut while running) or refused (sent while nothing listens), and the process exits 0 on its own " +
    "before the 10-second deadline.",
  kind: "shutdown-code",
  scenario: {
    platform: { kind: "docker" },
    launch: "exec",
    database: { closeMs: 100 },
    stopAtMs: 0,
    requests: [
      { id: "A", atMs: 0, durationMs: 1_000 },
      { id: "B", atMs: 0, durationMs: 3_000 },
      { id: "C", atMs: 0, durationMs: 6_000 },
    ],
    traffic: { idPrefix: "r", fromMs: 250, toMs: 8_000, everyMs: 250, durationMs: 200 },
    routing: { endpointRemovalDelayMs: null, readinessProbe: { periodMs: 1_000, failureThreshold: 2 } },
  },
  input: {
    starterCode: `// Available: process.on/exit, server.close(cb), server.closeIdleConnections(),
// server.closeAllConnections(), db.close(cb), health.setReady(bool),
// app.setConnectionClose(bool), inFlightRequests(), setTimeout, clearTimeout, console.
let isShuttingDown = false;

process.on("SIGTERM", () => {
  console.log("SIGTERM received, shutting down gracefully");
  isShuttingDown = true;
  health.setReady(false);

  server.close(() => {
    console.log("HTTP server closed");
    process.exit(0);
  });

  // End every open connection so close() does not have to wait.
  server.closeAllConnections();
});
`,
  },
  hints: [
    "server.closeAllConnections() cuts the three requests in flight, and closing the listener at once refuses the requests the balancer is still sending. Both have to wait.",
    "The balancer needs two failed health checks, one second apart, to notice readiness turning 503. Keep listening a little longer than that (say 3 s) before server.close().",
    "server.close(cb) calls back once the last in-flight request is done; close the database there, then process.exit(0). The 6-second request ends at 6 s, well before 10 s; a backstop timer under 10 s is good practice.",
  ],
  solution: {
    code: `const DRAIN_DELAY_MS = 3000; // the balancer stops after 2 failed checks, 1 s apart
const FORCE_EXIT_MS = 9000;  // below docker stop's 10 s grace period
let shuttingDown = false;

process.on("SIGTERM", () => {
  if (shuttingDown) return; // a second signal must not start a second shutdown
  shuttingDown = true;
  health.setReady(false);   // /readyz answers 503 from now on
  console.log("SIGTERM: readiness 503, still serving for " + DRAIN_DELAY_MS + " ms");

  setTimeout(() => {
    console.error("still draining after " + FORCE_EXIT_MS + " ms, forcing exit");
    process.exit(1);
  }, FORCE_EXIT_MS);

  setTimeout(() => {
    console.log("closing listener, " + inFlightRequests() + " request(s) in flight");
    server.close(() => {
      db.close(() => {
        console.log("drained, exiting 0");
        process.exit(0);
      });
    });
  }, DRAIN_DELAY_MS);
});
`,
    explanation:
      "Readiness turns 503 at 0 s; the balancer's checks at 1 s and 2 s fail and it sends nothing new after 2 s, so " +
      "every request that arrived before then is served by the still-open listener. At 3 s server.close() stops " +
      "accepting and waits: A and B are long done, C ends at 6 s, the close callback closes the database (100 ms) " +
      "and the process exits 0 at about 6.1 s, with nearly 4 s to spare. Budget: drain delay (3 s) + longest request " +
      "(6 s) + cleanup fits inside the 9 s backstop, which fits inside the 10 s grace period.",
  },
  checks: [
    { type: "requests", dropped: 0, refused: 0 },
    { type: "exit-code", code: 0 },
    { type: "exit-before-ms", ms: 10_000, label: "The process exits before the 10 s SIGKILL" },
  ],
};

export default lab;
