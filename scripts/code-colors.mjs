// Prints the colour and font style the browser computes for every highlighted token of the given
// pages, in light and dark mode: two dumps (before and after a highlighting change) must be equal.
//   node scripts/code-colors.mjs http://127.0.0.1:3000 /learn/health-checks ... > colors.json
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const out = {};
for (const colorScheme of ["light", "dark"]) {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(`${base}${path}`);
    out[`${colorScheme} ${path}`] = await page.$$eval("pre.shiki, pre.shiki span", (nodes) =>
      nodes.map((node) => {
        const style = getComputedStyle(node);
        return `${node.textContent.slice(0, 20)}|${style.color}|${style.backgroundColor}|${style.fontStyle}|${style.fontWeight}|${style.textDecorationLine}`;
      }),
    );
  }
  await context.close();
}
await browser.close();
console.log(JSON.stringify(out, null, 1));
