import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";

export type ReplicaExit = { code: number | null; signal: NodeJS.Signals | null; ms: number };

/**
 * One app replica: `node dist/server.mjs` (the production build) on its own
 * port. Restartable, so drills can stop it (SIGTERM or SIGKILL) and bring it back.
 */
export class Replica {
  private child: ChildProcess | null = null;
  private exitPromise: Promise<ReplicaExit> | null = null;
  private log: WriteStream;
  private recent = "";

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: "a" });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last few KiB of output, for failure messages. */
  tail(): string {
    return this.recent.slice(-4_000);
  }

  async start(timeoutMs = 120_000): Promise<void> {
    const child = spawn(process.execPath, ["dist/server.mjs"], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOSTNAME: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const startedAt = Date.now();
    const keep = (chunk: Buffer) => {
      this.log.write(chunk);
      this.recent = (this.recent + chunk.toString()).slice(-16_000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.exitPromise = new Promise((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal, ms: Date.now() - startedAt })),
    );
    await this.waitReady(timeoutMs);
  }

  /** Ready = /api/ready answers 200 (database reachable, not shutting down). */
  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child?.exitCode !== null)
        throw new Error(`${this.name} exited during start-up:\n${this.tail()}`);
      try {
        const response = await fetch(`${this.url}/api/ready`, { signal: AbortSignal.timeout(5_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name} not ready in ${timeoutMs} ms:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Sends `signal` and waits for the exit; returns how it ended and how long it took. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<ReplicaExit> {
    const child = this.child;
    if (!child || !this.exitPromise || child.exitCode !== null || child.signalCode !== null)
      return (await this.exitPromise) ?? { code: null, signal: null, ms: 0 };
    const sentAt = Date.now();
    child.kill(signal);
    const exit = await this.exitPromise;
    return { ...exit, ms: Date.now() - sentAt };
  }

  async close(): Promise<void> {
    await this.stop("SIGKILL");
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }
}
