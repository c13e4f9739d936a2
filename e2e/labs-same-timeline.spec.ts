import { expect, test, type Page, type Worker } from "@playwright/test";
import { encodeLabState } from "@/components/labs/lab-state";
import { HEALTH_WITH_TIME, SHUTDOWN_TIME, workedSolutionCode } from "@/lib/labs/time-probe-programs";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";

// "One engine, two places", checked where it matters: Chromium's Web Worker runs the learner's code
// (Run), the production server's verification pool runs it again (POST /labs/<slug>/verify), and the
// two results must be the same bytes, every instant and every line the guest logged about time.
// The browser sits in UTC+14 so any leak of the host's zone or wall clock would show.
test.use({ timezoneId: "Pacific/Kiritimati" });
// Sign-up, Monaco, two runs in the browser and one on the server: more than the default 30 s on a busy CI box.
test.setTimeout(120_000);

const CASES = [
  { labSlug: "report-503-when-the-database-is-down", code: HEALTH_WITH_TIME, marker: "probe" },
  { labSlug: "drain-under-docker-stop", code: workedSolutionCode("drain-under-docker-stop") + SHUTDOWN_TIME, marker: "stop" },
];

/** Records what the lab worker posts back to the page, from inside the worker itself. */
async function recordReplies(worker: Worker) {
  await worker.evaluate(() => {
    const scope = self as unknown as { postMessage: (message: unknown) => void; __replies?: string[] };
    const post = scope.postMessage.bind(scope);
    scope.__replies = [];
    scope.postMessage = (message: unknown) => {
      scope.__replies!.push(JSON.stringify(message));
      post(message);
    };
  });
}

async function runInBrowser(page: Page): Promise<{ ok: boolean; result?: unknown }> {
  const run = page.getByRole("button", { name: "Run", exact: true });
  const result = page.getByTestId("lab-result");
  // The first run starts the worker; the second runs with the recorder in place.
  await run.click();
  await expect(result).toHaveAttribute("data-source", "browser", { timeout: 30_000 });
  const worker = page.workers().at(-1);
  if (!worker) throw new Error("the lab page started no worker");
  await recordReplies(worker);
  await run.click();
  await expect
    .poll(() => worker.evaluate(() => (self as unknown as { __replies?: string[] }).__replies?.length ?? 0))
    .toBe(1);
  const [reply] = await worker.evaluate(() => (self as unknown as { __replies: string[] }).__replies);
  return JSON.parse(reply!) as { ok: boolean; result?: unknown };
}

/** The server's verdict; a checker kept busy by another spec's hostile submissions is waited out. */
async function verifyOnServer(page: Page, labSlug: string, code: string): Promise<unknown> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const response = await page.request.post(`/labs/${labSlug}/verify`, { data: { labSlug, code } });
    if (response.status() === 200) return response.json();
    expect(response.status(), await response.text()).toBe(503);
    await page.waitForTimeout(Number(response.headers()["retry-after"] ?? 1) * 1_000);
  }
  throw new Error("the lab checker stayed busy");
}

for (const { labSlug, code, marker } of CASES) {
  test(`Chromium's worker and the server give byte-identical results: ${labSlug}`, async ({ page }) => {
    await new AuthPages(page).signUp(newLearner());
    await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 20_000 });
    await page.goto(`/labs/${labSlug}?state=${encodeLabState({ code })}`);
    await expect(page.getByTestId("code-editor").locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });

    const browser = await runInBrowser(page);
    expect(browser.ok).toBe(true);

    const server = (await verifyOnServer(page, labSlug, code)) as { result: unknown };

    expect(JSON.stringify(server.result)).toBe(JSON.stringify(browser.result));
    // The guest saw the simulated clock, in UTC: small instants from the run's start, not today's date.
    const serialized = JSON.stringify(browser.result);
    const instants = [...serialized.matchAll(new RegExp(`${marker} (\\d+) `, "g"))].map((match) => Number(match[1]));
    expect(instants.length).toBeGreaterThan(0);
    expect(instants.every((ms) => ms >= 0 && ms < 86_400_000)).toBe(true);
    expect(serialized).toContain("Thu, 01 Jan 1970 00:00:");
    expect(serialized).not.toContain(String(new Date().getUTCFullYear()));
  });
}
