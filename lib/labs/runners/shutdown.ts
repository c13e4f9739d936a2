import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import {
  simulateShutdown,
  type RequestSpec,
  type ShutdownApi,
  type ShutdownProgram,
  type ShutdownResult,
  type ShutdownScenario,
} from "@/lib/sim/shutdown";
import type { GuestError, SandboxLimits } from "@/lib/sandbox/quickjs-sandbox";
import { createShutdownProgram, LearnerCodeError } from "@/lib/sandbox/shutdown-program";
import type { ParamValues } from "../params-schema";
import type { LabOfKind } from "../schema";
import type { ShutdownLabScenario } from "../scenario-schema";
import { disposeAfterRun, hostStackOverflow } from "./host-errors";

/** `failed`: the code did not load; nothing ran. */
export type ShutdownCodeOutcome =
  | { failed: GuestError; during: "load" }
  | { failed: null; result: ShutdownResult; runtimeError: GuestError | null };

/** The lab's scenario as the engine takes it: the steady `traffic` stream becomes requests. */
export function toEngineScenario(scenario: ShutdownLabScenario): ShutdownScenario {
  const { traffic, requests, ...rest } = scenario;
  const generated: RequestSpec[] = [];
  if (traffic) {
    for (let atMs = traffic.fromMs, n = 1; atMs <= traffic.toMs; atMs += traffic.everyMs, n++)
      generated.push({ id: `${traffic.idPrefix}${n}`, atMs, durationMs: traffic.durationMs });
  }
  // The engine keeps same-time requests in the order given: the lab's own requests first.
  return { ...rest, requests: [...requests, ...generated].sort((a, b) => a.atMs - b.atMs) };
}

/**
 * Runs the learner's SIGTERM code. The engine turns an error in a callback into an uncaught
 * exception (exit 1); the wrapper also keeps the sandbox's own report (kind and line) for the
 * learner. The sandbox is always disposed.
 */
export function runShutdownCode(
  lab: LabOfKind<"shutdown-code">,
  code: string,
  quickjs: QuickJSWASMModule,
  limits: SandboxLimits | undefined,
): ShutdownCodeOutcome {
  let learner: ReturnType<typeof createShutdownProgram>;
  try {
    learner = createShutdownProgram(quickjs, code, limits);
  } catch (error) {
    const overflow = hostStackOverflow(error);
    if (overflow) return { failed: overflow, during: "load" };
    throw error;
  }
  try {
    if (learner.loadError) return { failed: learner.loadError, during: "load" };
    let runtimeError: GuestError | null = null;
    // The engine turns the throw into an uncaught exception (exit 1); here we keep the details.
    const remember =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        try {
          fn(...args);
        } catch (error) {
          runtimeError ??= error instanceof LearnerCodeError ? error.guest : hostStackOverflow(error);
          throw error;
        }
      };
    const program: ShutdownProgram = {
      name: learner.program.name,
      listensTo: learner.program.listensTo,
      onSignal: remember((signal, api) => learner.program.onSignal(signal, watched(api, remember))),
    };
    const result = simulateShutdown(toEngineScenario(lab.scenario), program);
    return { failed: null, result, runtimeError };
  } finally {
    disposeAfterRun(learner.dispose);
  }
}

type Remember = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void;

/** The engine's API with every callback the guest hands it wrapped by `remember`. */
function watched(api: ShutdownApi, remember: Remember): ShutdownApi {
  return {
    ...api,
    setTimeout: (callback, delayMs) => api.setTimeout(remember(callback), delayMs),
    closeServer: (callback) => api.closeServer(callback && remember(callback)),
    closeDb: (callback) => api.closeDb(callback && remember(callback)),
    block: (durationMs, then) => api.block(durationMs, then && remember(then)),
  };
}

/** The lab's fixed shutdown program on a Kubernetes Pod with the learner's preStop and grace period. */
export function runShutdownConfig(
  lab: LabOfKind<"shutdown-config">,
  params: ParamValues<"shutdown-config">,
): ShutdownResult {
  const { program, ...scenario } = lab.scenario;
  const engineScenario = toEngineScenario(scenario);
  return simulateShutdown(
    {
      ...engineScenario,
      platform: {
        ...engineScenario.platform,
        kind: "kubernetes",
        preStopMs: params.preStop * 1000,
        gracePeriodMs: params.gracePeriod * 1000,
      },
    },
    program,
  );
}
