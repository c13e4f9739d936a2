import { beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { feedbackFor } from "@/lib/questions/feedback";
import type { Question } from "@/lib/questions/schema";
import { LEECH_LAPSES } from "@/lib/review/schedule";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { loadCourseContent, type CourseContent } from "../course-content";
import { isContestedKey } from "./question-model";
import { planCohortActivity, type PlanInput } from "./plan";
import type { CohortPlan } from "./types";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

let content: CourseContent;
let questions: Map<string, { question: Question; lesson: string }>;
let small: CohortPlan;
let large: CohortPlan;

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    seed: 234,
    learnerCount: 30,
    now: NOW,
    idPrefix: "t",
    ...content,
    reviewerId: "instructor-1",
    ...overrides,
  };
}

beforeAll(async () => {
  content = await loadCourseContent(await loadQuickJs());
  questions = new Map(
    content.quizzes.flatMap((quiz) =>
      quiz.questions.map((question) => [question.id, { question, lesson: quiz.lesson }]),
    ),
  );
  small = planCohortActivity(input());
  large = planCohortActivity(input({ seed: 99, learnerCount: 300, idPrefix: "big" }));
}, 120_000);

function responsesByAttempt(plan: CohortPlan) {
  const byAttempt = new Map<string, CohortPlan["responses"]>();
  for (const response of plan.responses) {
    const list = byAttempt.get(response.attemptId) ?? [];
    list.push(response);
    byAttempt.set(response.attemptId, list);
  }
  return byAttempt;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("planCohortActivity: reproducible", () => {
  it("gives the same plan for the same seed and a different one for another seed", () => {
    expect(JSON.stringify(planCohortActivity(input()))).toBe(JSON.stringify(small));
    expect(planCohortActivity(input({ seed: 235 })).learners.map((learner) => learner.name)).not.toEqual(
      small.learners.map((learner) => learner.name),
    );
  });

  it("gives each learner distinct, readable identities under the synthetic domain", () => {
    expect(new Set(small.learners.map((learner) => learner.name)).size).toBe(30);
    expect(new Set(large.learners.map((learner) => learner.email)).size).toBe(300);
    for (const learner of large.learners) {
      expect(learner.email).toMatch(/^[a-z]+\.[a-z]+\d*@learners\.shipshape\.test$/);
      expect(learner.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
  });

  it("dates everything in the past weeks and never after now", () => {
    const earliest = NOW.getTime() - 6 * 7 * DAY;
    const dates = [
      ...large.learners.flatMap((learner) => [learner.createdAt, learner.joinedAt]),
      ...large.lessonProgress.flatMap((row) => [row.lastSeenAt, row.completedAt]),
      ...large.attempts.flatMap((row) => [row.startedAt, row.submittedAt, row.updatedAt]),
      ...large.responses.flatMap((row) => [row.updatedAt, row.reviewedAt]),
      ...large.reviewCards.flatMap((row) => [row.createdAt, row.lastReview]),
      ...large.labRuns.map((row) => row.createdAt),
    ].flatMap((date) => (date ? [date.getTime()] : []));
    expect(Math.max(...dates)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(earliest);
  });
});

describe("planCohortActivity: answers and scores", () => {
  it("stores every answer in the app's answer format, of its question's type", () => {
    for (const response of large.responses) {
      const answer = AnswerSchema.parse(JSON.parse(response.answer));
      expect(answer.type).toBe(questions.get(response.questionId)!.question.type);
    }
  });

  it("scores every graded response exactly as gradeAnswer does, with the feedback submitQuiz would store", () => {
    for (const response of small.responses.filter((row) => row.score !== null)) {
      const { question, lesson } = questions.get(response.questionId)!;
      const answer = AnswerSchema.parse(JSON.parse(response.answer));
      const graded = gradeAnswer(question, answer);
      expect(response.score).toBe(graded.score);
      expect(response.maxScore).toBe(1);
      const text = answer.type === "interview" ? answer.text : "";
      expect(response.feedback).toBe(JSON.stringify(feedbackFor(question, graded, lesson, text)));
    }
  });

  it("totals submitted attempts like submitAttempt (with instructor overrides), and leaves open ones ungraded", () => {
    const byAttempt = responsesByAttempt(large);
    for (const attempt of large.attempts) {
      const responses = byAttempt.get(attempt.id) ?? [];
      const questionIds = JSON.parse(attempt.questionIds) as string[];
      if (attempt.status === "submitted") {
        expect(responses.map((response) => response.questionId)).toEqual(questionIds);
        expect(attempt.maxScore).toBe(questionIds.length);
        const total = responses.reduce(
          (sum, response) => sum + (response.overrideScore ?? response.score!),
          0,
        );
        expect(attempt.score).toBeCloseTo(total, 9);
        expect(attempt.submittedAt!.getTime()).toBeGreaterThanOrEqual(attempt.startedAt.getTime());
      } else {
        expect(attempt).toMatchObject({ score: null, maxScore: null, submittedAt: null });
        expect(responses.length).toBeGreaterThan(0);
        expect(responses.length).toBeLessThan(questionIds.length);
        expect(responses.every((response) => response.score === null && response.feedback === null)).toBe(
          true,
        );
      }
    }
  });

  it("includes near-miss typos, empty blanks and unaccepted alternative phrasings among fill-in answers", () => {
    const blanks = large.responses.flatMap((response) => {
      const detail = response.feedback
        ? (
            JSON.parse(response.feedback) as {
              detail: {
                type: string;
                blanks?: Array<{ given: string; correct: boolean; nearMiss: boolean }>;
              };
            }
          ).detail
        : null;
      return detail?.type === "fill-in" ? detail.blanks! : [];
    });
    const wrong = blanks.filter((blank) => !blank.correct);
    expect(wrong.filter((blank) => blank.nearMiss).length).toBeGreaterThan(20);
    expect(wrong.filter((blank) => blank.given === "").length).toBeGreaterThan(20);
    expect(wrong.map((blank) => blank.given)).toContain("-o errexit -o nounset -o pipefail");
  });
});

describe("planCohortActivity: behaviour", () => {
  it("mixes personas roughly as intended: a few never start, some drop out, some finish", () => {
    const share = (persona: string) =>
      large.learners.filter((learner) => learner.persona === persona).length / 300;
    expect(share("never-started")).toBeGreaterThan(0.03);
    expect(share("never-started")).toBeLessThan(0.15);
    expect(share("dropped-out")).toBeGreaterThan(0.12);
    expect(share("finisher")).toBeGreaterThan(0.15);
    const never = new Set(large.learners.filter((l) => l.persona === "never-started").map((l) => l.id));
    expect(large.lessonProgress.some((row) => never.has(row.userId))).toBe(false);
    expect(large.attempts.some((row) => never.has(row.userId))).toBe(false);
  });

  it("has finishers complete every lesson, mostly in course order", () => {
    const finishers = large.learners.filter((learner) => learner.persona === "finisher");
    let inOrder = 0;
    for (const learner of finishers) {
      const completed = large.lessonProgress
        .filter((row) => row.userId === learner.id && row.completedAt)
        .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime())
        .map((row) => row.lessonSlug);
      expect(completed.length).toBe(content.lessonSlugs.length);
      if (completed.join() === content.lessonSlugs.join()) inOrder += 1;
    }
    expect(inOrder / finishers.length).toBeGreaterThan(0.9);
  });

  it("takes quizzes mostly in check mode, leaves a few open, and retries that improve", () => {
    const lessonAttempts = large.attempts.filter((attempt) => attempt.kind === "lesson");
    expect(lessonAttempts.filter((a) => a.mode === "check").length / lessonAttempts.length).toBeGreaterThan(
      0.75,
    );
    expect(lessonAttempts.filter((a) => a.status === "open").length).toBeGreaterThan(5);
    const byLearnerQuiz = new Map<string, typeof lessonAttempts>();
    for (const attempt of lessonAttempts.filter((a) => a.status === "submitted")) {
      const key = `${attempt.userId}/${attempt.quizSlug}`;
      byLearnerQuiz.set(key, [...(byLearnerQuiz.get(key) ?? []), attempt]);
    }
    const retried = [...byLearnerQuiz.values()].filter((attempts) => attempts.length > 1);
    expect(retried.length).toBeGreaterThan(20);
    const ratio = (attempt: (typeof lessonAttempts)[number]) => attempt.score! / attempt.maxScore!;
    expect(mean(retried.map((attempts) => ratio(attempts.at(-1)!)))).toBeGreaterThan(
      mean(retried.map((attempts) => ratio(attempts[0]!))),
    );
  });

  it("makes able learners score higher, except on questions whose key is contested", () => {
    const ability = new Map(large.learners.map((learner) => [learner.id, learner.ability]));
    const attemptUser = new Map(large.attempts.map((attempt) => [attempt.id, attempt.userId]));
    const graded = large.responses.filter((response) => response.score !== null);
    const scoreOf = (strong: boolean, contested: boolean) =>
      mean(
        graded
          .filter((response) => {
            const learnerAbility = ability.get(attemptUser.get(response.attemptId)!)!;
            return (
              isContestedKey(questions.get(response.questionId)!.question) === contested &&
              (strong ? learnerAbility > 0.8 : learnerAbility < -0.8)
            );
          })
          .map((response) => response.score!),
      );
    expect(scoreOf(true, false)).toBeGreaterThan(scoreOf(false, false) + 0.15);
    expect(scoreOf(true, true)).toBeLessThan(scoreOf(false, true));
  });

  it("leaves most interview answers waiting for an instructor, with 15+ in the demo-sized cohort", () => {
    const lessonAttemptIds = new Set(
      small.attempts.filter((a) => a.kind === "lesson" && a.status === "submitted").map((a) => a.id),
    );
    const interview = small.responses.filter(
      (response) =>
        lessonAttemptIds.has(response.attemptId) &&
        questions.get(response.questionId)!.question.type === "interview",
    );
    const reviewed = interview.filter((response) => response.reviewedAt);
    expect(interview.length - reviewed.length).toBeGreaterThanOrEqual(15);
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.length / interview.length).toBeLessThan(0.4);
    for (const response of reviewed) {
      expect(response).toMatchObject({ reviewedById: "instructor-1" });
      expect(response.instructorFeedback).toBeTruthy();
      expect(response.overrideScore).toBeGreaterThanOrEqual(0);
      expect(response.overrideScore).toBeLessThanOrEqual(1);
      const grades = JSON.parse(response.rubricGrades!) as Array<{ pointId: string; score: number }>;
      const { question } = questions.get(response.questionId)!;
      expect(grades.map((grade) => grade.pointId)).toEqual(
        question.type === "interview" ? question.rubric.map((point) => point.id) : [],
      );
    }
  });

  it("leaves every interview answer waiting when no reviewer is given", () => {
    const plan = planCohortActivity(input({ reviewerId: null }));
    expect(plan.responses.some((response) => response.reviewedAt)).toBe(false);
  });

  it("has review cards for missed questions, with a few leeches", () => {
    expect(large.reviewCards.length).toBeGreaterThan(0);
    expect(large.reviewCards.filter((card) => card.lapses >= LEECH_LAPSES).length).toBeGreaterThanOrEqual(3);
    expect(large.attempts.some((attempt) => attempt.kind === "review" && attempt.mode === "practice")).toBe(
      true,
    );
    const keys = large.reviewCards.map((card) => `${card.userId}/${card.questionId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("runs labs with the real verdicts: failing tries first, nothing after a pass", () => {
    expect(large.labRuns.some((run) => run.passed)).toBe(true);
    const verdicts = new Map(
      content.labs.map((outcome) => [
        `${outcome.labSlug}/${JSON.stringify(outcome.params)}/${outcome.code}`,
        outcome,
      ]),
    );
    const runs = new Map<string, typeof large.labRuns>();
    for (const run of large.labRuns) {
      expect(verdicts.get(`${run.labSlug}/${run.params}/${run.code}`)).toMatchObject({
        passed: run.passed,
        verdict: run.verdict,
      });
      runs.set(`${run.userId}/${run.labSlug}`, [...(runs.get(`${run.userId}/${run.labSlug}`) ?? []), run]);
    }
    for (const sequence of runs.values()) {
      expect(sequence[0]!.passed).toBe(false);
      expect(sequence.slice(0, -1).every((run) => !run.passed)).toBe(true);
    }
  });
});
