import { expect, test } from "@playwright/test";

test("the skip link is the first thing Tab reaches and moves focus to the content", async ({ page }) => {
  await page.goto("/learn/health-checks");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("the theme toggle cycles system → light → dark and remembers the choice", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/learn");
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("data-theme-choice", "system");
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-theme-choice", "light");
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-theme-choice", "dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("a lesson is compiled MDX with build-time highlighting, a table of contents and heading anchors", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await page.goto("/learn/health-checks");
  await expect(page.getByRole("heading", { name: "Health checks", level: 1 })).toBeVisible();
  const firstCode = page.locator("figure[data-code-figure] pre.shiki").first();
  await expect(firstCode).toBeVisible();
  // Highlighted at build time: tokens arrive as spans with colour classes (lib/content/shiki-classes.ts).
  expect(await firstCode.locator("span.line > span[class]").count()).toBeGreaterThan(3);
  await expect(page.locator("figure[data-code-figure] figcaption").first()).toContainText("Dockerfile");
  await expect(page.locator(".line.highlighted").first()).toBeAttached();

  const toc = page.getByRole("navigation", { name: "On this page" }).last();
  const summaryLink = toc.getByRole("link", { name: "Summary" });
  await summaryLink.click();
  await expect(page).toHaveURL(/#summary$/);
  await expect(page.locator("h2#summary")).toBeInViewport();
  await expect(page.locator("[data-callout='myth']").first()).toBeVisible();
  // No syntax highlighter ships to the browser.
  for (const url of scripts) expect(url).not.toMatch(/shiki|onig|wasm/i);
});

test("ops endpoints answer as the chapter teaches", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: { ok: true } } });
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const metrics = await request.get("/api/metrics", {
    headers: { authorization: "Bearer e2e-metrics-token-0123456789abcdef" },
  });
  expect(metrics.headers()["content-type"]).toContain("text/plain");
  const text = await metrics.text();
  expect(text).toContain("process_cpu_seconds_total");
  expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/health"[^}]*status="200"/);
  expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
