import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { moduleSource, newBoundedQuickJs } from "./quickjs-module";

const source = moduleSource(() => newBoundedQuickJs());

/**
 * The QuickJS WebAssembly module for Node (server-side verification workers and tests): loaded
 * once, and loaded afresh after a run poisoned it (see quickjs-module.ts).
 */
export function loadQuickJs(): Promise<QuickJSWASMModule> {
  return source();
}
