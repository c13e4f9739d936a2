import { expect, type Page } from "@playwright/test";

/** Page object for the sign-in and sign-up forms and the account menu. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(account: { name: string; email: string; password: string }) {
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Name").fill(account.name);
    await this.page.getByLabel("Email").fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(account: { email: string; password: string }, path = "/sign-in") {
    if (!this.page.url().includes("/sign-in")) await this.page.goto(path);
    await this.page.getByLabel("Email").fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async expectSignedInAs(name: string) {
    await expect(this.page.getByTestId("user-menu-button")).toContainText(name);
  }

  async signOut() {
    await this.page.getByTestId("user-menu-button").click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  }

  formAlert() {
    return this.page.getByTestId("form-error");
  }
}
