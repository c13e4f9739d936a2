import { beforeAll, describe, expect, it } from "vitest";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import {
  checkLoader,
  checkLoaderRuns,
  describeFinding,
  findEncoded,
  leaks,
  quickJsLoaderRunner,
  runLoader,
  scanContainer,
  SimContainer,
  type Loader,
  type LoaderCheckId,
  type SecretsLabScenarioInput,
} from "./index";

const PASSWORD = "c0rrect h0rse/b@ttery!";
const STRIPE = "sk_live_51HxQ2eLkdIwHu7ixFqT9w0r1";
// Files made with `echo "…" > file` end in a newline; the database wants the bytes without it.
const LAB: SecretsLabScenarioInput = {
  container: {
    env: { NODE_ENV: "production", DB_USER: "shop", DB_PASSWORD_FILE: "/run/secrets/db_password" },
    secrets: [
      { name: "db_password", content: `${PASSWORD}\n` },
      { name: "stripe_key", content: `${STRIPE}\n` },
    ],
    history: [
      {
        createdBy:
          "/bin/sh -c #(nop) ADD file:4b1be1de1a1e5aa608c688cad2824587262081866180b7368bf8e4585a9f8ccc in /",
      },
      { createdBy: "WORKDIR /app" },
      { createdBy: "COPY . . # buildkit", files: { "/app/server.js": "require('./config')" } },
      { createdBy: 'CMD ["node" "server.js"]' },
    ],
  },
  required: [
    { name: "db_password", configKey: "dbPassword", value: PASSWORD },
    { name: "stripe_key", configKey: "stripeKey", value: STRIPE },
  ],
};

const verdict = (loader: Loader) =>
  Object.fromEntries(checkLoader(loader, LAB).checks.map((c) => [c.id, c.pass])) as Record<
    LoaderCheckId,
    boolean
  >;
const message = (loader: Loader, id: LoaderCheckId) =>
  checkLoader(loader, LAB).checks.find((c) => c.id === id)!.message;

/** The hardened loader: *_FILE or the default path, trimmed, a clear error, names logged (not values). */
const solution: Loader = ({ readFile, env, console }) => {
  const secret = (name: string) => {
    const path = env[`${name.toUpperCase()}_FILE`] ?? `/run/secrets/${name}`;
    try {
      return readFile(path).trim();
    } catch {
      throw new Error(`secret ${name} is missing: mount it at ${path} (Compose: secrets: [${name}])`);
    }
  };
  const config = { dbUser: env.DB_USER, dbPassword: secret("db_password"), stripeKey: secret("stripe_key") };
  console.log("config loaded; secrets: db_password, stripe_key");
  return config;
};

describe("the lab's starter and solution", () => {
  it("the starter (environment variables, config logged) fails four checks", () => {
    const starter: Loader = ({ env, console }) => {
      const config = { dbUser: env.DB_USER, dbPassword: env.DB_PASSWORD, stripeKey: env.STRIPE_KEY };
      console.log("config", config);
      return config;
    };
    expect(verdict(starter)).toEqual({
      "reads-files": false,
      "still-starts": false,
      "never-logs": true, // undefined values are not in JSON: nothing to leak, yet
      "clear-missing-error": false,
      "no-leak-surfaces": true,
    });
    expect(message(starter, "reads-files")).toBe(
      "Never read /run/secrets/db_password or /run/secrets/stripe_key; secrets mounted as files are the only place the value is.",
    );
    expect(message(starter, "still-starts")).toBe(
      "The app would fail to authenticate: dbPassword is undefined; stripeKey is undefined.",
    );
    expect(message(starter, "clear-missing-error")).toMatch(/still returned a config/);
  });

  it("the solution passes all five, logging only the secrets' names", () => {
    const report = checkLoader(solution, LAB);
    expect(report.checks.filter((c) => !c.pass)).toEqual([]);
    expect(report.checks.find((c) => c.id === "clear-missing-error")!.message).toBe(
      "With /run/secrets/db_password missing it stops with: Error: secret db_password is missing: mount it at /run/secrets/db_password (Compose: secrets: [db_password])",
    );
    expect(report.runs.full.logs).toEqual([
      { stream: "stdout", text: "config loaded; secrets: db_password, stripe_key" },
    ]);
    expect(report.runs.full.reads).toEqual(["/run/secrets/db_password", "/run/secrets/stripe_key"]);
    // The failed run logs Node's "Uncaught" line on stderr, without any value.
    expect(report.runs.missing.logs).toEqual([
      { stream: "stderr", text: expect.stringMatching(/^Uncaught Error: secret db_password is missing/) },
    ]);
  });
});

describe("loader mistakes, one at a time", () => {
  it("a value read from the file but not trimmed is the wrong password", () => {
    const untrimmed: Loader = ({ readFile }) => ({
      dbPassword: readFile("/run/secrets/db_password"),
      stripeKey: readFile("/run/secrets/stripe_key").trim(),
    });
    expect(verdict(untrimmed)["still-starts"]).toBe(false);
    expect(message(untrimmed, "still-starts")).toBe(
      "The app would fail to authenticate: dbPassword keeps the file's trailing newline (trim it).",
    );
  });

  it("Node's raw ENOENT crash names the path but is not a clear error", () => {
    const raw: Loader = ({ readFile }) => ({
      dbPassword: readFile("/run/secrets/db_password").trim(),
      stripeKey: readFile("/run/secrets/stripe_key").trim(),
    });
    expect(verdict(raw)).toMatchObject({
      "reads-files": true,
      "still-starts": true,
      "clear-missing-error": false,
    });
    expect(message(raw, "clear-missing-error")).toBe(
      "With /run/secrets/db_password missing it crashes with Node's raw error (Error: ENOENT: no such file or directory, open '/run/secrets/db_password'); say which secret is missing and how to provide it.",
    );
  });

  it("console.error + process.exit(1) is a clear stop; its message is the last stderr line", () => {
    const exits: Loader = (rt) => {
      const read = (name: string) => {
        try {
          return rt.readFile(`/run/secrets/${name}`).trim();
        } catch {
          rt.console.error(`missing secret ${name}`);
          return rt.exit(1);
        }
      };
      return { dbPassword: read("db_password"), stripeKey: read("stripe_key") };
    };
    expect(verdict(exits)["clear-missing-error"]).toBe(true);
    expect(message(exits, "clear-missing-error")).toBe(
      "With /run/secrets/db_password missing it stops with: missing secret db_password",
    );
  });

  it("logging the value is caught plain, base64-encoded (Basic auth) and URL-encoded (a DSN)", () => {
    const logs =
      (line: (pw: string) => string): Loader =>
      (rt) => {
        const config = solution(rt) as { dbPassword: string };
        rt.console.log(line(config.dbPassword));
        return config;
      };
    const plain = logs((pw) => `db password: ${pw}`);
    const basic = logs((pw) => `GET /api Authorization: Basic ${btoa(`shop:${pw}`)}`);
    const dsn = logs((pw) => `connecting to postgres://shop:${encodeURIComponent(pw)}@db:5432/shop`);
    expect(message(plain, "never-logs")).toMatch(
      /^A secret value is in the logs: normal start, log line 2\. /,
    );
    expect(message(basic, "never-logs")).toMatch(/normal start, log line 2 \(base64\)/);
    expect(message(dsn, "never-logs")).toMatch(/normal start, log line 2 \(url\)/);
    const passwordLess = logs(() => "connecting to postgres://shop:***@db:5432/shop");
    expect(verdict(passwordLess)["never-logs"]).toBe(true);
  });

  it("an error message carrying the other secret's value counts as logged", () => {
    const leaky: Loader = (rt) => {
      const stripeKey = rt.readFile("/run/secrets/stripe_key").trim();
      try {
        return { stripeKey, dbPassword: rt.readFile("/run/secrets/db_password").trim() };
      } catch {
        throw new Error(`db_password missing (have stripe key ${stripeKey})`);
      }
    };
    expect(verdict(leaky)).toMatchObject({
      "still-starts": true,
      "clear-missing-error": true,
      "never-logs": false,
    });
    expect(message(leaky, "never-logs")).toMatch(/missing-file run, log line 1/);
  });
});

describe("the scanner's surfaces", () => {
  it("an -e secret shows in docker inspect and /proc/1/environ; a build ARG in docker history; a copied .env in a layer", () => {
    const container = new SimContainer({
      env: { DB_PASSWORD: PASSWORD },
      labels: { "com.example.dsn": btoa(`shop:${PASSWORD}`) },
      history: [
        { createdBy: `RUN |1 NPM_TOKEN=${STRIPE} /bin/sh -c npm ci # buildkit` },
        {
          createdBy: "COPY . . # buildkit",
          files: { "/app/.env": `DB_PASSWORD=${encodeURIComponent(PASSWORD)}\n` },
        },
      ],
      secrets: [{ name: "db_password", content: PASSWORD }],
    });
    const found = scanContainer(container, PASSWORD).map((f) => [f.surface, f.where, f.encoding, f.expected]);
    expect(found).toEqual([
      ["inspect", "Config.Env DB_PASSWORD", "plain", false],
      ["inspect", "Config.Labels com.example.dsn", "base64", false],
      ["proc-environ", "DB_PASSWORD", "plain", false],
      ["image-file", "/app/.env (layer 2)", "url", false],
      ["secret-file", "/run/secrets/db_password", "plain", true],
    ]);
    // A finding names where the value is, never the value itself.
    expect(scanContainer(container, STRIPE).map(describeFinding)).toEqual(["docker history, layer 1 (RUN)"]);
    expect(leaks(scanContainer(container, PASSWORD))).toHaveLength(4);
  });

  it("the no-leak-surfaces check fails a deployment that also passes the value as -e", () => {
    const both = {
      ...LAB,
      container: { ...LAB.container, env: { ...LAB.container.env, STRIPE_KEY: STRIPE } },
    };
    const report = checkLoader(solution, both);
    expect(report.checks.find((c) => c.id === "no-leak-surfaces")).toMatchObject({
      pass: false,
      message: "A secret value is visible in docker inspect, Config.Env STRIPE_KEY.",
    });
  });

  it("changing process.env at run time never reaches /proc/1/environ (it is the environment at execve)", () => {
    const container = new SimContainer({
      env: { A: "1" },
      secrets: [{ name: "db_password", content: PASSWORD }],
    });
    runLoader((rt) => {
      rt.env.DB_PASSWORD = rt.readFile("/run/secrets/db_password");
      return {};
    }, container);
    expect(container.procEnviron()).toBe("A=1\0");
    expect(leaks(scanContainer(container, PASSWORD))).toEqual([]);
  });
});

describe("encodings", () => {
  it("finds a value plain, inside base64 (standard or URL-safe) and percent-encoded; not otherwise", () => {
    expect(findEncoded("x c2hvcDpjMHJyZWN0IGgwcnNlL2JAdHRlcnkh y", PASSWORD)).toBe("base64");
    expect(findEncoded("eyJwYXNzd29yZCI6ImMwcnJlY3QgaDByc2UvYkB0dGVyeSEifQ==", PASSWORD)).toBe("base64");
    expect(findEncoded("pw=c0rrect%20h0rse%2Fb%40ttery%21&x=1", PASSWORD)).toBe("url");
    expect(findEncoded("pw=c0rrect+h0rse%2Fb%40ttery%21", PASSWORD)).toBe("url");
    expect(findEncoded("c2tfbGl2ZV81MUh4UTJlTGtkSXdIdTdpeEZxVDl3MHIx", STRIPE)).toBe("base64");
    expect(findEncoded("c0rrect h0rse", PASSWORD)).toBeNull();
    expect(findEncoded("c2hvcDpjMHJyZWN0IGgwcnNl", PASSWORD)).toBeNull(); // "shop:c0rrect h0rse": only part of it
  });
});

describe("the same contract inside the QuickJS sandbox", () => {
  let quickjs: QuickJSWASMModule;
  beforeAll(async () => {
    quickjs = await loadQuickJs();
  });
  const run = (code: string) =>
    Object.fromEntries(
      checkLoaderRuns(quickJsLoaderRunner(quickjs, code), LAB).checks.map((c) => [c.id, c.pass]),
    );

  it("the learner's code reads fs.readFileSync and process.env and is judged like a plain function", () => {
    const solutionCode = `
      const fs = require("fs");
      function secret(name) {
        const path = process.env[name.toUpperCase() + "_FILE"] || "/run/secrets/" + name;
        try { return fs.readFileSync(path, "utf8").trim(); }
        catch (e) { throw new Error("secret " + name + " is missing: mount it at " + path); }
      }
      globalThis.loadConfig = () => {
        const config = { dbPassword: secret("db_password"), stripeKey: secret("stripe_key") };
        console.log("secrets loaded: db_password, stripe_key");
        return config;
      };`;
    expect(run(solutionCode)).toEqual({
      "reads-files": true,
      "still-starts": true,
      "never-logs": true,
      "clear-missing-error": true,
      "no-leak-surfaces": true,
    });
    const logsIt = `globalThis.loadConfig = () => { const c = { dbPassword: require("fs").readFileSync("/run/secrets/db_password", "utf8").trim(), stripeKey: "x" }; console.log(c); return c; };`;
    expect(run(logsIt)).toMatchObject({
      "never-logs": false,
      "still-starts": false,
      "clear-missing-error": false,
    });
    const rawCrash = `globalThis.loadConfig = () => ({ dbPassword: require("fs").readFileSync("/run/secrets/db_password", "utf8").trim(), stripeKey: require("fs").readFileSync("/run/secrets/stripe_key", "utf8").trim() });`;
    expect(run(rawCrash)).toMatchObject({ "still-starts": true, "clear-missing-error": false });
    expect(run("globalThis.loadConfig = ( => {")).toMatchObject({ "still-starts": false });
  });
});
