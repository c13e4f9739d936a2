import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import type { ProbeContext, ProbeProgram } from "@/lib/sim/healthcheck/types";
import { answerAt, type DependencyName, type Fault } from "./dependency-faults";
import { HTTP_HANDLER_PRELUDE } from "./http-handler-prelude";
import {
  CpuMeter,
  DEFAULT_LIMITS,
  QuickJsSandbox,
  type ConsoleEntry,
  type GuestError,
  type SandboxLimits,
} from "./quickjs-sandbox";

export type HttpProbeOptions = {
  path: string;
  faults: readonly Fault[];
  /** The probe gives up after this long (the engine applies its own timeout too). */
  maxWaitMs: number;
  /** The app is not listening before this time (per container start): probes are refused. */
  bootMs: number;
  limits?: SandboxLimits;
  /** The submission's one CPU budget, shared with its other sandboxes (one of its own when left out). */
  meter?: CpuMeter;
};

export type ProbeLog = ConsoleEntry & { atMs: number };

/** Like `curl -fsS`: exit 0 for a 2xx/3xx answer, 22 for 4xx/5xx, 7 when nothing listens. */
export function curlExitCode(status: number): number {
  return status < 400 ? 0 : 22;
}

type LocalEvent = { at: number; seq: number; run: () => void };

/**
 * Wraps the learner's health handler as a probe program for the health-check
 * engine. Each probe runs the handler in the sandbox on a small local clock:
 * dependency calls answer after their simulated latency (or never), and the
 * probe ends when the handler responds or `maxWaitMs` passes.
 */
export function createHttpProbe(quickjs: QuickJSWASMModule, code: string, options: HttpProbeOptions) {
  const logs: ProbeLog[] = [];
  let fatal: GuestError | null = null;
  let localNow = 0;
  let seq = 0;
  const queue: LocalEvent[] = [];
  const responses = new Map<number, { status: number; body: string; atMs: number }>();
  let nextDeferred = 1;

  const later = (at: number, run: () => void) => {
    queue.push({ at, seq: seq++, run });
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  };

  const dependencyCall = (dependency: DependencyName, value: unknown) => () => {
    const answer = answerAt(options.faults, dependency, localNow);
    const id = nextDeferred++;
    if ("hang" in answer) return { deferred: id };
    later(localNow + answer.afterMs, () => {
      const error = answer.ok ? sandbox.settle(id, true, value) : sandbox.settle(id, false, answer.error);
      fatal ??= error;
    });
    return { deferred: id };
  };

  const sandbox = new QuickJsSandbox(
    quickjs,
    {
      "db.ping": dependencyCall("db", true),
      "db.query": dependencyCall("db", [{ "?column?": 1 }]),
      "cache.ping": dependencyCall("cache", "PONG"),
      "cache.query": dependencyCall("cache", null),
      "disk.free": dependencyCall("disk", 2 * 1024 ** 3),
      "clock.now": () => ({ value: localNow }),
      "timer.set": (timerId, ms) => {
        later(localNow + Math.max(0, Number(ms)), () => {
          const fired = sandbox.callGlobal("__fireTimer", [Number(timerId)]);
          fatal ??= "error" in fired ? fired.error : sandbox.runJobs();
        });
        return { value: null };
      },
      respond: (requestId, status, body) => {
        responses.set(Number(requestId), { status: Number(status), body: String(body), atMs: localNow });
        return { value: null };
      },
    },
    options.limits ?? DEFAULT_LIMITS,
    options.meter,
  );
  const preludeError = sandbox.evaluatePrelude(HTTP_HANDLER_PRELUDE, "lab-prelude.js");
  if (preludeError) throw new Error(`lab prelude failed: ${preludeError.message}`);
  const loadError = sandbox.evaluate(code);
  const logsSoFar = () => {
    while (logs.length < sandbox.logs.length) logs.push({ ...sandbox.logs[logs.length]!, atMs: localNow });
  };
  logsSoFar();

  const program: ProbeProgram = (context: ProbeContext) => {
    if (loadError || fatal) return { exitCode: 1, durationMs: 0, output: (loadError ?? fatal)!.message };
    if (context.sinceStartMs < options.bootMs)
      return { exitCode: 7, durationMs: 1, output: "curl: (7) Failed to connect: Connection refused" };
    localNow = context.nowMs;
    const requestId = context.nowMs * 1000 + context.probeNumber;
    const started = localNow;
    const call = sandbox.callGlobal("__handle", [options.path, requestId]);
    if ("error" in call) fatal = call.error;
    fatal ??= sandbox.runJobs();
    while (!responses.has(requestId) && !fatal) {
      const next = queue[0];
      if (!next || next.at - started > options.maxWaitMs) break;
      queue.shift();
      localNow = next.at;
      next.run();
    }
    // Answers still pending belong to this probe only: the next probe starts clean.
    queue.length = 0;
    logsSoFar();
    if (fatal) return { exitCode: 1, durationMs: localNow - started, output: fatal.message };
    const response = responses.get(requestId);
    responses.delete(requestId);
    if (!response) return { exitCode: 28, durationMs: Number.POSITIVE_INFINITY, output: "" };
    return {
      exitCode: curlExitCode(response.status),
      durationMs: Math.max(1, response.atMs - started),
      output:
        response.status < 400
          ? response.body
          : `curl: (22) The requested URL returned error: ${response.status}`,
    };
  };

  return {
    program,
    loadError,
    logs,
    fatal: () => fatal,
    dispose: () => sandbox.dispose(),
  };
}
