import { splitCommand } from "./cli";
import { addRange, between, countIds, lastId, upTo, type IdRanges } from "./orders";
import type { CommandResult, ComposeProject, Container, HostFile, Mount, PgData, Volume } from "./types";

export type HostOptions = {
  /** The app inserts this many orders per second into the container named `appTarget`. */
  ordersPerSecond?: number;
  appTarget?: string;
  compose?: ComposeProject | null;
  /** Size model for copies and reclaimed space: an empty cluster plus bytes per order. */
  baseBytes?: number;
  bytesPerOrder?: number;
  /** Throughput of tar / docker cp / pg_dump. */
  copyBytesPerSecond?: number;
  cwd?: string;
};

/** Where a directory's contents live: a volume, or a host directory behind a bind mount. */
type Directory = { pgdata: PgData | null; files: Map<string, HostFile> };

const PGDATA = "/var/lib/postgresql/data";

/** Images the simulated host knows, with the VOLUMEs their Dockerfiles declare. */
const IMAGE_VOLUMES: Array<[RegExp, string[]]> = [
  // docker-library/postgres (versions ≤ 17): VOLUME /var/lib/postgresql/data.
  [/^postgres(:.*)?$/, [PGDATA]],
  [/^(busybox|alpine|ubuntu|debian)(:.*)?$/, []],
];

class CommandError extends Error {}

/**
 * A simulated Docker host for the persistence lesson: containers, named and anonymous volumes,
 * bind mounts, Compose, and a PostgreSQL `orders-db` that an app keeps writing orders to. Commands
 * are the real CLI text (a subset); time only moves when a command takes time (a copy, a dump) or
 * when `advance` is called. Deterministic, no I/O.
 */
export class DockerHost {
  readonly options: Required<Omit<HostOptions, "compose">> & { compose: ComposeProject | null };
  now = 0;
  readonly volumes = new Map<string, Volume>();
  readonly containers = new Map<string, Container>();
  /** Host directories (bind-mount sources and the learner's working directory). */
  readonly hostDirs = new Map<string, Directory>();
  private volumeDirs = new Map<string, Directory>();
  readonly history: CommandResult[] = [];
  private nextOrderId = 1;
  private orderCarry = 0;
  /** Every order the app got a "committed" answer for, and the ones it could not place. */
  committed: IdRanges = [];
  failedOrders = 0;
  private anonymousCount = 0;

  constructor(options: HostOptions = {}) {
    this.options = {
      ordersPerSecond: options.ordersPerSecond ?? 2,
      appTarget: options.appTarget ?? "orders-db",
      compose: options.compose ?? null,
      baseBytes: options.baseBytes ?? 40_000_000,
      bytesPerOrder: options.bytesPerOrder ?? 2_000,
      copyBytesPerSecond: options.copyBytesPerSecond ?? 50_000_000,
      cwd: options.cwd ?? "/home/learner",
    };
    this.hostDirs.set(this.options.cwd, { pgdata: null, files: new Map() });
  }

  /** Lets time pass: the app commits orders while its database runs, and fails them otherwise. */
  advance(ms: number): void {
    if (ms <= 0) return;
    const exact = (ms / 1000) * this.options.ordersPerSecond + this.orderCarry;
    const count = Math.floor(exact + 1e-9);
    this.orderCarry = exact - count;
    this.now += ms;
    if (count === 0) return;
    const db = this.containers.get(this.options.appTarget);
    const data = db && db.state === "running" ? this.pgdataOf(db) : null;
    if (!data) {
      this.failedOrders += count;
      return;
    }
    const from = this.nextOrderId;
    this.nextOrderId += count;
    data.orders = addRange(data.orders, from, from + count - 1);
    this.committed = addRange(this.committed, from, from + count - 1);
  }

  /** Runs one command line; errors are part of the result, as a terminal would show them. */
  run(line: string): CommandResult {
    const at = this.now;
    let result: CommandResult;
    try {
      result = { command: line, ok: true, output: this.execute(line), error: null, at };
    } catch (error) {
      if (!(error instanceof CommandError || error instanceof SyntaxError)) throw error;
      result = { command: line, ok: false, output: [], error: error.message, at };
    }
    this.history.push(result);
    return result;
  }

  private execute(line: string): string[] {
    const { words, stdout, stdin } = splitCommand(line.trim(), this.options.cwd);
    if (words[0] !== "docker") throw new CommandError(`only docker commands are available here, not "${words[0] ?? ""}"`);
    const [, command, ...rest] = words;
    switch (command) {
      case "volume":
        return this.volumeCommand(rest);
      case "run":
        return this.runCommand(rest);
      case "stop":
        return rest.map((name) => this.stop(name));
      case "start":
        return rest.map((name) => this.start(this.container(name)));
      case "rm":
        return this.rm(rest);
      case "ps":
        return this.ps();
      case "exec":
        return this.exec(rest, stdout, stdin);
      case "cp":
        return this.cp(rest);
      case "compose":
        return this.compose(rest);
      default:
        throw new CommandError(`docker ${command ?? ""} is not simulated here`);
    }
  }

  // ---- volumes -------------------------------------------------------------------------------

  private volumeCommand(args: string[]): string[] {
    const [sub, ...rest] = args;
    const flags = rest.filter((arg) => arg.startsWith("-"));
    const names = rest.filter((arg) => !arg.startsWith("-"));
    switch (sub) {
      case "create": {
        const name = names[0] ?? this.anonymousName();
        if (!this.volumes.has(name)) this.createVolume(name, names[0] === undefined, null);
        return [name];
      }
      case "ls":
        return ["DRIVER    VOLUME NAME", ...[...this.volumes.keys()].sort().map((name) => `local     ${name}`)];
      case "rm":
        return names.map((name) => {
          if (!this.volumes.has(name)) throw new CommandError(`Error response from daemon: get ${name}: no such volume`);
          const users = this.usersOf(name);
          if (users.length)
            throw new CommandError(`Error response from daemon: remove ${name}: volume is in use - [${users.join(", ")}]`);
          this.removeVolume(name);
          return name;
        });
      case "prune": {
        // Since API 1.42 (Engine 23) prune removes only anonymous volumes unless all=true (-a).
        const all = flags.includes("-a") || flags.includes("--all");
        const removed = [...this.volumes.values()]
          .filter((volume) => (all || volume.anonymous) && this.usersOf(volume.name).length === 0)
          .map((volume) => volume.name)
          .sort();
        const bytes = removed.reduce((sum, name) => sum + this.sizeOf(this.volumeDirs.get(name)!), 0);
        removed.forEach((name) => this.removeVolume(name));
        return [
          ...(removed.length ? ["Deleted Volumes:", ...removed] : []),
          `Total reclaimed space: ${formatBytes(bytes)}`,
        ];
      }
      default:
        throw new CommandError(`docker volume ${sub ?? ""} is not simulated here`);
    }
  }

  private anonymousName(): string {
    // Real anonymous volumes get 64 hex characters; a readable, deterministic stand-in.
    this.anonymousCount++;
    return `${this.anonymousCount.toString(16).padStart(8, "0")}${"0".repeat(56)}`;
  }

  private createVolume(name: string, anonymous: boolean, project: string | null): Volume {
    const volume: Volume = { name, anonymous, project, createdAt: this.now };
    this.volumes.set(name, volume);
    this.volumeDirs.set(name, { pgdata: null, files: new Map() });
    return volume;
  }

  private removeVolume(name: string): void {
    this.volumes.delete(name);
    this.volumeDirs.delete(name);
  }

  private usersOf(volume: string): string[] {
    return [...this.containers.values()]
      .filter((c) => c.mounts.some((m) => m.type === "volume" && m.source === volume))
      .map((c) => c.name);
  }

  // ---- containers ----------------------------------------------------------------------------

  private container(name: string): Container {
    const container = this.containers.get(name);
    if (!container) throw new CommandError(`Error response from daemon: No such container: ${name}`);
    return container;
  }

  private parseMount(spec: string, flag: "-v" | "--mount"): { source: string | null; target: string; readOnly: boolean; bind: boolean } {
    if (flag === "--mount") {
      const fields = Object.fromEntries(spec.split(",").map((part) => part.split("=") as [string, string]));
      const target = fields.target ?? fields.dst ?? fields.destination;
      if (!target) throw new CommandError("invalid mount: a target is required");
      const source = fields.source ?? fields.src ?? null;
      return { source, target, readOnly: "readonly" in fields || "ro" in fields, bind: fields.type === "bind" };
    }
    const parts = spec.split(":");
    if (parts.length === 1) return { source: null, target: parts[0]!, readOnly: false, bind: false };
    const [source, target, mode] = parts;
    return { source: source!, target: target!, readOnly: mode === "ro", bind: source!.startsWith("/") || source!.startsWith(".") };
  }

  private mountsFor(image: string, specs: Array<{ flag: "-v" | "--mount"; spec: string }>, project: string | null): Mount[] {
    const mounts: Mount[] = [];
    for (const { flag, spec } of specs) {
      const parsed = this.parseMount(spec, flag);
      if (parsed.bind) {
        const source = parsed.source!.startsWith(".") ? `${this.options.cwd}${parsed.source!.slice(1)}` : parsed.source!;
        if (!this.hostDirs.has(source)) this.hostDirs.set(source, { pgdata: null, files: new Map() });
        mounts.push({ type: "bind", source, target: parsed.target, readOnly: parsed.readOnly });
      } else {
        const named = parsed.source !== null;
        const name = parsed.source ?? this.anonymousName();
        if (!this.volumes.has(name)) this.createVolume(name, !named, project);
        mounts.push({ type: "volume", source: name, target: parsed.target, readOnly: parsed.readOnly, named });
      }
    }
    // Each VOLUME in the image not covered by a mount gets an anonymous volume.
    const declared = IMAGE_VOLUMES.find(([pattern]) => pattern.test(image))?.[1];
    if (!declared) throw new CommandError(`Unable to find image '${image}' locally (this host knows postgres, busybox, alpine)`);
    for (const target of declared) {
      if (mounts.some((m) => m.target === target)) continue;
      const name = this.anonymousName();
      this.createVolume(name, true, project);
      mounts.push({ type: "volume", source: name, target, readOnly: false, named: false });
    }
    return mounts;
  }

  private runCommand(args: string[]): string[] {
    let name: string | null = null;
    let autoRemove = false;
    const specs: Array<{ flag: "-v" | "--mount"; spec: string }> = [];
    let i = 0;
    for (; i < args.length && args[i]!.startsWith("-"); i++) {
      const arg = args[i]!;
      if (arg === "--rm") autoRemove = true;
      else if (arg === "-d" || arg === "--detach" || arg === "-it" || arg === "-i" || arg === "-t") continue;
      else if (arg === "--name") name = args[++i] ?? null;
      else if (arg.startsWith("--name=")) name = arg.slice(7);
      else if (arg === "-v" || arg === "--volume" || arg === "--mount") specs.push({ flag: arg === "--mount" ? "--mount" : "-v", spec: args[++i] ?? "" });
      else if (arg === "-e" || arg === "--env" || arg === "-p" || arg === "--publish" || arg === "--network") i++;
      else if (arg.startsWith("-e") || arg.startsWith("--env=")) continue;
      else throw new CommandError(`unknown flag: ${arg}`);
    }
    const image = args[i];
    if (!image) throw new CommandError('"docker run" requires at least 1 argument');
    const command = args.slice(i + 1);
    name ??= `container-${this.containers.size + 1}`;
    if (this.containers.has(name))
      throw new CommandError(`Error response from daemon: Conflict. The container name "/${name}" is already in use`);
    const container: Container = { name, image, mounts: this.mountsFor(image, specs, null), state: "exited", autoRemove, project: null, startedAt: null };
    this.containers.set(name, container);
    if (/^postgres/.test(image)) return [this.start(container)];
    // A utility container runs its command, then exits (and with --rm is removed with its anonymous volumes).
    const output = this.utility(container, command);
    if (autoRemove) this.remove(container, true);
    return output;
  }

  private start(container: Container): string {
    if (container.state === "running") return container.name;
    container.state = "running";
    container.startedAt = this.now;
    if (/^postgres/.test(container.image)) {
      const dir = this.dirAt(container, PGDATA);
      if (!dir) throw new CommandError("postgres needs a data directory");
      // An empty data directory is initialised (initdb); an unclean one goes through crash recovery.
      dir.pgdata ??= { kind: "pgdata", orders: [], unindexed: [], clean: true };
      dir.pgdata = { ...dir.pgdata, clean: false };
    }
    return container.name;
  }

  private stop(name: string): string {
    const container = this.container(name);
    if (container.state === "running") {
      container.state = "exited";
      // SIGTERM: PostgreSQL's fast shutdown writes a checkpoint, leaving a clean data directory.
      const data = this.pgdataOf(container);
      if (data) data.clean = true;
    }
    return name;
  }

  private rm(args: string[]): string[] {
    const force = args.some((a) => a === "-f" || a === "--force" || /^-[a-z]*f/.test(a));
    const withVolumes = args.some((a) => a === "-v" || a === "--volumes" || /^-[a-z]*v/.test(a));
    return args
      .filter((a) => !a.startsWith("-"))
      .map((name) => {
        const container = this.container(name);
        if (container.state === "running" && !force)
          throw new CommandError(
            `Error response from daemon: cannot remove container "/${name}": container is running: stop the container before removing or force remove`,
          );
        // -f on a running container is SIGKILL: committed data survives in the WAL, shutdown is unclean.
        this.remove(container, withVolumes);
        return name;
      });
  }

  /** Removes a container; with `anonymousToo` its anonymous volumes that nothing else uses (moby removeMountPoints). */
  private remove(container: Container, anonymousToo: boolean): void {
    this.containers.delete(container.name);
    if (!anonymousToo) return;
    for (const mount of container.mounts) {
      if (mount.type !== "volume" || mount.named) continue;
      if (this.volumes.has(mount.source) && this.usersOf(mount.source).length === 0) this.removeVolume(mount.source);
    }
  }

  private ps(): string[] {
    return [
      "NAMES    IMAGE    STATUS    MOUNTS",
      ...[...this.containers.values()].map(
        (c) => `${c.name}    ${c.image}    ${c.state === "running" ? "Up" : "Exited"}    ${c.mounts.map((m) => m.source).join(",")}`,
      ),
    ];
  }

  // ---- files, copies and backups -------------------------------------------------------------

  private dirOfMount(mount: Mount): Directory {
    if (mount.type === "bind") return this.hostDirs.get(mount.source)!;
    return this.volumeDirs.get(mount.source)!;
  }

  /** The directory behind a path inside a container, and the rest of the path. */
  private resolve(container: Container, path: string): { dir: Directory; rest: string } | null {
    const mount = [...container.mounts]
      .sort((a, b) => b.target.length - a.target.length)
      .find((m) => path === m.target || path.startsWith(`${m.target}/`));
    if (!mount) return null;
    return { dir: this.dirOfMount(mount), rest: path.slice(mount.target.length).replace(/^\//, "") };
  }

  private dirAt(container: Container, path: string): Directory | null {
    return this.resolve(container, path)?.dir ?? null;
  }

  private pgdataOf(container: Container): PgData | null {
    return this.dirAt(container, PGDATA)?.pgdata ?? null;
  }

  /** A host path: a file inside a host directory. */
  private hostFile(path: string): { dir: Directory; rest: string } {
    const abs = path.startsWith("/") ? path : `${this.options.cwd}/${path.replace(/^\.\//, "")}`;
    const base = [...this.hostDirs.keys()].sort((a, b) => b.length - a.length).find((dir) => abs.startsWith(`${dir}/`));
    if (!base) {
      const parent = abs.slice(0, abs.lastIndexOf("/")) || "/";
      this.hostDirs.set(parent, { pgdata: null, files: new Map() });
      return { dir: this.hostDirs.get(parent)!, rest: abs.slice(parent.length + 1) };
    }
    return { dir: this.hostDirs.get(base)!, rest: abs.slice(base.length + 1) };
  }

  private sizeOf(dir: Directory): number {
    let bytes = dir.pgdata ? this.options.baseBytes + countIds(dir.pgdata.orders) * this.options.bytesPerOrder : 0;
    for (const file of dir.files.values()) {
      const orders = file.kind === "dump" ? file.orders : file.data.orders;
      bytes += countIds(orders) * this.options.bytesPerOrder + (file.kind === "tar" ? this.options.baseBytes : 0);
    }
    return bytes;
  }

  private copyMs(orders: number, withBase: boolean): number {
    const bytes = (withBase ? this.options.baseBytes : 0) + orders * this.options.bytesPerOrder;
    return Math.ceil((bytes / this.options.copyBytesPerSecond) * 1000);
  }

  /**
   * Copies a data directory file by file. If its database is running, the files are read at
   * different moments while orders keep committing: a torn copy (see README).
   */
  private copyData(source: Directory): { data: PgData; torn: boolean; coversUpTo: number } {
    const original = source.pgdata;
    if (!original) throw new CommandError("nothing to copy: the directory is empty");
    const live = [...this.containers.values()].some(
      (c) => c.state === "running" && /^postgres/.test(c.image) && this.dirAt(c, PGDATA) === source,
    );
    const duration = this.copyMs(countIds(original.orders), true);
    const before = lastId(original.orders);
    if (!live) {
      this.advance(duration);
      return {
        data: { ...original, orders: [...original.orders], unindexed: [...original.unindexed] },
        torn: false,
        coversUpTo: lastId(this.committed),
      };
    }
    this.advance(Math.floor(duration / 2));
    const atTable = lastId(source.pgdata!.orders);
    this.advance(duration - Math.floor(duration / 2));
    const torn = atTable > before || lastId(source.pgdata!.orders) > before;
    return {
      data: {
        kind: "pgdata",
        // The index files were read at the start, the table at the middle, the WAL at the end but
        // without a backup label recovery cannot tell: committed before the copy → intact;
        // before the table was read → in the table, not in the index; later → missing.
        orders: upTo(original.orders, before),
        unindexed: [...original.unindexed, ...between(source.pgdata!.orders, before, atTable)],
        clean: false,
      },
      torn,
      coversUpTo: lastId(this.committed),
    };
  }

  private utility(container: Container, command: string[]): string[] {
    if (command[0] === "sh" && command[1] === "-c") return this.utility(container, command[2]!.split(/\s+/));
    if (command[0] !== "tar") return [];
    const flags = command[1] ?? "";
    const fileIndex = command.indexOf(flags) + 1;
    const archive = command[fileIndex];
    const cIndex = command.indexOf("-C");
    const dirPath = cIndex >= 0 ? command[cIndex + 1]! : command.at(-1)!;
    if (!archive) throw new CommandError("tar: no archive file given");
    const archiveAt = this.resolve(container, archive);
    const dir = this.dirAt(container, dirPath);
    if (!archiveAt || !dir) throw new CommandError(`tar: ${!archiveAt ? archive : dirPath}: no mounted directory there (data written elsewhere is lost with the container)`);
    if (flags.includes("c")) {
      archiveAt.dir.files.set(archiveAt.rest, { kind: "tar", ...this.copyData(dir), takenAt: this.now });
      return [];
    }
    if (flags.includes("x")) {
      const file = archiveAt.dir.files.get(archiveAt.rest);
      if (!file || file.kind !== "tar") throw new CommandError(`tar: ${archive}: Cannot open: No such file or directory`);
      this.advance(this.copyMs(countIds(file.data.orders), true));
      dir.pgdata = { ...file.data, orders: [...file.data.orders], unindexed: [...file.data.unindexed] };
      return [];
    }
    throw new CommandError(`tar ${flags}: use c (create) or x (extract)`);
  }

  private exec(args: string[], stdout: string | null, stdin: string | null): string[] {
    const positional = args.filter((a) => !["-i", "-it", "-t", "-T"].includes(a));
    const [name, tool] = positional;
    const container = this.container(name ?? "");
    if (container.state !== "running") throw new CommandError(`Error response from daemon: container ${container.name} is not running`);
    const data = this.pgdataOf(container);
    if (!data) throw new CommandError(`${tool}: not a PostgreSQL container`);
    if (tool === "pg_dump" || tool === "pg_dumpall") {
      if (!stdout) throw new CommandError("pg_dump wrote the dump to the terminal: redirect it to a file (> orders.dump)");
      // pg_dump reads from one snapshot taken at its start: consistent while writes go on.
      const snapshot = [...data.orders];
      this.advance(this.copyMs(countIds(snapshot), false));
      const { dir, rest } = this.hostFile(stdout);
      dir.files.set(rest, { kind: "dump", orders: snapshot, takenAt: this.now, coversUpTo: lastId(snapshot) });
      return [];
    }
    if (tool === "pg_restore" || tool === "psql") {
      if (!stdin) throw new CommandError(`${tool}: give it the dump on standard input (< orders.dump)`);
      const { dir, rest } = this.hostFile(stdin);
      const file = dir.files.get(rest);
      if (!file) throw new CommandError(`${stdin}: No such file or directory`);
      if (file.kind !== "dump") throw new CommandError(`${tool}: input file does not appear to be a valid dump (it is a tar of the data directory)`);
      if (countIds(data.orders) > 0 && lastId(data.orders) >= (file.orders[0]?.[0] ?? Infinity))
        throw new CommandError('ERROR:  duplicate key value violates unique constraint "orders_pkey"');
      this.advance(this.copyMs(countIds(file.orders), false));
      let merged: IdRanges = [];
      for (const [from, to] of [...file.orders, ...data.orders].sort((a, b) => a[0] - b[0])) merged = addRange(merged, from, to);
      data.orders = merged;
      return [];
    }
    throw new CommandError(`${tool ?? ""}: not simulated here (pg_dump, pg_restore and psql are)`);
  }

  private cp(args: string[]): string[] {
    const [from, to] = args.filter((a) => !a.startsWith("-"));
    if (!from || !to) throw new CommandError('"docker cp" requires exactly 2 arguments');
    const [name, path] = from.split(":");
    if (path === undefined) throw new CommandError("docker cp here copies out of a container: NAME:PATH DEST");
    const dir = this.dirAt(this.container(name!), path);
    if (!dir) throw new CommandError(`Error response from daemon: Could not find the file ${path} in container ${name}`);
    const copy = this.copyData(dir);
    const target = this.hostFile(to);
    target.dir.files.set(target.rest, { kind: "tar", ...copy, takenAt: this.now });
    return [];
  }

  // ---- compose -------------------------------------------------------------------------------

  private compose(args: string[]): string[] {
    const project = this.options.compose;
    if (!project) throw new CommandError("no compose.yaml in this directory");
    const [sub, ...flags] = args;
    const names = Object.keys(project.services).map((service) => `${project.name}-${service}-1`);
    if (sub === "up") {
      for (const [name, volume] of Object.entries(project.volumes)) {
        if (volume.external) {
          if (!this.volumes.has(name)) throw new CommandError(`external volume "${name}" not found`);
        } else if (!this.volumes.has(`${project.name}_${name}`)) this.createVolume(`${project.name}_${name}`, false, project.name);
      }
      return Object.values(project.services).map((spec, index) => {
        const name = names[index]!;
        const existing = this.containers.get(name);
        if (existing) return `Container ${this.start(existing)}  Started`;
        const specs = spec.volumes.map((entry) => {
          const [source, ...restParts] = entry.split(":");
          if (restParts.length === 0) return { flag: "-v" as const, spec: entry };
          const top = project.volumes[source!];
          const mapped = top ? (top.external ? source! : `${project.name}_${source}`) : source!;
          return { flag: "-v" as const, spec: [mapped, ...restParts].join(":") };
        });
        const container: Container = {
          name,
          image: spec.image,
          mounts: this.mountsFor(spec.image, specs, project.name),
          state: "exited",
          autoRemove: false,
          project: project.name,
          startedAt: null,
        };
        this.containers.set(name, container);
        this.start(container);
        return `Container ${name}  Started`;
      });
    }
    if (sub === "down") {
      const volumes = flags.includes("-v") || flags.includes("--volumes");
      const out: string[] = [];
      for (const name of names) {
        const container = this.containers.get(name);
        if (!container) continue;
        this.stop(name);
        // down -v: the anonymous volumes of the removed containers go too.
        this.remove(container, volumes);
        out.push(`Container ${name}  Removed`);
      }
      if (volumes)
        for (const [name, volume] of Object.entries(project.volumes)) {
          const full = `${project.name}_${name}`;
          if (!volume.external && this.volumes.has(full)) {
            this.removeVolume(full);
            out.push(`Volume ${full}  Removed`);
          }
        }
      return out;
    }
    if (sub === "stop") return names.filter((n) => this.containers.has(n)).map((n) => `Container ${this.stop(n)}  Stopped`);
    if (sub === "start") return names.filter((n) => this.containers.has(n)).map((n) => `Container ${this.start(this.container(n))}  Started`);
    throw new CommandError(`docker compose ${sub ?? ""} is not simulated here`);
  }

  // ---- checks ---------------------------------------------------------------------------------

  /** The orders a container's database answers for, against what the app was told was committed. */
  audit(containerName: string, expectedUpTo?: number): { expected: number; found: number; corrupt: number; lost: number } | null {
    const container = this.containers.get(containerName);
    const data = container ? this.pgdataOf(container) : null;
    if (!data) return null;
    const expected = upTo(this.committed, expectedUpTo ?? Infinity);
    const found = countIds(upTo(data.orders, expectedUpTo ?? Infinity));
    const corrupt = countIds(upTo(data.unindexed, expectedUpTo ?? Infinity));
    return { expected: countIds(expected), found, corrupt, lost: countIds(expected) - found - corrupt };
  }

  fileAt(path: string): HostFile | null {
    const { dir, rest } = this.hostFile(path);
    return dir.files.get(rest) ?? null;
  }
}

function formatBytes(bytes: number): string {
  if (bytes === 0) return "0B";
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toFixed(2))}${units[unit]}`;
}
