import { DockerHost } from "@/lib/sim/persistence/host";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import { countIds } from "@/lib/sim/persistence/orders";
import { clip, type CommandEntry, type OrderCounts } from "../text/result";
import { commandLines } from "../text/schema";
import type { TextOutcome } from "../text/outcome";

type BackupLab = LabOfKind<"backup-restore">;

/**
 * The learner's commands replayed on a fresh simulated host (lib/sim/persistence): the shop has
 * been taking orders for `warmupMs`, and `thinkMs` passes before each command. The prompt in the
 * browser replays the same way, so what the learner saw is what is judged.
 */
export function backupSession(
  lab: BackupLab,
  lines: readonly string[],
): { host: DockerHost; entries: CommandEntry[]; orders: OrderCounts } {
  const s = lab.scenario;
  const host = new DockerHost({
    ordersPerSecond: s.ordersPerSecond,
    baseBytes: s.baseBytes,
    bytesPerOrder: s.bytesPerOrder,
    copyBytesPerSecond: s.copyBytesPerSecond,
  });
  for (const line of s.setup) {
    const result = host.run(line);
    if (!result.ok) throw new Error(`lab setup failed: ${line}: ${result.error}`);
  }
  host.advance(s.warmupMs);
  const arrived = host.now;
  const samples: OrderCounts["samples"] = [];
  const sample = () => {
    const files = [...(host.hostDirs.get(host.options.cwd)?.files.values() ?? [])];
    const backup = files.length
      ? Math.max(...files.map((file) => countIds(file.kind === "dump" ? file.orders : file.data.orders)))
      : null;
    const at = host.now - arrived;
    const counts = {
      atMs: at,
      db: host.audit("orders-db")?.found ?? null,
      backup,
      restored: host.audit(s.restoreContainer)?.found ?? null,
      failed: host.failedOrders,
    };
    // A command that takes no time replaces the sample at that moment.
    if (samples.at(-1)?.atMs === at) samples.pop();
    samples.push(counts);
  };
  sample();
  const entries = lines.map((line) => {
    host.advance(s.thinkMs);
    sample();
    const result = host.run(line);
    sample();
    return { line, ok: result.ok, output: result.ok ? result.output.join("\n") : (result.error ?? "error") };
  });
  const backups = [...(host.hostDirs.get(host.options.cwd)?.files.entries() ?? [])]
    .map(([file, value]) => ({ atMs: value.takenAt - arrived, file, kind: value.kind }))
    .sort((a, b) => a.atMs - b.atMs);
  return { host, entries, orders: { samples, backups, restoreContainer: s.restoreContainer } };
}

export function runBackupRestore(lab: BackupLab, text: string): TextOutcome {
  const { host, entries, orders } = backupSession(lab, commandLines(text));
  const files = [...(host.hostDirs.get(host.options.cwd)?.files ?? new Map()).entries()];
  const restoreName = lab.scenario.restoreContainer;
  const checks: CheckResult[] = lab.checks.map((check) => {
    const label = describeCheck(check);
    switch (check.type) {
      case "backup-file":
        return files.length > 0
          ? { label, passed: true, detail: `In your directory: ${files.map(([name, file]) => `${name} (${file.kind === "dump" ? "a pg_dump" : "a file copy"})`).join(", ")}.` }
          : { label, passed: false, detail: "There is no backup file in your working directory yet." };
      case "restore-complete":
        return restoreCheck(label, host, restoreName, files);
      case "orders-failed":
        return host.failedOrders <= check.max
          ? { label, passed: true, detail: `${host.failedOrders} orders failed while you worked.` }
          : {
              label,
              passed: false,
              detail: `${host.failedOrders} orders failed because orders-db was not running: customers saw errors.`,
            };
      default:
        return { label, passed: false, detail: `The ${check.type} check does not apply to this lab.` };
    }
  });
  return {
    checks,
    details: {
      kind: "commands",
      entries: entries.map((entry) => ({ ...entry, output: clip(entry.output) })),
      omitted: 0,
      notes: [],
      orders,
    },
  };
}

function restoreCheck(
  label: string,
  host: DockerHost,
  name: string,
  files: Array<[string, { coversUpTo: number; kind: string }]>,
): CheckResult {
  const container = host.containers.get(name);
  if (!container) return { label, passed: false, detail: `There is no container called ${name}.` };
  if (container.state !== "running") return { label, passed: false, detail: `${name} is not running.` };
  if (files.length === 0) return { label, passed: false, detail: "There is no backup to compare it with." };
  const audits = files.map(([file, backup]) => ({ file, audit: host.audit(name, backup.coversUpTo) }));
  const good = audits.find(({ audit }) => audit && audit.expected > 0 && audit.lost === 0 && audit.corrupt === 0);
  if (good)
    return {
      label,
      passed: true,
      detail: `${name} answers for all ${good.audit!.expected} orders committed when ${good.file} was taken.`,
    };
  const best = audits.find(({ audit }) => audit !== null);
  if (!best) return { label, passed: false, detail: `${name} has no PostgreSQL data directory.` };
  const a = best.audit!;
  return {
    label,
    passed: false,
    detail:
      `Against ${best.file}: of ${a.expected} orders it should hold, ${a.found} are found, ` +
      `${a.corrupt} are in the table but missing from its index, ${a.lost} are gone.`,
  };
}
