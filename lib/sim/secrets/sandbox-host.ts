import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import {
  QuickJsSandbox,
  type ConsoleEntry,
  type HostFunctions,
  type HostReply,
  type SandboxLimits,
} from "@/lib/sandbox/quickjs-sandbox";
import { FileNotFoundError, type SimContainer } from "./container";
import { runtimeFor, type LoaderOutcome, type LoaderRunner, type LoaderRuntime } from "./loader";

/**
 * Runs inside QuickJS before the learner's loader: Node-shaped `fs.readFileSync`, `require("fs")`,
 * `process.env` and `process.exit`, all built on the sandbox's `__host.call`. The learner defines
 * `globalThis.loadConfig = () => ({ … })`; console comes from the sandbox's own prelude.
 */
export const SECRETS_PRELUDE = String.raw`
(() => {
  const call = globalThis.__host.call;
  const readFileSync = (path, options) => {
    const reply = call("secrets.readFile", String(path));
    if (reply.error) {
      const error = new Error(reply.error);
      error.code = reply.code;
      throw error;
    }
    return reply.content;
  };
  const fs = Object.freeze({ readFileSync, existsSync: (path) => call("secrets.exists", String(path)) });
  globalThis.fs = fs;
  globalThis.require = (name) => {
    if (name === "fs" || name === "node:fs") return fs;
    throw new Error("Cannot find module '" + name + "' (only fs is available in this lab)");
  };
  globalThis.process = { env: call("secrets.env"), exit(code) { call("secrets.exit", code === undefined ? 0 : code); throw new Error("process.exit"); } };
})();
`;

export const SECRETS_PRELUDE_FILE = "secrets-prelude.js";

/**
 * Host functions for the sandbox, bound to one simulated container. File errors come back as data
 * (`{ error, code }`) so the guest throws a Node-like error it can catch; `exit` is recorded.
 */
export function secretsHostFunctions(container: SimContainer): {
  functions: HostFunctions;
  runtime: LoaderRuntime;
  exitCode: () => number | null;
} {
  const runtime = runtimeFor(container);
  let exitCode: number | null = null;
  const ok = (value: unknown): HostReply => ({ value });
  return {
    runtime,
    exitCode: () => exitCode,
    functions: {
      "secrets.readFile": (path) => {
        try {
          return ok({ content: runtime.readFile(String(path)) });
        } catch (error) {
          if (error instanceof FileNotFoundError) return ok({ error: error.message, code: error.code });
          throw error;
        }
      },
      "secrets.exists": (path) => ok(container.listFiles().some(([p]) => p === String(path))),
      "secrets.env": () => ok(runtime.env),
      "secrets.exit": (code) => {
        exitCode = Number(code) || 0;
        return ok(null);
      },
    },
  };
}

/** Copies the sandbox's console lines into the container's logs (warn/error go to stderr, as Node writes them). */
export function appendConsole(container: SimContainer, entries: ConsoleEntry[]): void {
  for (const e of entries)
    container.log(e.level === "warn" || e.level === "error" ? "stderr" : "stdout", e.message);
}

/**
 * A runner for `checkLoaderRuns` that starts the learner's code in the QuickJS sandbox: prelude,
 * learner code, then `loadConfig()`. Syntax and runtime errors are a failed start, as in Node.
 */
export function quickJsLoaderRunner(
  quickjs: QuickJSWASMModule,
  code: string,
  limits?: SandboxLimits,
): LoaderRunner {
  return (container): LoaderOutcome => {
    const host = secretsHostFunctions(container);
    const sandbox = new QuickJsSandbox(quickjs, host.functions, limits);
    try {
      const fail = (message: string): LoaderOutcome => {
        appendConsole(container, sandbox.logs.splice(0));
        const code = host.exitCode();
        if (code !== null)
          return {
            started: false,
            error:
              container.logs.filter((l) => l.stream === "stderr").at(-1)?.text ?? `exited with code ${code}`,
          };
        container.log("stderr", `Uncaught ${message}`);
        return { started: false, error: message };
      };
      const preludeError = sandbox.evaluate(SECRETS_PRELUDE, SECRETS_PRELUDE_FILE);
      if (preludeError) throw new Error(`secrets prelude failed: ${preludeError.message}`);
      const evalError = sandbox.evaluate(code);
      if (evalError) return fail(evalError.message);
      const result = sandbox.callGlobal("loadConfig");
      if ("error" in result) return fail(result.error.message);
      appendConsole(container, sandbox.logs.splice(0));
      const config = result.value;
      if (config === null || typeof config !== "object")
        return { started: false, error: "loadConfig() did not return a config object" };
      return { started: true, config: config as Record<string, unknown> };
    } finally {
      sandbox.dispose();
    }
  };
}
