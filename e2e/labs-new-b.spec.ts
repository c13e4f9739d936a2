import { expect, test, type Page } from "@playwright/test";
import { encodeLabState } from "@/components/labs/lab-state";
import { getLab } from "@/lib/labs/catalog";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { replaceEditorText } from "./support/editor";

// The text labs: a PromQL query and a Dockerfile written in Monaco, commands typed at a prompt.
const QUERY_LAB = "p99-latency-per-route";
const PROMPT_LAB = "find-the-restart-loop";
const DOCKERFILE_LAB = "harden-the-dockerfile";
const QUERY = "histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))";

// The worker pool and the incident host take a while on a loaded machine.
test.setTimeout(180_000);

const result = (page: Page) => page.getByTestId("lab-result");
test("a PromQL text lab: the starter fails, the learner's query passes in the browser and on the server", async ({ page }) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 30_000 });
  await page.goto(`/labs/${QUERY_LAB}`);
  await expect(page.getByText("Your PromQL")).toBeVisible();

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "false");
  await expect(page.getByTestId("check-list")).toContainText("aggregate them");

  await replaceEditorText(page, QUERY);
  await page.keyboard.press("Control+Enter");
  await expect(result(page)).toHaveAttribute("data-source", "browser");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(result(page).getByRole("table").first()).toContainText("/search");
  // Over the whole run: one chart per route, the learner's line on the reference's.
  const overTime = page.getByTestId("query-charts");
  await expect(overTime.getByTestId("query-chart")).toHaveCount(3);
  const search = overTime.getByTestId("query-chart").nth(2);
  await expect(search.getByTestId("series-chart")).toBeVisible();
  await expect(search.getByTestId("series-moment")).toHaveCount(3);
  await expect(search.getByRole("list")).toContainText("expected (the reference query)");
  await expect(search.getByRole("list")).toContainText("/search slow from 25:00");
  await search.getByText(/: the numbers$/).click();
  await expect(search.getByRole("row", { name: /^40:00 2475 2475$/ })).toBeVisible();
  await expectNoAxeViolations(page, "the PromQL lab with a passed result");

  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(result(page)).toContainText("This run is saved to your progress.");
});

test("a command lab by keyboard alone: investigate at the prompt, name cause and fix, verified by the server", async ({ page }) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 30_000 });
  await page.goto(`/labs/${PROMPT_LAB}`);

  const input = page.getByRole("textbox", { name: "Command" });
  await input.focus();
  await page.keyboard.type("docker ps");
  await page.keyboard.press("Enter");
  const entries = page.getByTestId("command-entry");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Up 30 seconds");

  await page.keyboard.type("docker events --since 30m --filter event=die");
  await page.keyboard.press("Enter");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toContainText("exitCode=137");

  // ↑ brings back the last command; a mistake answers like the docker CLI does.
  await page.keyboard.press("ArrowUp");
  await expect(input).toHaveValue("docker events --since 30m --filter event=die");
  await input.fill("docker exec shop-api cat /sys/fs/cgroup/memory.events");
  await page.keyboard.press("Enter");
  await expect(entries.nth(2)).toContainText("oom_kill 10");
  await input.fill("docker restart shop-api");
  await page.keyboard.press("Enter");
  await expect(entries.nth(3)).toContainText("not available at this prompt");

  // The answer, by keyboard: Tab to each select, choose with the keyboard.
  await page.getByLabel("Root cause", { exact: true }).focus();
  await page.getByLabel("Root cause", { exact: true }).selectOption("oom-kill");
  await page.getByLabel("Fix", { exact: true }).selectOption("raise-memory-cap-heap");
  await page.getByRole("button", { name: "Run", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("commands-used").getByRole("listitem")).toHaveCount(4);
  // docker events looked back in time: the container's life is drawn, the loop plain to see.
  const chart = page.getByTestId("timeline-chart");
  await expect(chart).toBeVisible();
  await expect(chart.getByRole("button", { name: /kernel OOM kill/ })).toHaveCount(10);
  await expect(chart.getByRole("button", { name: /died: exit 137/ })).toHaveCount(10);
  await chart.getByRole("button", { name: "11:03: died: exit 137" }).focus();
  await expect(page.getByTestId("chart-readout")).toContainText("killed by SIGKILL (128 + 9)");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("chart-readout")).toContainText("State: restarting (0.1 s)");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("chart-readout")).toContainText("restarted (1)");
  const legend = page.getByTestId("timeline-legend");
  await expect(legend).toContainText("Restart");
  await expect(legend).toContainText("Exit");
  await expect(page.getByTestId("chart-data-table")).toContainText("Chart data as a table");
  await expectNoAxeViolations(page, "the incident lab with a passed result");

  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("commands-used")).toContainText("docker restart shop-api");
});

/** Opens a text lab with its worked solution in the editor (or prompt) and runs it in the browser. */
test("the Dockerfile lab: the starter fails its hardening checks, a hardened Dockerfile typed in passes and the server agrees", async ({
  page,
}) => {
  const lab = getLab(DOCKERFILE_LAB);
  if (!lab || !("text" in lab.solution)) throw new Error(`${DOCKERFILE_LAB} is not a text lab`);
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 30_000 });
  await page.goto(`/labs/${DOCKERFILE_LAB}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "false", { timeout: 60_000 });
  // Each failed check says what is wrong in words and names the instruction to blame.
  await expect(page.getByTestId("check-list")).toContainText("The container runs as a non-root user");
  await expect(page.getByTestId("check-list")).toContainText("Line 8: CMD npm start is shell form");

  await replaceEditorText(page, lab.solution.text);
  await page.keyboard.press("Control+Enter");
  await expect(result(page)).toHaveAttribute("data-source", "browser");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(result(page)).toContainText("Checks (9 of 9 passed)");
  await expectNoAxeViolations(page, "the Dockerfile lab with a passed result");

  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
});

async function runTextSolution(page: Page, slug: string) {
  const lab = getLab(slug);
  if (!lab || !("text" in lab.solution)) throw new Error(`${slug} is not a text lab`);
  const { text, answer } = lab.solution;
  await page.goto(`/labs/${slug}?state=${encodeLabState(answer ? { text, answer } : { text })}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "true", { timeout: 60_000 });
}

test("the alerting lab charts each run: value against threshold, alert state band, trouble shaded, data as a table", async ({
  page,
}) => {
  await runTextSolution(page, "alert-on-error-rate");
  const charts = page.getByTestId("timeline-chart");
  await expect(charts).toHaveCount(2);
  const outage = charts.first();
  await expect(outage.getByTestId("fault-window-label")).toContainText("2 % errors");
  await expect(outage.getByTestId("line-plot")).toBeVisible();
  await expect(outage.getByTestId("line-threshold")).toContainText("threshold > 0.01");
  await expect(outage).toContainText("Alert state");
  await expect(outage).toContainText("must fire by 15:00");
  const legend = page.getByTestId("timeline-legend").first();
  await expect(legend).toContainText("Value compared with 0.01");
  await expect(legend).toContainText("Threshold (threshold > 0.01)");
  await expect(legend).toContainText("Fault window");

  // Focus on the pending span shows it and the narration line that says why.
  await outage.getByRole("button", { name: "10:30–12:30: pending" }).focus();
  const readout = page.getByTestId("chart-readout").first();
  await expect(readout).toContainText("10:30–12:30 · Alert state: pending");
  await expect(readout).toContainText("Pending: the value is 0.0126, over 0.01");
  await page.keyboard.press("ArrowRight");
  await expect(readout).toContainText("12:30 — Firing: the condition has held for 2m");

  // The blip's run: pending, then dropped without firing.
  const blip = charts.nth(1);
  await expect(blip.getByTestId("fault-window-label")).toContainText("every request fails");
  await expect(blip.getByRole("button", { name: /pending/ })).toHaveCount(1);
  await expect(blip.getByRole("button", { name: /firing/ })).toHaveCount(0);

  // The data as a table: one row per evaluation.
  const table = page.getByTestId("chart-data-table").first();
  await expect(table).toContainText("(121 rows)");
  await table.getByText(/^Chart data as a table/).click();
  await expect(table.getByRole("row", { name: /^10:30 0\.0126 pending/ })).toBeVisible();
  await expectNoAxeViolations(page, "the alerting lab with its charts");
});

test("the backup lab charts the orders: in the database, in the backup, in the restore, the backup moment marked", async ({
  page,
}) => {
  await runTextSolution(page, "back-up-and-restore-orders");
  const section = page.getByTestId("orders-chart");
  await expect(section).toContainText("orders-restore answers for 1210");
  await expect(section.getByTestId("series-chart")).toBeVisible();
  await expect(section.getByTestId("series-moment")).toContainText("orders.dump dumped");
  await expect(section.getByRole("list")).toContainText("in orders-db");
  await expect(section.getByRole("list")).toContainText("in orders-restore");
  await expect(section.getByRole("list")).toContainText("orders.dump dumped at 5.2 s");
  await section.getByText(/: the numbers$/).click();
  await expect(section.getByRole("row", { name: /^20\.5 s 1240 1210 1210$/ })).toBeVisible();
  await expectNoAxeViolations(page, "the backup lab with its orders chart");
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the text labs' charts scroll sideways inside their boxes and say so", async ({ page }) => {
    await runTextSolution(page, "alert-on-error-rate");
    await expect(page.getByTestId("chart-scroll-cue").first()).toBeVisible();
    const scroller = page.getByTestId("chart-scroller").first();
    expect(await scroller.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    await runTextSolution(page, "p99-latency-per-route");
    const cues = page.getByTestId("query-charts").getByTestId("chart-scroll-cue");
    await expect(cues).toHaveCount(3);
    await expect(cues.first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
