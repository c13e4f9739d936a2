import { expect, test, type Page } from "@playwright/test";
import { demoInstructor, newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { QuizPage } from "./support/quiz-page";

// Every page under the real Content-Security-Policy: no violation reported by the browser (as a
// `securitypolicyviolation` event or a console error) while Monaco, the sandbox worker, charts and
// search do their work.

type Violation = { directive: string; blocked: string; source: string };

async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile }),
    );
  });
  return async () => {
    const events = await page
      .evaluate(() => (window as unknown as { cspViolations?: Violation[] }).cspViolations ?? [])
      .catch(() => []);
    return [
      ...console,
      ...events.map((event) => `${event.directive} blocked ${event.blocked} (${event.source})`),
    ];
  };
}

const PUBLIC_PAGES = [
  "/",
  "/learn",
  "/learn/health-checks",
  "/learn/zero-downtime-deployment",
  "/practice",
  "/practice/health-checks",
  "/labs",
  "/sign-in",
  "/sign-up",
  "/forbidden",
  "/no-such-page",
];

test("public pages load with zero CSP violations, and the policy is sent", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of PUBLIC_PAGES) {
    const response = await page.goto(path, { waitUntil: "domcontentloaded" });
    expect(response?.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  // Client-side navigation too (RSC fetches run no inline script).
  await page.goto("/learn");
  await page.locator("main a[href^='/learn/']").first().click();
  await expect(page).toHaveURL(/\/learn\/[a-z-]+$/);
  expect(await violations()).toEqual([]);
});

test("search works under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/learn");
  await expect(page.getByTestId("search-button")).toHaveAttribute("data-ready", "true");
  await page.keyboard.press("/");
  await page.getByTestId("search-input").fill("SIGKILL grace");
  await expect(page.getByRole("option").first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("Monaco and the QuickJS sandbox worker run a lab under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/labs/report-503-when-the-database-is-down");
  await expect(page.getByTestId("code-editor").locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("lab-result")).toHaveAttribute("data-source", "browser");
  await expect(page.getByTestId("timeline-chart")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("a quiz attempt, the review page and the learner's pages under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 20_000 });
  const quiz = new QuizPage(page);
  await quiz.start("health-checks", "practice");
  await quiz.question("hc-optional-in-production").getByLabel("True").check();
  await quiz.question("hc-optional-in-production").getByRole("button", { name: "Check answer" }).click();
  await expect(quiz.question("hc-optional-in-production").getByTestId("feedback")).toBeVisible();
  await quiz.submit();
  for (const path of ["/review", "/learn"]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  expect(await violations()).toEqual([]);
});

test("instructor pages with charts under the policy", async ({ page }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  await new AuthPages(page).signIn(demoInstructor);
  await page.waitForURL(/\/learn$/);
  await page.goto("/instructor");
  await page.getByRole("link", { name: "Demo cohort — autumn" }).click();
  await page.waitForURL(/\/instructor\/cohorts\/[^/]+$/);
  const cohortPath = new URL(page.url()).pathname;
  for (const section of ["/overview", "/items", "/grading", "/exports"]) {
    await page.goto(`${cohortPath}${section}`, { waitUntil: "domcontentloaded" });
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  await page.goto(`${cohortPath}/overview`);
  await expect(page.locator("main .recharts-surface").first()).toBeVisible({ timeout: 30_000 });
  expect(await violations()).toEqual([]);
});
