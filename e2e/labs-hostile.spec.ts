import { expect, test, type Page } from "@playwright/test";
import { encodeLabState } from "@/components/labs/lab-state";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { captureVariants } from "./support/capture";

// What a signed-in learner sees when the server stops hostile code, or is too busy to check it.
// Each state is also captured in light, dark and phone width (screenshots/labs-hostile/, git-ignored).
const LAB = "report-503-when-the-database-is-down";
const handler = (body: string) => `const hostile = async (req, res) => {\n${body}\n};\nfor (const path of ["/health", "/livez", "/readyz"]) app.get(path, hostile);`;
const MEMORY_BOMB = handler('  const a = [];\n  while (true) { a.push("x".repeat(1e6)); }');
const CPU_BURN = handler("  for (let i = 0; i < 3e7; i++) {}\n  res.send('ok');");
const LOOP = handler("  while (true) {}");

test.describe.configure({ mode: "serial" });
// Each test signs up, loads Monaco and waits for the server to stop hostile code: slower than 30 s on a busy box.
test.setTimeout(120_000);

async function openWith(page: Page, code: string) {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 20_000 });
  await page.goto(`/labs/${LAB}?state=${encodeLabState({ code })}`);
  await expect(page.getByTestId("code-editor").locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
}

test("a memory bomb ends in the memory message", async ({ page }) => {
  await openWith(page, MEMORY_BOMB);
  await page.getByRole("button", { name: "Submit solution" }).click();
  const result = page.getByTestId("lab-result");
  await expect(result).toHaveAttribute("data-source", "server", { timeout: 30_000 });
  await expect(page.getByTestId("result-headline")).toContainText("more than 24 MiB of memory");
  await captureVariants(page, "labs-hostile", "memory", page.getByTestId("result-headline"));
});

test("a handler that burns CPU on every probe ends in the CPU budget message", async ({ page }) => {
  await openWith(page, CPU_BURN);
  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(page.getByTestId("lab-result")).toHaveAttribute("data-source", "server", { timeout: 30_000 });
  // The CPU budget, or on a loaded machine the wall-clock deadline, whichever comes first.
  await expect(page.getByTestId("result-headline")).toContainText(
    /more than 1000 ms of CPU time|busy for more than 5 s/,
  );
  await captureVariants(page, "labs-hostile", "cpu", page.getByTestId("result-headline"));
});

test("a full checker says it is busy and when to try again", async ({ page }) => {
  await openWith(page, LOOP);
  // Fill the pool: one loop per worker plus the queue (the e2e server has 1 worker, queue 4),
  // until the server itself answers 503; then the learner submits.
  const post = () => page.request.post(`/labs/${LAB}/verify`, { data: { labSlug: LAB, code: LOOP } });
  const fillers = Array.from({ length: 5 }, post);
  await expect.poll(async () => (await post()).status(), { timeout: 90_000 }).toBe(503);
  await page.getByRole("button", { name: "Submit solution" }).click();
  await expect(page.getByTestId("lab-message")).toHaveAttribute("data-kind", "busy", { timeout: 30_000 });
  await expect(page.getByTestId("lab-message")).toContainText(
    /The lab checker is busy\. Try again in \d+ s\./,
  );
  await expectNoAxeViolations(page, "busy message");
  await captureVariants(page, "labs-hostile", "busy", page.getByTestId("lab-message"));
  await Promise.all(fillers);
});
