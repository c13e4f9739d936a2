import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import type { GuestError, SandboxLimits } from "@/lib/sandbox/quickjs-sandbox";
import {
  CHECK_FAMILY,
  type HealthCheck,
  type LabCheck,
  type RolloutCheck,
  type ShutdownCheck,
} from "./check-schema";
import { describeCheck } from "./check-labels";
import { judgeHealthCheck } from "./checks/health";
import { judgeRolloutCheck } from "./checks/rollout";
import { judgeShutdownCheck } from "./checks/shutdown";
import type { ConfigKind, ParamValues } from "./params-schema";
import { applyExperiment, describeExperiment, experimentHeadline, hasExperiment } from "./experiment";
import { experimentTargetOf, parseExperiment } from "./experiment-schema";
import { matchingPresets } from "./presets";
import type { CheckResult, ExperimentOutcome, LabResult, LabSummary, LabTimeline } from "./result-types";
import { runFlags } from "./runners/flags";
import { runHealthCode, SINGLE_RUN, type HealthRun } from "./runners/health-code";
import { runLoggingLab } from "./runners/logging";
import { runCpuLab, runMemoryLab } from "./runners/memory";
import { runRollout } from "./runners/rollout";
import { runSecretsCode } from "./runners/secrets";
import { runShutdownCode, runShutdownConfig } from "./runners/shutdown";
import { submissionSchemaFor, type Lab, type Submission } from "./schema";
import { healthChartContext } from "./chart-context";
import { healthTimeline, rolloutTimeline, shutdownTimeline } from "./timeline";
import { evaluateTextLab } from "./text/evaluate";
import { verdictHeadline } from "./verdict-headline";

export type EvaluateOptions = {
  /** Sandbox limits for learner code; the sandbox's defaults when left out (the server uses those). */
  limits?: SandboxLimits;
  /**
   * The learner's variation of the scenario (code labs; see experiment-schema.ts), run as well and
   * returned in `result.experiment`. The graded checks ignore it. The server never passes one.
   */
  experiment?: unknown;
};

const LIMIT_KINDS = new Set<GuestError["kind"]>(["cpu-budget", "memory"]);

export const CODE_CHECK_LABEL = "Your code loads and runs without errors";
export const SUBMISSION_CHECK_LABEL = "The submission fits this lab";

/**
 * Runs a submission against its lab and judges every pass criterion. Pure apart from the QuickJS
 * module it is handed (needed for code labs only; null is fine for config labs), and
 * deterministic: the browser and the server get the same result for the same submission.
 * Learner mistakes (invalid settings, syntax and runtime errors, endless loops, memory) come back
 * as failed checks; this function does not throw for them.
 */
export function evaluateLab(
  lab: Lab,
  submission: unknown,
  quickjs: QuickJSWASMModule | null,
  options: EvaluateOptions = {},
): LabResult {
  const parsed = submissionSchemaFor(lab).safeParse(submission);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
      .join("; ");
    return finish(
      lab,
      [{ label: SUBMISSION_CHECK_LABEL, passed: false, detail }],
      null,
      `Rejected: ${detail}`,
    );
  }
  try {
    const graded = run(lab, parsed.data, quickjs, options);
    if (options.experiment === undefined) return graded;
    return { ...graded, experiment: runExperiment(lab, parsed.data, quickjs, options) };
  } catch (error) {
    // Only a bug in a lab or an engine gets here; the learner still gets an answer, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    const check = {
      label: "The simulation ran",
      passed: false,
      detail: `It stopped with an internal error: ${message}`,
    };
    return finish(lab, [check], null, "The simulation could not run.");
  }
}

function run(
  lab: Lab,
  submission: Submission,
  quickjs: QuickJSWASMModule | null,
  options: EvaluateOptions,
): LabResult {
  switch (lab.kind) {
    case "health-code": {
      const outcome = runHealthCode(lab, submission.code ?? "", needQuickJs(quickjs), options.limits);
      if (outcome.failed) return codeFailed(lab, outcome.failed, outcome.during);
      const result = healthResult(lab, outcome.runs, [codeCheck(outcome.runtimeError)]);
      // A limit (CPU budget, memory) fails every later probe too: the headline says why, first.
      if (outcome.runtimeError && LIMIT_KINDS.has(outcome.runtimeError.kind))
        return { ...result, headline: describeGuestError(outcome.runtimeError) };
      return result;
    }
    case "healthcheck-flags":
      return healthResult(lab, runFlags(lab, paramsOf(lab.kind, submission)), []);
    case "shutdown-code": {
      const outcome = runShutdownCode(lab, submission.code ?? "", needQuickJs(quickjs), options.limits);
      if (outcome.failed) return codeFailed(lab, outcome.failed, outcome.during);
      const checks = lab.checks.map((check) =>
        isFamily<ShutdownCheck>(check, "shutdown")
          ? judgeShutdownCheck(check, outcome.result)
          : misplaced(check),
      );
      const { timeline, summary } = shutdownTimeline(outcome.result);
      return finish(lab, [codeCheck(outcome.runtimeError), ...checks], { timeline, summary });
    }
    case "shutdown-config": {
      const result = runShutdownConfig(lab, paramsOf(lab.kind, submission));
      const checks = lab.checks.map((check) =>
        isFamily<ShutdownCheck>(check, "shutdown") ? judgeShutdownCheck(check, result) : misplaced(check),
      );
      return finish(lab, checks, shutdownTimeline(result));
    }
    case "rollout-config": {
      const outcome = runRollout(lab, paramsOf(lab.kind, submission));
      if (outcome.settingsError !== null) {
        const check = {
          label: "Kubernetes accepts the settings",
          passed: false,
          detail: outcome.settingsError,
        };
        return finish(
          lab,
          [check, ...notChecked(lab, "the Deployment was rejected")],
          null,
          outcome.settingsError,
        );
      }
      const { result } = outcome;
      const checks = lab.checks.map((check) =>
        isFamily<RolloutCheck>(check, "rollout") ? judgeRolloutCheck(check, result) : misplaced(check),
      );
      return finish(lab, checks, rolloutTimeline(result));
    }
    case "promql-alert":
    case "promql-query":
    case "dockerfile":
    case "backup-restore":
    case "incident":
      return evaluateTextLab(lab, submission);
    case "memory-config":
    case "cpu-config":
    case "logging-config": {
      const ran =
        lab.kind === "memory-config"
          ? runMemoryLab(lab, paramsOf(lab.kind, submission))
          : lab.kind === "cpu-config"
            ? runCpuLab(lab, paramsOf(lab.kind, submission))
            : runLoggingLab(lab, paramsOf(lab.kind, submission));
      return finish(lab, ran.checks, ran.ran, ran.headline);
    }
    case "secrets-code": {
      const ran = runSecretsCode(lab, submission.code ?? "", needQuickJs(quickjs), options.limits);
      if (ran.failed) return codeFailed(lab, ran.failed, "load");
      return finish(lab, [codeCheck(null), ...ran.outcome.checks], ran.outcome.ran);
    }
  }
}

/** The same code against the experiment's scenario; only its timeline and code errors are kept. */
function runExperiment(
  lab: Lab,
  submission: Submission,
  quickjs: QuickJSWASMModule | null,
  options: EvaluateOptions,
): ExperimentOutcome {
  const target = experimentTargetOf(lab);
  if (!target || !hasExperiment(lab))
    return {
      ok: false,
      problems: [{ path: "", message: "This lab has no experiment: change its settings instead." }],
    };
  const parsed = parseExperiment(target, options.experiment);
  if (!parsed.ok) return parsed;
  let ran: LabResult;
  try {
    ran = run(applyExperiment(lab, parsed.experiment), submission, quickjs, { limits: options.limits });
  } catch (error) {
    // As for the lab's own run: an engine bug must not take the graded result down with it.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: "", message: `The experiment stopped with an internal error: ${message}` }],
    };
  }
  const codeError = ran.checks.find((check) => check.label === CODE_CHECK_LABEL && !check.passed) ?? null;
  const examples = matchingPresets(target, parsed.experiment).map(
    (preset) => `Chapter example: ${preset.example}.`,
  );
  return {
    ok: true,
    description: [...examples, ...describeExperiment(target, parsed.experiment)],
    headline: ran.summary ? experimentHeadline(ran.summary) : ran.headline,
    codeError,
    summary: ran.summary,
    timeline: ran.timeline,
  };
}

function healthResult(lab: Lab, runs: HealthRun[], leading: CheckResult[]): LabResult {
  const checks = lab.checks.map((check) => {
    if (!isFamily<HealthCheck>(check, "health")) return misplaced(check);
    const run = runs.find((candidate) => candidate.id === (check.run ?? SINGLE_RUN));
    if (!run)
      return {
        label: describeCheck(check),
        passed: false,
        detail: `This lab has no run named ${check.run}.`,
      };
    return judgeHealthCheck(check, run.timeline);
  });
  const context =
    lab.kind === "health-code" || lab.kind === "healthcheck-flags" ? healthChartContext(lab) : undefined;
  return finish(lab, [...leading, ...checks], healthTimeline(runs, context));
}

function isFamily<T extends LabCheck>(check: LabCheck, family: string): check is T {
  return CHECK_FAMILY[check.type] === family;
}

// LabSchema forbids this; kept so a hand-built lab cannot pass a check it never ran.
function misplaced(check: LabCheck): CheckResult {
  return {
    label: describeCheck(check),
    passed: false,
    detail: `The ${check.type} check does not apply to this lab.`,
  };
}

/**
 * The submission schema has already checked these against the lab's bounds and keys, so the
 * record is exactly this kind's settings.
 */
function paramsOf<K extends ConfigKind>(_kind: K, submission: Submission): ParamValues<K> {
  return submission.params as ParamValues<K>;
}

function needQuickJs(quickjs: QuickJSWASMModule | null): QuickJSWASMModule {
  if (!quickjs) throw new Error("code labs need the QuickJS module");
  return quickjs;
}

export function describeGuestError(error: GuestError): string {
  return error.line === null ? error.message : `${error.message} (line ${error.line})`;
}

function codeCheck(error: GuestError | null): CheckResult {
  return error
    ? { label: CODE_CHECK_LABEL, passed: false, detail: describeGuestError(error) }
    : { label: CODE_CHECK_LABEL, passed: true, detail: "No errors." };
}

function notChecked(lab: Lab, reason: string): CheckResult[] {
  return lab.checks.map((check) => ({
    label: describeCheck(check),
    passed: false,
    detail: `Not checked: ${reason}.`,
  }));
}

/** A run the host had to stop from outside (wall-clock deadline, worker memory): the learner's error. */
export function stoppedResult(lab: Lab, error: GuestError): LabResult {
  return codeFailed(lab, error, "run");
}

function codeFailed(lab: Lab, error: GuestError, during: "load" | "run"): LabResult {
  const what = during === "load" ? "did not load" : "stopped the simulation";
  const checks = [codeCheck(error), ...notChecked(lab, `your code ${what}`)];
  return finish(lab, checks, null, `Your code ${what}: ${describeGuestError(error)}`);
}

function finish(
  lab: Lab,
  checks: CheckResult[],
  ran: { timeline: LabTimeline; summary: LabSummary } | null,
  headline?: string,
): LabResult {
  const passedCount = checks.filter((check) => check.passed).length;
  const passed = checks.length > 0 && passedCount === checks.length;
  return {
    labSlug: lab.slug,
    passed,
    checks,
    headline:
      headline ?? verdictHeadline(passedCount, checks.length),
    summary: ran?.summary ?? null,
    timeline: ran?.timeline ?? null,
  };
}
