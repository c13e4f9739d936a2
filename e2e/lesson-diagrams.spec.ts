import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

// Every lesson diagram, where it teaches, by the accessible name its SVG <title> gives it.
const DIAGRAMS = [
  { path: "/learn/health-checks", name: "Docker health state machine" },
  { path: "/learn/logging", name: "Log aggregation pipeline" },
  { path: "/learn/monitoring", name: "Prometheus pull topology" },
  { path: "/learn/high-availability", name: "Shutdown sequence: drain and exit versus SIGKILL" },
  { path: "/learn/high-availability", name: "Kubernetes termination race: preStop and SIGTERM versus endpoint removal" },
  { path: "/learn/data-persistence", name: "Named volume, bind mount and tmpfs: where the data lives" },
  { path: "/learn/zero-downtime-deployment", name: "Rolling update capacity: 6 replicas, maxSurge 1, maxUnavailable 0" },
  { path: "/learn/zero-downtime-deployment", name: "Expand and contract: renaming orders.total to orders.total_cents" },
];

const paths = [...new Set(DIAGRAMS.map((d) => d.path))];

for (const colorScheme of ["light", "dark"] as const) {
  for (const path of paths) {
    test(`${path}: diagrams have an accessible name, a description and a text alternative, axe clean (${colorScheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      for (const diagram of DIAGRAMS.filter((d) => d.path === path)) {
        const img = page.getByRole("img", { name: diagram.name, exact: true });
        await expect(img, `${diagram.name} on ${path}`).toBeVisible();
        await expect(img).toHaveAccessibleDescription(/.{40,}/);
        const box = await img.boundingBox();
        expect(box!.width, `${diagram.name} is drawn at a readable size`).toBeGreaterThan(300);
        // Drawn in the theme's colours: text takes the foreground variable, not a fixed black.
        const textFill = await img.locator("text.fill-fg").first().evaluate((el) => getComputedStyle(el).fill);
        const bodyColour = await page.evaluate(() => getComputedStyle(document.body).color);
        expect(textFill, `${diagram.name} text follows the ${colorScheme} theme`).toBe(bodyColour);
        // The same facts as text, one click (or Enter) away.
        const figure = page.locator("figure[data-diagram]").filter({ has: img });
        const alternative = figure.locator("details");
        await alternative.locator("summary").click();
        await expect(alternative.locator("li, tr").first()).toBeVisible();
      }
      await expectNoAxeViolations(page, `${path} (${colorScheme}, text alternatives open)`);
    });
  }
}

test("the notes on the original chapter start collapsed and open and close by keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/learn/health-checks");
  const notes = page.locator("details[data-chapter-notes]");
  await expect(notes).toHaveCount(1);
  const summary = notes.locator("summary");
  await expect(summary).toHaveText("If you read the original chapter");
  const firstNote = notes.getByText("The chapter says: a health check triggers a restart if unhealthy.");
  await expect(notes).not.toHaveAttribute("open");
  await expect(firstNote).toBeHidden();

  // Reach it with Tab like a keyboard user, not by clicking: start from the Summary heading.
  await page.locator("h2#summary").evaluate((el) => {
    el.setAttribute("tabindex", "-1");
    el.focus();
  });
  for (let i = 0; i < 40 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(notes).toHaveAttribute("open");
  await expect(firstNote).toBeVisible();
  await expect(notes.getByRole("link", { name: "moby/moby#28400" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(notes).not.toHaveAttribute("open");
  await expectNoAxeViolations(page, "health-checks with the chapter notes closed again");
});

test("myths read as myths: no correction callouts and no chapter talk in the teaching text", async ({ page }) => {
  await page.goto("/learn/health-checks");
  const myth = page.getByRole("complementary", { name: "Common myth: An unhealthy container gets restarted" });
  await expect(myth).toBeVisible();
  await expect(page.locator("[data-callout='correction']")).toHaveCount(0);
  const teaching = await page.getByTestId("lesson").evaluate((article) => {
    const copy = article.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("details[data-chapter-notes]").forEach((el) => el.remove());
    return copy.innerText;
  });
  expect(teaching).not.toMatch(/the chapter says|chapter's answer key/i);
});

test("reading time counts the labs and the self-check", async ({ page }) => {
  await page.goto("/learn/health-checks");
  // 4 labs × 6 min + 4 questions × 1 min on top of the prose: well past the old 13-minute figure.
  const line = page.getByText(/Lesson 1 · \d+ min/);
  const minutes = Number((await line.textContent())!.match(/(\d+) min/)![1]);
  expect(minutes).toBeGreaterThanOrEqual(28 + 1);
});
