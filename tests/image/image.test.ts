import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, podman, podmanAvailable } from "./podman";

// The image passes the chapter it teaches. Built from the Dockerfile on the
// local base image (no registry here), then checked the way the lessons say.
const IMAGE = "localhost/shipshape:test";
const PORT = Number(process.env.IMAGE_TEST_PORT ?? 3156);
const available = podmanAvailable();
if (!available)
  console.warn(
    "SKIPPED image tests: podman or /usr/sbin/runc is not installed (apt-get install podman runc)",
  );

const schema = `image_${Date.now().toString(36)}`;
const databaseUrl = `postgresql://postgres@127.0.0.1:5432/shipshape_drills?schema=${schema}`;
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
    await podman(["rm", "-f", "shipshape-image-app", "shipshape-image-migrate"]).catch(() => {});
    const startedAt = Date.now();
    if (process.env.IMAGE_TEST_REUSE === "1") {
      // For re-running the checks on a slow machine: the image must already exist.
      await podman(["image", "exists", IMAGE]);
      note(`build: skipped (IMAGE_TEST_REUSE=1, checking the existing ${IMAGE})`);
      return;
    }
    const build = spawnSync("bash", ["scripts/image/build.sh", IMAGE], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    if (build.status !== 0)
      throw new Error(`image build failed:\n${(build.stdout + build.stderr).slice(-6000)}`);
    note(`build: ${Math.round((Date.now() - startedAt) / 1000)} s (layers cached within a run)`);
    await podman(["rm", "-f", "shipshape-image-app", "shipshape-image-migrate"]).catch(() => {});
  }, 1_800_000);

  afterAll(async () => {
    await podman(["rm", "-f", "-t", "0", "shipshape-image-app", "shipshape-image-migrate"]).catch(() => {});
    const client = new pg.Client({
      connectionString: "postgresql://postgres@127.0.0.1:5432/shipshape_drills",
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
    const { stdout: size } = await podman(["image", "inspect", IMAGE, "--format", "{{.Size}}"]);
    const { stdout: tools } = await podman([
      "run",
      "--rm",
      ...LIMITS,
      IMAGE,
      "sh",
      "-c",
      "for t in gcc g++ make python3 cc; do command -v $t; done; for d in typescript vitest eslint @playwright/test tsx prettier; do [ -e node_modules/$d ] && echo node_modules/$d; done; true",
    ]);
    note(
      `size: ${(Number(size) / 1024 / 1024).toFixed(0)} MiB; build tools or dev dependencies found: ${tools.trim() || "none"}`,
    );
    expect(tools.trim()).toBe("");
    // The runtime stage also drops the secret's mount point content: nothing of the CA bundle is in a layer.
    const { stdout: history } = await podman(["history", "--no-trunc", "--format", "{{.CreatedBy}}", IMAGE]);
    expect(history).not.toMatch(/ca-certificates\.crt/);
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
