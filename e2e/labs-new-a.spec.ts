import { expect, test, type Page } from "@playwright/test";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { replaceEditorText as replaceCode } from "./support/editor";

// The resource-limits, logging and secrets labs in the browser: one settings lab solved by
// keyboard and verified by the server, the secrets code lab likewise, and the lesson embeds.
const MEMORY_LAB = "size-the-batch-memory";
const SECRETS_LAB = "load-secrets-from-files";
const LOGGING_LAB = "keep-a-week-of-logs";

/** A correct loader on one line, so Monaco's auto-indent has nothing to change. */
const SECRETS_SOLUTION =
  'const fs = require("fs"); function readSecret(name) { const file = process.env[name.toUpperCase() + "_FILE"] || "/run/secrets/" + name; ' +
  'let value; try { value = fs.readFileSync(file, "utf8"); } catch (error) { throw new Error("secret " + name + " is missing: mount it at " + file); } ' +
  'return value.trim(); } globalThis.loadConfig = () => ({ dbUser: process.env.DB_USER, dbPassword: readSecret("db_password"), stripeKey: readSecret("stripe_key") });';

const result = (page: Page) => page.getByTestId("lab-result");
// The server re-runs the submission in its worker pool; on a busy machine that takes a while.
const SERVER = { timeout: 60_000 };
test.describe.configure({ timeout: 120_000 });

test("the memory lab: defaults fail on V8's heap limit, sized settings pass, by keyboard, and the server agrees", async ({
  page,
}) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible();
  await page.goto(`/labs/${MEMORY_LAB}`);

  // By keyboard: from the last setting, Tab reaches Run.
  await page.getByLabel("--max-old-space-size").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-passed", "false");
  await expect(page.getByTestId("check-list")).toContainText("V8's limit of 256 MiB");
  await expect(page.getByTestId("series-chart")).toBeVisible();
  await expect(page.getByTestId("narration")).toContainText("FATAL ERROR: Reached heap limit");

  await page.getByLabel("--memory (MiB)", { exact: true }).fill("1024");
  await page.getByLabel("--memory-swap (MiB)", { exact: true }).fill("1024");
  await page.getByLabel("--max-old-space-size").fill("768");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-source", "browser");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expectNoAxeViolations(page, "memory lab with a result");

  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server", SERVER);
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(result(page)).toContainText("This run is saved to your progress.");
});

test("the logging lab's choices are selects, and an option the daemon refuses is said in words", async ({
  page,
}) => {
  await page.goto(`/labs/${LOGGING_LAB}`);
  await page.getByLabel("--log-driver").selectOption({ label: "local" });
  await page.getByLabel("max-file").fill("1");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("result-headline")).toContainText(
    "compression cannot be enabled when max file count is 1",
  );
  await page.getByLabel("max-size").fill("50");
  await page.getByLabel("max-file").fill("30");
  await page.getByLabel("mode").selectOption({ label: "non-blocking" });
  await page.getByLabel("max-buffer-size").fill("4");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("series-chart")).toHaveCount(2);
  await expectNoAxeViolations(page, "logging lab with a result");
});

test("the secrets code lab: the starter leaks nothing but reads nothing, the loader passes and the server agrees", async ({
  page,
}) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible();
  await page.goto(`/labs/${SECRETS_LAB}`);

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result(page)).toHaveAttribute("data-passed", "false");
  await expect(page.getByTestId("check-list")).toContainText("Never read /run/secrets/db_password");
  await expect(page.getByTestId("container-logs").first()).toContainText("config loaded");

  await replaceCode(page, SECRETS_SOLUTION);
  await page.keyboard.press("Control+Enter");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("ops-result")).toContainText(
    "secret db_password is missing: mount it at /run/secrets/db_password",
  );
  await expectNoAxeViolations(page, "secrets lab with a result");

  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(result(page)).toHaveAttribute("data-source", "server", SERVER);
  await expect(result(page)).toHaveAttribute("data-passed", "true");
});

test("the lessons embed the new labs in their sections", async ({ page }) => {
  await page.goto("/learn/resource-limits");
  await expect(page.getByTestId(`lab-embed-${MEMORY_LAB}`)).toBeVisible();
  await expect(page.getByTestId("lab-embed-pick-cpus-for-p99")).toBeVisible();
  await page.goto("/learn/logging");
  await expect(page.getByTestId(`lab-embed-${LOGGING_LAB}`)).toBeVisible();
  await page.goto("/learn/configuration-and-secrets");
  await expect(page.getByTestId(`lab-embed-${SECRETS_LAB}`)).toBeVisible();
});

test("the CPU lab: one field, Enter runs it, the p99 chart shows the target", async ({ page }) => {
  await page.goto("/labs/pick-cpus-for-p99");
  await page.getByLabel("--cpus").fill("700");
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("ops-result")).toContainText("target 200 ms");
  await expectNoAxeViolations(page, "CPU lab with a result");
});
