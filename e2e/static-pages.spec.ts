import { expect, test } from "@playwright/test";

// Lessons are answered from memory, precompressed, by lib/server/static-pages once Next has
// answered each page once. These check that the browser still gets a working site from it.

test("lessons come precompressed with an entity tag, and 304 when the copy is current", async ({
  request,
}) => {
  const path = "/learn/resource-limits";
  await request.get(path); // Next answers first; the server keeps its headers
  const page = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(page.status()).toBe(200);
  expect(page.headers()["content-encoding"]).toBe("br");
  expect(page.headers()["x-frame-options"]).toBe("DENY");
  expect(page.headers().vary).toMatch(/Accept-Encoding/);
  expect(await page.text()).toContain("Resource limits");
  const etag = page.headers().etag!;
  expect(etag).toMatch(/^"[\w-]+-br"$/);

  const again = await request.get(path, {
    headers: { "accept-encoding": "gzip, deflate, br", "if-none-match": etag },
  });
  expect(again.status()).toBe(304);
});

test("links between lessons navigate in the page (RSC), without a full reload", async ({ page }) => {
  const rscResponses: { status: number; type: string }[] = [];
  page.on("response", (response) => {
    if (response.request().headers().rsc === "1")
      rscResponses.push({ status: response.status(), type: response.headers()["content-type"] ?? "" });
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // Twice: the first visit of each page teaches the server Next's headers.
  for (let round = 0; round < 2; round++) {
    await page.goto("/learn/health-checks");
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page
      .getByRole("navigation", { name: "Previous and next lesson" })
      .getByRole("link", { name: /Logging/ })
      .click();
    await expect(page).toHaveURL(/\/learn\/logging$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Logging/);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    // Back to the previous lesson by the lesson list, also in the page.
    await page
      .getByRole("navigation", { name: "Lessons" })
      .getByRole("link", { name: /Health checks/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Health checks/);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  }
  expect(rscResponses.length).toBeGreaterThan(0);
  for (const response of rscResponses) {
    expect(response.status).toBe(200);
    expect(response.type).toContain("text/x-component");
  }
  expect(errors).toEqual([]);
});

test("search loads its index only when it is first opened", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto("/learn/monitoring");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(requested.filter((url) => url.includes("search-index.json"))).toEqual([]);

  // The shortcut listens once the page has hydrated; a key pressed before that reaches nothing.
  await expect(page.getByTestId("search-button")).toHaveAttribute("data-ready", "true");
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search lessons" });
  await expect(dialog).toBeVisible();
  await page.getByTestId("search-input").fill("SIGTERM");
  await expect(dialog.getByRole("option").first()).toBeVisible();
  expect(requested.filter((url) => url.includes("search-index.json"))).toHaveLength(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Opening again reuses the loaded dialog.
  await page.getByTestId("search-button").click();
  await expect(dialog).toBeVisible();
});

test("the site has a favicon, app icons, a web manifest and robots.txt", async ({ page, request }) => {
  await page.goto("/learn");
  expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
  expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).toBe(
    "/apple-touch-icon.png",
  );
  for (const [path, type] of [
    ["/favicon.ico", "image/"],
    ["/icon.svg", "image/svg+xml"],
    ["/apple-touch-icon.png", "image/png"],
    ["/robots.txt", "text/plain"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    icons: { src: string }[];
  };
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});
