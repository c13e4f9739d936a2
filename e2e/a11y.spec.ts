import { expect, test, type Page } from "@playwright/test";
import { demoInstructor, demoLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";

type Visitor = "anonymous" | "learner" | "instructor";
const PAGES: ReadonlyArray<readonly [string, Visitor]> = [
  ["/", "anonymous"],
  ["/learn", "anonymous"],
  ["/learn/health-checks", "anonymous"],
  ["/practice", "anonymous"],
  ["/labs", "anonymous"],
  ["/sign-in", "anonymous"],
  ["/sign-up", "anonymous"],
  ["/forbidden", "anonymous"],
  ["/no-such-page", "anonymous"],
  ["/review", "learner"],
  ["/learn", "learner"],
  ["/instructor", "instructor"],
];

async function signInAs(page: Page, visitor: Visitor) {
  if (visitor === "anonymous") return;
  await page.goto("/sign-in");
  await new AuthPages(page).signIn(visitor === "learner" ? demoLearner : demoInstructor);
  await page.waitForURL(/\/learn$/);
}

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main#main h1").first()).toBeVisible();
  // Wait for the client-filled account area so the scan sees the settled header.
  await expect(
    page.locator("header [data-testid='user-menu-button'], header a[href^='/sign-in']").first(),
  ).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page, path);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe, ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const [path, visitor] of PAGES) {
      test(`${path} (${visitor})`, async ({ page }) => {
        await signInAs(page, visitor);
        await expectNoViolations(page, path);
        await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /dark/ : /light/);
      });
    }
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
  // At this width lesson tables scroll sideways: they must be reachable by keyboard.
  await page.goto("/learn/health-checks");
  await expectNoAxeViolations(page, "/learn/health-checks at 360 px");
});
