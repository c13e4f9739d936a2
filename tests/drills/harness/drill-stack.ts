import pg from "pg";
import { startStack, type Stack } from "../../../scripts/stack/stack";

/**
 * A stack for one drill on ports 3150-3159: nginx on 3150, replicas on
 * 3151-3153, and TCP proxies on 3154 (PostgreSQL) and 3155 (Redis) that the
 * drill can cut. The shared PostgreSQL and Redis keep running for everyone
 * else; we use database `shipshape_drills` with a fresh schema per run, and
 * Redis DB 2 under a per-run key prefix.
 */
export const DRILL_PORT = Number(process.env.DRILL_PORT ?? 3150);

export async function startDrillStack(
  name: string,
  env: Record<string, string> = {},
): Promise<Stack & { runId: string }> {
  const runId = `${name}${Date.now().toString(36)}`;
  const schema = `drill_${runId}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const stack = await startStack({
    basePort: DRILL_PORT,
    replicas: 3,
    postgres: {
      host: "127.0.0.1",
      port: 5432,
      user: process.env.PGUSER ?? "postgres",
      database: "shipshape_drills",
      schema,
    },
    redis: { host: "127.0.0.1", port: 6379, db: 2, keyPrefix: `shipshape-drill:${runId}:` },
    viaProxies: true,
    runtimeDir: `tmp/drills/${runId}`,
    env: {
      // Learners sign up from their own addresses; one per learner is far under the limit.
      AUTH_SIGNUP_RATE_MAX: "20",
      // The drill waits for the drain however long in-flight requests take on a busy
      // machine; in production the platform's grace period bounds it (k8s test).
      SHUTDOWN_FORCE_EXIT_MS: "30000",
      LOG_LEVEL: "info",
      ...env,
    },
    log: () => {},
  });
  return {
    ...stack,
    runId,
    close: async () => {
      await stack.close();
      const client = new pg.Client({ connectionString: stack.directDatabaseUrl.replace(/\?.*$/, "") });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
    },
  };
}
