import { beforeAll, describe, expect, it } from "vitest";
import { gradeInterview } from "@/lib/grading/interview";
import type { InterviewQuestion } from "@/lib/questions/schema";
import { loadQuizFiles } from "../course-content";
import { INTERVIEW_ANSWERS } from "./interview-answers";

let questions: InterviewQuestion[] = [];
beforeAll(async () => {
  questions = (await loadQuizFiles())
    .flatMap((quiz) => quiz.questions)
    .filter((question): question is InterviewQuestion => question.type === "interview");
});

describe("synthetic interview answers", () => {
  it("exist for every interview question in the bank, and only for those", () => {
    expect(questions.length).toBeGreaterThan(0);
    expect(Object.keys(INTERVIEW_ANSWERS).sort()).toEqual(questions.map((question) => question.id).sort());
  });

  it("score in the order of their quality with the real rubric grader", () => {
    for (const question of questions) {
      const answers = INTERVIEW_ANSWERS[question.id]!;
      const score = (text: string) => gradeInterview(question, text).score;
      const scores = {
        good: score(answers.good),
        partial: score(answers.partial),
        poor: score(answers.poor),
        offTopic: score(answers.offTopic),
      };
      expect(scores.good, `${question.id} good`).toBeGreaterThanOrEqual(0.75);
      expect(scores.partial, `${question.id} partial`).toBeLessThan(scores.good);
      expect(scores.partial, `${question.id} partial`).toBeGreaterThanOrEqual(0.2);
      expect(scores.poor, `${question.id} poor`).toBeLessThan(scores.partial);
      expect(scores.poor, `${question.id} poor`).toBeLessThanOrEqual(0.2);
      expect(scores.offTopic, `${question.id} off-topic`).toBe(0);
    }
  });
});
