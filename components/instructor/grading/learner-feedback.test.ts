// What the learner sees of an instructor's rubric grade: lib/questions/attempt-view.ts builds it and
// components/quiz/attempt-review.tsx renders it. Kept with the grading feature it closes the loop of.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttemptReview } from "@/components/quiz/attempt-review";
import { gradeAnswer } from "@/lib/grading/grade";
import { attemptView } from "@/lib/questions/attempt-view";
import { loadQuizzes } from "@/lib/questions/bank";
import { feedbackFor } from "@/lib/questions/feedback";
import type { InterviewQuestion } from "@/lib/questions/schema";

async function anInterviewQuestion(): Promise<{ question: InterviewQuestion; lesson: string }> {
  for (const quiz of await loadQuizzes())
    for (const question of quiz.questions)
      if (question.type === "interview") return { question, lesson: quiz.lesson };
  throw new Error("no interview question in the bank");
}

const hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)>";

async function reviewedAttempt(rubricGrades: string | null) {
  const { question, lesson } = await anInterviewQuestion();
  const text = `${hostile} liveness only checks the process`;
  const graded = gradeAnswer(question, { type: "interview", text });
  return {
    question,
    view: await attemptView({
      questionIds: [question.id],
      seed: 1,
      responses: [
        {
          questionId: question.id,
          answer: JSON.stringify({ type: "interview", text }),
          feedback: JSON.stringify(feedbackFor(question, graded, lesson, text)),
          overrideScore: 0.5,
          instructorFeedback: `Overall: ${hostile}`,
          rubricGrades,
        },
      ],
    }),
  };
}

describe("attemptView: the instructor's review", () => {
  it("joins each stored point grade with the rubric's wording and weight, in stored order", async () => {
    const { question } = await anInterviewQuestion();
    const [first, second] = question.rubric;
    const { view } = await reviewedAttempt(
      JSON.stringify([
        { pointId: first!.id, score: 1, comment: "Clear." },
        { pointId: second!.id, score: 0.5, comment: "" },
        { pointId: "removed-from-rubric", score: 0, comment: "Gone." },
      ]),
    );
    expect(view.reviews[question.id]).toEqual({
      score: 0.5,
      comment: `Overall: ${hostile}`,
      points: [
        { pointId: first!.id, point: first!.point, weight: first!.weight, score: 1, comment: "Clear." },
        { pointId: second!.id, point: second!.point, weight: second!.weight, score: 0.5, comment: null },
      ],
    });
  });

  it("keeps a plain override (no rubric grades) as score and comment only", async () => {
    const { question } = await anInterviewQuestion();
    const { view } = await reviewedAttempt(null);
    expect(view.reviews[question.id]).toEqual({ score: 0.5, comment: `Overall: ${hostile}`, points: null });
  });

  it("has no review for an answer an instructor has not graded", async () => {
    const { question } = await anInterviewQuestion();
    const view = await attemptView({
      questionIds: [question.id],
      seed: 1,
      responses: [{ questionId: question.id, answer: "{}", feedback: null }],
    });
    expect(view.reviews).toEqual({});
  });
});

describe("AttemptReview with an instructor's grade", () => {
  async function render() {
    const { question } = await anInterviewQuestion();
    const { view } = await reviewedAttempt(
      JSON.stringify(
        question.rubric.map((point, index) => ({
          pointId: point.id,
          score: index === 0 ? 1 : index === 1 ? 0.5 : 0,
          comment: index === 1 ? `Point comment ${hostile}` : null,
        })),
      ),
    );
    return {
      question,
      html: renderToStaticMarkup(
        createElement(AttemptReview, {
          questions: view.questions,
          feedback: view.feedback,
          reviews: view.reviews,
        }),
      ),
    };
  }

  it("shows the grade as the instructor's, with each point's score and comment and the overall comment", async () => {
    const { question, html } = await render();
    expect(html).toContain("From your instructor");
    expect(html).toContain("Instructor&#x27;s grade: 50%");
    expect(html).toMatch(/>Full<span class="sr-only"> marks for<\/span>/);
    expect(html).toMatch(/>Half<span class="sr-only"> marks for<\/span>/);
    expect(html).toContain(`(weight ${question.rubric[0]!.weight})`);
    expect(html).toContain("Point comment &lt;script&gt;");
    expect(html).toContain("your instructor&#x27;s grade above is the one that counts");
  });

  it("renders the learner's text and every comment literally: no markup from anyone runs", async () => {
    const { html } = await render();
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;");
  });
});
