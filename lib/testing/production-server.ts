import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateFreshSqlite } from "@/lib/db-migrate";

export type RunningServer = {
  baseUrl: string;
  /** The server's own SQLite database, for tests that arrange data directly. */
  databaseUrl: string;
  process: ChildProcess;
  logs: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts the real production build (dist/server.mjs + .next) on a free port (or `options.port`,
 * for benches that must stay within the ports they were given) with its own fresh SQLite
 * database. `options.nodeArgs` go to node itself (e.g. --cpu-prof, refused in NODE_OPTIONS).
 * `npm run build` must have run first.
 */
export async function startProductionServer(
  env: Record<string, string> = {},
  options: { port?: number; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  if (!existsSync("dist/server.mjs") || !existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npm run build` before the integration tests");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "shipshape-server-"));
  const dbFile = path.join(dir, "server.db");
  await migrateFreshSqlite(dbFile);
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "dist/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      BETTER_AUTH_SECRET: "integration-test-secret-0123456789abcdef",
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start-up:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy in 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    baseUrl,
    databaseUrl: `file:${dbFile}`,
    process: child,
    logs: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
