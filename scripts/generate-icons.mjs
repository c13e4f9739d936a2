// Draws the app icons in public/ from the header's logo (components/site/site-header.tsx) with
// Debian's Chromium: icon.svg, favicon.ico (32 px PNG inside), apple-touch-icon.png (180 px),
// icon-192.png and icon-512.png (the web manifest's). Run again after changing the logo:
//   node scripts/generate-icons.mjs
import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const ACCENT = "#0b5cad";
const ACCENT_FG = "#ffffff";
const LOGO_PATH = "M6 19h20l-3 6H9z M10 12h5v5h-5z M16 12h5v5h-5z M13 7h5v5h-5z";
// Rounded square for the browser tab; full bleed for home screens, which round corners themselves.
const svg = (radius) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="${radius}" fill="${ACCENT}"/><path d="${LOGO_PATH}" fill="${ACCENT_FG}"/></svg>\n`;

writeFileSync("public/icon.svg", svg(7));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
async function png(size, radius) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg(radius)}`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An ICO file holding one PNG image (supported by every browser since Windows Vista's format). */
function ico(pngBytes, size) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(pngBytes.length, 14);
  header.writeUInt32LE(22, 18); // image data offset
  return Buffer.concat([header, pngBytes]);
}

writeFileSync("public/favicon.ico", ico(await png(32, 7), 32));
writeFileSync("public/apple-touch-icon.png", await png(180, 0));
writeFileSync("public/icon-192.png", await png(192, 0));
writeFileSync("public/icon-512.png", await png(512, 0));
await browser.close();
console.log("wrote public/icon.svg, favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png");
