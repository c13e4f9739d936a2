/**
 * The real memory bound of one QuickJS module, all its runtimes together. QuickJS's own
 * `setMemoryLimit` counts allocations without their size in this build (no malloc_usable_size),
 * so a loop of big strings sailed past it to 2 GiB; a WebAssembly memory with a maximum cannot grow
 * past it, malloc fails and the guest gets "out of memory". In a file of its own so the server's
 * main thread can name it in messages without loading QuickJS.
 */
export const MODULE_MEMORY_MAX_BYTES = 24 << 20;
