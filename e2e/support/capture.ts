import { expect, type Locator, type Page } from "@playwright/test";

const VARIANTS = [
  ["light", "light", 1280],
  ["dark", "dark", 1280],
  ["phone", "light", 360],
] as const;

/**
 * Saves the page in light, dark and at 360 px as `screenshots/<folder>/<name>-<variant>.png`
 * (git-ignored), for a person to look at; then puts the page back to light at desktop width.
 * With a `target`, each capture is of the viewport with the target scrolled into it; without,
 * of the whole page.
 */
export async function captureVariants(page: Page, folder: string, name: string, target?: Locator) {
  for (const [variant, scheme, width] of VARIANTS) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    // Monaco and the layout settle over a few frames after a resize; capture the settled page.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
    if (target) {
      await target.scrollIntoViewIfNeeded();
      await expect(target).toBeInViewport();
    }
    await page.screenshot({ path: `screenshots/${folder}/${name}-${variant}.png`, fullPage: !target });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}
