import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Every podman call goes through runc (crun fails on these machines) with ulimits it accepts. */
export const PODMAN = ["podman", "--runtime", "/usr/sbin/runc"];
export const LIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"];

export function podmanAvailable(): boolean {
  return (
    spawnSync("podman", ["--version"]).status === 0 && spawnSync("/usr/sbin/runc", ["--version"]).status === 0
  );
}

export async function podman(
  args: string[],
  timeoutMs = 120_000,
): Promise<{ stdout: string; stderr: string }> {
  const [command, ...rest] = PODMAN;
  try {
    return await run(command!, [...rest, ...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `podman ${args.join(" ")} failed: ${e.message}\n${e.stderr ?? ""}\n${(e.stdout ?? "").slice(-4000)}`,
    );
  }
}

/** Exit status of a podman command without throwing. */
export async function podmanStatus(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await podman(args);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const match = /exit code (\d+)|Command failed/.exec((error as Error).message);
    return { code: match?.[1] ? Number(match[1]) : 1, stdout: "", stderr: (error as Error).message };
  }
}
