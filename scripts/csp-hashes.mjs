// After `next build`: hashes the inline scripts of every prerendered HTML page into
// .next/csp-script-hashes.json, so the server's Content-Security-Policy for a static
// page (which cannot carry a per-request nonce) allows exactly its own inline scripts.
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// The hashing code is TypeScript shared with the server and its tests: bundle it for this run.
const out = path.join(".next", "csp-hash-lib.mjs");
await build({
  entryPoints: ["lib/server/static-script-hashes.ts"],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "esm",
  logLevel: "warning",
});
const { buildManifest, routeOfHtmlFile } = await import(path.resolve(out));

const root = path.join(".next", "server", "app");
const pages = {};
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (entry.endsWith(".html"))
      pages[routeOfHtmlFile(path.relative(root, full))] = readFileSync(full, "utf8");
  }
}
walk(root);
const manifest = buildManifest(pages);
writeFileSync(path.join(".next", "csp-script-hashes.json"), JSON.stringify(manifest));
console.log(
  `csp-script-hashes: ${Object.keys(manifest.pages).length} prerendered pages, ${manifest.common.length} common inline scripts`,
);
