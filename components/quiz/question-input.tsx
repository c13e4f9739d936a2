"use client";
import { useId, type KeyboardEvent } from "react";
import type { Answer } from "@/lib/grading/answer-schema";
import { BLANK } from "@/lib/questions/schema";
import type { PublicQuestion } from "@/lib/questions/public-view";
import { InlineText } from "@/components/ui/inline-text";
import { promptPieces } from "@/lib/text/inline-code";

type Props = {
  question: PublicQuestion;
  number: number;
  answer: Answer | undefined;
  disabled: boolean;
  onChange: (answer: Answer, immediate: boolean) => void;
  onEnter: () => void;
};

const LETTERS = "ABCDEF";

/** One question as a fieldset whose legend is the prompt. Letter keys pick options; Enter moves on. */
export function QuestionInput({ question, number, answer, disabled, onChange, onEnter }: Props) {
  const id = useId();

  function onChoiceKey(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (question.type === "true-false" && (key === "t" || key === "f")) {
      event.preventDefault();
      onChange({ type: "true-false", value: key === "t" }, true);
    }
    if (question.type === "multiple-choice") {
      const index = LETTERS.toLowerCase().indexOf(key);
      const option = index >= 0 ? question.options[index] : undefined;
      // Not a letter key: fall through, so Enter still moves on from a multiple-choice question.
      if (option) {
        event.preventDefault();
        const current = answer?.type === "multiple-choice" ? answer.selected : [];
        const selected = question.multiple
          ? current.includes(option.id)
            ? current.filter((item) => item !== option.id)
            : [...current, option.id]
          : [option.id];
        onChange({ type: "multiple-choice", selected }, true);
      }
    }
    if (event.key === "Enter") {
      event.preventDefault();
      onEnter();
    }
  }

  const legend = (text: string) => (
    <legend className="mb-2 font-semibold">
      <span className="mr-2 text-fg-muted">{number}.</span>
      <InlineText text={text} />
    </legend>
  );

  switch (question.type) {
    case "fill-in": {
      const pieces = promptPieces(question.prompt, BLANK);
      const given = answer?.type === "fill-in" ? answer.blanks : [];
      return (
        <fieldset disabled={disabled}>
          {legend("Fill in the blanks")}
          <p className="leading-9">
            {pieces.map((piece, position) =>
              piece.kind === "text" ? (
                piece.code ? (
                  <code key={position} className="inline-code">
                    {piece.text}
                  </code>
                ) : (
                  <span key={position}>{piece.text}</span>
                )
              ) : (
                <input
                  key={position}
                  type="text"
                  aria-label={`Blank ${piece.index + 1} of ${question.blankCount}`}
                  autoComplete="off"
                  spellCheck={false}
                  value={given[piece.index] ?? ""}
                  onChange={(event) => {
                    const blanks = Array.from(
                      { length: question.blankCount },
                      (_, blank) => given[blank] ?? "",
                    );
                    blanks[piece.index] = event.target.value;
                    onChange({ type: "fill-in", blanks }, false);
                  }}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") {
                      event.preventDefault();
                      onEnter();
                    }
                  }}
                  className="mx-1 w-40 max-w-full rounded border border-border bg-bg px-2 py-0.5 font-mono"
                />
              ),
            )}
          </p>
        </fieldset>
      );
    }
    case "true-false": {
      const value = answer?.type === "true-false" ? answer.value : undefined;
      return (
        <fieldset disabled={disabled} onKeyDown={onChoiceKey}>
          {legend(question.statement)}
          <p className="mb-2 text-sm text-fg-muted">True or false? (keys T and F)</p>
          <div className="flex gap-3">
            {[true, false].map((option) => (
              <label
                key={String(option)}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-border px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
              >
                <input
                  type="radio"
                  name={`${id}-tf`}
                  checked={value === option}
                  onChange={() => onChange({ type: "true-false", value: option }, true)}
                />
                {option ? "True" : "False"}
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    case "multiple-choice": {
      const selected = answer?.type === "multiple-choice" ? answer.selected : [];
      return (
        <fieldset disabled={disabled} onKeyDown={onChoiceKey}>
          {legend(question.prompt)}
          <p className="mb-2 text-sm text-fg-muted">
            {question.multiple ? "Select all that apply." : "Choose one."} (keys{" "}
            {LETTERS.slice(0, question.options.length).split("").join(", ")})
          </p>
          <div className="space-y-2">
            {question.options.map((option, index) => (
              <label
                key={option.id}
                className="flex cursor-pointer items-start gap-3 rounded-md border border-border px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
              >
                <input
                  type={question.multiple ? "checkbox" : "radio"}
                  name={`${id}-mc`}
                  className="mt-1"
                  checked={selected.includes(option.id)}
                  onChange={(event) => {
                    const next = question.multiple
                      ? event.target.checked
                        ? [...selected, option.id]
                        : selected.filter((item) => item !== option.id)
                      : [option.id];
                    onChange({ type: "multiple-choice", selected: next }, true);
                  }}
                />
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <span aria-hidden="true" className="mr-2 font-mono text-fg-muted">
                    {LETTERS[index]}
                  </span>
                  <InlineText text={option.text} />
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    case "interview": {
      const text = answer?.type === "interview" ? answer.text : "";
      return (
        <fieldset disabled={disabled}>
          {legend(question.prompt)}
          <label htmlFor={`${id}-text`} className="mb-1 block text-sm text-fg-muted">
            Answer as you would in an interview: the key points, in your own words.
          </label>
          <textarea
            id={`${id}-text`}
            rows={8}
            maxLength={6000}
            value={text}
            onChange={(event) => onChange({ type: "interview", text: event.target.value }, false)}
            className="w-full rounded-md border border-border bg-bg p-2"
          />
          <p className="text-right text-xs text-fg-muted">{text.length} / 6000</p>
        </fieldset>
      );
    }
  }
}
