import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { demoInstructor, newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { QuizPage } from "./support/quiz-page";

// The demo instructor's walk through the seeded demo cohort (30 synthetic learners plus the demo
// learner): roster → learner → grading → item analysis → exports, with axe on every page.

const COHORT_NAME = "Demo cohort — autumn";

// One after another in one worker: two of these tests grade answers in the same queue and one counts it.
test.describe.configure({ mode: "default" });

async function signInAsInstructor(page: Page) {
  await page.goto("/sign-in");
  await new AuthPages(page).signIn(demoInstructor);
  await page.waitForURL(/\/learn$/);
}

async function openDemoCohort(page: Page): Promise<string> {
  await page.goto("/instructor");
  await page.getByRole("link", { name: COHORT_NAME }).click();
  await page.waitForURL(/\/instructor\/cohorts\/[^/]+$/);
  return new URL(page.url()).pathname;
}

const numberIn = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).locator("strong").first().textContent())?.replace(/\D/g, ""));

test("the demo instructor walks from the roster to a learner, grades an answer and exports grades", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsInstructor(page);
  const cohortPath = await openDemoCohort(page);

  // Roster: every learner, filters and sorting.
  await expect(page.getByRole("heading", { name: "Roster" })).toBeVisible();
  const rows = page.getByTestId("roster-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(30);
  // 30 synthetic learners and the demo learner, plus anyone another test has just joined.
  await expect(page.getByTestId("roster-count")).toContainText(/3\d learners/);
  await expectNoAxeViolations(page, "roster");
  const firstName = (await rows.first().getByRole("link").first().textContent())!.trim();
  await page.getByTestId("roster-search").fill(firstName);
  await expect(rows).toHaveCount(1);
  await page.getByTestId("roster-search").fill("");
  await page.getByRole("button", { name: /^Quiz avg/ }).click();
  await expect(page.getByRole("columnheader", { name: /Quiz avg/ })).toHaveAttribute(
    "aria-sort",
    /ascending|descending/,
  );

  // A learner with activity: the most progressed one after sorting by progress.
  await page.getByRole("button", { name: /^Progress/ }).click();
  const header = page.getByRole("columnheader", { name: /^Progress/ });
  if ((await header.getAttribute("aria-sort")) !== "descending")
    await page.getByRole("button", { name: /^Progress/ }).click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const learnerLink = rows.first().getByRole("link").first();
  const learnerName = (await learnerLink.textContent())!.trim();
  await learnerLink.click();
  await expect(page.getByTestId("learner-name")).toContainText(learnerName);
  await expect(page.getByTestId("learner-timeline")).toBeVisible();
  await expect(page.getByTestId("learner-attempts")).toBeVisible();
  await expect(page.getByTestId("learner-lab-runs")).toBeVisible();
  await expect(page.getByTestId("learner-review-health")).toBeVisible();
  await expectNoAxeViolations(page, "learner page");

  // Grading: the oldest waiting interview answer, graded by keyboard.
  await page
    .getByRole("navigation", { name: "Cohort sections" })
    .getByRole("link", { name: "Grading" })
    .click();
  await expect(page.getByRole("heading", { name: "Grading", level: 1 })).toBeVisible();
  const waitingBefore = await numberIn(page, "waiting-count");
  expect(waitingBefore).toBeGreaterThan(0);
  await expect(page.getByTestId("learner-answer")).toBeVisible();
  await expect(page.getByTestId("rubric-coverage")).toBeVisible();
  await expectNoAxeViolations(page, "grading queue");
  const form = page.getByTestId("grading-form");
  const groups = form.getByRole("radiogroup");
  const points = await groups.count();
  expect(points).toBeGreaterThanOrEqual(3);
  for (let index = 0; index < points; index += 1)
    await groups.nth(index).getByRole("radio", { name: "Full" }).check();
  await expect(page.getByTestId("computed-score")).toContainText("100");
  await form.getByRole("textbox").last().fill("Clear and complete: you covered every point.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("waiting-count").locator("strong").first()).toHaveText(
    String(waitingBefore - 1),
  );

  // Item analysis: a quiz, then one of its questions.
  await page
    .getByRole("navigation", { name: "Cohort sections" })
    .getByRole("link", { name: "Item analysis" })
    .click();
  await expect(page.getByRole("heading", { name: "Item analysis", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Lesson quizzes" })).toBeVisible();
  await expect(page.locator("main dt", { hasText: "Cronbach's α" })).toBeVisible();
  await expectNoAxeViolations(page, "item analysis");
  await page.getByRole("navigation", { name: "Lesson quizzes" }).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/\/items\?quiz=/);
  const questionLink = page.locator("main table a").first();
  await questionLink.click();
  await expect(page).toHaveURL(/\/items\/[a-z0-9-]+$/);
  await expectNoAxeViolations(page, "question analysis");

  // Charts.
  await page.goto(`${cohortPath}/overview`);
  await expect(page.locator("main .recharts-surface").first()).toBeVisible();
  await expectNoAxeViolations(page, "charts");

  // Exports: grades.csv through the progress-reporting download.
  await page.goto(`${cohortPath}/exports`);
  await expectNoAxeViolations(page, "exports");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download grades.csv" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^demo-cohort-autumn-grades-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Name,Email,Joined \(UTC\),Lessons completed \(of 10\),/);
  expect(lines.some((line) => line.startsWith(`${learnerName},`))).toBe(true);
  expect(lines.length - 1).toBeGreaterThanOrEqual(31);
  await expect(page.getByTestId("download-grades-status")).toContainText(/3\d/);
});

test("a learner joins the demo cohort by its link and appears on the roster", async ({ browser }) => {
  const learner = newLearner();
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await new AuthPages(learnerPage).signUp(learner);
  await learnerPage.waitForURL(/\/learn$/);
  await learnerPage.goto("/join/grace-234");
  await expect(learnerPage.getByRole("heading", { name: `Join ${COHORT_NAME}?` })).toBeVisible();
  await expectNoAxeViolations(learnerPage, "join confirmation");
  await learnerPage.getByRole("button", { name: `Join ${COHORT_NAME}` }).click();
  await expect(learnerPage.getByRole("heading", { name: `You joined ${COHORT_NAME}` })).toBeVisible();
  // The learner cannot open the cohort's instructor pages.
  const forbidden = await learnerPage.goto("/instructor");
  expect(forbidden?.status()).toBe(403);
  await learnerContext.close();

  const instructorContext = await browser.newContext();
  const page = await instructorContext.newPage();
  await signInAsInstructor(page);
  await openDemoCohort(page);
  await page.getByTestId("roster-search").fill(learner.name);
  await expect(page.getByTestId("roster-row")).toHaveCount(1);
  await expect(page.getByTestId("roster-row")).toContainText("0%");
  await instructorContext.close();
});

test("an interview answer graded in the queue: shown literally to the instructor, feedback seen by the learner", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const learner = newLearner();
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await new AuthPages(learnerPage).signUp(learner);
  await learnerPage.waitForURL(/\/learn$/);
  await learnerPage.goto("/join/GRACE234");
  await learnerPage.getByRole("button", { name: `Join ${COHORT_NAME}` }).click();
  await expect(learnerPage.getByRole("heading", { name: `You joined ${COHORT_NAME}` })).toBeVisible();

  const quiz = new QuizPage(learnerPage);
  await quiz.start("health-checks", "check");
  const attemptUrl = learnerPage.url();
  const hostile = "<img src=x onerror=alert(1)>";
  await quiz
    .question("hc-interview-probe-design")
    .getByRole("textbox")
    .fill(`Liveness checks only the process itself. ${hostile} Readiness checks the database.`);
  await quiz.expectAllSaved();
  await quiz.submit();

  const instructorContext = await browser.newContext();
  const page = await instructorContext.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAsInstructor(page);
  const cohortPath = await openDemoCohort(page);
  await page.goto(`${cohortPath}/grading`);
  await page
    .getByTestId("grading-queue")
    .getByRole("link", { name: new RegExp(learner.name) })
    .click();
  await expect(page.getByTestId("learner-answer")).toContainText(hostile);
  expect(await page.getByTestId("learner-answer").locator("img").count()).toBe(0);
  // The same evidence the learner sees: each point with the sentence that earned it.
  await expect(page.getByTestId("rubric-coverage").getByTestId("evidence").first()).toHaveText(
    "Liveness checks only the process itself.",
  );
  const groups = page.getByTestId("grading-form").getByRole("radiogroup");
  await groups.first().getByRole("radio", { name: "Full" }).check();
  for (let index = 1; index < (await groups.count()); index += 1)
    await groups.nth(index).getByRole("radio", { name: "None" }).check();
  await page
    .getByLabel("Overall comment (optional)")
    .fill("Good split of liveness and readiness; now add timeouts.");
  await page.getByRole("button", { name: /^Save( and next)?$/ }).click();
  await expect(page.getByRole("button", { name: "Saving…" })).toHaveCount(0);
  await expect(async () => {
    await page.goto(`${cohortPath}/grading?filter=graded`);
    await expect(page.getByTestId("grading-queue")).toContainText(learner.name, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect(dialogs).toEqual([]);
  await instructorContext.close();

  await learnerPage.goto(attemptUrl);
  const review = learnerPage.getByTestId("instructor-review");
  await expect(review).toContainText("From your instructor");
  await expect(review).toContainText("Good split of liveness and readiness; now add timeouts.");
  await expect(learnerPage.getByTestId("instructor-points")).toBeVisible();
  await expect(learnerPage.getByTestId("interview-evidence")).toContainText("Automatic score");
  await learnerContext.close();
});

test.describe("instructor pages in dark mode", () => {
  test.use({ colorScheme: "dark" });
  test("every cohort section passes axe", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAsInstructor(page);
    const cohortPath = await openDemoCohort(page);
    await expect(page.locator("html")).toHaveClass(/dark/);
    for (const section of ["", "/overview", "/items", "/grading", "/exports"]) {
      await page.goto(cohortPath + section);
      await expect(page.locator("main#main h1").first()).toBeVisible();
      await expectNoAxeViolations(page, `${cohortPath + section} (dark)`);
    }
    await page.goto("/instructor");
    await expectNoAxeViolations(page, "/instructor (dark)");
  });
});
