// Copies browser assets that must be served from our own origin (no CDN) into public/:
// Monaco's AMD build (loaded by @monaco-editor/react's loader) and the QuickJS WebAssembly
// file (loaded by the lab worker). Runs at postinstall; safe to run again.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const copies = [
  { from: "node_modules/monaco-editor/min/vs", to: "public/monaco/vs" },
  {
    from: "node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm",
    to: "public/quickjs/emscripten-module.wasm",
  },
];

for (const { from, to } of copies) {
  const source = join(root, from);
  const target = join(root, to);
  if (!existsSync(source)) {
    console.error(`copy-browser-assets: ${from} is missing; is the package installed?`);
    process.exit(1);
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
  console.log(`copy-browser-assets: ${from} → ${to}`);
}
