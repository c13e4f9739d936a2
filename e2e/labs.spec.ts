import { expect, test, type Page } from "@playwright/test";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { replaceCode } from "./support/code-editor";
import { encodeLabState } from "@/components/labs/lab-state";

const CODE_LAB = "report-503-when-the-database-is-down";
const CONFIG_LAB = "pick-healthcheck-flags";

/** Correct /livez and /readyz handlers on one line, so Monaco's auto-indent has nothing to change. */
const SOLUTION =
  'app.get("/livez", (req, res) => res.status(200).json({ ok: true })); ' +
  'app.get("/readyz", async (req, res) => { try { await db.ping(); res.status(200).json({ ok: true }); } ' +
  "catch (error) { res.status(503).json({ ok: false }); } });";

function result(page: Page) {
  return page.getByTestId("lab-result");
}

test("a code lab solved in the browser, verified by the server, then shown as passed", async ({ page }) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible();

  await page.goto(`/labs/${CODE_LAB}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report 503 when the database is down");
  await expect(page.getByRole("link", { name: "Health checks" }).last()).toHaveAttribute(
    "href",
    /\/learn\/health-checks#/,
  );

  // The starter fails in the browser.
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-source", "browser");
  await expect(result(page)).toHaveAttribute("data-passed", "false");
  await expect(page.getByTestId("result-source")).toHaveText("Run in your browser (not recorded)");
  await expect(page.getByTestId("check-list")).toContainText("Failed:");
  await expect(page.getByTestId("timeline-chart")).toBeVisible();
  await expect(page.getByTestId("lab-announcer")).toContainText("not passed");
  expect(new URL(page.url()).searchParams.get("state")).toBeTruthy();

  // A correct handler passes, run with Ctrl+Enter from the editor.
  await replaceCode(page, SOLUTION);
  await page.keyboard.press("Control+Enter");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("result-headline")).toContainText("Passed");

  // The link reproduces the code.
  const link = page.url();
  await page.goto(link);
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { labEditor?: { getValue(): string } }).labEditor?.getValue(),
      ),
    )
    .toBe(SOLUTION);

  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server");
  await expect(page.getByTestId("result-source")).toHaveText("Verified by the server");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(result(page)).toContainText("This run is saved to your progress.");

  await page.goto("/labs");
  await expect(page.getByTestId(`lab-${CODE_LAB}`).getByTestId("passed-badge")).toHaveText("Passed");
  await expect(page.getByTestId(`lab-${CONFIG_LAB}`).getByTestId("passed-badge")).toHaveCount(0);
});

test("a config lab solved by setting its inputs", async ({ page }) => {
  await page.goto(`/labs/${CONFIG_LAB}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "false");

  // Out of bounds is caught in words before anything runs.
  await page.getByLabel("--timeout").fill("99");
  await expect(page.getByText("--timeout must be between 1 and 30.")).toBeVisible();

  await page.getByLabel("--interval").fill("5");
  await page.getByLabel("--timeout").fill("3");
  await page.getByLabel("--start-period").fill("10");
  await page.getByLabel("--retries").fill("2");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-source", "browser");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  // Two runs, two timelines.
  await expect(page.getByTestId("timeline-chart")).toHaveCount(2);

  // Anonymous visitors run in the browser only: submitting asks them to sign in.
  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(page.getByTestId("lab-message")).toHaveAttribute("data-kind", "sign-in");
  await expect(page.getByTestId("lab-message")).toContainText("Sign in to submit");
  await expect(page.getByTestId("lab-message").getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    /^\/sign-in\?next=%2Flabs%2Fpick-healthcheck-flags%3Fstate%3D/,
  );

  // Hints come one at a time; the solution only after a confirmation.
  await page.getByRole("button", { name: "Hint (1 of 3)" }).click();
  await page.getByRole("button", { name: "Hint (2 of 3)" }).click();
  await expect(page.getByRole("heading", { name: "Hints" }).locator("..").getByRole("listitem")).toHaveCount(
    2,
  );
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByLabel("--interval")).toHaveValue("30");
  await page.getByRole("button", { name: "Reveal solution" }).click();
  await page.getByRole("button", { name: "Yes, show the solution" }).click();
  await expect(page.getByTestId("solution")).toContainText("--interval=5s");
  await expect(page.getByLabel("--interval")).toHaveValue("5");
});

test("the server's verdict wins over a pass seen in the browser", async ({ page }) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible();
  await page.goto(`/labs/${CODE_LAB}`);
  // Reveal and run the worked solution: the browser says passed.
  await page.getByRole("button", { name: "Reveal solution" }).click();
  await page.getByRole("button", { name: "Yes, show the solution" }).click();
  await expect(page.getByTestId("solution")).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "true");

  // Back to the starter without running, then submit: the server runs what was sent and fails it.
  await page.getByRole("button", { name: "Reset" }).click();
  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server");
  await expect(result(page)).toHaveAttribute("data-passed", "false");
  await expect(page.getByTestId("result-headline")).toContainText("Not passed yet");
});

test("a syntax error comes back with its line number", async ({ page }) => {
  await page.goto(`/labs/${CODE_LAB}`);
  await replaceCode(page, 'app.get("/health", (req, res) => { res.status(200).json( });');
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("code-error")).toContainText(/Error in your code at line \d/);
});

test("a code lab's experiment: a chapter example plus a fault, run and seen, never graded", async ({
  page,
}) => {
  await page.goto(`/labs/${CODE_LAB}`);
  await replaceCode(page, SOLUTION);
  await page.getByRole("button", { name: "Experiment", exact: true }).click();
  const panel = page.getByTestId("experiment-panel");
  await expect(panel.getByRole("heading", { name: "Experiment: change the scenario" })).toBeVisible();

  // The chapter example fills the probe settings.
  await panel
    .getByLabel("Example", { exact: true })
    .selectOption({ label: "Kubernetes' defaults: every 10 s, 1 s timeout, 3 failures" });
  await panel.getByRole("button", { name: "Use this example" }).click();
  await expect(panel.getByTestId("preset-status")).toContainText("Filled in the chapter example");
  await expect(panel.getByLabel("timeoutSeconds")).toHaveValue("1");

  // The lab's outage becomes a database hang from 100 s to 160 s; out of bounds is caught in words first.
  const fault = panel.getByRole("group", { name: "Fault 1" });
  await fault.getByLabel("What happens").selectOption("hang");
  await fault.getByLabel("From (seconds)").fill("100");
  await fault.getByLabel("Until (seconds)").fill("999");
  await expect(fault.getByText("Fault 1: “until” must be within the run (at most 210 s).")).toBeVisible();
  await fault.getByLabel("Until (seconds)").fill("160");
  await expect(fault.getByText(/must be within the run/)).toHaveCount(0);

  await panel.getByRole("button", { name: "Run my experiment" }).click();
  const experiment = page.getByTestId("experiment-result");
  await expect(experiment.getByTestId("result-source")).toHaveText("Experiment — not graded");
  await expect(experiment.getByTestId("experiment-description")).toContainText(
    "Chapter example: Kubernetes' probe defaults",
  );
  await expect(experiment.getByTestId("experiment-description")).toContainText(
    "The database stops answering (calls hang) from 100 s until 160 s.",
  );
  // The effect: the readiness probes during the hang are abandoned at the 1 s timeout.
  await expect(experiment.getByTestId("experiment-headline")).toContainText("probes failed");
  await expect(experiment.getByTestId("timeline-chart")).toBeVisible();
  await expect(experiment.getByTestId("narration")).toContainText("timed out after 1s");
  // The grade is still judged on the lab's own scenario, where this handler passes.
  await expect(experiment.getByTestId("graded-checks")).toContainText(
    "Graded on the lab’s own scenario: 6 of 6 checks pass",
  );
  await expect(page.getByTestId("lab-announcer")).toContainText("Experiment — not graded");

  // The link reproduces the experiment, panel open.
  const link = page.url();
  expect(new URL(link).searchParams.get("state")).toBeTruthy();
  await page.goto(link);
  const reopened = page.getByTestId("experiment-panel").getByRole("group", { name: "Fault 1" });
  await expect(reopened.getByLabel("From (seconds)")).toHaveValue("100");
  await expect(reopened.getByLabel("What happens")).toHaveValue("hang");
});

test("a lab embedded in its lesson opens in place and runs there", async ({ page }) => {
  await page.goto("/learn/health-checks");
  const embed = page.getByTestId(`lab-embed-${CODE_LAB}`);
  await expect(embed.getByRole("heading", { name: "Report 503 when the database is down" })).toBeVisible();
  await expect(embed.getByRole("link", { name: /full screen/ })).toHaveAttribute("href", `/labs/${CODE_LAB}`);
  // Far down the page and not asked for yet: no workbench, no editor.
  await expect(embed.getByTestId("code-editor")).toHaveCount(0);

  // Dispatched without scrolling, so it is the button (not the lab scrolling into view) that opens it.
  const open = embed.getByRole("button", { name: "Open the lab here" });
  await expect(open).toBeEnabled(); // enabled once the page is interactive
  await open.dispatchEvent("click");
  await expect(embed.getByTestId("code-editor").locator(".monaco-editor")).toBeVisible();
  await embed.getByRole("button", { name: "Run", exact: true }).click();
  await expect(embed.getByTestId("lab-result")).toHaveAttribute("data-passed", "false");
  await expect(embed.getByTestId("timeline-chart")).toBeVisible();
  // The lesson's own address is left alone.
  expect(new URL(page.url()).searchParams.get("state")).toBeNull();

  // Another lab further down loads by itself once it scrolls into view.
  const other = page.getByTestId("lab-embed-keep-liveness-shallow");
  await other.scrollIntoViewIfNeeded();
  await expect(other.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "/learn/health-checks with embedded labs open");
});

test("an unknown lab is a 404", async ({ page }) => {
  const response = await page.goto("/labs/no-such-lab");
  expect(response?.status()).toBe(404);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no axe violations on /labs and a lab page with its result (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/labs");
    await expect(page.locator("html")).toHaveClass(new RegExp(colorScheme));
    await expectNoAxeViolations(page, `/labs (${colorScheme})`);

    await page.goto(`/labs/${CODE_LAB}`);
    await expect(page.getByTestId("code-editor").locator(".monaco-editor")).toBeVisible();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(result(page)).toBeVisible();
    await page.getByRole("button", { name: "Hint (1 of 3)" }).click();
    await expectNoAxeViolations(page, `/labs/${CODE_LAB} (${colorScheme})`);

    await page.goto(`/labs/${CONFIG_LAB}`);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(result(page)).toBeVisible();
    await expectNoAxeViolations(page, `/labs/${CONFIG_LAB} (${colorScheme})`);
  });
}

test("a link whose experiment does not fit the lab says so and shows the lab's own scenario", async ({
  page,
}) => {
  const state = encodeLabState({ code: "// mine", experiment: { durationSeconds: 5, faults: "lots" } });
  await page.goto(`/labs/report-503-when-the-database-is-down?state=${state}`);
  await expect(page.getByTestId("lab-message")).toHaveText(
    "The experiment in this link does not fit this lab, so the lab's own scenario is shown instead.",
  );
  await expect(page.getByTestId("experiment-panel")).toHaveCount(0);
});
