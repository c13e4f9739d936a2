import { splitCommand } from "../persistence/cli";
import { humanDuration, iso, isoNano, type World } from "./world";

export type CommandResult = { ok: true; output: string } | { ok: false; error: string };
export type HistoryEntry = { line: string; ok: boolean };

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Go durations as `docker events/logs --since` take them ("10m", "2h", "30s"). */
function parseSince(value: string, now: number): number {
  const m = DURATION.exec(value);
  if (m) return now - Number(m[1]) * UNIT[m[2] as keyof typeof UNIT];
  throw new Error(`invalid value "${value}" for flag --since: use a duration such as 10m or 2h`);
}

type Flags = { values: Record<string, string[]>; bools: Set<string>; args: string[] };

/** Splits flags the way the docker CLI (cobra/pflag) does; unknown flags fail with its message. */
function parseFlags(command: string, words: string[], withValue: string[], bools: string[]): Flags {
  const flags: Flags = { values: {}, bools: new Set(), args: [] };
  // Combined shorthand booleans, as pflag allows: -sf is -s -f.
  words = words.flatMap((w) =>
    /^-[A-Za-z]{2,}$/.test(w) && [...w.slice(1)].every((c) => bools.includes(`-${c}`))
      ? [...w.slice(1)].map((c) => `-${c}`)
      : [w],
  );
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith("-") || word === "-") {
      flags.args.push(word);
      continue;
    }
    const [name, inline] = word.includes("=")
      ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]
      : [word, undefined];
    if (withValue.includes(name)) {
      const value = inline ?? words[++i];
      if (value === undefined) throw new Error(`flag needs an argument: ${name}\nSee '${command} --help'.`);
      (flags.values[name] ??= []).push(value);
    } else if (bools.includes(name)) flags.bools.add(name);
    else
      throw new Error(
        `unknown ${name.startsWith("--") ? "flag" : "shorthand flag"}: ${name.startsWith("--") ? name : `'${name.replace(/^-/, "")}' in ${name}`}\nSee '${command} --help'.`,
      );
  }
  return flags;
}

const pad = (text: string, width: number) => text.padEnd(width);

/**
 * The simulated host of the troubleshooting lab: answers docker ps / inspect / logs / stats /
 * events / exec … cat, curl and df from one World, so every answer agrees with every other.
 * Records every command line (with whether it worked) for the feedback.
 */
export class IncidentHost {
  readonly history: HistoryEntry[] = [];
  constructor(readonly world: World) {}

  run(line: string): CommandResult {
    let result: CommandResult;
    try {
      result = { ok: true, output: this.dispatch(line.trim()) };
    } catch (error) {
      result = { ok: false, error: (error as Error).message };
    }
    this.history.push({ line: line.trim(), ok: result.ok });
    return result;
  }

  private dispatch(line: string): string {
    if (line === "") return "";
    const { words } = splitCommand(line, "/root");
    const [program, sub, ...rest] = words as [string, string | undefined, ...string[]];
    if (program === "curl") return this.curl([sub ?? "", ...rest].filter((w) => w !== ""));
    if (program === "df") return this.df();
    if (program !== "docker") throw new Error(`${program}: command not found (try docker, curl or df)`);
    switch (sub) {
      case "ps":
        return this.ps(parseFlags("docker ps", rest, [], ["-a", "--all"]));
      case "inspect":
        return this.inspect(parseFlags("docker inspect", rest, ["-f", "--format"], []));
      case "logs":
        return this.logs(
          parseFlags("docker logs", rest, ["--tail", "-n", "--since"], ["-t", "--timestamps"]),
        );
      case "stats":
        return this.stats(parseFlags("docker stats", rest, [], ["--no-stream"]));
      case "events":
        return this.events(parseFlags("docker events", rest, ["--since", "--until", "-f", "--filter"], []));
      case "exec":
        return this.exec(rest);
      case undefined:
        throw new Error("docker: a command is needed (ps, inspect, logs, stats, events, exec)");
      default:
        throw new Error(
          `docker ${sub}: not available at this prompt (an investigation: ps, inspect, logs, stats, events, exec … cat)`,
        );
    }
  }

  private requireContainer(name: string | undefined, command: string): void {
    if (!name) throw new Error(`"${command}" requires at least 1 argument.\nSee '${command} --help'.`);
    const c = this.world.container;
    if (name !== c.name && !c.id.startsWith(name))
      throw new Error(`Error response from daemon: No such container: ${name}`);
  }

  private statusText(): string {
    const { state, nowMs } = this.world;
    if (state.status === "restarting")
      return `Restarting (${state.exitCode}) ${humanDuration(nowMs - (state.finishedAt ?? 0))} ago`;
    if (state.status === "exited")
      return `Exited (${state.exitCode}) ${humanDuration(nowMs - (state.finishedAt ?? 0))} ago`;
    const health = state.health
      ? ` (${state.health.status === "starting" ? "health: starting" : state.health.status})`
      : "";
    return `Up ${humanDuration(nowMs - state.startedAt)}${health}`;
  }

  private ps(flags: Flags): string {
    const c = this.world.container;
    const header = `${pad("CONTAINER ID", 15)}${pad("IMAGE", 17)}${pad("COMMAND", 24)}${pad("STATUS", 32)}${pad("PORTS", 26)}NAMES`;
    if (this.world.state.status === "exited" && !flags.bools.has("-a") && !flags.bools.has("--all"))
      return header;
    const ports = this.world.state.status === "running" ? `0.0.0.0:${c.port}->${c.port}/tcp` : "";
    return `${header}\n${pad(c.id, 15)}${pad(c.image, 17)}${pad(`"docker-entrypoint.s…"`, 24)}${pad(this.statusText(), 32)}${pad(ports, 26)}${c.name}`;
  }

  /** The parts of `docker inspect` an incident needs, in the Engine API's field names. */
  inspectDocument() {
    const { container: c, state: s } = this.world;
    return {
      Id: `${c.id}${"0".repeat(52)}`,
      Name: `/${c.name}`,
      RestartCount: s.restartCount,
      State: {
        Status: s.status,
        // moby container/state.go: a restarting container is still Running (with Restarting set).
        Running: s.status !== "exited",
        Restarting: s.status === "restarting",
        OOMKilled: s.oomKilled,
        ExitCode: s.exitCode,
        StartedAt: iso(s.startedAt),
        FinishedAt: s.finishedAt === null ? "0001-01-01T00:00:00Z" : iso(s.finishedAt),
        ...(s.health
          ? {
              Health: {
                Status: s.health.status,
                FailingStreak: s.health.failingStreak,
                Log: s.health.log.map((l) => ({
                  Start: iso(l.start),
                  End: iso(l.end),
                  ExitCode: l.exitCode,
                  Output: l.output,
                })),
              },
            }
          : {}),
      },
      HostConfig: {
        Memory: c.memoryMb === null ? 0 : c.memoryMb * 1024 * 1024,
        NanoCpus: c.nanoCpus ?? 0,
        RestartPolicy: { Name: c.restartPolicy, MaximumRetryCount: 0 },
        LogConfig: c.logConfig,
      },
      Config: { Image: c.image, Cmd: c.command.split(" "), ExposedPorts: { [`${c.port}/tcp`]: {} } },
      LogPath: `/var/lib/docker/containers/${c.id}${"0".repeat(52)}/${c.id}${"0".repeat(52)}-json.log`,
    };
  }

  private inspect(flags: Flags): string {
    this.requireContainer(flags.args[0], "docker inspect");
    const doc = this.inspectDocument();
    const format = flags.values["-f"]?.[0] ?? flags.values["--format"]?.[0];
    if (!format) return JSON.stringify([doc], null, 4);
    // Go templates: only {{.Path.To.Field}} and {{json .Path}} are understood here.
    return format.replace(
      /\{\{\s*(json\s+)?\.([A-Za-z0-9_.]*)\s*\}\}/g,
      (_m, json: string | undefined, path: string) => {
        let value: unknown = doc;
        for (const key of path.split(".").filter(Boolean)) {
          if (value === null || typeof value !== "object" || !(key in value))
            throw new Error(
              `template: :1:${path.length}: executing "" at <.${path}>: map has no entry for key "${key}"`,
            );
          value = (value as Record<string, unknown>)[key];
        }
        if (json) return JSON.stringify(value);
        if (typeof value === "object")
          return `map[${Object.entries(value as object)
            .map(([k, v]) => `${k}:${typeof v === "object" ? "…" : String(v)}`)
            .join(" ")}]`;
        return String(value);
      },
    );
  }

  private logs(flags: Flags): string {
    this.requireContainer(flags.args[0], "docker logs");
    const since = flags.values["--since"]?.[0];
    const from = since ? parseSince(since, this.world.nowMs) : -Infinity;
    let lines = this.world.logs.filter((l) => l.at >= from && l.at <= this.world.nowMs);
    const tail = flags.values["--tail"]?.[0] ?? flags.values["-n"]?.[0];
    if (tail !== undefined && tail !== "all") {
      if (!/^\d+$/.test(tail)) throw new Error(`invalid value "${tail}" for flag --tail`);
      lines = lines.slice(Math.max(0, lines.length - Number(tail)));
    }
    const stamp = flags.bools.has("-t") || flags.bools.has("--timestamps");
    return lines.map((l) => (stamp ? `${iso(l.at)} ${l.text}` : l.text)).join("\n");
  }

  private stats(flags: Flags): string {
    if (!flags.bools.has("--no-stream"))
      throw new Error("docker stats streams until interrupted here; add --no-stream for one snapshot");
    if (flags.args[0]) this.requireContainer(flags.args[0], "docker stats");
    const { container: c, stats: s, state } = this.world;
    const running = state.status === "running";
    const mem = running ? s.memUsageMb : 0;
    const limit = c.memoryMb ?? 7_936;
    const header = `${pad("CONTAINER ID", 15)}${pad("NAME", 11)}${pad("CPU %", 10)}${pad("MEM USAGE / LIMIT", 22)}${pad("MEM %", 9)}PIDS`;
    const usage = `${mem.toFixed(1)}MiB / ${limit >= 1024 ? `${(limit / 1024).toFixed(2)}GiB` : `${limit}MiB`}`;
    return `${header}\n${pad(c.id, 15)}${pad(c.name, 11)}${pad(`${(running ? s.cpuPercent : 0).toFixed(2)}%`, 10)}${pad(usage, 22)}${pad(`${((mem / limit) * 100).toFixed(2)}%`, 9)}${running ? s.pids : 0}`;
  }

  private events(flags: Flags): string {
    const since = flags.values["--since"]?.[0];
    if (!since)
      throw new Error("docker events streams until interrupted here; give --since (e.g. --since 1h)");
    const from = parseSince(since, this.world.nowMs);
    const until = flags.values["--until"]?.[0];
    const to = until ? parseSince(until, this.world.nowMs) : this.world.nowMs;
    const filters = [...(flags.values["-f"] ?? []), ...(flags.values["--filter"] ?? [])].map((f) => {
      const [key, value] = f.split("=") as [string, string | undefined];
      if (!value || !["event", "container", "type"].includes(key))
        throw new Error(`Error response from daemon: invalid filter '${f}'`);
      return { key, value };
    });
    const c = this.world.container;
    return this.world.events
      .filter((e) => e.at >= from && e.at <= to)
      .filter((e) =>
        ["event", "container", "type"].every((key) => {
          const wanted = filters.filter((f) => f.key === key).map((f) => f.value);
          if (wanted.length === 0) return true;
          if (key === "event") return wanted.some((w) => e.action === w || e.action.startsWith(`${w}:`));
          if (key === "container") return wanted.some((w) => w === c.name || c.id.startsWith(w));
          return wanted.includes("container");
        }),
      )
      .map((e) => {
        const attrs = { ...e.attributes, image: c.image, name: c.name };
        const list = Object.entries(attrs)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}=${v}`)
          .join(", ");
        return `${isoNano(e.at)} container ${e.action} ${c.id}${"0".repeat(52)} (${list})`;
      })
      .join("\n");
  }

  private exec(words: string[]): string {
    const [name, ...command] = words;
    this.requireContainer(name, "docker exec");
    if (this.world.state.status !== "running")
      throw new Error(
        `Error response from daemon: Container ${this.world.container.id} is restarting, wait until the container is running`,
      );
    if (command[0] !== "cat" || !command[1])
      throw new Error("only `docker exec NAME cat FILE` is available in this lab");
    const content = this.world.files[command[1]];
    if (content === undefined) throw new Error(`cat: ${command[1]}: No such file or directory`);
    return content.replace(/\n$/, "");
  }

  private curl(words: string[]): string {
    const flags = parseFlags(
      "curl",
      words,
      ["-m", "--max-time", "-w", "--write-out", "-o"],
      ["-s", "--silent", "-i", "-f", "--fail", "-v", "-S"],
    );
    const url = flags.args[0];
    if (!url) throw new Error("curl: no URL specified!");
    const match = /^(?:https?:\/\/)?(localhost|127\.0\.0\.1)(?::(\d+))?(\/[^\s]*)?$/.exec(url);
    if (!match)
      throw new Error(
        `curl: (6) Could not resolve host: ${url.replace(/^https?:\/\//, "").split(/[/:]/)[0]}`,
      );
    const port = Number(match[2] ?? 80);
    if (port !== this.world.container.port || this.world.state.status !== "running")
      throw new Error(
        `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server`,
      );
    const maxTime = flags.values["-m"]?.[0] ?? flags.values["--max-time"]?.[0];
    const answer = this.world.curl(match[3] ?? "/", maxTime ? Number(maxTime) * 1000 : null);
    if ("error" in answer) throw new Error(answer.error);
    const fail = (flags.bools.has("-f") || flags.bools.has("--fail")) && answer.status >= 400;
    if (fail) throw new Error(`curl: (22) The requested URL returned error: ${answer.status}`);
    const head = flags.bools.has("-i")
      ? `HTTP/1.1 ${answer.status} ${answer.status === 200 ? "OK" : "Internal Server Error"}\ncontent-type: application/json\n\n`
      : "";
    const writeOut = flags.values["-w"]?.[0] ?? flags.values["--write-out"]?.[0];
    const extra = writeOut
      ? writeOut
          .replace(/%\{time_total\}/g, (answer.timeMs / 1000).toFixed(6))
          .replace(/%\{http_code\}/g, String(answer.status))
          .replace(/\\n/g, "\n")
      : "";
    // curl prints the body as is, then --write-out right after it (no newline of its own).
    return `${flags.values["-o"] ? "" : head + answer.body}${extra}`;
  }

  private df(): string {
    const { sizeBytes, usedBytes } = this.world.disk;
    const used = Math.min(usedBytes, sizeBytes);
    const g = (b: number) => `${(b / 1e9).toFixed(1)}G`;
    return `Filesystem      Size  Used Avail Use% Mounted on\n/dev/sdb1       ${pad(g(sizeBytes), 6)}${pad(g(used), 6)}${pad(g(sizeBytes - used), 6)}${pad(`${Math.round((used / sizeBytes) * 100)}%`, 5)}/var/lib/docker`;
  }
}
