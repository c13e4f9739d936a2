import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { createLabVerifier, type LabVerifier, type VerifySettings, type WorkerEntry } from "./lab-verifier";

// The production server (lib/server/main.ts) starts the pool and installs it here; Next's server
// bundle (actions, route handlers) is a separate module graph in the same process, so the one
// instance is found through a process-wide symbol rather than a module variable.
const KEY = Symbol.for("shipshape.labVerifier");
type Holder = { [KEY]?: LabVerifier };

export function verifySettings(): VerifySettings {
  const e = env();
  return {
    workers: e.LAB_VERIFY_WORKERS,
    queueMax: e.LAB_VERIFY_QUEUE_MAX,
    timeoutMs: e.LAB_VERIFY_TIMEOUT_MS,
    heapMb: e.LAB_VERIFY_HEAP_MB,
    cpuBudgetMs: e.LAB_VERIFY_CPU_BUDGET_MS,
  };
}

export const WORKER_SOURCE = "lib/labs/pool/verify-worker.ts";

/**
 * The worker from source (tests, `next dev`): bundled with esbuild exactly as the production build
 * does, into node_modules/.cache. (Node 20's worker threads ignore an `--import tsx` loader.)
 */
export async function sourceWorkerEntry(root = process.cwd()): Promise<WorkerEntry> {
  const { build } = await import("esbuild");
  const outfile = path.join(root, "node_modules/.cache/shipshape/lab-verify-worker.mjs");
  await build({
    entryPoints: [path.join(root, WORKER_SOURCE)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return { file: outfile };
}

/** The bundled worker next to dist/server.mjs (scripts/build-server.mjs). */
export function builtWorkerEntry(root = process.cwd()): WorkerEntry {
  return { file: path.join(root, "dist/lab-verify-worker.mjs") };
}

export function startLabVerifier(entry: WorkerEntry, settings = verifySettings()): LabVerifier {
  const log = logger();
  const verifier = createLabVerifier(settings, entry, (event) => {
    if (event.type !== "busy") log.warn({ pool: "lab-verify", ...event }, "lab verification worker replaced");
  });
  (globalThis as Holder)[KEY] = verifier;
  return verifier;
}

let starting: Promise<LabVerifier> | null = null;

/** The process's verifier; started on first use when no server installed one (`next dev`, `next start`). */
export async function labVerifier(): Promise<LabVerifier> {
  const installed = (globalThis as Holder)[KEY];
  if (installed) return installed;
  starting ??= (async () => {
    const built = builtWorkerEntry();
    const entry =
      existsSync(built.file as string) && env().NODE_ENV === "production" ? built : await sourceWorkerEntry();
    return startLabVerifier(entry);
  })();
  return starting;
}

/** Graceful shutdown: stop taking jobs and end the workers. */
export async function stopLabVerifier(): Promise<void> {
  const holder = globalThis as Holder;
  const verifier = holder[KEY];
  delete holder[KEY];
  await verifier?.close();
}
