import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { getLab } from "../catalog";
import { CODE_CHECK_LABEL, evaluateLab } from "../evaluate";

// The secrets code lab through evaluateLab with the real QuickJS sandbox, as both workers run it.
const lab = getLab("load-secrets-from-files")!;
let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});
const run = (code: string) => evaluateLab(lab, { labSlug: lab.slug, code }, quickjs);
const verdicts = (code: string) =>
  Object.fromEntries(run(code).checks.map((check) => [check.label, check.passed]));
const READ = `const fs = require("fs");
const read = (name) => fs.readFileSync("/run/secrets/" + name, "utf8").trim();`;

describe("load-secrets-from-files", () => {
  it("a syntax error is reported with its line before anything runs", () => {
    const result = run("const fs = require('fs');\nglobalThis.loadConfig = () => {\n  return { ;\n};");
    expect(result.checks[0]).toMatchObject({ label: CODE_CHECK_LABEL, passed: false });
    expect(result.checks[0]!.detail).toMatch(/line 3/);
    expect(result.timeline).toBeNull();
  });

  it("code without loadConfig says what to define", () => {
    expect(run("const x = 1;").checks[0]!.detail).toMatch(/globalThis\.loadConfig = /);
  });

  it("reading the files but logging a connection URL leaks the password, percent-encoded", () => {
    const code = `${READ}
globalThis.loadConfig = () => {
  const config = { dbUser: process.env.DB_USER, dbPassword: read("db_password"), stripeKey: read("stripe_key") };
  console.log("connecting to postgres://shop:" + encodeURIComponent(config.dbPassword) + "@db:5432/orders");
  return config;
};`;
    expect(verdicts(code)).toMatchObject({
      "Starts with exactly the values in the files": true,
      "No secret value in the logs, plain or encoded": false,
    });
    const detail = run(code).checks.find((check) =>
      check.label.startsWith("No secret value in the logs"),
    )!.detail;
    expect(detail).toMatch(/normal start, log line 1 \(url\)/);
  });

  it("forgetting to strip echo's newline is a wrong password, and Node's raw ENOENT is not a clear error", () => {
    const code = `const fs = require("fs");
globalThis.loadConfig = () => ({
  dbPassword: fs.readFileSync("/run/secrets/db_password", "utf8"),
  stripeKey: fs.readFileSync("/run/secrets/stripe_key", "utf8"),
});`;
    const result = run(code);
    const byLabel = Object.fromEntries(result.checks.map((check) => [check.label, check]));
    expect(byLabel["Starts with exactly the values in the files"]!.detail).toMatch(/trailing newline/);
    expect(byLabel["A missing secret file stops it with a clear error naming it"]!.detail).toMatch(
      /raw error/,
    );
  });

  it("an endless loop in loadConfig is stopped by the CPU budget and fails the start", () => {
    const result = evaluateLab(
      lab,
      { labSlug: lab.slug, code: "globalThis.loadConfig = () => { while (true) {} };" },
      quickjs,
      { limits: { cpuBudgetMs: 200, memoryBytes: 16 << 20 } },
    );
    expect(result.passed).toBe(false);
    const starts = result.checks.find(
      (check) => check.label === "Starts with exactly the values in the files",
    )!;
    expect(starts.detail).toMatch(/CPU/i);
  });

  it("shows both starts' logs and the files each one read", () => {
    if (!("code" in lab.solution)) throw new Error("a code lab");
    const result = run(lab.solution.code);
    expect(result.timeline).toMatchObject({
      kind: "secrets",
      runs: [
        {
          run: "full",
          reads: ["/run/secrets/db_password", "/run/secrets/stripe_key"],
          outcome: { started: true },
        },
        { run: "missing", reads: ["/run/secrets/db_password"], outcome: { started: false } },
      ],
    });
  });
});
