import type { MemoryScenario } from "./schema";

/** What the kernel and V8 enforce, resolved from the flags. */
export type Limits = {
  /** memory.max: RAM the cgroup may hold (the host's RAM without `--memory`). */
  ramMb: number;
  /** memory.swap.max as far as the host's swap allows it. */
  swapMb: number;
  /** V8's old-space limit: the live heap at which Node aborts. */
  heapMb: number;
  /** True when the heap limit came from Node's default rather than --max-old-space-size. */
  heapDefaulted: boolean;
};

/** V8 caps its computed default old space at 2 GiB on 64-bit hosts of this size. */
const V8_DEFAULT_HEAP_CAP_MB = 2_048;

/**
 * Node (src/api/environment.cc) passes min(total memory, cgroup limit) to V8's ConfigureDefaults;
 * V8 (Heap::HeapSizeFromPhysicalMemory) takes a quarter of it times a pointer-size multiplier of 2
 * on 64-bit, capped. So the default old space is about half the container's memory.
 */
export function defaultHeapMb(constrainedMb: number): number {
  return Math.min(Math.floor(constrainedMb / 2), V8_DEFAULT_HEAP_CAP_MB);
}

export function resolveLimits(scenario: MemoryScenario): Limits {
  const ramMb = Math.min(scenario.memoryMb ?? scenario.hostMemoryMb, scenario.hostMemoryMb);
  // Docker's daemon sets MemorySwap = 2 × Memory when only --memory is given, and runc writes
  // memory.swap.max = MemorySwap − Memory on cgroup v2; -1 (or no --memory) leaves swap unlimited.
  let swapMb: number;
  if (scenario.memoryMb === null || scenario.memorySwapMb === -1) swapMb = scenario.hostSwapMb;
  else if (scenario.memorySwapMb === null) swapMb = scenario.memoryMb;
  else swapMb = scenario.memorySwapMb - scenario.memoryMb;
  swapMb = Math.min(swapMb, scenario.hostSwapMb);
  const heapDefaulted = scenario.maxOldSpaceSizeMb === null;
  const heapMb = scenario.maxOldSpaceSizeMb ?? defaultHeapMb(ramMb);
  return { ramMb, swapMb, heapMb, heapDefaulted };
}
