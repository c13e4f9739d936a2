import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { QuizFileSchema, type Question } from "@/lib/questions/schema";
import { newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";
import { expectNoAxeViolations } from "./support/axe";
import { QuizPage } from "./support/quiz-page";
import { captureVariants } from "./support/capture";

// A learner reviews their missed questions like in Anki: one card at a time, by keyboard.
// Each state is also captured in light, dark and at 360 px (screenshots/review/, git-ignored).
// The set whose interview model answer scores full marks, so "answering correctly" always earns Good/Easy.
const SET = "high-availability";
test.use({ timezoneId: "America/Los_Angeles" });
const quiz = QuizFileSchema.parse(parse(readFileSync(`content/questions/${SET}.yaml`, "utf8")));
const byId = new Map(quiz.questions.map((question) => [question.id, question]));

/** Answers the card on screen with its key (read from the question file, as a learner who knows it would). */
async function answerCorrectly(card: Locator, question: Question) {
  switch (question.type) {
    case "true-false":
      await card.getByRole("radio", { name: question.answer ? "True" : "False" }).check();
      break;
    case "multiple-choice":
      for (const option of question.options.filter((candidate) => candidate.correct))
        await card
          .locator("label")
          .filter({ hasText: plain(option.text) })
          .locator("input")
          .check();
      break;
    case "fill-in":
      for (const [index, blank] of question.blanks.entries())
        await card.getByLabel(`Blank ${index + 1} of ${question.blanks.length}`).fill(blank.accept[0]!);
      break;
    case "interview":
      await card.getByRole("textbox").fill(question.modelAnswer);
      break;
  }
}

const plain = (text: string) => text.replaceAll("`", "");

/** Neither the HTML (with the RSC payload, where the key would sit raw) nor the visible text holds the key. */
async function expectNoKey(page: Page, question: Question) {
  expect(await page.content()).not.toContain(question.explanation.slice(0, 40));
  expect(await page.locator("body").innerText()).not.toContain(plain(question.explanation).slice(0, 40));
}

async function currentQuestion(page: Page): Promise<Question> {
  const id = await page.getByTestId("review-card").getAttribute("data-question-id");
  const question = byId.get(id ?? "");
  if (!question) throw new Error(`unexpected card ${id}`);
  return question;
}

/** Answers correctly and reveals with Enter (from inside the answer, as a keyboard user would). */
async function answerAndReveal(page: Page) {
  const card = page.getByTestId("review-card");
  const question = await currentQuestion(page);
  await expectNoKey(page, question); // not before the learner answers
  await answerCorrectly(card, question);
  // Enter in a text box adds a line, so from the interview answer the learner leaves it and presses Space.
  if (question.type === "interview") await card.focus();
  await page.keyboard.press(question.type === "interview" ? "Space" : "Enter");
  await expect(page.getByTestId("review-answer")).toContainText("Correct");
  return question;
}

test("a learner reviews cards by keyboard: Space reveals, 1-4 rate, due times in words, daily limit, study ahead", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 20_000 });
  const quizPage = new QuizPage(page);
  await quizPage.start(SET, "check");
  await quizPage.submit(); // nothing answered: every question becomes a new card
  const total = quiz.questions.length;

  await page.goto("/review");
  // Default limit: 10 new cards a day, the rest held back.
  await expect(page.getByTestId("due-count")).toContainText("10 new");
  await page.getByText(`All your cards (${total})`).click();
  await expect(page.getByTestId("card-due").first()).toHaveText("new");

  // Lower the daily limit to 3 new cards.
  await page.getByText("Daily limits").click();
  // The day is the learner's own: the browser's zone reaches the server and the limits reset at 04:00 there.
  await expect(page.getByTestId("review-settings")).toContainText("04:00 your time (America/Los Angeles)");
  await page.getByLabel("New cards per day").fill("3");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("settings-message")).toHaveText("Saved: 3 new cards and 100 reviews a day.");
  // A negative limit is refused in the browser (and by the server's schema: lib/review/settings.test.ts).
  await page.getByLabel("New cards per day").fill("-2");
  await page.getByRole("button", { name: "Save limits" }).click();
  expect(
    await page
      .getByLabel("New cards per day")
      .evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow),
  ).toBe(true);
  await page.goto("/review");
  await expect(page.getByTestId("due-count")).toContainText("3 new");
  await expect(page.getByTestId("review-card")).toBeFocused();
  await expectNoAxeViolations(page, "/review question side");
  await captureVariants(page, "review", "1-question");

  // Card 1: Space without answering shows the key; a miss allows only Again.
  const first = await currentQuestion(page);
  await expectNoKey(page, first);
  await page.keyboard.press("Space");
  const answer = page.getByTestId("review-answer");
  await expect(answer).toContainText("Not correct");
  await expect(answer).toContainText(plain(first.explanation).slice(0, 40));
  for (const rating of ["hard", "good", "easy"])
    await expect(page.getByTestId(`rate-${rating}`)).toBeDisabled();
  await expect(page.getByTestId("rate-again").getByTestId("rate-interval")).toHaveText("1 min");
  await expect(page.getByTestId("rating-cap")).toContainText("Not right, so Again");
  await expectNoAxeViolations(page, "/review answer side (miss)");
  await captureVariants(page, "review", "2-answer-missed");
  await page.keyboard.press("4"); // Easy is not allowed: nothing is rated
  await expect(page.getByTestId("review-status")).toContainText("Easy is not available");
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-question-id", first.id);
  await page.keyboard.press("1");
  await expect(page.getByTestId("review-status")).toHaveText("Again: this card comes back in 1 min.");

  // Card 2: answered right; every rating shows its interval in words; Space rates Good.
  await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-question-id", first.id);
  const second = await answerAndReveal(page);
  for (const rating of ["again", "hard", "good", "easy"])
    await expect(page.getByTestId(`rate-${rating}`)).toBeEnabled();
  await expect(page.getByTestId("rate-good").getByTestId("rate-interval")).toHaveText(/^\d+ min$/);
  await expect(page.getByTestId("rate-easy").getByTestId("rate-interval")).toHaveText(/^\d+ days?$/);
  await expectNoAxeViolations(page, "/review answer side (right)");
  await captureVariants(page, "review", "3-answer-right");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("review-status")).toHaveText(/^Good: this card comes back in \d+ min\.$/);

  // Card 3: Easy with key 4.
  await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-question-id", second.id);
  await answerAndReveal(page);
  await page.keyboard.press("4");
  await expect(page.getByTestId("review-status")).toHaveText(/^Easy: this card comes back in \d+ days?\.$/);

  // The new-card limit is reached; the two cards still being learned come back within minutes.
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-question-id", first.id);
  await expect(page.getByTestId("review-card")).toContainText("Learning");
  await answerAndReveal(page);
  await page.keyboard.press("4");
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-question-id", second.id);
  await answerAndReveal(page);
  await page.keyboard.press("4");

  // Done for today: the limit held the rest back; the next due time is in words.
  const done = page.getByTestId("review-done");
  await expect(done).toContainText("Daily limit reached");
  await expect(page.getByTestId("held-back")).toContainText(`${total - 3} new cards wait for tomorrow`);
  await expect(page.getByTestId("next-due")).toHaveText(/^The next card is due in \d+ days?\.$/);
  await page.reload();
  await expect(page.getByTestId("due-count")).toContainText("0 new");
  await expect(page.getByTestId("due-count")).toContainText("done today: 3 new (limit 3)");
  await page.getByText(`All your cards (${total})`).click();
  await expect(page.getByTestId("card-due").filter({ hasText: /^due in \d+ days?$/ })).toHaveCount(3);
  await expectNoAxeViolations(page, "/review done for today");
  await captureVariants(page, "review", "4-done");

  // Study ahead goes past the limit.
  await page.getByRole("link", { name: /^Study ahead \(\d+ cards?\)$/ }).click();
  await expect(page).toHaveURL(/\/review\?ahead=1$/);
  await expect(page.getByTestId("review-card")).toContainText("studying ahead");
  await expect(page.getByTestId("review-card")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("review-answer")).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByTestId("review-status")).toHaveText("Again: this card comes back in 1 min.");
  await expect(page.getByTestId("review-card")).toBeVisible();
  await captureVariants(page, "review", "5-study-ahead");
});

test("an account without cards sees what to do instead", async ({ page }) => {
  await new AuthPages(page).signUp(newLearner());
  await expect(page.getByTestId("user-menu-button")).toBeVisible({ timeout: 20_000 });
  await page.goto("/review");
  await expect(page.getByTestId("empty-state")).toContainText("Nothing to review");
  await expectNoAxeViolations(page, "/review empty");
  await captureVariants(page, "review", "0-empty");
});
