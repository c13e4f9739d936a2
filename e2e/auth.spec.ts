import { expect, test } from "@playwright/test";
import { demoInstructor, demoLearner, newLearner } from "./support/accounts";
import { AuthPages } from "./support/auth-pages";

test("sign up, sign out, sign in again", async ({ page, context }) => {
  const auth = new AuthPages(page);
  const learner = newLearner();

  await auth.signUp(learner);
  await expect(page).toHaveURL(/\/learn$/);
  await auth.expectSignedInAs(learner.name);

  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"));
  expect(session, "session cookie").toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");

  await auth.signOut();
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freview$/);

  await auth.signIn(learner);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  await auth.expectSignedInAs(learner.name);
});

test("a sign-up with an existing email reveals nothing and does not sign into that account", async ({
  page,
}) => {
  const auth = new AuthPages(page);
  await auth.signUp({ name: "Someone Else", email: demoLearner.email, password: "another-password-1" });
  await expect(auth.formAlert()).toHaveText(
    /If this email already has an account, sign in with its password/,
  );
  await expect(page).toHaveURL(/\/sign-up$/);
  const session = await page.request.get("/api/auth/get-session");
  expect(await session.json()).toBeNull();
});

test("wrong password and unknown email get the same message", async ({ page }) => {
  const auth = new AuthPages(page);
  await page.goto("/sign-in");
  await auth.signIn({ email: demoLearner.email, password: "not-the-password" });
  await expect(auth.formAlert()).toHaveText("Wrong email or password.");
  await auth.signIn({ email: "nobody-here@example.test", password: "not-the-password" });
  await expect(auth.formAlert()).toHaveText("Wrong email or password.");
});

test("bad input is explained next to the field and nothing is sent", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use a password of at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("guarded pages send anonymous visitors to sign-in and back", async ({ page }) => {
  await page.goto("/instructor");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finstructor$/);
  await new AuthPages(page).signIn(demoInstructor);
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByTestId("cohort-table")).toContainText("GRACE234");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }),
  ).toBeVisible();
});

test("a learner cannot open instructor pages and sees no instructor link", async ({ page }) => {
  const auth = new AuthPages(page);
  await page.goto("/sign-in");
  await auth.signIn(demoLearner);
  await auth.expectSignedInAs(demoLearner.name);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }),
  ).toHaveCount(0);
  const response = await page.goto("/instructor");
  expect(response?.status()).toBe(403);
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByRole("heading", { name: "This page is for instructors" })).toBeVisible();
});

test("a crafted next= link cannot send a learner off-site after sign-in", async ({ page }) => {
  await page.goto("/sign-in?next=//evil.example/steal");
  await new AuthPages(page).signIn(demoLearner);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/learn$/);
});
