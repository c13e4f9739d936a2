import { expect, test, type Page } from "@playwright/test";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";

async function lessonLinks(page: Page): Promise<string[]> {
  await page.goto("/learn");
  const links = page.getByTestId("course-map").getByRole("link");
  await expect(links.first()).toBeVisible();
  return links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
}

test.describe("every lesson", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`renders highlighted code, a working table of contents and no axe violations (${colorScheme})`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      const paths = await lessonLinks(page);
      expect(paths.length).toBeGreaterThanOrEqual(10);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        const code = page.locator("figure[data-code-figure] pre.shiki");
        expect(await code.count(), `${path} has code blocks`).toBeGreaterThan(0);
        expect(await code.locator("span.line > span[class]").count(), `${path} is highlighted`).toBeGreaterThan(
          10,
        );
        await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeAttached();

        const toc = page.getByRole("navigation", { name: "On this page" }).last();
        const tocLinks = toc.getByRole("link");
        const second = tocLinks.nth(1);
        const hash = (await second.getAttribute("href"))!;
        await second.click();
        await expect(page).toHaveURL(new RegExp(`${hash}$`));
        await expect(page.locator(`[id="${hash.slice(1)}"]`)).toBeInViewport();
        await expect(second).toHaveAttribute("aria-current", "location");

        await expectNoAxeViolations(page, `${path} (${colorScheme})`);
      }
    });
  }
});

test("search opens with / and Ctrl+K, works by keyboard and lands on the section", async ({ page }) => {
  await page.goto("/learn");
  // The shortcut listens once the page has hydrated; a key pressed before that reaches nothing.
  await expect(page.getByTestId("search-button")).toHaveAttribute("data-ready", "true");
  await page.keyboard.press("/");
  const input = page.getByTestId("search-input");
  await expect(input).toBeFocused();
  await input.fill("SIGKILL grace");
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  const heading = (await options.nth(1).locator("span").nth(1).textContent())!;
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/learn\/[a-z-]+#[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name: heading, exact: true }).first()).toBeInViewport();

  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();
  await input.fill("zzzzqqq");
  await expect(page.getByText("No section mentions “zzzzqqq”.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(input).toBeHidden();
});

test("an anonymous reader's progress is kept in the browser and merged into the account on sign-up", async ({
  page,
}) => {
  await page.goto("/learn/logging");
  const progress = page.getByTestId("lesson-progress");
  await expect(progress.getByText("Progress is kept in this browser.")).toBeVisible();
  await progress.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(progress.getByText("Lesson complete")).toBeVisible();

  await page.goto("/learn");
  await expect(page.getByTestId("course-progress")).toContainText("1 of");
  await expect(page.locator("a[href='/learn/logging'][data-progress]")).toHaveAttribute(
    "data-progress",
    "complete",
  );

  const learner = newLearner();
  await new AuthPages(page).signUp(learner);
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByTestId("course-progress")).toContainText("1 of");
  expect(await page.evaluate(() => window.localStorage.getItem("shipshape.lessonProgress.v1"))).toBeNull();

  // It now lives in the account: a fresh browser context signed in sees it.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await new AuthPages(otherPage).signIn(learner);
  await expect(otherPage.getByTestId("course-progress")).toContainText("1 of");
  await expect(otherPage.locator("a[href='/learn/logging'][data-progress]")).toHaveAttribute(
    "data-progress",
    "complete",
  );
  await other.close();
});

test("reaching the end completes a lesson, and the course map says where to continue", async ({ page }) => {
  const learner = newLearner();
  await new AuthPages(page).signUp(learner);
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByTestId("continue-link")).toContainText("Start: Health checks");

  await page.goto("/learn/health-checks");
  const progress = page.getByTestId("lesson-progress");
  await expect(progress.getByRole("button", { name: "Mark lesson complete" })).toBeVisible();
  await progress.scrollIntoViewIfNeeded();
  await expect(progress.getByText("Lesson complete")).toBeVisible();
  await expect(progress.getByText("Saved to your account")).toBeVisible();

  // Opened, not finished: the visit is saved by a server action (a POST to the page's URL).
  const visitSaved = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && new URL(response.url()).pathname === "/learn/logging",
  );
  await page.goto("/learn/logging");
  await visitSaved;
  await page.goto("/learn");
  await expect(page.locator("a[href='/learn/health-checks'][data-progress]")).toHaveAttribute(
    "data-progress",
    "complete",
  );
  await expect(page.locator("a[href='/learn/logging'][data-progress]")).toHaveAttribute(
    "data-progress",
    /started|complete/,
  );
});
