import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoInstructor, demoLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";

const PUBLIC_PAGES = [
  "/",
  "/learn",
  "/learn/health-checks",
  "/practice",
  "/labs",
  "/sign-in",
  "/sign-up",
  "/forbidden",
  "/no-such-page",
];
const LEARNER_PAGES = ["/review", "/learn"];
const INSTRUCTOR_PAGES = ["/instructor"];

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe, ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("public pages", async ({ page }) => {
      for (const path of PUBLIC_PAGES) await expectNoViolations(page, path);
    });

    test("learner pages", async ({ page }) => {
      await page.goto("/sign-in");
      await new AuthPages(page).signIn(demoLearner);
      await page.waitForURL(/\/learn$/);
      for (const path of LEARNER_PAGES) await expectNoViolations(page, path);
    });

    test("instructor pages", async ({ page }) => {
      await page.goto("/sign-in");
      await new AuthPages(page).signIn(demoInstructor);
      await page.waitForURL(/\/learn$/);
      for (const path of INSTRUCTOR_PAGES) await expectNoViolations(page, path);
    });

    test("the page really is in this colour scheme", async ({ page }) => {
      await page.goto("/learn");
      await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /dark/ : /light/);
    });
  });
}

test("phone width: navigation and lesson fit without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ["/", "/learn/health-checks", "/sign-in"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Labs" }),
    ).toBeVisible();
  }
});
