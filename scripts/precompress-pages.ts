// After `next build`: gzip and brotli copies of every page prerendered for good, and the manifest
// the production server serves them from (lib/server/static-pages). Run by scripts/build-server.mjs.
import { precompressPages } from "../lib/server/static-pages/precompress";

const started = Date.now();
const manifest = precompressPages(".next");
console.log(
  `precompressed ${manifest.pages.length} prerendered documents and RSC payloads in ${Date.now() - started} ms`,
);
