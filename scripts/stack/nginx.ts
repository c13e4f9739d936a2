import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const DEPLOY_DIR = path.resolve("deploy/nginx");

/** A replica behind nginx; `down` takes it out of rotation (a planned restart). */
export type Upstream = { address: string; down?: boolean };
export type NginxSettings = { listen: string; upstreams: Array<string | Upstream>; runtimeDir: string };

/** nginx binary: Debian's, installed by scripts/stack/ensure-tools.sh when missing. */
export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

/**
 * Renders deploy/nginx/*.conf for this run: the ${...} placeholders get the
 * ports and paths. The same files, with other values, serve compose.yaml.
 */
export function renderNginxConfig(settings: NginxSettings): string {
  const confDir = path.join(settings.runtimeDir, "conf");
  mkdirSync(confDir, { recursive: true });
  const values: Record<string, string> = {
    RUNTIME_DIR: settings.runtimeDir,
    DEPLOY_DIR: confDir,
    NGINX_CONF_DIR: "/etc/nginx",
    LISTEN: settings.listen,
    UPSTREAM_SERVERS: settings.upstreams
      .map((upstream) => (typeof upstream === "string" ? { address: upstream } : upstream))
      .map(({ address, down }) => `server ${address} max_fails=2 fail_timeout=3s${down ? " down" : ""};`)
      .join("\n  "),
  };
  for (const file of readdirSync(DEPLOY_DIR).filter((name) => name.endsWith(".conf"))) {
    const text = readFileSync(path.join(DEPLOY_DIR, file), "utf8").replace(
      /\$\{([A-Z_]+)\}/g,
      (whole, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`deploy/nginx/${file}: unknown placeholder ${whole}`);
        return value;
      },
    );
    writeFileSync(path.join(confDir, file), text);
  }
  return path.join(confDir, "nginx.conf");
}

/** `nginx -t` on the rendered files: fails with nginx's own message. */
export function checkNginxConfig(confFile: string): string {
  const result = spawnSync(NGINX_BIN, ["-t", "-c", confFile, "-g", "daemon off;"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`nginx -t failed:\n${result.stderr}`);
  return result.stderr.trim();
}

export function startNginx(confFile: string): ChildProcess {
  return spawn(NGINX_BIN, ["-c", confFile, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
}

function workerPids(masterPid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ")".
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === masterPid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Graceful reload (SIGHUP) that returns once every worker of the old
 * configuration has exited. Old workers stop accepting at once but keep serving
 * requests on client keep-alive connections until they notice the signal, and
 * finish those in flight (the replica being drained serves them to the end): on
 * a busy machine that takes seconds, so neither a fixed sleep nor the new
 * workers' start says the old upstream list is out of use.
 */
export async function reloadNginx(master: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const old = workerPids(master.pid!);
  master.kill("SIGHUP");
  const deadline = Date.now() + timeoutMs;
  while (old.some((pid) => existsSync(`/proc/${pid}`) && isChildOf(pid, master.pid!))) {
    if (Date.now() > deadline)
      throw new Error(`nginx workers ${old.join(",")} still running ${timeoutMs} ms after reload`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isChildOf(pid: number, masterPid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === masterPid;
  } catch {
    return false;
  }
}
