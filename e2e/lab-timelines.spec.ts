import { expect, test, type Page } from "@playwright/test";
import { encodeLabState } from "@/components/labs/lab-state";
import { getLab } from "@/lib/labs/catalog";
import { expectNoAxeViolations } from "./support/axe";

test.describe.configure({ timeout: 90_000 });

/** Opens a lab with its worked solution already in the editor or settings, and runs it in the browser. */
async function runSolution(page: Page, slug: string) {
  const lab = getLab(slug);
  if (!lab) throw new Error(`no lab ${slug}`);
  const { solution } = lab;
  const state =
    "code" in solution ? { code: solution.code } : "params" in solution ? { params: { ...solution.params } } : null;
  if (!state) throw new Error(`${slug} has no timeline chart`);
  await page.goto(`/labs/${slug}?state=${encodeLabState(state)}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  // The sandbox and the engine run in a worker: generous on a busy machine.
  await expect(page.getByTestId("lab-result")).toHaveAttribute("data-passed", "true", { timeout: 60_000 });
  await expect(page.getByTestId("timeline-chart").first()).toBeVisible();
}

test("health chart: the outage is shaded, a focused mark shows its narration line, the data is a table", async ({
  page,
}) => {
  await runSolution(page, "report-503-when-the-database-is-down");
  const chart = page.getByTestId("timeline-chart");
  await expect(chart.getByTestId("fault-window-label")).toContainText("database down 60–150 s");
  await expect(chart).toContainText("Readiness probe");
  await expect(page.getByTestId("timeline-legend")).toContainText("Fault window");

  // Keyboard: the chart is one Tab stop; the arrow keys step from mark to mark in time order.
  const marks = chart.getByTestId("chart-mark");
  await marks.first().focus();
  const first = await marks.first().getAttribute("aria-label");
  await page.keyboard.press("ArrowRight");
  await expect(chart.locator(":focus")).not.toHaveAttribute("aria-label", first ?? "");
  await expect(chart.locator(":focus")).toHaveAttribute("tabindex", "0");
  await expect(chart.locator('[tabindex="0"]')).toHaveCount(1);

  // Focus on the Pod leaving the Service shows that event and its narration line.
  const removed = chart.getByRole("button", { name: /endpoint removed/ });
  await removed.focus();
  const readout = page.getByTestId("chart-readout");
  await expect(readout).toContainText("endpoint removed");
  const line = page.getByTestId("narration").locator('li[data-active="true"]').first();
  const narration = (await line.textContent()) ?? "";
  expect(narration).toMatch(/^t=8\d/);
  await expect(readout).toContainText(narration);

  // The narration points back at the chart.
  await page.getByText(/^Narration \(/).click();
  const probeLine = page
    .getByTestId("narration")
    .locator("li", { hasText: /readiness probe/i })
    .nth(20);
  await probeLine.hover();
  await expect(probeLine).toHaveAttribute("data-active", "true");
  await expect(chart.locator('[data-active="true"]')).toHaveCount(1);

  // By keyboard too: the list is one Tab stop and the arrow keys move from line to line.
  const narrationList = page.getByTestId("narration");
  await narrationList.focus();
  await page.keyboard.press("ArrowDown");
  await expect(narrationList.locator("li:focus")).toHaveAttribute("data-event", "0");
  await page.keyboard.press("End");
  const lastLine = Number(await narrationList.locator("li[data-event]").last().getAttribute("data-event"));
  await expect(narrationList.locator("li:focus")).toHaveAttribute("data-event", String(lastLine));
  for (let step = 0; step < 40; step++) {
    if ((await narrationList.locator("li:focus").getAttribute("data-active")) === "true") break;
    await page.keyboard.press("ArrowUp");
  }
  await expect(narrationList.locator("li:focus")).toHaveAttribute("data-active", "true");
  await expect(chart.locator('[data-active="true"]')).toHaveCount(1);

  const table = page.getByTestId("chart-data-table");
  await table.getByText(/^Chart data as a table/).click();
  await expect(table.getByRole("columnheader", { name: "What" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Fault.*database down/ })).toBeVisible();
  await expectNoAxeViolations(page, "health lab with its timeline");
});

test("shutdown chart: a lane per request, and SIGTERM, the grace deadline and the exit marked", async ({
  page,
}) => {
  await runSolution(page, "drain-under-docker-stop");
  const chart = page.getByTestId("timeline-chart");
  await expect(chart.getByRole("button", { name: /: request \w+: completed$/ })).toHaveCount(11);
  await expect(chart.getByRole("button", { name: /SIGTERM sent to node/ })).toHaveCount(1);
  await expect(chart.getByRole("button", { name: /grace period ends/ })).toHaveCount(1);
  await expect(chart.getByRole("button", { name: /exit 0$/ })).toHaveCount(1);
  await chart.getByRole("button", { name: /SIGTERM sent to node/ }).focus();
  await expect(page.getByTestId("chart-readout")).toContainText("SIGTERM");
  await expectNoAxeViolations(page, "drain lab with its timeline");
});

test("rollout chart: ready replicas against the capacity floor and surge ceiling", async ({ page }) => {
  await runSolution(page, "zero-failure-rollout");
  const chart = page.getByTestId("timeline-chart");
  await expect(chart).toContainText("capacity floor 6");
  await expect(chart).toContainText("surge ceiling 7");
  await expect(chart).toContainText("no failed requests");
  await expect(chart.getByTestId("pods-line")).toHaveCount(1);
  const table = page.getByTestId("chart-data-table");
  await table.getByText(/^Chart data as a table/).click();
  await expect(table.getByRole("columnheader", { name: "New ready" })).toBeVisible();
  await expectNoAxeViolations(page, "rollout lab with its timeline");
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the chart scrolls sideways inside its box and says so", async ({ page }) => {
    await runSolution(page, "drain-under-docker-stop");
    await expect(page.getByTestId("chart-scroll-cue")).toBeVisible();
    const scroller = page.getByTestId("chart-scroller");
    expect(await scroller.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
