import { BLANK, type Question } from "@/lib/questions/schema";

/** "—" stands for "not computable"; the page explains why next to the figure where it matters. */
export const NOT_COMPUTABLE = "—";

/** Two decimals with a true minus sign (screen readers say "minus"; a hyphen reads as a dash). */
export function decimal(value: number | null): string {
  if (value === null) return NOT_COMPUTABLE;
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== "0.00" ? `−${text}` : text;
}

export function percent(share: number | null): string {
  return share === null ? NOT_COMPUTABLE : `${Math.round(share * 100)} %`;
}

export const TYPE_LABELS: Record<Question["type"], string> = {
  "fill-in": "Fill-in",
  "true-false": "True/false",
  "multiple-choice": "Multiple choice",
  interview: "Interview",
};

/** The question's text with blanks drawn as a line. */
export function promptText(question: Question): string {
  switch (question.type) {
    case "fill-in":
      return question.prompt.split(BLANK).join("_____");
    case "true-false":
      return question.statement;
    default:
      return question.prompt;
  }
}

export function excerpt(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

export const itemsPath = (cohortId: string) => `/instructor/cohorts/${cohortId}/items`;
export const questionPath = (cohortId: string, questionId: string) =>
  `${itemsPath(cohortId)}/${encodeURIComponent(questionId)}`;
