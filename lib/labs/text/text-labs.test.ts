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
    expect(result.checks[0]!.detail).toBe("It fired at 12:30, 2:30 after the errors began.");
    expect(result.checks[1]!.detail).toBe("It went pending but never lasted long enough to fire.");
    const details = result.text!;
    expect(details.kind).toBe("alert");
    if (details.kind === "alert") expect(details.runs.map((r) => r.firstFiringAtMs)).toEqual([750_000, null]);
  });

  it("a threshold of > 0.02 never holds at exactly 2 %, and too long a for: fires too late", () => {
    const rule = (expr: string, forText: string) => ({ text: `alert: X\nexpr: ${expr}\nfor: ${forText}\n` });
    const ratio = (window: string, op: string) =>
      `sum(rate(http_requests_total{code="500"}[${window}])) / sum(rate(http_requests_total[${window}])) ${op}`;
    expect(run(lab.slug, rule(ratio("5m", "> 0.02"), "5m")).checks[0]!.detail).toBe(
      "The expression never became true in this run.",
    );
    const late = run(lab.slug, rule(ratio("1m", "> 0.01"), "6m"));
    expect(late.checks[0]).toMatchObject({ passed: false, detail: "It fired at 16:30, 6:30 after the errors began: too late." });
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
