import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { QuickJsSandbox, type GuestError, type SandboxLimits } from "@/lib/sandbox/quickjs-sandbox";
import {
  checkLoaderRuns,
  quickJsLoaderRunner,
  SECRETS_PRELUDE,
  SECRETS_PRELUDE_FILE,
  secretsHostFunctions,
  SimContainer,
  type LoaderOutcome,
  type LoaderRunner,
} from "@/lib/sim/secrets";
import type { SecretsCheck } from "../check-schema";
import { judgeSecretsCheck } from "../checks/secrets";
import type { OpsOutcome } from "../ops/outcome";
import type { SecretsRun } from "../ops/results";
import type { LabOfKind } from "../schema";
import { capList, MAX_LOG_LINES } from "../timeline";

export type SecretsCodeOutcome = { failed: GuestError } | { failed: null; outcome: OpsOutcome };

/**
 * The secrets code lab: the learner's `loadConfig` starts twice in the simulated container, with
 * every secret file and with the first one missing (lib/sim/secrets). Code that does not even
 * load (a syntax error, a top-level throw) is reported with its line before anything runs.
 */
export function runSecretsCode(
  lab: LabOfKind<"secrets-code">,
  code: string,
  quickjs: QuickJSWASMModule,
  limits?: SandboxLimits,
): SecretsCodeOutcome {
  const loadError = loadErrorOf(lab, code, quickjs, limits);
  if (loadError) return { failed: loadError };
  const outcomes: LoaderOutcome[] = [];
  const runner = quickJsLoaderRunner(quickjs, code, limits);
  const recording: LoaderRunner = (container) => {
    const outcome = runner(container);
    outcomes.push(outcome);
    return outcome;
  };
  const report = checkLoaderRuns(recording, lab.scenario);
  const missingName = lab.scenario.required[0]!.name;
  const runs = ([report.runs.full, report.runs.missing] as const).map((container, index): SecretsRun => {
    const logs = capList(container.logs, MAX_LOG_LINES);
    const outcome = outcomes[index]!;
    return {
      run: index === 0 ? "full" : "missing",
      label: index === 0 ? "Every secret file in place" : `Without the ${missingName} file`,
      reads: [...container.reads],
      logs: logs.items,
      omittedLogs: logs.omitted,
      outcome: outcome.started ? { started: true } : { started: false, error: outcome.error },
    };
  });
  return {
    failed: null,
    outcome: {
      checks: lab.checks.map((check) => judgeSecretsCheck(check as SecretsCheck, report.checks)),
      ran: {
        timeline: { kind: "secrets", runs },
        summary: { kind: "secrets", checks: report.checks },
      },
    },
  };
}

/** Evaluates the prelude and the learner's file once, without calling loadConfig. */
function loadErrorOf(
  lab: LabOfKind<"secrets-code">,
  code: string,
  quickjs: QuickJSWASMModule,
  limits?: SandboxLimits,
): GuestError | null {
  const host = secretsHostFunctions(new SimContainer(lab.scenario.container));
  const sandbox = new QuickJsSandbox(quickjs, host.functions, limits);
  try {
    const preludeError = sandbox.evaluatePrelude(SECRETS_PRELUDE, SECRETS_PRELUDE_FILE);
    if (preludeError) throw new Error(`secrets prelude failed: ${preludeError.message}`);
    const error = sandbox.evaluate(code);
    if (error) return error;
    const missing = sandbox.evaluatePrelude(
      "if (typeof globalThis.loadConfig !== 'function') throw new Error('no loadConfig')",
      "check-loader.js",
    );
    if (!missing) return null;
    return {
      kind: "runtime",
      message: "Your code does not define loadConfig: end it with globalThis.loadConfig = () => ({ … })",
      line: null,
    };
  } finally {
    sandbox.dispose();
  }
}
