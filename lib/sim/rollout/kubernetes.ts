import {
  createInstance,
  instanceTimer,
  restartInPlace,
  seedServing,
  setRoutable,
  startInstance,
  stopInstance,
  type Instance,
} from "./instance";
import { resolveRollingUpdate } from "./int-or-percent";
import type { KubernetesScenario } from "./schema";
import { conclude, emit, schedule, type World } from "./world";

/**
 * Kubernetes Deployment, RollingUpdate (pkg/controller/deployment/rolling.go). The controller
 * counts ReplicaSet sizes, not Pods still shutting down: scale the new ReplicaSet up while
 * old + new < replicas + maxSurge; scale old ones down while available Pods stay ≥ replicas −
 * maxUnavailable (unavailable old Pods go first). A Pod is available once Ready for
 * minReadySeconds. No progress (scaling, or more Pods ready or available) for
 * progressDeadlineSeconds marks the rollout ProgressDeadlineExceeded; nothing rolls back.
 */
type ReplicaSet = { replicas: number; pods: Instance[] };
type Status = { updated: number; old: number; ready: number; available: number };

type Deployment = {
  world: World;
  scenario: KubernetesScenario;
  surge: number;
  unavailable: number;
  old: ReplicaSet;
  next: ReplicaSet;
  status: Status;
  reported: string;
  lastProgressAt: number;
  deadline: number | null;
  exceeded: boolean;
  done: boolean;
};

const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;

export function runKubernetes(world: World, scenario: KubernetesScenario): void {
  const { surge, unavailable } = resolveRollingUpdate(
    scenario.replicas,
    scenario.maxSurge,
    scenario.maxUnavailable,
  );
  const old: ReplicaSet = { replicas: scenario.replicas, pods: [] };
  for (let i = 0; i < scenario.replicas; i++) {
    const pod = createInstance(world, "old", 0, "old");
    seedServing(world, pod);
    old.pods.push(pod);
  }
  const d: Deployment = {
    world,
    scenario,
    surge,
    unavailable,
    old,
    next: { replicas: 0, pods: [] },
    status: { updated: 0, old: scenario.replicas, ready: scenario.replicas, available: scenario.replicas },
    reported: `${scenario.replicas}/0`,
    lastProgressAt: 0,
    deadline: null,
    exceeded: false,
    done: false,
  };
  world.hooks = {
    onReady: (pod) => podReady(d, pod),
    onFailed: (pod) => {
      // CrashLoopBackOff: the kubelet restarts the container in place, 10 s doubling to 5 min.
      restartInPlace(world, pod, Math.min(BACKOFF_START_MS * 2 ** pod.restarts, BACKOFF_MAX_MS));
      sync(d);
    },
  };
  emit(world, { type: "rollout-started", strategy: "kubernetes", replicas: scenario.replicas });
  sync(d);
}

function podReady(d: Deployment, pod: Instance): void {
  // Endpoint addition is taken as immediate; only removal races (endpointDelayMs).
  setRoutable(d.world, pod, true);
  pod.available = d.scenario.minReadyMs === 0;
  if (!pod.available) {
    instanceTimer(d.world, pod, d.world.now + d.scenario.minReadyMs, () => {
      pod.available = true;
      emit(d.world, { type: "instance-available", id: pod.id });
      sync(d);
    });
  }
  sync(d);
}

const availableIn = (set: ReplicaSet) => set.pods.filter((pod) => pod.available).length;

function scaleUpNew(d: Deployment): boolean {
  const { replicas } = d.scenario;
  const total = d.old.replicas + d.next.replicas;
  const maxTotal = replicas + d.surge;
  if (d.next.replicas >= replicas || total >= maxTotal) return false;
  const add = Math.min(maxTotal - total, replicas - d.next.replicas);
  d.next.replicas += add;
  for (let i = 0; i < add; i++) {
    const pod = createInstance(d.world, "new", 0, "new");
    d.next.pods.push(pod);
    startInstance(d.world, pod);
  }
  return true;
}

function scaleDownOld(d: Deployment): boolean {
  if (d.old.replicas === 0) return false;
  const minAvailable = d.scenario.replicas - d.unavailable;
  const newUnavailable = d.next.replicas - availableIn(d.next);
  const maxScaledDown = d.old.replicas + d.next.replicas - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Unhealthy old Pods first, or they would block the rollout (kubernetes#16737).
  const cleanup = Math.min(maxScaledDown, d.old.replicas - availableIn(d.old));
  if (cleanup > 0) deleteOldPods(d, cleanup);
  const availableNow = availableIn(d.old) + availableIn(d.next);
  const down = availableNow > minAvailable ? Math.min(d.old.replicas, availableNow - minAvailable) : 0;
  if (down > 0) deleteOldPods(d, down);
  return cleanup + down > 0;
}

/** The ReplicaSet deletes not-ready Pods first, then the newest. */
function deleteOldPods(d: Deployment, count: number): void {
  d.old.replicas -= count;
  const victims = [...d.old.pods]
    .map((pod, index) => ({ pod, index }))
    .sort((a, b) => Number(a.pod.phase === "ready") - Number(b.pod.phase === "ready") || b.index - a.index)
    .slice(0, count)
    .map(({ pod }) => pod);
  d.old.pods = d.old.pods.filter((pod) => !victims.includes(pod));
  for (const pod of victims) {
    stopInstance(d.world, pod, {
      unrouteAfterMs: d.scenario.endpointDelayMs,
      preStopMs: d.scenario.preStopMs,
      graceMs: d.scenario.terminationGraceMs,
    });
  }
}

function sync(d: Deployment): void {
  let changed = true;
  while (changed) changed = scaleUpNew(d) || scaleDownOld(d);
  const sizes = `${d.old.replicas}/${d.next.replicas}`;
  if (sizes !== d.reported) {
    d.reported = sizes;
    emit(d.world, { type: "replicasets-scaled", old: d.old.replicas, new: d.next.replicas });
  }
  trackProgress(d);
  const { replicas } = d.scenario;
  if (!d.done && d.old.replicas === 0 && d.next.replicas === replicas && availableIn(d.next) === replicas) {
    d.done = true;
    if (d.deadline !== null) d.world.clock.cancel(d.deadline);
    conclude(d.world, "completed", { type: "rollout-completed" });
  }
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available Pods. */
function trackProgress(d: Deployment): void {
  const pods = [...d.old.pods, ...d.next.pods];
  const status: Status = {
    updated: d.next.replicas,
    old: d.old.replicas,
    ready: pods.filter((pod) => pod.phase === "ready").length,
    available: pods.filter((pod) => pod.available).length,
  };
  const before = d.status;
  const progressed =
    status.updated > before.updated ||
    status.old < before.old ||
    status.ready > before.ready ||
    status.available > before.available;
  d.status = status;
  if (progressed) d.lastProgressAt = d.world.now;
  if (d.done || !(progressed || (d.deadline === null && !d.exceeded))) return;
  if (d.deadline !== null) d.world.clock.cancel(d.deadline);
  d.exceeded = false;
  // The controller re-checks at the deadline (real clusters notice up to a second later).
  d.deadline = schedule(d.world, d.lastProgressAt + d.scenario.progressDeadlineMs, () => {
    d.deadline = null;
    d.exceeded = true;
    conclude(d.world, "deadline-exceeded", {
      type: "deadline-exceeded",
      sinceProgressMs: d.world.now - d.lastProgressAt,
    });
  });
}
