import { describe, expect, it } from "vitest";
import { buildWorld, IncidentHost, scoreAnswer, type ScenarioId } from "./index";

const host = (id: ScenarioId, atMs?: number) => new IncidentHost(buildWorld(id, { atMs }));
const out = (h: IncidentHost, line: string) => {
  const r = h.run(line);
  if (!r.ok) throw new Error(`${line}: ${r.error}`);
  return r.output;
};
const err = (h: IncidentHost, line: string) => {
  const r = h.run(line);
  if (r.ok) throw new Error(`${line} should fail`);
  return r.error;
};
const STATE =
  "docker inspect -f '{{.State.Status}} {{.State.OOMKilled}} {{.State.ExitCode}} {{.RestartCount}}' shop-api";

describe("OOM restart loop (memory engine)", () => {
  // RSS = 40 native + 30 heap + 40 MiB/min; --memory 256m, swap 256m (--memory-swap unset = 2×):
  // killed at 512 MiB, after (512 − 70) / 40 = 11.05 min = 663.0 s; each restart 100 ms later
  // (the run lasted ≥ 10 s, so the back-off resets). Kill n at 663.0 + (n − 1) × 663.1 s: ten
  // kills by 2 h (the 10th at 6630.9 s), restarted at 6631.0 s; the learner arrives 30 s later.
  it("running again 30 s after the 10th restart: Up, and OOMKilled already reset", () => {
    const h = host("oom-restart-loop");
    expect(h.world.nowMs).toBe(6_661_000);
    expect(out(h, "docker ps")).toMatch(/Up 30 seconds\s+0\.0\.0\.0:3000->3000\/tcp\s+shop-api$/);
    // Engine ≥ 24.0 resets OOMKilled (and ExitCode) when the container starts again.
    expect(out(h, STATE)).toBe("running false 0 10");
    expect(out(h, "docker stats --no-stream shop-api")).toMatch(/90\.0MiB \/ 256MiB\s+35\.16%/);
    expect(out(h, "docker exec shop-api cat /sys/fs/cgroup/memory.events")).toMatch(/^oom_kill 10$/m);
  });

  it("docker events tells the story: ten oom events in 2 h, three oom/die/start triples in 30 min", () => {
    const h = host("oom-restart-loop");
    const ooms = out(h, "docker events --since 2h --filter event=oom").split("\n");
    expect(ooms).toHaveLength(10);
    expect(ooms[0]).toBe(
      "2026-12-07T02:11:03.000000000Z container oom 4f3c2a1b9e8d0000000000000000000000000000000000000000000000000000 (image=shop-api:1.4.2, name=shop-api)",
    );
    expect(ooms[9]).toMatch(/^2026-12-07T03:50:30\.900000000Z container oom/);
    const recent = out(h, "docker events --since 30m").split("\n");
    expect(recent.map((l) => l.split(" ")[2])).toEqual([
      "oom",
      "die",
      "start",
      "oom",
      "die",
      "start",
      "oom",
      "die",
      "start",
    ]);
    expect(out(h, "docker events --since 30m --filter event=die")).toMatch(/exitCode=137/);
  });

  it("in the 100 ms between die and start it is Restarting with OOMKilled true", () => {
    const h = host("oom-restart-loop", 6_630_950);
    expect(out(h, STATE)).toBe("restarting true 137 9");
    expect(out(h, "docker inspect -f '{{.State.Running}} {{.State.Restarting}}' shop-api")).toBe("true true");
    expect(out(h, "docker ps")).toMatch(/Restarting \(137\) Less than a second ago/);
    expect(err(h, "curl localhost:3000/")).toMatch(/^curl: \(7\) Failed to connect to localhost port 3000/);
  });
});

describe("HEALTHCHECK failing on a slow dependency (health-check engine)", () => {
  // Probes every 10 s after the previous one ends; 15 ms each while healthy, so probe k starts at
  // 10k + 0.015(k − 1) s. The database turns slow (3.5 s) at 300 s: probe 30 starts at 300.435 s
  // and is killed at the 2 s timeout; the third such failure ends at 326.435 s → unhealthy.
  it("docker ps says unhealthy; docker events has the moment it turned", () => {
    const h = host("slow-dependency-healthcheck");
    expect(out(h, "docker ps")).toMatch(/Up 15 minutes \(unhealthy\)/);
    expect(
      out(h, "docker events --since 1h --filter event=health_status")
        .split("\n")
        .map((l) => l.slice(0, 30) + l.split(" ").slice(2, 4).join(" ")),
    ).toEqual([
      "2026-12-07T02:00:10.015000000Zhealth_status: healthy",
      "2026-12-07T02:05:26.435000000Zhealth_status: unhealthy",
    ]);
  });

  it("State.Health.Log shows probes killed at the timeout; curl shows /health takes 3.5 s", () => {
    const h = host("slow-dependency-healthcheck");
    const health = JSON.parse(out(h, "docker inspect --format '{{json .State.Health}}' shop-api")) as {
      Status: string;
      Log: { ExitCode: number; Output: string }[];
    };
    expect(health.Status).toBe("unhealthy");
    expect(health.Log).toHaveLength(5);
    expect(
      health.Log.every((l) => l.ExitCode === -1 && l.Output.startsWith("Health check exceeded timeout (2s)")),
    ).toBe(true);
    expect(out(h, "curl -s -w '\\n%{http_code} %{time_total}' http://localhost:3000/health")).toBe(
      '{"status":"ok","db":{"latencyMs":3500}}\n200 3.515000',
    );
    expect(err(h, "curl -m 2 localhost:3000/health")).toBe(
      "curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received",
    );
    expect(out(h, "curl -s localhost:3000/orders")).toBe('{"orders":[]}');
  });
});

describe("disk full of unrotated json-file logs (logging engine)", () => {
  // 200 lines/s × (300 + 71) bytes; 4 GB free for logs: ⌊4·10⁹ / 371⌋ = 10 781 671 lines fit, the
  // next (at 53 908.355 s = 14:58:28.355 after start, 16:58:28 wall) finds the disk full.
  it("df shows 100 %, requests fail with ENOSPC, the log stops at 16:58:28 and LogConfig has no max-size", () => {
    const h = host("disk-full-logs");
    expect(out(h, "df -h")).toMatch(/5\.0G\s+5\.0G\s+0\.0G\s+100%\s+\/var\/lib\/docker/);
    expect(out(h, "curl -s localhost:3000/orders")).toBe(
      '{"error":"ENOSPC: no space left on device, write"}',
    );
    expect(err(h, "curl -sf localhost:3000/orders")).toBe("curl: (22) The requested URL returned error: 500");
    expect(out(h, "docker logs --tail 1 -t shop-api")).toBe(
      "2026-12-07T16:58:28.350Z GET /orders/1001 200 4ms",
    );
    expect(out(h, "docker inspect -f '{{json .HostConfig.LogConfig}}' shop-api")).toBe(
      '{"Type":"json-file","Config":{}}',
    );
    expect(out(h, "docker ps")).toMatch(/Up 24 hours/);
  });
});

describe("CPU throttling (CPU engine)", () => {
  it("cpu.max is 50000 100000 for --cpus 0.5; cpu.stat shows throttled periods; curl is slow at p99", () => {
    const h = host("cpu-throttling");
    expect(out(h, "docker exec shop-api cat /sys/fs/cgroup/cpu.max")).toBe("50000 100000");
    const stat = Object.fromEntries(
      out(h, "docker exec shop-api cat /sys/fs/cgroup/cpu.stat")
        .split("\n")
        .map((l) => l.split(" ")),
    );
    expect(Number(stat.nr_throttled)).toBeGreaterThan(Number(stat.nr_periods) / 3);
    expect(out(h, "docker inspect -f '{{.HostConfig.NanoCpus}}' shop-api")).toBe("500000000");
    // 40 req/s × 10 ms = 0.4 CPU of demand on average: docker stats shows about 40 %.
    expect(Number(/([\d.]+)%/.exec(out(h, "docker stats --no-stream"))![1])).toBeCloseTo(40, -1);
    const time = Number(out(h, "curl -s -o /dev/null -w '%{time_total}' localhost:3000/orders"));
    expect(time).toBeGreaterThan(0.2);
  });
});

describe("the prompt: clear errors for unknown commands and flags", () => {
  it("answers like the docker CLI (cobra) and a shell would", () => {
    const h = host("cpu-throttling");
    expect(err(h, "kubectl get pods")).toBe("kubectl: command not found (try docker, curl or df)");
    expect(err(h, "docker ps --bogus")).toBe("unknown flag: --bogus\nSee 'docker ps --help'.");
    expect(err(h, "docker ps -x")).toBe("unknown shorthand flag: 'x' in -x\nSee 'docker ps --help'.");
    expect(err(h, "docker logs --tail")).toBe("flag needs an argument: --tail\nSee 'docker logs --help'.");
    expect(err(h, "docker logs web")).toBe("Error response from daemon: No such container: web");
    expect(err(h, "docker inspect")).toBe(
      "\"docker inspect\" requires at least 1 argument.\nSee 'docker inspect --help'.",
    );
    expect(err(h, "docker events")).toMatch(/give --since/);
    expect(err(h, "docker events --since 1h --filter colour=red")).toBe(
      "Error response from daemon: invalid filter 'colour=red'",
    );
    expect(err(h, "docker stats")).toMatch(/add --no-stream/);
    expect(err(h, "docker restart shop-api")).toMatch(/^docker restart: not available at this prompt/);
    expect(err(h, "docker inspect -f '{{.State.Nope}}' shop-api")).toMatch(/map has no entry for key "Nope"/);
    expect(err(h, "curl http://api.internal/")).toBe("curl: (6) Could not resolve host: api.internal");
    expect(err(h, "curl localhost:8080/")).toMatch(/Failed to connect to localhost port 8080/);
    expect(err(h, "docker logs --since yesterday shop-api")).toMatch(
      /invalid value "yesterday" for flag --since/,
    );
    expect(out(h, "docker ps -a")).toMatch(/shop-api$/);
    expect(h.history.filter((c) => c.ok)).toHaveLength(1);
    expect(h.history).toHaveLength(15);
  });
});

describe("scoring a named root cause and fix", () => {
  it("both right passes and lists the evidence seen; the commands used are kept, failed ones too", () => {
    const h = host("oom-restart-loop");
    h.run("docker ps");
    h.run("docker events --since 2h --filter event=oom");
    h.run("docker evnts");
    const score = scoreAnswer(
      "oom-restart-loop",
      { cause: "oom-kill", fix: "raise-memory-cap-heap" },
      h.history,
    );
    expect(score).toMatchObject({
      passed: true,
      causeCorrect: true,
      fixCorrect: true,
      evidenceSeen: ["the oom and die events"],
      evidenceMissed: ["the restart count or memory.events"],
    });
    expect(score.commands.map((c) => `${c.ok ? "✓" : "✗"} ${c.line}`)).toEqual([
      "✓ docker ps",
      "✓ docker events --since 2h --filter event=oom",
      "✗ docker evnts",
    ]);
    expect(score.feedback).toMatch(/^Right: the kernel oom-kills the app/);
  });

  it("a wrong cause or a fix that does not stop a recurrence fails, in words", () => {
    const wrongCause = scoreAnswer("disk-full-logs", { cause: "app-crash", fix: "rotate-logs" }, []);
    expect(wrongCause).toMatchObject({ passed: false, causeCorrect: false, fixCorrect: true });
    expect(wrongCause.feedback).toBe(
      'Not the root cause: "The app throws at start-up and exits 1" does not match what the host shows. Look at the disk usage and LogConfig (json-file without max-size).',
    );
    const wrongFix = scoreAnswer(
      "slow-dependency-healthcheck",
      { cause: "slow-dependency", fix: "restart-container" },
      [],
    );
    expect(wrongFix.feedback).toBe(
      'Right cause, but "docker restart the container" would not stop it happening again.',
    );
    expect(scoreAnswer("cpu-throttling", { cause: "cpu-throttling", fix: "raise-cpus" }, []).passed).toBe(
      true,
    );
  });
});

it("is deterministic: the same scenario answers every command the same way", () => {
  const a = host("slow-dependency-healthcheck");
  const b = host("slow-dependency-healthcheck");
  for (const line of [
    "docker ps",
    "docker inspect shop-api",
    "docker logs shop-api",
    "docker events --since 1h",
  ])
    expect(out(a, line)).toBe(out(b, line));
});
