import { readFileSync } from "node:fs";
import { z } from "zod";

/** Server environment, validated once; a bad value stops start-up with a readable message. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql://")
    .default("file:./prisma/dev.db"),
  /** PostgreSQL connections per server process (node-postgres' pool; ignored for SQLite). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /** Preferred in containers: a mounted secret file (Docker/Swarm/Kubernetes secrets) instead of an env value. */
  BETTER_AUTH_SECRET_FILE: z.string().min(1).optional(),
  BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHIPSHAPE_ENABLE_TEST_ROUTES: z.enum(["0", "1"]).default("0"),
  // Lab verification (lib/labs/pool): defaults for a 2-core box leave one core to answer HTTP.
  LAB_VERIFY_WORKERS: z.coerce.number().int().min(1).max(32).default(1),
  LAB_VERIFY_QUEUE_MAX: z.coerce.number().int().min(0).max(1_000).default(4),
  LAB_VERIFY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5_000),
  LAB_VERIFY_HEAP_MB: z.coerce.number().int().min(32).max(2_048).default(128),
  LAB_VERIFY_CPU_BUDGET_MS: z.coerce.number().int().min(100).max(30_000).default(1_000),
  LAB_SUBMIT_RATE_MAX: z.coerce.number().int().min(1).max(10_000).default(12),
  LAB_SUBMIT_RATE_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Bearer token Prometheus sends to /api/metrics; unset = metrics are not served at all. */
  METRICS_TOKEN: z
    .string()
    .min(24, "METRICS_TOKEN must be at least 24 characters (e.g. openssl rand -hex 24)")
    .regex(/^[\x21-\x7e]+$/, "METRICS_TOKEN must be printable ASCII without spaces")
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The auth secret; a fixed development value is allowed only outside production. */
export function authSecret(): string {
  const file = env().BETTER_AUTH_SECRET_FILE;
  if (file) {
    const fromFile = readFileSync(file, "utf8").trim();
    if (fromFile.length < 32)
      throw new Error(`BETTER_AUTH_SECRET_FILE ${file} must hold at least 32 characters`);
    return fromFile;
  }
  const secret = env().BETTER_AUTH_SECRET;
  if (secret) return secret;
  if (env().NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("BETTER_AUTH_SECRET is required in production (32+ random characters)");
  }
  return "shipshape-development-secret-not-for-production-use";
}
