// Bundles our custom production server (lib/server/main.ts) to dist/server.mjs,
// the migration runner to dist/db-deploy.mjs and the lab verification worker to
// dist/lab-verify-worker.mjs, so production images need no
// TypeScript tooling. Packages stay external: loaded from node_modules at run time.
// Then it precompresses the prerendered pages (scripts/precompress-pages.ts).
import { build } from "esbuild";

await build({
  entryPoints: {
    server: "lib/server/main.ts",
    "db-deploy": "scripts/db-deploy.ts",
    // The lab verification worker thread, started by the server (lib/labs/pool).
    "lab-verify-worker": "lib/labs/pool/verify-worker.ts",
    "precompress-pages": "scripts/precompress-pages.ts",
  },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
console.log("built dist/server.mjs, dist/db-deploy.mjs, dist/lab-verify-worker.mjs");
await import("../dist/precompress-pages.mjs");
