import { describe, expect, it } from "vitest";
import { InterviewSchema, type InterviewQuestion } from "@/lib/questions/schema";
import { CREDIT, LIST_CAP, gradeInterview } from "./interview";

type Point = {
  id: string;
  weight: number;
  phrases: string[];
  synonyms?: string[];
  patterns?: string[];
  contrary?: string[];
};

function interview(points: Point[]): InterviewQuestion {
  return InterviewSchema.parse({
    id: "interview-fixture",
    section: "fixture",
    type: "interview",
    explanation: "Fixture explanation.",
    prompt: "How do you deploy without downtime?",
    modelAnswer: "Fixture model answer.",
    rubric: points.map((point) => ({ ...point, point: `Point ${point.id}` })),
  });
}

const deploy = interview([
  { id: "health", weight: 3, phrases: ["health check", "readiness probe"] },
  { id: "drain", weight: 2, phrases: ["drain", "connection draining"] },
  { id: "rollback", weight: 1, phrases: ["roll back", "rollback"] },
]);
const point = (question: InterviewQuestion, text: string, id: string) =>
  gradeInterview(question, text).points.find((candidate) => candidate.id === id)!;

describe("gradeInterview: score", () => {
  it("scores the explained share of the weight", () => {
    const text =
      "New replicas get traffic only once the health check passes, so users never reach a cold one. " +
      "If errors rise during the rollout, we roll back to the previous version straight away.";
    const result = gradeInterview(deploy, text);
    expect(result.points.map((entry) => entry.status)).toEqual(["explained", "missing", "explained"]);
    expect(result.score).toBeCloseTo(4 / 6, 10);
    expect(result.listOfTerms).toBe(false);
  });

  it("gives a bare claim without a reason part of the credit", () => {
    const result = gradeInterview(deploy, "The app should use health checks.");
    expect(result.points[0]!.status).toBe("stated");
    expect(result.score).toBeCloseTo((3 * CREDIT.stated) / 6, 10);
  });

  it("scores 0 for an answer that says nothing relevant, and for empty text", () => {
    const result = gradeInterview(deploy, "I would just restart the server and hope it comes back.");
    expect(result.score).toBe(0);
    expect(result.points.every((entry) => entry.status === "missing" && entry.evidence === null)).toBe(true);
    expect(gradeInterview(deploy, "").score).toBe(0);
  });

  it("is deterministic", () => {
    const text = "Replicas only get traffic once the readiness probe passes, then we drain the old ones.";
    expect(gradeInterview(deploy, text)).toEqual(gradeInterview(deploy, text));
  });
});

describe("gradeInterview: words in other forms", () => {
  it("matches plurals and other inflections through lemmas", () => {
    const question = interview([
      { id: "checks", weight: 1, phrases: ["health check"] },
      { id: "rolling", weight: 1, phrases: ["rolling update"] },
      { id: "canary", weight: 1, phrases: ["canary"] },
    ]);
    const text =
      "Health checks decide when traffic arrives, rolling updates replace one replica at a time so capacity stays, and canaries take a small share first.";
    expect(gradeInterview(question, text).points.map((entry) => entry.covered)).toEqual([true, true, true]);
  });

  it("treats spaces, dashes and joined spellings alike, but not other words in between", () => {
    const question = interview([
      { id: "zero", weight: 1, phrases: ["zero downtime"] },
      { id: "b", weight: 1, phrases: ["qqq"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    const covered = (text: string) =>
      point(question, `${text} is what we want because users notice outages.`, "zero").covered;
    expect(covered("Zero-downtime")).toBe(true);
    expect(covered("Zero downtime")).toBe(true);
    expect(covered("Zerodowntime")).toBe(true);
    expect(covered("Zero planned downtime")).toBe(false);
    expect(covered("Zeroes downtime")).toBe(false);
  });

  it("matches whole words only", () => {
    const question = interview([
      { id: "ready", weight: 1, phrases: ["ready"] },
      { id: "b", weight: 1, phrases: ["qqq"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    expect(point(question, "It is already running because we started it early.", "ready").covered).toBe(
      false,
    );
    expect(point(question, "It is ready once it answers, so we send traffic.", "ready").covered).toBe(true);
  });

  it("counts a point's synonyms and paraphrase patterns", () => {
    const question = interview([
      {
        id: "drain",
        weight: 1,
        phrases: ["connection draining"],
        synonyms: ["finish in-flight requests"],
        patterns: ["sigterm|signal + finish|complete + request|requests"],
      },
      { id: "b", weight: 1, phrases: ["qqq"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    expect(point(question, "On shutdown we finish in-flight requests before exiting.", "drain").covered).toBe(
      true,
    );
    expect(
      point(question, "When the signal arrives the app completes the open requests, then exits.", "drain")
        .covered,
    ).toBe(true);
    expect(point(question, "The app handles requests quickly because it caches.", "drain").covered).toBe(
      false,
    );
  });

  it("keeps an ordered pattern's words in order", () => {
    const question = interview([
      { id: "order", weight: 1, phrases: ["qqq"], patterns: ["start > new > before > stop > old"] },
      { id: "b", weight: 1, phrases: ["yyy"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    expect(
      point(question, "We start the new one before we stop the old one, so capacity stays.", "order").covered,
    ).toBe(true);
    expect(
      point(question, "We stop the old one before we start the new one, so capacity drops.", "order").covered,
    ).toBe(false);
  });
});

describe("gradeInterview: negation and contrary advice", () => {
  it("does not count a point the answer dismisses", () => {
    for (const text of [
      "I would not bother with health checks, draining or rollbacks; deploys are quick anyway.",
      "Never drain connections, because it slows the deploy down.",
      "Skip the health check since the process starts fast.",
      "Health checks aren't needed because the process starts fast.",
      "Health checks are overkill for a service this small.",
      "Use a fixed sleep instead of a readiness probe, so the deploy is simpler.",
    ])
      expect({ text, score: gradeInterview(deploy, text).score }).toEqual({ text, score: 0 });
  });

  it("limits a negation to its clause", () => {
    const text =
      "We don't restart anything by hand, because the readiness probe keeps traffic away from broken replicas.";
    expect(point(deploy, text, "health").status).toBe("explained");
  });

  it("reads a double negation as a yes", () => {
    const text = "Don't forget the health check, because without it new replicas get traffic too early.";
    expect(point(deploy, text, "health").covered).toBe(true);
  });

  it("takes a point's weight away when the answer gives the opposite advice", () => {
    const probes = interview([
      {
        id: "liveness",
        weight: 2,
        phrases: ["process itself"],
        contrary: ["liveness + database|postgres|select 1"],
      },
      { id: "readiness", weight: 1, phrases: ["qqq"], patterns: ["readiness + postgres|database|select 1"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    const wrong = gradeInterview(
      probes,
      "Liveness and readiness both run SELECT 1 against Postgres, so we know it all works.",
    );
    expect(wrong.points[0]!.status).toBe("contradicted");
    expect(wrong.points[0]!.evidence?.text).toMatch(/^Liveness and readiness both run SELECT 1/);
    expect(wrong.points[1]!.status).toBe("explained");
    // One point explained (weight 1) minus the contradicted one (weight 2): never below 0.
    expect(wrong.score).toBe(0);
  });

  it("reads a warning against the wrong advice as the point made", () => {
    const probes = interview([
      { id: "liveness", weight: 1, phrases: ["process itself"], contrary: ["liveness + database|postgres"] },
      { id: "b", weight: 1, phrases: ["qqq"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    expect(
      point(probes, "Liveness must never query the database, since a restart cannot fix it.", "liveness")
        .status,
    ).toBe("explained");
    // Describing what the wrong advice would cause is not giving it.
    expect(
      point(probes, "If liveness queried Postgres, an outage would restart every replica.", "liveness")
        .status,
    ).toBe("missing");
  });

  it("needs a pattern's own negation to reach its other words", () => {
    const probes = interview([
      { id: "liveness", weight: 1, phrases: ["qqq"], patterns: ["liveness + not|never|no + database"] },
      { id: "b", weight: 1, phrases: ["yyy"] },
      { id: "c", weight: 1, phrases: ["zzz"] },
    ]);
    expect(
      point(
        probes,
        "Liveness does not touch the database, so a restart is only for a stuck process.",
        "liveness",
      ).covered,
    ).toBe(true);
    expect(
      point(probes, "Liveness checks the database, not the cache, because that is what matters.", "liveness")
        .covered,
    ).toBe(false);
  });
});

describe("gradeInterview: evidence and lists of terms", () => {
  it("reports the sentence that earned each point, with the recognised words inside it", () => {
    const text =
      "We ship often. Old replicas drain their connections before exiting, so no request is cut off.\nThen we watch errors.";
    const drain = point(deploy, text, "drain");
    expect(drain.evidence).toEqual({
      start: text.indexOf("Old"),
      end: text.indexOf("off.") + 4,
      text: "Old replicas drain their connections before exiting, so no request is cut off.",
    });
    expect(drain.matches.map((match) => text.slice(match.start, match.end))).toEqual(["drain"]);
  });

  it("recognises a bare list of terms, caps it and labels it", () => {
    for (const text of [
      "Health checks, readiness probes, connection draining, rollback.",
      "- health check\n- drain\n- rollback",
      "Use health checks, draining, rollbacks and canaries.",
    ]) {
      const result = gradeInterview(deploy, text);
      expect(result.listOfTerms).toBe(true);
      expect(result.score).toBeLessThanOrEqual(LIST_CAP);
      expect(result.points.every((entry) => entry.status === "named")).toBe(true);
    }
  });

  it("does not call an answer with explained points a list", () => {
    const text =
      "Traffic only reaches a replica once its readiness probe passes, so nobody hits a cold one. We also drain connections, roll back on errors.";
    const result = gradeInterview(deploy, text);
    expect(result.listOfTerms).toBe(false);
    expect(result.points[0]!.status).toBe("explained");
  });
});
