import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from "quickjs-emscripten-core";
import { GUEST_PRELUDE } from "./guest-prelude";

export type SandboxLimits = {
  /** Total CPU time the learner's code may use across the whole run. */
  cpuBudgetMs: number;
  /** Heap limit of the QuickJS runtime. */
  memoryBytes: number;
};

export const DEFAULT_LIMITS: SandboxLimits = { cpuBudgetMs: 1_000, memoryBytes: 16 << 20 };

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
  private cpuUsedMs = 0;
  private deadline = 0;

  constructor(
    module: QuickJSWASMModule,
    private readonly host: HostFunctions,
    private readonly limits: SandboxLimits = DEFAULT_LIMITS,
  ) {
    this.runtime = module.newRuntime();
    this.runtime.setMemoryLimit(limits.memoryBytes);
    this.runtime.setMaxStackSize(512 * 1024);
    this.runtime.setInterruptHandler(() => performance.now() > this.deadline);
    this.context = this.runtime.newContext();
    this.installBridge();
    const prelude = this.run(() => this.context.evalCode(GUEST_PRELUDE, "prelude.js"));
    if (prelude) throw new Error(`sandbox prelude failed: ${prelude.message}`);
  }

  get cpuMs(): number {
    return this.cpuUsedMs;
  }

  /** Gives the guest a fresh CPU budget, e.g. one per simulated request, so long simulations are not starved. */
  resetCpuBudget(): void {
    this.cpuUsedMs = 0;
  }

  /** Evaluates the learner's script (it registers handlers through the injected APIs). Lab preludes pass their own file name. */
  evaluate(code: string, filename = LEARNER_FILE): GuestError | null {
    return this.run(() => this.context.evalCode(code, filename, { type: "global" }));
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
    const started = performance.now();
    this.deadline = started + Math.max(0, this.limits.cpuBudgetMs - this.cpuUsedMs);
    const result = this.runtime.executePendingJobs();
    this.cpuUsedMs += performance.now() - started;
    if (result.error) {
      const error = this.describe(result.error);
      result.error.dispose();
      return error;
    }
    // An interrupted promise job surfaces as a rejection the guest may catch; the budget is still spent.
    return this.budgetSpent() ? this.cpuBudgetError(null) : null;
  }

  private budgetSpent(): boolean {
    return this.cpuUsedMs >= this.limits.cpuBudgetMs;
  }

  private cpuBudgetError(line: number | null): GuestError {
    return {
      kind: "cpu-budget",
      line,
      message: `Your code used more than ${this.limits.cpuBudgetMs} ms of CPU time and was stopped. Is there an endless loop?`,
    };
  }

  dispose(): void {
    this.context.dispose();
    this.runtime.dispose();
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
  private run(enter: () => { error?: QuickJSHandle; value?: QuickJSHandle }): GuestError | null {
    if (this.budgetSpent()) return this.cpuBudgetError(null);
    const started = performance.now();
    this.deadline = started + Math.max(0, this.limits.cpuBudgetMs - this.cpuUsedMs);
    let result: { error?: QuickJSHandle; value?: QuickJSHandle };
    try {
      result = enter();
    } catch (error) {
      // QuickJS itself ran out of memory while allocating outside guest code.
      if (error instanceof Error && /memory/i.test(error.message)) {
        return { kind: "memory", message: memoryMessage(this.limits), line: null };
      }
      throw error;
    } finally {
      this.cpuUsedMs += performance.now() - started;
    }
    if (result.error) {
      const error = this.describe(result.error);
      result.error.dispose();
      return error;
    }
    result.value?.dispose();
    return null;
  }

  private describe(handle: QuickJSHandle): GuestError {
    const dumped = this.context.dump(handle) as
      { name?: string; message?: string; stack?: string } | string | null;
    const name = typeof dumped === "object" && dumped ? (dumped.name ?? "Error") : "Error";
    const message =
      typeof dumped === "object" && dumped ? (dumped.message ?? String(dumped)) : String(dumped);
    const line = typeof dumped === "object" && dumped ? lineOf(dumped.stack) : null;
    if (name === "InternalError" && /interrupted/i.test(message)) return this.cpuBudgetError(line);
    if (/out of memory/i.test(message)) return { kind: "memory", line, message: memoryMessage(this.limits) };
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

function memoryMessage(limits: SandboxLimits): string {
  return `Your code tried to use more than ${Math.round(limits.memoryBytes / (1 << 20))} MiB of memory and was stopped.`;
}

function lineFromMessage(message: string): number | null {
  const match = /line (\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}
