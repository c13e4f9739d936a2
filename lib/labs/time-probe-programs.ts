import { getLab } from "./catalog";

// Guest programs that print every clock a learner's code can read, for the tests that prove the
// browser and the server run a submission on the same simulated clock (unit and e2e).
export const TIME_LINE = "Date.now(), String(new Date()), Date(), performance.now(), new Date().getHours()";

/** A health handler that logs the time at each probe, waits 5 ms on a timer, then pings the database. */
export const HEALTH_WITH_TIME = `async function handler(req, res) {
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log("probe", ${TIME_LINE}, performance.now() - started);
  try { await db.ping(); res.status(200).json({ ok: true }); }
  catch (error) { res.status(503).json({ ok: false }); }
}
for (const path of ["/health", "/livez", "/readyz"]) app.get(path, handler);`;

/** Appended to a shutdown lab's worked solution: logs the time at load, at SIGTERM and 250 ms later. */
export const SHUTDOWN_TIME = `
console.log("loaded", ${TIME_LINE});
process.on("SIGTERM", () => {
  console.log("stop", ${TIME_LINE});
  setTimeout(() => console.log("later", ${TIME_LINE}), 250);
});`;

export function workedSolutionCode(slug: string): string {
  const lab = getLab(slug);
  if (!lab || !("code" in lab.solution)) throw new Error(`${slug} is not a code lab`);
  return lab.solution.code;
}
