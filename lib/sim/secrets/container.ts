import { z } from "zod";

/** One entry of `docker history`: what created the layer, and files it added (path → content). */
export const LayerSchema = z.object({
  createdBy: z.string(),
  files: z.record(z.string(), z.string()).default({}),
});

/**
 * A simulated container: its image (history layers), how it was run (env, labels, command,
 * secrets mounted as files) and what it wrote (logs). Secrets follow Compose and Swarm: each is
 * a file at /run/secrets/<name> unless a target path is given.
 */
export const ContainerSpecSchema = z.object({
  name: z.string().min(1).default("app"),
  image: z.string().min(1).default("shop-api:1.4.2"),
  history: z.array(LayerSchema).default([]),
  /** docker run -e / Compose environment: the container's Config.Env. */
  env: z.record(z.string(), z.string()).default({}),
  labels: z.record(z.string(), z.string()).default({}),
  cmd: z.array(z.string()).default(["node", "server.js"]),
  secrets: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z0-9_.-]+$/),
        content: z.string(),
        target: z.string().regex(/^\//).optional(),
      }),
    )
    .default([]),
});
export type ContainerSpecInput = z.input<typeof ContainerSpecSchema>;
export type ContainerSpec = z.output<typeof ContainerSpecSchema>;

export type LogLine = { stream: "stdout" | "stderr"; text: string };

/** The node:fs error Node throws for a missing file (code ENOENT, errno -2), reproduced in words. */
export class FileNotFoundError extends Error {
  readonly code = "ENOENT";
  constructor(readonly path: string) {
    super(`ENOENT: no such file or directory, open '${path}'`);
    this.name = "Error";
  }
}

export class SimContainer {
  readonly spec: ContainerSpec;
  readonly logs: LogLine[] = [];
  /** Every path the app asked to read, in order (for "reads from files"). */
  readonly reads: string[] = [];
  private readonly files = new Map<string, string>();

  constructor(input: ContainerSpecInput) {
    this.spec = ContainerSpecSchema.parse(input);
    // The image's files first (later layers win), then the secret mounts on top.
    for (const layer of this.spec.history)
      for (const [path, content] of Object.entries(layer.files)) this.files.set(path, content);
    for (const secret of this.spec.secrets)
      this.files.set(secret.target ?? `/run/secrets/${secret.name}`, secret.content);
  }

  readFile(path: string): string {
    this.reads.push(path);
    const content = this.files.get(path);
    if (content === undefined) throw new FileNotFoundError(path);
    return content;
  }

  listFiles(): [string, string][] {
    return [...this.files.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  /** `Config.Env` as `docker inspect` prints it: KEY=value strings. */
  envList(): string[] {
    return Object.entries(this.spec.env).map(([k, v]) => `${k}=${v}`);
  }

  /** /proc/1/environ: PID 1's environment as it was at execve, NUL-separated (proc(5)). */
  procEnviron(): string {
    return this.envList()
      .map((e) => `${e}\0`)
      .join("");
  }

  /** The parts of `docker inspect NAME` that can carry a value: Config (Env, Cmd, Labels) and Mounts. */
  inspect(): string {
    const doc = [
      {
        Name: `/${this.spec.name}`,
        Config: { Image: this.spec.image, Env: this.envList(), Cmd: this.spec.cmd, Labels: this.spec.labels },
        Mounts: this.spec.secrets.map((s) => ({
          Type: "bind",
          Source: `/var/lib/docker/secrets/${s.name}`,
          Destination: s.target ?? `/run/secrets/${s.name}`,
          RW: false,
        })),
      },
    ];
    return JSON.stringify(doc, null, 4);
  }

  /** `docker history --no-trunc` CREATED BY column, newest first as the CLI lists it. */
  historyLines(): string[] {
    return this.spec.history.map((l) => l.createdBy).reverse();
  }

  log(stream: LogLine["stream"], text: string): void {
    this.logs.push({ stream, text });
  }

  /** `docker logs` with the json-file driver's on-disk form of each line (what a log shipper reads). */
  jsonFileLog(): string[] {
    return this.logs.map((l) => JSON.stringify({ log: `${l.text}\n`, stream: l.stream }));
  }
}
