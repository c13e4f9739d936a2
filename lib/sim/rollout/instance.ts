import type { VersionProfile } from "./schema";
import { cutInFlight } from "./traffic";
import type { Role } from "./types";
import { emit, schedule, type Tick, type World } from "./world";

/**
 * One container (Swarm task, Pod, Compose service replica) and its lifecycle:
 * starting → running → ready, or → failed (crash); stopping: terminating → SIGTERM → drain →
 * gone, or SIGKILL at the end of the grace period. Routing (`routable`) is the platform's view and
 * is set by the strategies; `accepting` is the process's own (listener open).
 */
export type Phase = "starting" | "running" | "ready" | "failed" | "terminating" | "gone";

export type Instance = {
  id: string;
  role: Role;
  profile: VersionProfile;
  pool: number;
  phase: Phase;
  runningAt: number | null;
  readyAt: number | null;
  available: boolean;
  routable: boolean;
  accepting: boolean;
  inFlight: number;
  /** Bumped when in-flight requests are cut, so their queued completions are ignored. */
  epoch: number;
  restarts: number;
  timers: Set<number>;
  onIdle: (() => void) | null;
};

export type StopOptions = {
  /** Routers stop sending new requests after this (0: at once). */
  unrouteAfterMs: number;
  /** preStop hook: SIGTERM comes this much later; it counts against the grace period. */
  preStopMs: number;
  graceMs: number;
};

export function createInstance(world: World, role: Role, pool: number, prefix: string): Instance {
  const n = (world.ids.get(prefix) ?? 0) + 1;
  world.ids.set(prefix, n);
  const profile = role === "old" ? world.scenario.oldVersion : world.scenario.newVersion;
  const instance: Instance = {
    id: `${prefix}-${n}`,
    role,
    profile,
    pool,
    phase: "starting",
    runningAt: null,
    readyAt: null,
    available: false,
    routable: false,
    accepting: false,
    inFlight: 0,
    epoch: 0,
    restarts: 0,
    timers: new Set(),
    onIdle: null,
  };
  world.live.push(instance);
  world.pools[pool]?.members.push(instance);
  return instance;
}

/** An instance already serving when the simulation begins (no events). */
export function seedServing(world: World, instance: Instance): void {
  Object.assign(instance, { phase: "ready", runningAt: 0, readyAt: 0, available: true, accepting: true });
  setRoutable(world, instance, true);
}

export function setRoutable(world: World, instance: Instance, routable: boolean): void {
  if (instance.routable === routable) return;
  instance.routable = routable;
  world.routing++;
  if (!routable && instance.phase === "gone") forget(world, instance);
}

/** Schedules `fn` for this instance; cancelled if it stops, crashes or goes. */
export function instanceTimer(world: World, instance: Instance, at: number, fn: Tick): void {
  const handle = schedule(world, at, () => {
    instance.timers.delete(handle);
    fn();
  });
  instance.timers.add(handle);
}

function clearTimers(world: World, instance: Instance): void {
  for (const handle of instance.timers) world.clock.cancel(handle);
  instance.timers.clear();
}

export function startInstance(world: World, instance: Instance): void {
  emit(world, {
    type: "instance-started",
    id: instance.id,
    role: instance.role,
    label: instance.profile.label,
  });
  instanceTimer(world, instance, world.now + instance.profile.startMs, () => enterRunning(world, instance));
}

function enterRunning(world: World, instance: Instance): void {
  instance.phase = "running";
  instance.runningAt = world.now;
  emit(world, { type: "instance-running", id: instance.id, restarts: instance.restarts });
  const { readyAfterMs, crashAfterMs } = instance.profile;
  const at = world.now;
  if (readyAfterMs !== null) {
    instanceTimer(world, instance, at + readyAfterMs, () => becomeReady(world, instance));
  }
  if (crashAfterMs !== null) instanceTimer(world, instance, at + crashAfterMs, () => crash(world, instance));
  world.hooks.onRunning?.(instance);
}

function becomeReady(world: World, instance: Instance): void {
  instance.phase = "ready";
  instance.readyAt = world.now;
  instance.accepting = true;
  instance.available = true; // Kubernetes' onReady narrows this to minReadySeconds
  emit(world, { type: "instance-ready", id: instance.id });
  world.hooks.onReady?.(instance);
}

function crash(world: World, instance: Instance): void {
  clearTimers(world, instance);
  const lost = cutInFlight(world, instance);
  instance.phase = "failed";
  instance.accepting = false;
  instance.available = false;
  setRoutable(world, instance, false);
  emit(world, { type: "instance-failed", id: instance.id, inFlightLost: lost });
  world.hooks.onFailed?.(instance);
}

/** The container restarts inside the same instance (Kubernetes, Docker restart policy). */
export function restartInPlace(world: World, instance: Instance, delayMs: number): void {
  instance.restarts++;
  instanceTimer(world, instance, world.now + delayMs, () => enterRunning(world, instance));
}

export function stopInstance(world: World, instance: Instance, options: StopOptions): void {
  if (instance.phase === "gone" || instance.phase === "terminating") return;
  clearTimers(world, instance);
  const hasProcess = instance.phase === "running" || instance.phase === "ready";
  const exitCode = instance.phase === "failed" ? 1 : 0;
  instance.phase = "terminating";
  instance.available = false;
  emit(world, { type: "instance-terminating", id: instance.id });
  if (options.unrouteAfterMs === 0) setRoutable(world, instance, false);
  else if (instance.routable) {
    schedule(world, world.now + options.unrouteAfterMs, () => {
      setRoutable(world, instance, false);
      emit(world, { type: "instance-unrouted", id: instance.id });
    });
  }
  if (!hasProcess) return markGone(world, instance, exitCode);
  // Order matters: the grace period runs from the stop, preStop first, then SIGTERM.
  const deadline = world.now + options.graceMs;
  instanceTimer(world, instance, deadline, () => kill(world, instance));
  if (options.preStopMs === 0) sigterm(world, instance, deadline);
  else if (options.preStopMs < options.graceMs) {
    instanceTimer(world, instance, world.now + options.preStopMs, () => sigterm(world, instance, deadline));
  }
}

function sigterm(world: World, instance: Instance, deadline: number): void {
  emit(world, { type: "instance-sigterm", id: instance.id });
  const { keepAcceptingMs, shutdownMs } = instance.profile;
  if (keepAcceptingMs === 0) instance.accepting = false;
  else instanceTimer(world, instance, world.now + keepAcceptingMs, () => (instance.accepting = false));
  const exitAt = world.now + Math.max(shutdownMs, keepAcceptingMs);
  if (exitAt >= deadline) return; // SIGKILL comes first
  instanceTimer(world, instance, exitAt, () => {
    instance.accepting = false;
    // A graceful drain waits for what is still in flight; the kill timer bounds it.
    if (instance.inFlight === 0) markGone(world, instance, 0);
    else instance.onIdle = () => markGone(world, instance, 0);
  });
}

function kill(world: World, instance: Instance): void {
  const lost = cutInFlight(world, instance);
  emit(world, { type: "instance-killed", id: instance.id, inFlightLost: lost });
  markGone(world, instance, 137);
}

export function markGone(world: World, instance: Instance, exitCode: number): void {
  clearTimers(world, instance);
  instance.phase = "gone";
  instance.accepting = false;
  instance.available = false;
  instance.onIdle = null;
  world.live = world.live.filter((other) => other !== instance);
  if (!instance.routable) forget(world, instance);
  emit(world, { type: "instance-gone", id: instance.id, exitCode });
  world.hooks.onGone?.(instance);
}

/** Drops a gone, unrouted instance from its pool so long runs keep routing lists short. */
function forget(world: World, instance: Instance): void {
  const pool = world.pools[instance.pool];
  if (pool) pool.members = pool.members.filter((member) => member !== instance);
  world.routing++;
}
