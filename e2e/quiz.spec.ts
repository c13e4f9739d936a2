import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { hintsOf } from "@/lib/questions/practice";
import { QuizFileSchema } from "@/lib/questions/schema";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { QuizPage } from "./support/quiz-page";

const quiz = QuizFileSchema.parse(parse(readFileSync("content/questions/health-checks.yaml", "utf8")));

/** Strings that only the answer key contains: explanations, reasons, model answers, rubric points, accepted answers. */
function keyStrings(): string[] {
  const publicText = quiz.questions
    .map(
      (question) =>
        (question.type === "true-false"
          ? question.statement
          : question.type === "multiple-choice"
            ? [question.prompt, ...question.options.map((option) => option.text)].join(" ")
            : question.prompt) + ` ${hintsOf(question).join(" ")}`,
    )
    .join(" ")
    .toLowerCase();
  const keys: string[] = [];
  for (const question of quiz.questions) {
    keys.push(question.explanation.slice(0, 60));
    if (question.debatable) keys.push(question.debatable.slice(0, 60));
    if (question.type === "multiple-choice")
      keys.push(...question.options.map((option) => option.why.slice(0, 50)));
    if (question.type === "interview")
      keys.push(question.modelAnswer.slice(0, 60), ...question.rubric.map((item) => item.point));
    if (question.type === "fill-in") {
      for (const blank of question.blanks) {
        keys.push(
          ...blank.accept.filter(
            (answer) => answer.length >= 5 && !publicText.includes(answer.toLowerCase()),
          ),
        );
      }
    }
  }
  return keys;
}

test("answer keys never reach the browser before the learner submits", async ({ page }) => {
  const bodies: Promise<string>[] = [];
  let attemptPath = "";
  page.on("response", (response) => {
    const type = response.request().resourceType();
    const url = new URL(response.url());
    // The attempt page itself (HTML, RSC and server-action answers) and every script;
    // prefetches of other pages (e.g. the lesson, which teaches the answers) are not part of the quiz.
    const ours =
      type === "script" ||
      url.pathname === attemptPath ||
      url.pathname.startsWith("/practice/health-checks/attempts/");
    if (ours && ["document", "script", "fetch", "xhr"].includes(type))
      bodies.push(response.text().catch(() => ""));
  });
  const quizPage = new QuizPage(page);
  await quizPage.start("health-checks", "check");
  attemptPath = new URL(page.url()).pathname;
  // Exercise autosave too: its responses must not carry keys either.
  await quizPage.question("hc-optional-in-production").getByLabel("True").check();
  await quizPage.expectAllSaved();
  await page.reload();
  await quizPage.expectAllSaved();

  const loaded = (await Promise.all(bodies)).join("\n");
  expect(loaded.length).toBeGreaterThan(10_000);
  const leaked = keyStrings().filter((key) => loaded.includes(key));
  expect(leaked).toEqual([]);
  // And the key module itself is not in any client bundle: no explanations, no "correct": true flags.
  expect(loaded).not.toContain('"correct":true');
});

test("check mode: every question type, a reload mid-attempt, a double submit graded once", async ({
  page,
  context,
}) => {
  const quizPage = new QuizPage(page);
  await quizPage.start("health-checks", "check");
  const attemptUrl = page.url();

  const fill = quizPage.question("hc-exit-codes");
  await fill.getByLabel("Blank 1 of 2").fill("zero");
  await fill.getByLabel("Blank 2 of 2").fill("non-zero");
  await quizPage.question("hc-optional-in-production").getByLabel("False").check();
  await quizPage.question("hc-interval-default").getByText("Every 30 seconds").click();
  await quizPage
    .question("hc-interview-probe-design")
    .getByRole("textbox")
    .fill(
      "Liveness should only check the process itself, never the database. Readiness can check dependencies and return 503 so the Pod is removed from the Service endpoints.",
    );
  await quizPage.expectAllSaved();

  await page.reload();
  await expect(fill.getByLabel("Blank 2 of 2")).toHaveValue("non-zero");
  await expect(quizPage.question("hc-optional-in-production").getByLabel("False")).toBeChecked();
  await expect(quizPage.question("hc-interview-probe-design").getByRole("textbox")).toHaveValue(
    /Readiness can check/,
  );

  // A second tab submits the same attempt at the same moment: it must be graded once.
  const other = await context.newPage();
  await other.goto(attemptUrl);
  await Promise.all([quizPage.submit(), new QuizPage(other).submit()]);
  const score = await page.getByTestId("attempt-score").textContent();
  await other.reload();
  expect(await other.getByTestId("attempt-score").textContent()).toBe(score);

  await expect(quizPage.review("hc-exit-codes")).toContainText("Blank 2: non-zero — right");
  await expect(quizPage.review("hc-optional-in-production")).toContainText(
    "The statement is false; you answered false.",
  );
  await expect(quizPage.review("hc-interval-default")).toContainText("Correct");
  const interview = quizPage.review("hc-interview-probe-design");
  await expect(interview.locator("mark").first()).toBeVisible();
  // Each point found is shown with the sentence that earned it; the score is provisional.
  await expect(interview.getByTestId("interview-evidence")).toContainText("Provisional score");
  const liveness = interview.getByTestId("point-liveness-process-only");
  await expect(liveness).toContainText("Found");
  await expect(liveness.getByTestId("evidence")).toContainText(
    "Liveness should only check the process itself, never the database.",
  );
  await expect(interview.getByTestId("point-startup-probe")).toContainText("Not found");
  await expect(quizPage.review("hc-restart-unhealthy")).toContainText("Not correct");
  await expect(
    quizPage.review("hc-exit-codes").getByRole("link", { name: "Read the lesson section that teaches this" }),
  ).toHaveAttribute("href", /\/learn\/health-checks#exit-codes$/);

  await page.goto("/practice/health-checks");
  await expect(page.getByTestId("attempt-history").locator("tbody tr")).toHaveCount(1);
  await other.close();
});

test("practice mode: right or wrong with hints per try; the key only after the last try or Show answer", async ({
  page,
}) => {
  const quizPage = new QuizPage(page);
  await quizPage.start("health-checks", "practice");
  const fill = quizPage.question("hc-exit-codes");
  await fill.getByLabel("Blank 1 of 2").fill("0");
  await fill.getByLabel("Blank 2 of 2").fill("non-zro");
  await fill.getByRole("button", { name: "Check answer" }).click();
  const fillFeedback = fill.getByTestId("feedback");
  await expect(fillFeedback).toContainText("Partly correct (50%)");
  await expect(fillFeedback).toContainText("close: check the spelling");
  await expect(fillFeedback).toContainText("Hint 1:");
  await expect(fillFeedback).toContainText("2 tries left");
  await expect(fillFeedback).not.toContainText("expected");
  await expect(page.getByTestId("announcer")).toHaveText("Question 1: partly correct. A hint is shown.");

  await fill.getByLabel("Blank 2 of 2").fill("non-zero");
  await fill.getByRole("button", { name: "Check again" }).click();
  await expect(fill.getByTestId("feedback")).toContainText("Correct");
  await expect(fill.getByTestId("practice-finished")).toHaveText("Answered in 2 tries.");
  await expect(page.getByTestId("announcer")).toHaveText("Question 1: correct. The answer is shown.");

  // Wrong, then "Show answer": the key and the reasons appear, and it is recorded.
  const tf = quizPage.question("hc-restart-unhealthy");
  await tf.getByLabel("True").check();
  await tf.getByRole("button", { name: "Check answer" }).click();
  await expect(tf.getByTestId("feedback")).toContainText("Not correct");
  await expect(tf.getByTestId("feedback")).not.toContainText("The statement is");
  await tf.getByRole("button", { name: "Show answer" }).click();
  await expect(tf.getByTestId("practice-finished")).toHaveText("You asked to see the answer.");
  await expect(tf.getByTestId("feedback")).toContainText("The statement is false; you answered true.");
  await expect(tf.getByRole("button", { name: "Show answer" })).toHaveCount(0);

  // Three wrong tries: a new hint each time (or the lesson pointer), then the key.
  const mc = quizPage.question("hc-interval-default");
  await mc.locator("label", { hasText: "Every 10 seconds" }).click();
  for (const [index, left] of ["2 tries left", "1 try left"].entries()) {
    await mc.getByRole("button", { name: index === 0 ? "Check answer" : "Check again" }).click();
    await expect(mc.getByTestId("tries-left")).toContainText(left);
    // The option's reason (it names Kubernetes' periodSeconds) stays hidden until the last try.
    await expect(mc.getByTestId("feedback")).not.toContainText("periodSeconds");
    await expect(mc.getByTestId("feedback")).toContainText("Hint 1:");
  }
  await mc.getByRole("button", { name: "Check again" }).click();
  await expect(mc.getByTestId("practice-finished")).toHaveText("No tries left (3 used): here is the answer.");
  await expect(mc.getByTestId("feedback")).toContainText("periodSeconds");
  await expect(mc.getByRole("button", { name: "Check again" })).toBeDisabled();

  // A reload shows what was shown, no more.
  await page.reload();
  await expect(quizPage.question("hc-exit-codes").getByTestId("feedback")).toContainText("Correct");
  await expect(quizPage.question("hc-restart-unhealthy").getByTestId("practice-finished")).toBeVisible();

  const interview = quizPage.question("hc-interview-probe-design");
  await interview.getByRole("textbox").fill("Keep liveness shallow; put the database check in readiness.");
  await interview.getByRole("button", { name: "Check answer" }).click();
  await expect(interview.getByTestId("feedback")).toBeVisible();
  await expect(interview.getByTestId("feedback")).not.toContainText("Model answer");
  await interview.getByRole("button", { name: "Show answer" }).click();
  await expect(interview.getByTestId("feedback")).toContainText("Model answer");

  const hintId = await page
    .locator("[data-testid^='question-']", { has: page.getByRole("button", { name: "Show a hint" }) })
    .first()
    .getAttribute("data-testid");
  const withHint = page.getByTestId(hintId!);
  await withHint.getByRole("button", { name: "Show a hint" }).click();
  await expect(withHint.getByText("Hint:")).toBeVisible();
  await expectNoAxeViolations(page, "practice attempt");
});

test("practice mode: wrong checks of every type send no key to the browser before the answer is shown", async ({
  page,
}) => {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    const url = new URL(response.url());
    if (
      ["document", "script", "fetch", "xhr"].includes(type) &&
      (type === "script" || url.pathname.startsWith("/practice/health-checks/attempts/"))
    )
      bodies.push(response.text().catch(() => ""));
  });
  const quizPage = new QuizPage(page);
  await quizPage.start("health-checks", "practice");
  const check = async (id: string) => {
    await quizPage
      .question(id)
      .getByRole("button", { name: /Check answer|Check again/ })
      .click();
    await expect(quizPage.question(id).getByTestId("feedback")).toBeVisible();
  };
  // Junk answers, checked twice each (two tries of three).
  for (let round = 0; round < 2; round += 1) {
    await quizPage.question("hc-exit-codes").getByLabel("Blank 1 of 2").fill(`zz${round}`);
    await check("hc-exit-codes");
    await quizPage.question("hc-optional-in-production").getByLabel("True").check(); // wrong
    await check("hc-optional-in-production");
    await quizPage.question("hc-interval-default").locator("label", { hasText: "Every 10 seconds" }).click();
    await check("hc-interval-default");
    await quizPage.question("hc-interview-probe-design").getByRole("textbox").fill(`nothing useful ${round}`);
    await check("hc-interview-probe-design");
  }
  await page.reload();
  await expect(quizPage.question("hc-exit-codes").getByTestId("feedback")).toBeVisible();
  const loaded = (await Promise.all(bodies)).join("\n");
  expect(loaded.length).toBeGreaterThan(10_000);
  const leaked = keyStrings().filter((key) => loaded.includes(key));
  expect(leaked).toEqual([]);
  expect(loaded).not.toContain('"correct":true');
  expect(loaded).not.toContain('"modelAnswer"');
});

test("a whole quiz can be answered by keyboard", async ({ page }) => {
  const quizPage = new QuizPage(page);
  await quizPage.start("health-checks", "check");
  const fill = quizPage.question("hc-exit-codes");
  await fill.getByLabel("Blank 1 of 2").focus();
  await page.keyboard.type("0");
  await page.keyboard.press("Tab");
  await page.keyboard.type("1");

  // Radio groups: focus, then the option keys from the on-screen hints.
  await quizPage.question("hc-optional-in-production").getByLabel("True").focus();
  await page.keyboard.press("f");
  await expect(quizPage.question("hc-optional-in-production").getByLabel("False")).toBeChecked();
  const mc = quizPage.question("hc-interval-default");
  await mc.getByRole("radio").first().focus();
  const thirtySeconds = mc.locator("label", { hasText: "Every 30 seconds" });
  const letter = (await thirtySeconds.locator("span[aria-hidden]").textContent())!.trim().toLowerCase();
  await page.keyboard.press(letter);
  await expect(thirtySeconds.getByRole("radio")).toBeChecked();
  await quizPage.expectAllSaved();

  await page.getByRole("button", { name: "Submit answers" }).focus();
  await page.keyboard.press("Enter");
  // Questions are left blank: the form asks first, with "Keep answering" focused.
  await expect(page.getByRole("button", { name: "Keep answering" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Submit anyway" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("attempt-score")).toBeVisible();
  await expect(quizPage.review("hc-interval-default")).toContainText("Correct");
  await expectNoAxeViolations(page, "results");
});

test("an anonymous learner's attempt joins the account on sign-up, and misses become review cards", async ({
  page,
}) => {
  const quizPage = new QuizPage(page);
  await quizPage.start("logging", "check");
  await quizPage.submit(); // nothing answered: every question is missed

  const learner = newLearner();
  const auth = new AuthPages(page);
  await auth.signUp(learner);
  await expect(page).toHaveURL(/\/learn$/);
  await auth.expectSignedInAs(learner.name);
  await page.goto("/practice/logging");
  await expect(page.getByTestId("attempt-history").locator("tbody tr")).toHaveCount(1);

  // Cards come from attempts graded while signed in.
  await quizPage.start("resource-limits", "check");
  await quizPage.submit();
  await page.goto("/review");
  await expect(page.getByTestId("due-count")).toContainText("new");
  expect(await page.getByTestId("review-cards").locator("li").count()).toBeGreaterThan(5);
  await expectNoAxeViolations(page, "/review with cards");
  // The review itself (one card at a time) is covered by e2e/review.spec.ts.
  await expect(page.getByTestId("review-card")).toBeVisible();
});

test("practice pages pass axe", async ({ page }) => {
  await page.goto("/practice");
  await expect(page.getByTestId("quiz-sets").getByRole("link")).toHaveCount(10);
  await expectNoAxeViolations(page, "/practice");
  await page.goto("/practice/health-checks");
  await expectNoAxeViolations(page, "/practice/health-checks");
});

test("answers given while offline wait, survive a reload, and save when the connection returns", async ({
  page,
  context,
}) => {
  const quizPage = new QuizPage(page);
  await quizPage.start("monitoring", "check");
  const first = page.locator("[data-question-type='true-false']").first();
  const firstId = (await first.getAttribute("data-testid"))!;
  await context.setOffline(true);
  await page.getByTestId(firstId).getByLabel("True").check();
  await expect(quizPage.saveStatus()).toContainText("waiting to save");

  await context.setOffline(false);
  await expect(quizPage.saveStatus()).toHaveText("All answers saved", { timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId(firstId).getByLabel("True")).toBeChecked();
});
