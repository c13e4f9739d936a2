import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { moduleSource, newBoundedQuickJs } from "./quickjs-module";

/** Where scripts/copy-browser-assets.mjs puts the WebAssembly file (served from our own origin, no CDN). */
export const QUICKJS_WASM_URL = "/quickjs/emscripten-module.wasm";

const source = moduleSource(() => newBoundedQuickJs({ wasmLocation: QUICKJS_WASM_URL }));

/** The QuickJS WebAssembly module for the browser (the lab worker); a fresh one after a run poisoned it. */
export function loadBrowserQuickJs(): Promise<QuickJSWASMModule> {
  return source();
}
