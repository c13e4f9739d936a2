import { describe, expect, it } from "vitest";
import { getLab } from "../catalog";
import { evaluateLab, SUBMISSION_CHECK_LABEL } from "../evaluate";
import { solutionSubmission, starterSubmission } from "../test-helpers";

// The text labs through evaluateLab, the path the browser worker and the server's pool both take.
const run = (slug: string, submission: Record<string, unknown>) => {
  const lab = getLab(slug)!;
  return evaluateLab(lab, { labSlug: slug, ...submission }, null);
};
const failedLabels = (result: ReturnType<typeof run>) => result.checks.filter((c) => !c.passed).map((c) => c.label);

describe("alert-on-error-rate", () => {
  const lab = getLab("alert-on-error-rate")!;
  it("the starter (5m window, for: 0s) catches the outage but pages on the blip", () => {
    const result = evaluateLab(lab, starterSubmission(lab), null);
    expect(failedLabels(result)).toEqual(["The 30 s blip pages nobody"]);
    // 100 % errors for 30 s lift the 5-minute ratio over 1 % at the first evaluation after 10:00.
    expect(result.checks[1]!.detail).toBe("It fired at 10:15: someone gets paged for nothing.");
  });

  it("the solution (1m window, for: 2m) fires 2:30 into the outage and only goes pending on the blip", () => {
    const result = evaluateLab(lab, solutionSubmission(lab), null);
    expect(result.passed).toBe(true);
    expect(result.checks[0]!.detail).toBe("It fired at 12:30, 2 min 30 s after the errors began.");
    expect(result.checks[1]!.detail).toBe("It went pending but never lasted long enough to fire.");
    const details = result.text!;
    expect(details.kind).toBe("alert");
    if (details.kind === "alert") expect(details.runs.map((r) => r.firstFiringAtMs)).toEqual([750_000, null]);
  });

  it("the chart data: the 1-minute ratio at each 15 s evaluation, the threshold, the state spans and the trouble", () => {
    const result = evaluateLab(lab, solutionSubmission(lab), null);
    if (result.text?.kind !== "alert") throw new Error("no alert details");
    const [outage, blip] = result.text.runs.map((run) => run.chart!);
    // 0 to 30:00 every 15 s: 121 evaluations, under the 240 cap, so every one is a sample.
    expect(outage!.samples).toHaveLength(121);
    expect(outage!.threshold).toEqual({ op: ">", value: 0.01 });
    expect(outage!.maxSeries).toBe(1);
    // Before the first error is scraped twice, the ratio has no numerator: no value, not 0.
    expect(outage!.samples.slice(0, 3).map((s) => s.value)).toEqual([null, null, null]);
    // Mixed windows: at 10:15 the minute holds 45 s of 0.2 % and 15 s of 2 % → about 0.65 %;
    // at 10:30 half and half → about 1.1 %, the first evaluation over 1 % (pending from there).
    const at = (data: typeof outage, ms: number) => data!.samples.find((s) => s.atMs === ms)!.value!;
    expect(at(outage, 615_000)).toBeCloseTo(0.0065, 2);
    expect(at(outage, 615_000)).toBeLessThan(0.01);
    expect(at(outage, 630_000)).toBeCloseTo(0.011, 2);
    expect(at(outage, 630_000)).toBeGreaterThan(0.01);
    // From 11:00 the whole minute is inside the outage: exactly 2 % on every instance and route.
    expect(outage!.samples.filter((s) => s.atMs >= 660_000).every((s) => s.value === 0.02)).toBe(true);
    // Pending at 10:30, firing 2 minutes later (for: 2m), and it must fire by 15:00.
    expect(outage!.states).toEqual([
      { fromMs: 0, toMs: 630_000, state: "inactive" },
      { fromMs: 630_000, toMs: 750_000, state: "pending" },
      { fromMs: 750_000, toMs: 1_800_000, state: "firing" },
    ]);
    expect(outage!.windows).toEqual([{ fromMs: 600_000, toMs: 1_800_000, label: "2 % errors" }]);
    expect(outage!.fireByMs).toBe(900_000);
    // The blip: 100 % errors for 30 s lift the ratio over 1 % from 10:15 until the minute has
    // slid past it; back at the 0.2 % background at 11:30, so pending 10:15–11:30 and never firing.
    expect(at(blip, 645_000)).toBeGreaterThan(0.5);
    expect(at(blip, 675_000)).toBeGreaterThan(0.01);
    expect(at(blip, 690_000)).toBeLessThan(0.01);
    expect(blip!.states).toEqual([
      { fromMs: 0, toMs: 615_000, state: "inactive" },
      { fromMs: 615_000, toMs: 690_000, state: "pending" },
      { fromMs: 690_000, toMs: 1_800_000, state: "inactive" },
    ]);
    expect(blip!.windows).toEqual([{ fromMs: 600_000, toMs: 630_000, label: "every request fails" }]);
    expect(blip!.fireByMs).toBeNull();
    // Plain JSON: what the browser shows is what the server stores.
    expect(JSON.parse(JSON.stringify(result.text))).toEqual(result.text);
  });

  it("a threshold of > 0.02 never holds at exactly 2 %, and too long a for: fires too late", () => {
    const rule = (expr: string, forText: string) => ({ text: `alert: X\nexpr: ${expr}\nfor: ${forText}\n` });
    const ratio = (window: string, op: string) =>
      `sum(rate(http_requests_total{code="500"}[${window}])) / sum(rate(http_requests_total[${window}])) ${op}`;
    expect(run(lab.slug, rule(ratio("5m", "> 0.02"), "5m")).checks[0]!.detail).toBe(
      "The expression never became true in this run.",
    );
    const late = run(lab.slug, rule(ratio("1m", "> 0.01"), "6m"));
    expect(late.checks[0]).toMatchObject({ passed: false, detail: "It fired at 16:30, 6 min 30 s after the errors began: too late." });
  });

  it("broken YAML, a missing expr, a bad duration and bad PromQL fail every check with the reason", () => {
    expect(run(lab.slug, { text: "alert: [unclosed" }).headline).toMatch(/^This is not valid YAML/);
    expect(run(lab.slug, { text: "alert: X\nfor: 2m" }).headline).toBe("The rule needs an expr: with a PromQL expression.");
    expect(run(lab.slug, { text: "expr: up == 0\nfor: two minutes" }).headline).toMatch(/for: "two minutes" is not a duration/);
    const bad = run(lab.slug, { text: "expr: sum(rate(x[5m])\nfor: 1m" });
    expect(bad.headline).toMatch(/^Your expr is not PromQL this lab can run/);
    expect(bad.checks.every((c) => !c.passed && c.detail.startsWith("Not checked:"))).toBe(true);
  });

  it("takes the rule inside groups[].rules[] too", () => {
    const text = `groups:\n  - name: api\n    rules:\n      - alert: X\n        expr: ${JSON.stringify(
      'sum(rate(http_requests_total{code="500"}[1m])) / sum(rate(http_requests_total[1m])) > 0.01',
    )}\n        for: 2m\n`;
    expect(run(lab.slug, { text }).passed).toBe(true);
  });

  it("rejects code, settings, an answer or oversized text as not fitting the lab", () => {
    expect(run(lab.slug, { code: "x" }).checks[0]!.label).toBe(SUBMISSION_CHECK_LABEL);
    expect(run(lab.slug, { text: "x", answer: { cause: "oom-kill", fix: "raise-cpus" } }).checks[0]!.detail).toMatch(
      /only the incident lab takes an answer/,
    );
    expect(run(lab.slug, { text: "x".repeat(20_001) }).checks[0]!.detail).toMatch(/at most 20000 characters/);
    expect(run(lab.slug, {}).checks[0]!.detail).toBe("text: is required");
  });
});

describe("harden-the-dockerfile", () => {
  const lab = getLab("harden-the-dockerfile")!;
  it("the starter fails all nine checks, each naming its line where there is one", () => {
    const result = evaluateLab(lab, starterSubmission(lab), null);
    expect(result.checks.filter((c) => c.passed)).toEqual([]);
    expect(result.checks.map((c) => /^Line (\d+):/.exec(c.detail)?.[1] ?? null)).toEqual([
      "1", "6", "3", "1", "1", "8", null, null, "7",
    ]);
    expect(result.text).toMatchObject({ kind: "dockerfile" });
  });

  it("the two-stage solution passes; undoing one hardening step fails exactly that check", () => {
    expect(evaluateLab(lab, solutionSubmission(lab), null).passed).toBe(true);
    const text = lab.kind === "dockerfile" ? lab.solution.text : "";
    const shell = run(lab.slug, { text: text.replace('CMD ["node", "dist/server.js"]', "CMD node dist/server.js") });
    expect(failedLabels(shell)).toEqual(["CMD or ENTRYPOINT in exec form (the app is PID 1)"]);
    const root = run(lab.slug, { text: text.replace("USER node\n", "") });
    // Root without NET_BIND_SERVICE still binds 8080; only the user check fails.
    expect(failedLabels(root)).toEqual(["The container runs as a non-root user"]);
    expect(run(lab.slug, { text: "" }).checks.every((c) => !c.passed)).toBe(true);
  });
});

describe("back-up-and-restore-orders", () => {
  const lab = getLab("back-up-and-restore-orders")!;
  const restore = [
    "docker volume create r",
    "docker run -d --name orders-restore -v r:/var/lib/postgresql/data postgres:16",
  ];
  const commands = (...lines: string[]) => ({ text: lines.join("\n") });

  it("the starter (no commands) fails every check", () => {
    const result = evaluateLab(lab, starterSubmission(lab), null);
    expect(result.checks.map((c) => c.passed)).toEqual([false, false, true]);
    expect(result.passed).toBe(false);
  });

  it("pg_dump of the live database restores all 1 210 orders of its snapshot; nothing fails", () => {
    // 10 min at 2/s = 1 200 orders, then 5 s before the dump: 1 210 in its snapshot.
    const result = evaluateLab(lab, solutionSubmission(lab), null);
    expect(result.passed).toBe(true);
    expect(result.checks[1]!.detail).toBe("orders-restore answers for all 1210 orders committed when orders.dump was taken.");
    expect(result.text).toMatchObject({ kind: "commands" });
  });

  it("a tar of the running volume is torn: orders written during the copy are corrupt or missing", () => {
    // At 605 s, 1 210 orders; the copy of 42.42 MB at 10 MB/s takes 4.242 s: 4 orders in
    // the first half (in the table, not the index), 4 in the second (gone).
    const result = run(
      lab.slug,
      commands(
        "docker run --rm -v pgdata:/data -v $(pwd):/backup busybox tar czf /backup/pgdata.tgz -C /data .",
        ...restore.slice(0, 1),
        "docker run --rm -v r:/data -v $(pwd):/backup busybox tar xzf /backup/pgdata.tgz -C /data",
        restore[1]!,
      ),
    );
    expect(result.checks.map((c) => c.passed)).toEqual([true, false, true]);
    expect(result.checks[1]!.detail).toMatch(/^Against pgdata\.tgz: of 1218 orders it should hold, 1210 are found, 4 are in the table but missing from its index, 4 are gone\.$/);
  });

  it("stopping the database makes the copy consistent, but orders fail meanwhile", () => {
    const result = run(
      lab.slug,
      commands(
        "docker stop orders-db",
        "docker run --rm -v pgdata:/data -v $(pwd):/backup busybox tar czf /backup/pgdata.tgz -C /data .",
        "docker start orders-db",
        ...restore.slice(0, 1),
        "docker run --rm -v r:/data -v $(pwd):/backup busybox tar xzf /backup/pgdata.tgz -C /data",
        restore[1]!,
      ),
    );
    expect(failedLabels(result)).toEqual(["No order fails while you work"]);
    expect(result.checks[2]!.detail).toMatch(/^\d+ orders failed because orders-db was not running/);
  });

  it("shows every command with its output or error, and caps the number of commands", () => {
    const result = run(lab.slug, commands("docker ps", "kubectl get pods"));
    const details = result.text!;
    expect(details.kind === "commands" && details.entries.map((e) => e.ok)).toEqual([true, false]);
    expect(details.kind === "commands" && details.entries[1]!.output).toMatch(/only docker commands/);
    expect(run(lab.slug, { text: "docker ps\n".repeat(101) }).checks[0]!.detail).toBe("text: at most 100 commands");
  });
});

describe("find-the-restart-loop", () => {
  const lab = getLab("find-the-restart-loop")!;
  it("the starter (no commands, no answer) asks for an answer; every check fails", () => {
    const result = evaluateLab(lab, starterSubmission(lab), null);
    expect(result.passed).toBe(false);
    expect(result.headline).toMatch(/^Name the root cause and the fix/);
  });

  it("the solution passes and lists the commands used, with the evidence seen", () => {
    const result = evaluateLab(lab, solutionSubmission(lab), null);
    expect(result.passed).toBe(true);
    const details = result.text!;
    if (details.kind !== "commands") throw new Error("expected commands");
    expect(details.entries.map((e) => e.line)).toEqual(lab.kind === "incident" ? lab.solution.text.split("\n") : []);
    expect(details.entries[2]!.output).toBe("10 false");
    expect(details.notes[0]).toMatch(/^Evidence you looked at: the oom and die events; the restart count or memory.events\.$/);
  });

  it("the right cause with a restart as the fix fails the fix only; a wrong cause says what to look at", () => {
    const restart = run(lab.slug, { text: "docker ps", answer: { cause: "oom-kill", fix: "restart-container" } });
    expect(failedLabels(restart)).toEqual(["You name a fix that stops it happening again"]);
    const wrong = run(lab.slug, { text: "docker ps", answer: { cause: "disk-full", fix: "rotate-logs" } });
    expect(wrong.passed).toBe(false);
    expect(wrong.headline).toMatch(/Look at the oom and die events and the restart count or memory.events/);
  });

  it("an answer outside the lists is rejected before anything runs", () => {
    const result = run(lab.slug, { text: "", answer: { cause: "gremlins", fix: "restart-container" } });
    expect(result.checks[0]).toMatchObject({ label: SUBMISSION_CHECK_LABEL, passed: false });
    expect(result.checks[0]!.detail).toMatch(/choose a root cause and a fix from the lists/);
  });
});

describe("p99-latency-per-route", () => {
  const lab = getLab("p99-latency-per-route")!;
  const query = (text: string) => run(lab.slug, { text });
  it("the starter gives one value per replica, not per route", () => {
    const result = evaluateLab(lab, starterSubmission(lab), null);
    expect(result.passed).toBe(false);
    expect(result.checks[0]!.detail).toBe(
      "At 15:00: 2 values for /health; 2 values for /orders; 2 values for /search; one value per series: aggregate them.",
    );
  });

  it("the solution matches the histogram: /search's p99 is 2.475 s in the slow stretch", () => {
    const result = evaluateLab(lab, solutionSubmission(lab), null);
    expect(result.passed).toBe(true);
    // Uniform 0.2–2.2 s: 40 % under 1 s, all under 2.5 s; p99 = 1 + 1.5 × 0.59 / 0.6. /health (1–4 ms)
    // sits wholly in the lowest bucket (≤ 5 ms), interpolated from 0: 0.99 × 5 ms.
    expect(result.checks[1]!.detail).toBe("At 40:00: /health 0.00495 s, /orders 0.247 s, /search 2.475 s.");
    const details = result.text!;
    expect(details.kind === "query" && details.rows).toHaveLength(6);
  });

  it("sum without (instance) is as good; dropping le, a wrong quantile or a syntax error fail clearly", () => {
    expect(query("histogram_quantile(0.99, sum without (instance) (rate(http_request_duration_seconds_bucket[5m])))").passed).toBe(true);
    expect(query("histogram_quantile(0.99, sum by (route) (rate(http_request_duration_seconds_bucket[5m])))").checks[0]!.detail).toMatch(/no value for \/health/);
    expect(query("histogram_quantile(0.5, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))").checks[0]!.detail).toMatch(/\/orders is 0\.1, expected 0\.247/);
    expect(query("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))").checks[0]!.detail).toMatch(/\(no route label\) is not one of the routes/);
    expect(query("histogram_quantile(0.99, sum(rate(x[5m])").headline).toMatch(/^Your query does not parse/);
    expect(query("1 + 1").checks[0]!.detail).toBe("At 15:00 the query gives a scalar, not one value per route.");
  });
});
