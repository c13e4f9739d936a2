import { z } from "zod";
import { FileNotFoundError, SimContainer, type ContainerSpecInput } from "./container";
import { findEncoded } from "./encodings";
import { describeFinding, leaks, scanContainer } from "./scan";

/**
 * What a learner's config loader gets: the container's files (read-only), its environment and a
 * console whose lines become `docker logs`. The same shape is injected into the QuickJS sandbox
 * (see `host.ts`), where it appears as `fs.readFileSync`, `process.env` and `console`.
 */
export type LoaderRuntime = {
  readFile(path: string): string;
  env: Record<string, string | undefined>;
  console: {
    log(...v: unknown[]): void;
    info(...v: unknown[]): void;
    warn(...v: unknown[]): void;
    error(...v: unknown[]): void;
  };
  /** process.exit: ends the loader; a non-zero code is a failed start (its message: the last stderr line). */
  exit(code?: number): never;
};
/** A loader returns the app's config (an object) or throws; an exit with a message counts as a throw. */
export type Loader = (runtime: LoaderRuntime) => unknown;

export class LoaderExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = "LoaderExit";
  }
}

const show = (v: unknown) =>
  typeof v === "string"
    ? v
    : v instanceof Error
      ? `${v.name}: ${v.message}`
      : (JSON.stringify(v) ?? String(v));

export function runtimeFor(container: SimContainer): LoaderRuntime {
  const line =
    (stream: "stdout" | "stderr") =>
    (...values: unknown[]) =>
      container.log(stream, values.map(show).join(" "));
  return {
    readFile: (path) => container.readFile(path),
    // A copy: the loader may change process.env, which never reaches /proc/1/environ (set at execve).
    env: { ...container.spec.env },
    console: { log: line("stdout"), info: line("stdout"), warn: line("stderr"), error: line("stderr") },
    exit: (code = 0) => {
      const lastError = container.logs.filter((l) => l.stream === "stderr").at(-1)?.text;
      throw new LoaderExit(code, lastError ?? `exited with code ${code}`);
    },
  };
}

export type LoaderOutcome =
  { started: true; config: Record<string, unknown> } | { started: false; error: string };

/** Runs a loader in a container; an uncaught error is logged to stderr as Node prints it, then exit 1. */
export function runLoader(loader: Loader, container: SimContainer): LoaderOutcome {
  const runtime = runtimeFor(container);
  try {
    const config = loader(runtime);
    if (config === null || typeof config !== "object")
      return { started: false, error: `the loader returned ${show(config)}, not a config object` };
    return { started: true, config: config as Record<string, unknown> };
  } catch (error) {
    if (error instanceof LoaderExit) return { started: false, error: error.message };
    const message = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
    container.log("stderr", `Uncaught ${message}`);
    return { started: false, error: message };
  }
}

export const SecretsLabScenarioSchema = z.object({
  container: z.custom<ContainerSpecInput>((v) => typeof v === "object" && v !== null),
  /** The secrets the app needs: the secret's name, the config key the value must land in, and the value the app expects. */
  required: z
    .array(z.object({ name: z.string().min(1), configKey: z.string().min(1), value: z.string().min(1) }))
    .min(1),
});
export type SecretsLabScenarioInput = z.input<typeof SecretsLabScenarioSchema>;

export type LoaderCheckId =
  "reads-files" | "still-starts" | "never-logs" | "clear-missing-error" | "no-leak-surfaces";
export type LoaderCheck = { id: LoaderCheckId; title: string; pass: boolean; message: string };

const TITLES: Record<LoaderCheckId, string> = {
  "reads-files": "Reads secrets from files",
  "still-starts": "Starts with the right values",
  "never-logs": "Never logs a secret",
  "clear-missing-error": "Clear error when a secret file is missing",
  "no-leak-surfaces": "No secret in inspect, environ or history",
};

const check = (id: LoaderCheckId, pass: boolean, message: string): LoaderCheck => ({
  id,
  title: TITLES[id],
  pass,
  message,
});
const secretPath = (spec: ContainerSpecInput, name: string) =>
  spec.secrets?.find((s) => s.name === name)?.target ?? `/run/secrets/${name}`;

/** Starts the learner's loader in a container: a plain function (`runLoader`) or the QuickJS sandbox. */
export type LoaderRunner = (container: SimContainer) => LoaderOutcome;
export type LoaderReport = { checks: LoaderCheck[]; runs: { full: SimContainer; missing: SimContainer } };

export const checkLoader = (loader: Loader, input: SecretsLabScenarioInput): LoaderReport =>
  checkLoaderRuns((c) => runLoader(loader, c), input);

/**
 * Runs the loader twice — with every secret file present, then with the first required one
 * removed — and judges it in words. Pass/fail per check; a thrown loader is data, not an exception.
 */
export function checkLoaderRuns(run: LoaderRunner, input: SecretsLabScenarioInput): LoaderReport {
  const scenario = SecretsLabScenarioSchema.parse(input);
  const spec = scenario.container;
  const full = new SimContainer(spec);
  const outcome = run(full);
  const firstMissing = scenario.required[0]!;
  const missing = new SimContainer({
    ...spec,
    secrets: (spec.secrets ?? []).filter((s) => s.name !== firstMissing.name),
  });
  const missingOutcome = run(missing);
  const values = scenario.required.map((r) => r.value);
  const checks: LoaderCheck[] = [];

  // reads-files: every required secret's file was read (the path from *_FILE variables counts).
  const unread = scenario.required.filter((r) => !full.reads.includes(secretPath(spec, r.name)));
  checks.push(
    unread.length === 0
      ? check(
          "reads-files",
          true,
          `Read ${scenario.required.map((r) => secretPath(spec, r.name)).join(" and ")}.`,
        )
      : check(
          "reads-files",
          false,
          `Never read ${unread.map((r) => secretPath(spec, r.name)).join(" or ")}; secrets mounted as files are the only place the value is.`,
        ),
  );

  // still-starts: the config holds exactly the expected values (a trailing newline from the file is a wrong password).
  if (!outcome.started)
    checks.push(
      check("still-starts", false, `With every secret file in place the loader failed: ${outcome.error}`),
    );
  else {
    const wrong = scenario.required.filter((r) => outcome.config[r.configKey] !== r.value);
    const detail = (r: (typeof wrong)[number]) => {
      const got = outcome.config[r.configKey];
      if (got === undefined) return `${r.configKey} is undefined`;
      if (typeof got === "string" && got.trim() === r.value)
        return `${r.configKey} keeps the file's trailing newline (trim it)`;
      return `${r.configKey} is not the value in ${secretPath(spec, r.name)}`;
    };
    checks.push(
      wrong.length === 0
        ? check(
            "still-starts",
            true,
            `Started with ${scenario.required.map((r) => r.configKey).join(", ")} set from the secret files.`,
          )
        : check(
            "still-starts",
            false,
            `The app would fail to authenticate: ${wrong.map(detail).join("; ")}.`,
          ),
    );
  }

  // never-logs: no value in any log line of either run, in any encoding.
  const logged = [full, missing].flatMap((c, run) =>
    c.jsonFileLog().flatMap((line, i) => {
      const hit = values.map((v) => findEncoded(line, v)).find(Boolean);
      return hit
        ? [
            `${run === 0 ? "normal start" : "missing-file run"}, log line ${i + 1}${hit === "plain" ? "" : ` (${hit})`}`,
          ]
        : [];
    }),
  );
  checks.push(
    logged.length === 0
      ? check("never-logs", true, "No log line holds a secret value, plain, base64 or URL-encoded.")
      : check(
          "never-logs",
          false,
          `A secret value is in the logs: ${logged[0]}${logged.length > 1 ? ` and ${logged.length - 1} more` : ""}. Log which secrets were loaded, never their values.`,
        ),
  );

  // clear-missing-error: with one file gone the loader must stop, naming the secret or its path.
  const path = secretPath(spec, firstMissing.name);
  if (missingOutcome.started)
    checks.push(
      check(
        "clear-missing-error",
        false,
        `With ${path} missing the loader still returned a config, so the app would start and fail later on a login it cannot make.`,
      ),
    );
  else {
    const clear = missingOutcome.error.includes(path) || missingOutcome.error.includes(firstMissing.name);
    // Node's own "ENOENT: no such file or directory" names the path but not what to do about it.
    const rawEnoent = /^Error: ENOENT/.test(missingOutcome.error);
    checks.push(
      clear && !rawEnoent
        ? check("clear-missing-error", true, `With ${path} missing it stops with: ${missingOutcome.error}`)
        : check(
            "clear-missing-error",
            false,
            rawEnoent
              ? `With ${path} missing it crashes with Node's raw error (${missingOutcome.error}); say which secret is missing and how to provide it.`
              : `With ${path} missing it stops, but the error (${missingOutcome.error}) names neither ${firstMissing.name} nor ${path}.`,
          ),
    );
  }

  // no-leak-surfaces: the deployment itself keeps values out of inspect, /proc/1/environ, history and image files.
  const surfaceLeaks = values.flatMap((v) =>
    leaks(scanContainer(full, v)).filter((f) => f.surface !== "logs"),
  );
  checks.push(
    surfaceLeaks.length === 0
      ? check("no-leak-surfaces", true, "The value is only in its file under /run/secrets.")
      : check(
          "no-leak-surfaces",
          false,
          `A secret value is visible in ${describeFinding(surfaceLeaks[0]!)}.`,
        ),
  );
  return { checks, runs: { full, missing } };
}

export { FileNotFoundError };
