import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startTcpProxy, type TcpProxy } from "../../lib/testing/tcp-proxy";
import { checkNginxConfig, reloadNginx, renderNginxConfig, startNginx } from "./nginx";
import { Replica } from "./replica";

/**
 * The production stack on one machine: PostgreSQL (migrated by a one-off step
 * before any replica starts), Redis, N app replicas and nginx in front.
 * PostgreSQL and Redis are the machine's shared servers; we use our own database
 * (and optionally a schema) and our own Redis DB index and key prefix.
 */
export type StackOptions = {
  /** nginx listens here; replicas on the next ports; proxies (if any) after them. */
  basePort: number;
  replicas: number;
  postgres: { host: string; port: number; user: string; database: string; schema?: string };
  redis: { host: string; port: number; db: number; keyPrefix: string } | null;
  /** Put a TCP proxy we control between the replicas and PostgreSQL/Redis (for fault drills). */
  viaProxies: boolean;
  runtimeDir: string;
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type Stack = {
  url: string;
  replicas: Replica[];
  databaseUrl: string;
  /** Direct URL (not through the proxy), for checks made by the drill itself. */
  directDatabaseUrl: string;
  pgProxy: TcpProxy | null;
  redisProxy: TcpProxy | null;
  nginxConfig: string;
  /**
   * Takes a replica out of nginx's rotation (or puts it back) with a graceful
   * reload: new connections go elsewhere, requests in flight finish. What an
   * orchestrator does before it sends SIGTERM; passive checks alone cannot know.
   */
  setInRotation: (replica: Replica, inRotation: boolean) => Promise<void>;
  /** The planned way to restart every replica: out of rotation, SIGTERM, start, ready, back in. */
  rollingRestart: (options?: { settleMs?: number }) => Promise<Array<{ code: number | null; ms: number }>>;
  close: () => Promise<void>;
};

function postgresUrl(host: string, port: number, user: string, database: string, schema?: string): string {
  const url = new URL(`postgresql://${user}@${host}:${port}/${database}`);
  if (schema) url.searchParams.set("schema", schema);
  return url.toString();
}

async function ensureDatabase(options: StackOptions["postgres"]): Promise<void> {
  const client = new pg.Client({
    host: options.host,
    port: options.port,
    user: options.user,
    database: "postgres",
  });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The migrate step runs once, as its own process, before any replica starts (like compose's migrate service). */
async function migrate(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/db-deploy.mjs"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) =>
      code === 0 ? resolve(output.trim()) : reject(new Error(`migration failed (exit ${code}):\n${output}`)),
    );
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!existsSync("dist/server.mjs") || !existsSync(".next/BUILD_ID"))
    throw new Error("No production build: run `npm run build` first");
  const runtimeDir = path.resolve(options.runtimeDir);
  mkdirSync(path.join(runtimeDir, "logs"), { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const { postgres, redis } = options;
    const proxyPort = options.basePort + options.replicas + 1;
    const pgProxy = options.viaProxies ? await startTcpProxy({ target: postgres, port: proxyPort }) : null;
    const redisProxy =
      options.viaProxies && redis ? await startTcpProxy({ target: redis, port: proxyPort + 1 }) : null;
    if (pgProxy) cleanups.push(() => pgProxy.close());
    if (redisProxy) cleanups.push(() => redisProxy.close());

    await ensureDatabase(postgres);
    const directDatabaseUrl = postgresUrl(
      postgres.host,
      postgres.port,
      postgres.user,
      postgres.database,
      postgres.schema,
    );
    const databaseUrl = pgProxy
      ? postgresUrl("127.0.0.1", pgProxy.port, postgres.user, postgres.database, postgres.schema)
      : directDatabaseUrl;
    log(`migrate: ${await migrate(directDatabaseUrl)}`);

    const secretFile = path.join(runtimeDir, "auth_secret");
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    const publicUrl = `http://127.0.0.1:${options.basePort}`;
    const env: Record<string, string> = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_URL: publicUrl,
      BETTER_AUTH_SECRET_FILE: secretFile,
      TRUST_PROXY: "1",
      SHUTDOWN_DRAIN_DELAY_MS: "2000",
      SHUTDOWN_FORCE_EXIT_MS: "8000",
      ...(redis
        ? {
            REDIS_URL: `redis://127.0.0.1:${redisProxy?.port ?? redis.port}/${redis.db}`,
            REDIS_KEY_PREFIX: redis.keyPrefix,
          }
        : {}),
      ...options.env,
    };
    const replicas = Array.from(
      { length: options.replicas },
      (_, i) =>
        new Replica(
          `app-${i + 1}`,
          options.basePort + 1 + i,
          env,
          path.join(runtimeDir, "logs", `app-${i + 1}.log`),
        ),
    );
    cleanups.push(async () => {
      await Promise.all(replicas.map((replica) => replica.close()));
    });
    await Promise.all(replicas.map((replica) => replica.start()));
    log(`replicas ready: ${replicas.map((r) => r.url).join(", ")}`);

    const outOfRotation = new Set<Replica>();
    const render = () =>
      renderNginxConfig({
        listen: `127.0.0.1:${options.basePort}`,
        upstreams: replicas.map((replica) => ({
          address: `127.0.0.1:${replica.port}`,
          down: outOfRotation.has(replica),
        })),
        runtimeDir: path.join(runtimeDir, "nginx"),
      });
    const nginxConfig = render();
    checkNginxConfig(nginxConfig);
    const nginx = startNginx(nginxConfig);
    const nginxExited = new Promise<void>((resolve) => nginx.once("exit", () => resolve()));
    cleanups.push(async () => {
      if (nginx.exitCode === null) nginx.kill("SIGQUIT");
      await Promise.race([nginxExited, new Promise((r) => setTimeout(r, 5_000))]);
      if (nginx.exitCode === null) nginx.kill("SIGKILL");
    });
    await waitFor(`${publicUrl}/api/health`, 15_000);
    log(`nginx ready: ${publicUrl}`);

    const setInRotation = async (replica: Replica, inRotation: boolean) => {
      if (inRotation) outOfRotation.delete(replica);
      else outOfRotation.add(replica);
      checkNginxConfig(render());
      // New workers take the new upstream list; old ones finish their requests and exit.
      await reloadNginx(nginx);
    };
    const rollingRestart = async ({ settleMs = 4_000 } = {}) => {
      const exits = [];
      for (const replica of replicas) {
        await setInRotation(replica, false);
        exits.push(await replica.stop("SIGTERM"));
        await replica.start();
        await setInRotation(replica, true);
        // Like minReadySeconds: let the restarted replica take traffic before the next one leaves.
        await new Promise((resolve) => setTimeout(resolve, settleMs));
      }
      return exits;
    };

    return {
      url: publicUrl,
      replicas,
      databaseUrl,
      directDatabaseUrl,
      pgProxy,
      redisProxy,
      nginxConfig,
      setInRotation,
      rollingRestart,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
