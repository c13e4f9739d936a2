import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from "quickjs-emscripten-core";
import { GUEST_PRELUDE } from "./guest-prelude";
import { MODULE_MEMORY_MAX_BYTES } from "./memory-cap";
import { isPoisoned, markPoisoned, memoryExhausted } from "./quickjs-module";

export type SandboxLimits = {
  /** Total CPU time the learner's code may use across the whole submission (every probe, every sandbox). */
  cpuBudgetMs: number;
  /** Heap limit of the QuickJS runtime. */
  memoryBytes: number;
};

export const DEFAULT_LIMITS: SandboxLimits = { cpuBudgetMs: 1_000, memoryBytes: MODULE_MEMORY_MAX_BYTES };

/**
 * QuickJS's recursion limit. It measures only its own (WebAssembly shadow) stack, while every
 * guest call also takes native stack from the host: at 512 KiB, `function f(n){ return f(n+1)+1 }`
 * overflowed V8's ~1 MiB stack first and left the module broken. 256 KiB was the largest size at
 * which every recursion shape we tried (plain, many locals, toString, Array#map, JSON reviver)
 * tripped QuickJS first on Node's main thread; we keep a margin below it.
 */
export const GUEST_STACK_BYTES = 192 * 1024;
const PRELUDE_DEADLINE_MS = 5_000;

/**
 * One CPU budget for a whole submission, shared by every sandbox that runs it, so a handler that
 * burns just under a per-probe budget cannot multiply it by the number of probes.
 */
/**
 * How the budget is measured: wall time by default (the browser). The server's verification
 * threads install their own thread's CPU time (cpu-clock.ts), so a loaded machine, or the
 * threads' own lowered priority, cannot make a correct solution run out of budget.
 */
let cpuClock: () => number = () => performance.now();
export function installCpuClock(clock: () => number): void {
  cpuClock = clock;
}

export class CpuMeter {
  usedMs = 0;
  constructor(readonly limitMs: number) {}
  get spent(): boolean {
    return this.usedMs >= this.limitMs;
  }
  get leftMs(): number {
    return Math.max(0, this.limitMs - this.usedMs);
  }
}

export type ConsoleEntry = { level: "log" | "info" | "warn" | "error"; line: number | null; message: string };
export type GuestError = {
  kind: "syntax" | "runtime" | "cpu-budget" | "memory";
  message: string;
  line: number | null;
};

/** A host function either answers now or returns a deferred id it will settle later (on the simulated clock). */
export type HostReply = { value: unknown } | { deferred: number } | { error: string };
export type HostFunctions = Record<string, (...args: unknown[]) => HostReply>;

export const LEARNER_FILE = "learner.js";

function lineOf(stack: unknown): number | null {
  const match = /learner\.js:(\d+)/.exec(String(stack ?? ""));
  return match ? Number(match[1]) : null;
}

/**
 * The learner's code inside a QuickJS WebAssembly runtime: a CPU budget, a
 * memory limit, and nothing but the host functions we choose to inject.
 * The same class runs in the browser's worker and on the server.
 */
export class QuickJsSandbox {
  readonly logs: ConsoleEntry[] = [];
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  private deadline = 0;
  private readonly meter: CpuMeter;

  constructor(
    private readonly module: QuickJSWASMModule,
    private readonly host: HostFunctions,
    private readonly limits: SandboxLimits = DEFAULT_LIMITS,
    /** Shared with the submission's other sandboxes; a sandbox of its own gets its own meter. */
    meter?: CpuMeter,
  ) {
    this.meter = meter ?? new CpuMeter(limits.cpuBudgetMs);
    this.runtime = module.newRuntime();
    this.runtime.setMemoryLimit(limits.memoryBytes);
    this.runtime.setMaxStackSize(GUEST_STACK_BYTES);
    this.runtime.setInterruptHandler(() => cpuClock() > this.deadline);
    this.context = this.runtime.newContext();
    this.installBridge();
    const prelude = this.evaluatePrelude(GUEST_PRELUDE, "prelude.js");
    if (prelude) {
      // Our own prelude cannot fail in a healthy module: whatever broke it must not be reused.
      markPoisoned(module);
      throw new Error(`sandbox prelude failed: ${prelude.message}`);
    }
  }

  get cpuMs(): number {
    return this.meter.usedMs;
  }

  /** Evaluates the learner's script (it registers handlers through the injected APIs). Lab preludes pass their own file name. */
  evaluate(code: string, filename = LEARNER_FILE): GuestError | null {
    return this.run(() => this.context.evalCode(code, filename, { type: "global" }));
  }

  /**
   * Our own set-up code (the lab's API): not charged to the learner's CPU budget, which on a
   * cold module it could otherwise spend before the learner's first line runs.
   */
  evaluatePrelude(code: string, filename: string): GuestError | null {
    return this.run(() => this.context.evalCode(code, filename, { type: "global" }), false);
  }

  /** Calls a function the guest defined on globalThis, with JSON arguments. */
  callGlobal(name: string, args: unknown[] = []): { value: unknown } | { error: GuestError } {
    let value: unknown;
    const error = this.run(() => {
      const fn = this.context.getProp(this.context.global, name);
      const handles = args.map((arg) => this.toHandle(arg));
      try {
        const result = this.context.callFunction(fn, this.context.undefined, ...handles);
        if (result.error) return { error: result.error };
        value = this.context.dump(result.value);
        // dump() of some values (e.g. a returned promise) already releases the handle.
        if (result.value.alive) result.value.dispose();
        return {};
      } finally {
        fn.dispose();
        handles.forEach((handle) => handle.dispose());
      }
    });
    return error ? { error } : { value };
  }

  /** Resolves or rejects a promise the guest is awaiting, then runs what became runnable. */
  settle(id: number, ok: boolean, value?: unknown): GuestError | null {
    const json = value === undefined ? [] : [JSON.stringify(value)];
    const result = this.callGlobal("__settle", [id, ok, ...json]);
    if ("error" in result) return result.error;
    return this.runJobs();
  }

  /** Runs pending promise jobs (async continuations) until none are left or the budget is spent. */
  runJobs(): GuestError | null {
    if (this.budgetSpent()) return this.cpuBudgetError(null);
    const started = cpuClock();
    this.deadline = started + this.meter.leftMs;
    let result: ReturnType<QuickJSRuntime["executePendingJobs"]>;
    try {
      result = this.runtime.executePendingJobs();
    } catch (error) {
      return this.hostFailure(error);
    } finally {
      this.meter.usedMs += cpuClock() - started;
    }
    if (result.error) {
      const error = this.describe(result.error);
      result.error.dispose();
      return this.exhausted() ?? error;
    }
    const exhausted = this.exhausted();
    if (exhausted) return exhausted;
    // An interrupted promise job surfaces as a rejection the guest may catch; the budget is still spent.
    return this.budgetSpent() ? this.cpuBudgetError(null) : null;
  }

  private budgetSpent(): boolean {
    return this.meter.spent;
  }

  private cpuBudgetError(line: number | null): GuestError {
    markPoisoned(this.module);
    return {
      kind: "cpu-budget",
      line,
      message: `Your code used more than ${this.limits.cpuBudgetMs} ms of CPU time and was stopped. Is there an endless loop?`,
    };
  }

  dispose(): void {
    // A poisoned module is dropped whole, its memory with it. Freeing a runtime left mid-call or out
    // of memory only trips QuickJS's assertions (printed to stderr as "Aborted(…)") for nothing.
    if (isPoisoned(this.module)) return;
    try {
      this.context.dispose();
      this.runtime.dispose();
    } catch (error) {
      // QuickJS asserts on freeing a runtime left mid-call (after a host stack overflow).
      markPoisoned(this.module);
      throw error;
    }
  }

  private installBridge() {
    const bridge = this.context.newFunction("__hostCall", (nameHandle, argsHandle) => {
      const name = this.context.getString(nameHandle);
      const args = JSON.parse(this.context.getString(argsHandle)) as unknown[];
      let reply: HostReply;
      if (name === "clock.now") {
        reply = this.host["clock.now"] ? this.host["clock.now"]() : { value: 0 };
      } else if (name === "console") {
        const [level, line, message] = args as [ConsoleEntry["level"], number | null, string];
        this.logs.push({ level, line, message: String(message).slice(0, 2_000) });
        reply = { value: null };
      } else {
        const fn = this.host[name];
        reply = fn ? fn(...args) : { error: `${name} is not available in this lab` };
      }
      return this.context.newString(JSON.stringify(reply));
    });
    this.context.setProp(this.context.global, "__hostCall", bridge);
    bridge.dispose();
  }

  /** Enters guest code with what is left of the CPU budget; turns failures into learner-readable errors. */
  private run(
    enter: () => { error?: QuickJSHandle; value?: QuickJSHandle },
    charged = true,
  ): GuestError | null {
    if (charged && this.budgetSpent()) return this.cpuBudgetError(null);
    const started = cpuClock();
    // Uncharged (our prelude) still gets a deadline: a broken module must not hang here.
    this.deadline = started + (charged ? this.meter.leftMs : PRELUDE_DEADLINE_MS);
    let result: { error?: QuickJSHandle; value?: QuickJSHandle };
    try {
      result = enter();
    } catch (error) {
      return this.hostFailure(error);
    } finally {
      if (charged) this.meter.usedMs += cpuClock() - started;
    }
    if (result.error) {
      const error = this.describe(result.error);
      result.error.dispose();
      return this.exhausted() ?? error;
    }
    result.value?.dispose();
    return this.exhausted();
  }

  /** The module's real memory bound was (nearly) reached, whether or not the guest caught the error. */
  private exhausted(): GuestError | null {
    if (!memoryExhausted(this.module)) return null;
    markPoisoned(this.module);
    return { kind: "memory", line: null, message: memoryMessage(this.limits) };
  }

  /**
   * An exception out of the WebAssembly itself (not a guest error): the module is poisoned either
   * way. Memory is the learner's to hear about; anything else (a host stack overflow, an abort)
   * goes up to the runner, which reports or rethrows it.
   */
  private hostFailure(error: unknown): GuestError {
    markPoisoned(this.module);
    if (error instanceof Error && /memory/i.test(error.message)) {
      return { kind: "memory", message: memoryMessage(this.limits), line: null };
    }
    throw error;
  }

  private describe(handle: QuickJSHandle): GuestError {
    const dumped = this.context.dump(handle) as
      { name?: string; message?: string; stack?: string } | string | null;
    const name = typeof dumped === "object" && dumped ? (dumped.name ?? "Error") : "Error";
    const message =
      typeof dumped === "object" && dumped ? (dumped.message ?? String(dumped)) : String(dumped);
    const line = typeof dumped === "object" && dumped ? lineOf(dumped.stack) : null;
    if (name === "InternalError" && /interrupted/i.test(message)) return this.cpuBudgetError(line);
    if (/out of memory/i.test(message)) {
      markPoisoned(this.module);
      return { kind: "memory", line, message: memoryMessage(this.limits) };
    }
    // QuickJS's own recursion limit (a JSON reviver's comes out as a SyntaxError): the learner's loop.
    if (/^stack overflow$/i.test(message))
      return { kind: "runtime", line, message: STACK_MESSAGE };
    if (name === "SyntaxError")
      return { kind: "syntax", line: line ?? lineFromMessage(message), message: `SyntaxError: ${message}` };
    return { kind: "runtime", line, message: `${name}: ${message}` };
  }

  private toHandle(value: unknown): QuickJSHandle {
    if (value === undefined) return this.context.undefined;
    if (typeof value === "number") return this.context.newNumber(value);
    if (typeof value === "string") return this.context.newString(value);
    if (typeof value === "boolean") return value ? this.context.true : this.context.false;
    if (value === null) return this.context.null;
    const parsed = this.context.evalCode(`(${JSON.stringify(value)})`);
    if (parsed.error) {
      parsed.error.dispose();
      return this.context.undefined;
    }
    return parsed.value;
  }
}

const STACK_MESSAGE = "RangeError: Maximum call stack size exceeded. Is there a recursion that never ends?";

/** Names the bound that really stopped the guest: the runtime's limit or the module's, whichever is lower. */
function memoryMessage(limits: SandboxLimits): string {
  const bound = Math.min(limits.memoryBytes, MODULE_MEMORY_MAX_BYTES);
  return `Your code tried to use more than ${Math.round(bound / (1 << 20))} MiB of memory and was stopped.`;
}

function lineFromMessage(message: string): number | null {
  const match = /line (\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}
