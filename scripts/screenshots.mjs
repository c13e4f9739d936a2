// Takes screenshots of pages in light and dark mode, desktop and phone width.
//   node scripts/screenshots.mjs http://localhost:3000 /learn /learn/health-checks ...
// Set SIGN_IN=email:password to capture pages as a signed-in user.
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const out = process.env.SCREENSHOT_DIR ?? "screenshots";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const variants = [
  { name: "light", colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { name: "dark", colorScheme: "dark", viewport: { width: 1280, height: 900 } },
  { name: "phone", colorScheme: "light", viewport: { width: 360, height: 780 } },
  { name: "phone-dark", colorScheme: "dark", viewport: { width: 360, height: 780 } },
];
for (const variant of variants) {
  const context = await browser.newContext({ colorScheme: variant.colorScheme, viewport: variant.viewport });
  const page = await context.newPage();
  if (process.env.SIGN_IN) {
    const [email, password] = process.env.SIGN_IN.split(":");
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }
  for (const path of paths) {
    await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    const file = `${out}/${path.replace(/\W+/g, "_") || "home"}-${variant.name}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
    console.log(file);
  }
  await context.close();
}
await browser.close();
