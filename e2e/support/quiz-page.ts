import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for a quiz set and an attempt. */
export class QuizPage {
  constructor(private readonly page: Page) {}

  async start(set: string, mode: "practice" | "check") {
    await this.page.goto(`/practice/${set}`);
    await this.page
      .getByRole("button", { name: mode === "practice" ? "Start: practice" : "Start: check yourself" })
      .click();
    await this.page.waitForURL(new RegExp(`/practice/${set}/attempts/`));
  }

  question(id: string): Locator {
    return this.page.getByTestId(`question-${id}`);
  }

  saveStatus(): Locator {
    return this.page.getByTestId("save-status");
  }

  async expectAllSaved() {
    await expect(this.saveStatus()).toHaveText("All answers saved");
  }

  /** Submits; questions left blank are confirmed ("Submit anyway") as a learner would. */
  async submit() {
    await this.page.getByRole("button", { name: /Submit answers|Finish and see results/ }).click();
    const confirm = this.page.getByRole("button", { name: "Submit anyway" });
    const score = this.page.getByTestId("attempt-score");
    await expect(confirm.or(score)).toBeVisible();
    if (await confirm.isVisible()) await confirm.click();
    await expect(score).toBeVisible();
  }

  review(id: string): Locator {
    return this.page.getByTestId(`review-${id}`);
  }
}
