import { describe, expect, it } from "vitest";
import { agreement } from "@/lib/grading/calibration";
import { gradeInterview } from "@/lib/grading/interview";
import { loadCalibrationFiles } from "@/lib/questions/calibration-files";
import type { InterviewQuestion } from "@/lib/questions/schema";
import { loadQuizFiles } from "@/lib/seed/course-content";

// The automatic interview grader against careful human grades: per question, mean absolute error
// ≤ 0.15, wrong advice ≤ 0.35, keyword lists ≤ 0.4, strong paraphrases ≥ 0.7 (lib/grading/calibration.ts).
const questions = (await loadQuizFiles())
  .flatMap((quiz) => quiz.questions)
  .filter((question): question is InterviewQuestion => question.type === "interview");
const files = await loadCalibrationFiles();

describe("interview calibration set", () => {
  it("has a file for every interview question, and none for a question that is gone", () => {
    expect(files.map((file) => file.question).sort()).toEqual(questions.map((question) => question.id).sort());
  });

  it("covers every style for every question", () => {
    for (const file of files) {
      const styles = new Set(file.answers.map((answer) => answer.style));
      expect({ question: file.question, styles: [...styles].sort() }).toEqual({
        question: file.question,
        styles: ["keyword-list", "model", "off-topic", "paraphrase", "partial", "short", "wrong-advice"],
      });
      const ids = file.answers.map((answer) => answer.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  for (const question of questions) {
    it(`${question.id}: the grader agrees with the human grades`, () => {
      const file = files.find((candidate) => candidate.question === question.id);
      expect(file, `no calibration file for ${question.id}`).toBeDefined();
      const rows = file!.answers.map((answer) => ({
        id: answer.id,
        style: answer.style,
        human: answer.score,
        machine: gradeInterview(question, answer.text).score,
      }));
      expect(agreement(question.id, rows).failures).toEqual([]);
    });
  }
});
