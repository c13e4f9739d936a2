import { expect, type Page } from "@playwright/test";

/** Selects everything in the lab's Monaco editor and types `text` in its place. */
export async function replaceCode(page: Page, text: string) {
  const editor = page.getByTestId("code-editor").locator(".monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  // Monaco's auto-closing may have added brackets after the cursor: remove them, then compare.
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { labEditor?: { getValue(): string } }).labEditor?.getValue(),
      ),
    )
    .toBe(text);
}
