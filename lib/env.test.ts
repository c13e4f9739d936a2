import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const KEYS = [
  "NODE_ENV",
  "DATABASE_URL",
  "DATABASE_POOL_MAX",
  "BETTER_AUTH_SECRET",
  "BETTER_AUTH_URL",
  "LOG_LEVEL",
  "SHIPSHAPE_ENABLE_TEST_ROUTES",
  "NEXT_PHASE",
  "LAB_VERIFY_WORKERS",
  "LAB_VERIFY_QUEUE_MAX",
  "LAB_VERIFY_TIMEOUT_MS",
  "LAB_VERIFY_HEAP_MB",
  "LAB_VERIFY_CPU_BUDGET_MS",
  "LAB_SUBMIT_RATE_MAX",
  "LAB_SUBMIT_RATE_WINDOW_S",
] as const;

let saved: NodeJS.ProcessEnv;

/** A fresh copy of the module (env() caches its first result) under exactly these variables. */
async function loadEnv(vars: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, vars);
  vi.resetModules();
  return import("@/lib/env");
}

beforeEach(() => {
  saved = { ...process.env };
});

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  vi.resetModules();
});

describe("env", () => {
  it("fills in a default for every optional variable", async () => {
    const { env } = await loadEnv({});
    expect(env()).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: "file:./prisma/dev.db",
      DATABASE_POOL_MAX: 10,
      BETTER_AUTH_URL: "http://localhost:3000",
      LOG_LEVEL: "info",
      SHIPSHAPE_ENABLE_TEST_ROUTES: "0",
      LAB_VERIFY_WORKERS: 1,
      LAB_VERIFY_QUEUE_MAX: 4,
      LAB_VERIFY_TIMEOUT_MS: 5_000,
      LAB_VERIFY_HEAP_MB: 128,
      LAB_VERIFY_CPU_BUDGET_MS: 1_000,
      LAB_SUBMIT_RATE_MAX: 12,
      LAB_SUBMIT_RATE_WINDOW_S: 60,
    });
    expect(env().BETTER_AUTH_SECRET).toBeUndefined();
  });

  it("reads the lab verification settings as numbers and rejects nonsense", async () => {
    const { env } = await loadEnv({ LAB_VERIFY_WORKERS: "3", LAB_VERIFY_QUEUE_MAX: "0" });
    expect(env()).toMatchObject({ LAB_VERIFY_WORKERS: 3, LAB_VERIFY_QUEUE_MAX: 0 });
    const bad = await loadEnv({ LAB_VERIFY_WORKERS: "0", LAB_VERIFY_TIMEOUT_MS: "soon" });
    expect(bad.env).toThrowError(/LAB_VERIFY_WORKERS: .*\n  LAB_VERIFY_TIMEOUT_MS: /);
  });

  it("reads the PostgreSQL pool size as a number and rejects nonsense", async () => {
    expect((await loadEnv({ DATABASE_POOL_MAX: "20" })).env().DATABASE_POOL_MAX).toBe(20);
    expect((await loadEnv({ DATABASE_POOL_MAX: "0" })).env).toThrowError(/DATABASE_POOL_MAX: /);
  });

  it.each([
    "file:./prisma/dev.db",
    "file:/data/shipshape.db",
    "postgresql://app:pw@db:5432/shipshape",
    "postgres://db/shipshape",
  ])("accepts the DATABASE_URL %s", async (url) => {
    const { env } = await loadEnv({ DATABASE_URL: url });
    expect(env().DATABASE_URL).toBe(url);
  });

  it.each(["mysql://db/shipshape", "./prisma/dev.db", "sqlite:dev.db", "", "http://db:5432"])(
    "rejects the DATABASE_URL %j with a message naming the variable and the accepted forms",
    async (url) => {
      const { env } = await loadEnv({ DATABASE_URL: url });
      expect(env).toThrowError(
        "Invalid environment:\n  DATABASE_URL: DATABASE_URL must start with file: (SQLite) or postgresql://",
      );
    },
  );

  it("rejects a BETTER_AUTH_SECRET shorter than 32 characters and accepts 32", async () => {
    const short = await loadEnv({ BETTER_AUTH_SECRET: "s".repeat(31) });
    expect(short.env).toThrowError(/BETTER_AUTH_SECRET: BETTER_AUTH_SECRET must be at least 32 characters/);

    const ok = await loadEnv({ BETTER_AUTH_SECRET: "s".repeat(32) });
    expect(ok.env().BETTER_AUTH_SECRET).toBe("s".repeat(32));
  });

  it("lists every bad variable in one message", async () => {
    const { env } = await loadEnv({
      DATABASE_URL: "mysql://x",
      LOG_LEVEL: "verbose",
      BETTER_AUTH_URL: "not a url",
    });
    let message = "";
    try {
      env();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment:\n/);
    for (const key of ["DATABASE_URL", "LOG_LEVEL", "BETTER_AUTH_URL"])
      expect(message).toContain(`  ${key}: `);
  });

  it("validates once and then keeps its answer", async () => {
    const { env } = await loadEnv({ LOG_LEVEL: "debug" });
    expect(env().LOG_LEVEL).toBe("debug");
    process.env.LOG_LEVEL = "verbose";
    expect(env().LOG_LEVEL).toBe("debug");
  });
});

describe("authSecret", () => {
  it("returns the configured secret", async () => {
    const { authSecret } = await loadEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "p".repeat(40) });
    expect(authSecret()).toBe("p".repeat(40));
  });

  it("allows a fixed development secret outside production", async () => {
    const { authSecret } = await loadEnv({ NODE_ENV: "development" });
    expect(authSecret()).toContain("not-for-production");
    expect(authSecret().length).toBeGreaterThanOrEqual(32);
  });

  it("refuses to run in production without a secret", async () => {
    const { authSecret } = await loadEnv({ NODE_ENV: "production" });
    expect(authSecret).toThrowError("BETTER_AUTH_SECRET is required in production (32+ random characters)");
  });

  it("lets next build (which imports server code) run without the secret", async () => {
    const { authSecret } = await loadEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });
    expect(() => authSecret()).not.toThrow();
  });
});
