// How one stored response reads on the instructor's learner page: the question, the learner's answer
// and the automatic feedback, as plain strings (React escapes them; nothing here is HTML).
import { AnswerSchema } from "@/lib/grading/answer-schema";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import type { Question } from "@/lib/questions/schema";

export function questionText(question: Question): string {
  return question.type === "true-false" ? question.statement : question.prompt;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const quote = (text: string) => `“${text}”`;

/** The learner's answer in words; "(no answer)" when nothing usable was saved. */
export function answerText(question: Question | null, answerJson: string): string {
  const parsed = AnswerSchema.safeParse(parseJson(answerJson));
  if (!parsed.success) return "(no answer)";
  const answer = parsed.data;
  switch (answer.type) {
    case "fill-in":
      return answer.blanks.some((blank) => blank.trim() !== "")
        ? answer.blanks
            .map((blank, i) => `${i + 1}. ${blank.trim() === "" ? "(blank)" : quote(blank)}`)
            .join("  ")
        : "(no answer)";
    case "true-false":
      return answer.value ? "True" : "False";
    case "multiple-choice": {
      if (answer.selected.length === 0) return "(no answer)";
      const options = new Map(
        question?.type === "multiple-choice"
          ? question.options.map((option) => [option.id, option.text])
          : [],
      );
      return answer.selected.map((id) => `${id}) ${options.get(id) ?? "(unknown option)"}`).join("; ");
    }
    case "interview":
      return answer.text.trim() === "" ? "(no answer)" : answer.text;
  }
}

/** The automatic grading detail, one line per blank, option or rubric point. */
export function feedbackLines(feedbackJson: string | null): string[] {
  const feedback = parseJson(feedbackJson) as Partial<QuestionFeedback> | null;
  const detail = feedback?.detail;
  if (!detail || typeof detail !== "object") return [];
  switch (detail.type) {
    case "fill-in":
      return (detail.blanks ?? []).map((blank, i) =>
        blank.correct
          ? `Blank ${i + 1}: ${quote(blank.given)} correct`
          : `Blank ${i + 1}: ${blank.given ? quote(blank.given) : "(blank)"} wrong${blank.nearMiss ? " (near miss)" : ""}, expected ${quote(blank.expected)}`,
      );
    case "true-false":
      return [
        detail.given === null
          ? `Not answered; the statement is ${detail.answer ? "true" : "false"}`
          : detail.given === detail.answer
            ? `Correct: the statement is ${detail.answer ? "true" : "false"}`
            : `Wrong: the statement is ${detail.answer ? "true" : "false"}`,
      ];
    case "multiple-choice":
      return (detail.options ?? [])
        .filter((option) => option.selected || option.correct)
        .map(
          (option) =>
            `${option.id}) ${option.selected ? "chosen" : "not chosen"}, ${option.correct ? "correct" : "wrong"}: ${option.text}`,
        );
    case "interview":
      return (detail.points ?? []).map((point) => `${point.covered ? "Covered" : "Missing"}: ${point.point}`);
    default:
      return [];
  }
}
