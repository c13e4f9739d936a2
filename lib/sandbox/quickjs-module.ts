import RELEASE_SYNC from "@jitl/quickjs-wasmfile-release-sync";
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSWASMModule,
} from "quickjs-emscripten-core";
import { MODULE_MEMORY_MAX_BYTES } from "./memory-cap";

const WASM_PAGE = 64 * 1024;
/** What the WebAssembly module asks for at start (Emscripten's INITIAL_MEMORY). */
const INITIAL_BYTES = 16 << 20;
export { MODULE_MEMORY_MAX_BYTES };

const poisoned = new WeakSet<QuickJSWASMModule>();
const capOf = new WeakMap<QuickJSWASMModule, number>();

/**
 * A module whose runtime aborted, overflowed a stack or hit a limit may hold broken state (an
 * abandoned runtime, a half-unwound C stack): it must never run anyone's code again.
 */
export function markPoisoned(module: QuickJSWASMModule): void {
  poisoned.add(module);
}

export function isPoisoned(module: QuickJSWASMModule): boolean {
  return poisoned.has(module);
}

/**
 * True once the module's memory has grown most of the way to its cap. Legitimate lab code stays
 * far below it (a few hundred KiB); only a memory bomb gets there, so the sandbox reports it even
 * when the guest caught its "out of memory" error and carried on.
 */
export function memoryExhausted(module: QuickJSWASMModule): boolean {
  const cap = capOf.get(module);
  return cap !== undefined && module.getWasmMemory().buffer.byteLength >= cap * 0.75;
}

/** A fresh module on its own bounded memory; `wasmLocation` for the browser (our own origin). */
export async function newBoundedQuickJs(
  options: { wasmLocation?: string; maxBytes?: number } = {},
): Promise<QuickJSWASMModule> {
  const maxBytes = options.maxBytes ?? MODULE_MEMORY_MAX_BYTES;
  const maximum = Math.ceil(maxBytes / WASM_PAGE);
  const variant = newVariant(RELEASE_SYNC, {
    ...(options.wasmLocation ? { wasmLocation: options.wasmLocation } : {}),
    wasmMemory: () =>
      Promise.resolve(new WebAssembly.Memory({ initial: INITIAL_BYTES / WASM_PAGE, maximum })),
  });
  const loaded = await newQuickJSWASMModuleFromVariant(variant);
  capOf.set(loaded, maximum * WASM_PAGE);
  return loaded;
}

/**
 * Hands out one module, loaded once, until it is poisoned; then loads a fresh one. The poisoned
 * module is dropped (its memory goes with it once nothing refers to it).
 */
export function moduleSource(load: () => Promise<QuickJSWASMModule>): () => Promise<QuickJSWASMModule> {
  let current: Promise<QuickJSWASMModule> | null = null;
  return async () => {
    if (current) {
      const existing = await current.catch(() => null);
      if (existing && !isPoisoned(existing)) return existing;
    }
    current = load();
    return current;
  };
}
