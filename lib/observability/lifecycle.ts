/**
 * Process lifecycle shared by the custom server (which receives SIGTERM) and
 * the Next.js route handlers (which answer readiness). They are bundled
 * separately, so the state lives on globalThis under a registered symbol.
 */
export type Lifecycle = { shuttingDown: boolean; shutdownStartedAt: number | null };

const LIFECYCLE_KEY = Symbol.for("shipshape.lifecycle");
type LifecycleHolder = { [LIFECYCLE_KEY]?: Lifecycle };

export function lifecycle(): Lifecycle {
  const holder = globalThis as LifecycleHolder;
  holder[LIFECYCLE_KEY] ??= { shuttingDown: false, shutdownStartedAt: null };
  return holder[LIFECYCLE_KEY];
}

export function markShuttingDown(now = Date.now()): void {
  const state = lifecycle();
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  state.shutdownStartedAt = now;
}
