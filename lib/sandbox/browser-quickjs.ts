import RELEASE_SYNC from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";

/** Where scripts/copy-browser-assets.mjs puts the WebAssembly file (served from our own origin, no CDN). */
export const QUICKJS_WASM_URL = "/quickjs/emscripten-module.wasm";

let loading: Promise<QuickJSWASMModule> | null = null;

/** The QuickJS WebAssembly module for the browser (the lab worker), loaded once per worker. */
export function loadBrowserQuickJs(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmLocation: QUICKJS_WASM_URL }));
  return loading;
}
