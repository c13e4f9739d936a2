import type { Answer } from "@/lib/grading/answer-schema";
import type { PublicQuestion } from "@/lib/questions/public-view";

/** An answer the learner has actually given something in (an all-empty fill-in or essay is blank). */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  switch (answer.type) {
    case "fill-in":
      return answer.blanks.some((blank) => blank.trim() !== "");
    case "true-false":
      return true;
    case "multiple-choice":
      return answer.selected.length > 0;
    case "interview":
      return answer.text.trim() !== "";
  }
}

/** How many questions would be submitted without an answer (submitting asks to confirm them). */
export function unansweredCount(questions: PublicQuestion[], answers: Record<string, Answer>): number {
  return questions.filter((question) => !isAnswered(answers[question.id])).length;
}
