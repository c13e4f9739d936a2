import type { Question } from "@/lib/questions/schema";
import { InlineText } from "@/components/ui/inline-text";

/** The key as the bank has it (rendered on the server; this page is for the cohort's instructors only). */
export function AnswerKey({ question }: { question: Question }) {
  switch (question.type) {
    case "fill-in":
      return (
        <ol className="list-decimal space-y-1 pl-5">
          {question.blanks.map((blank, index) => (
            <li key={index}>
              Blank {index + 1}: <span className="font-mono">{blank.accept.join(" · ")}</span>
              {question.unordered.some((group) => group.includes(index)) && (
                <span className="text-fg-muted"> (may swap with the other blanks of its group)</span>
              )}
            </li>
          ))}
        </ol>
      );
    case "true-false":
      return <p>{question.answer ? "True" : "False"}</p>;
    case "multiple-choice":
      return (
        <ul className="space-y-1">
          {question.options.map((option) => (
            <li key={option.id}>
              <span className="font-mono">{option.id.toUpperCase()}.</span> <InlineText text={option.text} />{" "}
              {option.correct ? (
                <strong className="text-success">(right)</strong>
              ) : (
                <span className="text-fg-muted">(distractor)</span>
              )}
            </li>
          ))}
        </ul>
      );
    case "interview":
      return (
        <ul className="list-disc space-y-1 pl-5">
          {question.rubric.map((point) => (
            <li key={point.id}>
              {point.point} <span className="text-fg-muted">(weight {point.weight})</span>
            </li>
          ))}
        </ul>
      );
  }
}
