import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, podman, podmanAvailable, podmanStatus } from "./podman";

// The image passes the chapter it teaches, built on the local base image (no registry
// here) and checked the way the lessons say. By default from scripts/image/Dockerfile.prebuilt:
// the Dockerfile's runtime stage filled with the host's `npm run build` output (run it
// first; scripts/test-all.sh does), minutes instead of the 10-30 of a build from source.
// dockerfiles.test.ts proves both runtime stages the same. IMAGE_TEST_FROM_SOURCE=1 builds
// the Dockerfile itself.
const IMAGE = "localhost/shipshape:test";
const FROM_SOURCE = process.env.IMAGE_TEST_FROM_SOURCE === "1";
const PORT = Number(process.env.IMAGE_TEST_PORT ?? 3156);
const available = podmanAvailable();
if (!available)
  console.warn(
    "SKIPPED image tests: podman or /usr/sbin/runc is not installed (apt-get install podman runc)",
  );

const schema = `image_${Date.now().toString(36)}`;
const database = "postgresql://postgres@127.0.0.1:5432";
const databaseUrl = `${database}/shipshape_image?schema=${schema}`;
const secretDir = mkdtempSync(path.join(tmpdir(), "shipshape-image-"));
const report: string[] = [];
const note = (line: string) => {
  report.push(line);
  console.log(`IMAGE ${line}`);
};

/** The app container: host network (PostgreSQL is the host's), secret as a file, read-only root. */
function appArgs(name: string, extra: string[] = []): string[] {
  return [
    "run",
    "-d",
    "--name",
    name,
    ...LIMITS,
    "--network",
    "host",
    "--read-only",
    "--tmpfs",
    "/tmp:rw,size=64m",
    "--tmpfs",
    "/app/.next/cache:rw,size=64m,mode=1777",
    "-v",
    `${secretDir}:/run/secrets:ro`,
    "-e",
    `PORT=${PORT}`,
    "-e",
    "HOSTNAME=127.0.0.1",
    "-e",
    `DATABASE_URL=${databaseUrl}`,
    "-e",
    "BETTER_AUTH_SECRET_FILE=/run/secrets/auth_secret",
    "-e",
    `BETTER_AUTH_URL=http://127.0.0.1:${PORT}`,
    ...extra,
    IMAGE,
  ];
}

/**
 * Leftovers of an earlier run, one at a time: `podman rm -f a b` removed neither when one was
 * missing. podman logs an error about healthcheck timers (no systemd here); harmless.
 */
async function removeContainers(): Promise<void> {
  for (const name of ["shipshape-image-app", "shipshape-image-migrate"]) {
    await podman(["rm", "-f", "--ignore", "-t", "0", name]).catch(() => {});
    const { code } = await podmanStatus(["container", "exists", name]);
    if (code === 0) throw new Error(`could not remove the container ${name}: podman rm -f ${name}`);
  }
}

/** The test's own database on the host's PostgreSQL (each run migrates a fresh schema in it). */
async function ensureDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: `${database}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'shipshape_image'");
    if (!rowCount) await client.query("CREATE DATABASE shipshape_image");
  } finally {
    await client.end();
  }
}

async function waitHealthy(url: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`${url} not healthy in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!available)("the production image", () => {
  beforeAll(async () => {
    writeFileSync(path.join(secretDir, "auth_secret"), "image-test-secret-0123456789abcdefghij");
    await ensureDatabase();
    await removeContainers();
    const startedAt = Date.now();
    if (process.env.IMAGE_TEST_REUSE === "1") {
      // For re-running the checks on a slow machine: the image must already exist.
      await podman(["image", "exists", IMAGE]);
      note(`build: skipped (IMAGE_TEST_REUSE=1, checking the existing ${IMAGE})`);
      return;
    }
    const build = spawnSync(
      "bash",
      ["scripts/image/build.sh", ...(FROM_SOURCE ? [] : ["--prebuilt"]), IMAGE],
      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
    if (build.status !== 0)
      throw new Error(`image build failed:\n${(build.stdout + build.stderr).slice(-6000)}`);
    const phases = [...build.stdout.matchAll(/^PHASE (.+): (\d+) s$/gm)].map((m) => `${m[1]} ${m[2]} s`);
    note(
      `build (${FROM_SOURCE ? "Dockerfile, from source" : "Dockerfile.prebuilt, host build"}): ${Math.round((Date.now() - startedAt) / 1000)} s = ${phases.join(" + ")}`,
    );
    await removeContainers();
  }, 1_800_000);

  afterAll(async () => {
    await removeContainers();
    const client = new pg.Client({
      connectionString: `${database}/shipshape_image`,
    });
    await client
      .connect()
      .then(() => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))
      .catch(() => {});
    await client.end().catch(() => {});
    rmSync(secretDir, { recursive: true, force: true });
    console.log(`\nIMAGE CHECKS\n${report.map((line) => `  ${line}`).join("\n")}`);
  });

  it("runs as a non-root user", async () => {
    const { stdout: user } = await podman(["image", "inspect", IMAGE, "--format", "{{.Config.User}}"]);
    const { stdout: uid } = await podman(["run", "--rm", ...LIMITS, IMAGE, "id", "-u"]);
    note(`user: ${user.trim()} (uid ${uid.trim()})`);
    expect(user.trim()).toBe("node");
    expect(Number(uid.trim())).toBeGreaterThan(0);
  });

  it("has no build tools or dev dependencies, and prints its size", async () => {
    // Every package the lock file marks dev-only, at the path npm installs it to.
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([where, entry]) => where.startsWith("node_modules/") && entry.dev)
      .map(([where]) => where);
    expect(devOnly).toContain("node_modules/eslint");
    const { stdout: size } = await podman(["image", "inspect", IMAGE, "--format", "{{.Size}}"]);
    const { stdout: found } = await podman([
      "run",
      "--rm",
      ...LIMITS,
      IMAGE,
      "sh",
      "-c",
      // Dev tools that production packages name as optional peers (typescript for prisma, vitest
      // for better-auth, @playwright/test for next): the lock file marks them devOptional, not dev,
      // and npm prune keeps them; the image must not carry them either.
      'for t in gcc g++ make python3 cc; do command -v $t; done; for d in typescript @playwright/test playwright vitest vite tsx "$@"; do [ -e "node_modules/${d#node_modules/}" ] && echo "$d"; done; true',
      "sh",
      ...devOnly,
    ]);
    note(
      `size: ${(Number(size) / 1024 / 1024).toFixed(0)} MiB; build tools or dev-only packages (${devOnly.length} in the lock file) found: ${found.trim().split("\n").join(", ") || "none"}`,
    );
    expect(found.trim()).toBe("");
    // The runtime stage also drops the secret's mount point content: nothing of the CA bundle is in a layer.
    const { stdout: history } = await podman(["history", "--no-trunc", "--format", "{{.CreatedBy}}", IMAGE]);
    expect(history).not.toMatch(/ca-certificates\.crt/);
  });

  it("loads its native module (better-sqlite3) in the image's own Node", async () => {
    const { stdout } = await podman([
      "run",
      "--rm",
      ...LIMITS,
      IMAGE,
      "node",
      "-e",
      "const D = require('better-sqlite3'); const v = new D(':memory:').prepare('select sqlite_version() as v').get().v; console.log(process.version + ' sqlite ' + v)",
    ]);
    note(`native module: better-sqlite3 loads in Node ${stdout.trim()}`);
    expect(stdout).toMatch(/^v24\.\d+\.\d+ sqlite 3\./);
  });

  it("migrates as a one-off container before the app starts", async () => {
    const { stdout } = await podman([
      "run",
      "--rm",
      "--name",
      "shipshape-image-migrate",
      ...LIMITS,
      "--network",
      "host",
      "-e",
      `DATABASE_URL=${databaseUrl}`,
      IMAGE,
      "node",
      "dist/db-deploy.mjs",
    ]);
    note(`migrate (one-off container): ${stdout.trim().split("\n").pop()}`);
    expect(stdout).toMatch(/applied: |up to date/);
  });

  it("goes healthy with --read-only and tmpfs, and its HEALTHCHECK passes", async () => {
    await podman(appArgs("shipshape-image-app", ["-e", "SHIPSHAPE_ENABLE_TEST_ROUTES=1"]));
    await waitHealthy(`http://127.0.0.1:${PORT}/api/ready`);
    const { stdout: healthcheck } = await podman([
      "image",
      "inspect",
      IMAGE,
      "--format",
      "{{json .Config.Healthcheck}}",
    ]);
    expect(healthcheck).toContain("/api/health");
    await podman(["healthcheck", "run", "shipshape-image-app"]);
    const { stdout: status } = await podman([
      "inspect",
      "shipshape-image-app",
      "--format",
      "{{.State.Health.Status}}",
    ]);
    const page = await fetch(`http://127.0.0.1:${PORT}/learn/health-checks`);
    const write = await podman([
      "exec",
      "shipshape-image-app",
      "sh",
      "-c",
      "touch /app/x 2>&1 || echo read-only",
    ]);
    note(
      `healthcheck: ${status.trim()}; --read-only root: ${write.stdout.includes("read-only") || /Read-only/.test(write.stdout) ? "writes refused" : "WRITABLE"}; lesson page ${page.status}`,
    );
    expect(status.trim()).toBe("healthy");
    expect(page.status).toBe(200);
    expect(write.stdout).toMatch(/Read-only file system|read-only/);
  });

  it("stops with exit 0 under load, finishing the requests in flight", async () => {
    const slow = Array.from({ length: 5 }, () =>
      fetch(`http://127.0.0.1:${PORT}/api/test/slow?ms=3000`).then(
        (r) => r.status,
        (e: Error) => e.message,
      ),
    );
    await new Promise((r) => setTimeout(r, 500));
    const startedAt = Date.now();
    await podman(["stop", "-t", "10", "shipshape-image-app"]);
    const stopMs = Date.now() - startedAt;
    const statuses = await Promise.all(slow);
    const { stdout: code } = await podman([
      "inspect",
      "shipshape-image-app",
      "--format",
      "{{.State.ExitCode}}",
    ]);
    note(
      `podman stop -t 10 under load: exit ${code.trim()} after ${stopMs} ms; in-flight requests: ${statuses.join(",")}`,
    );
    expect(code.trim()).toBe("0");
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
