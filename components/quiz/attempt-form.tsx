"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Answer } from "@/lib/grading/answer-schema";
import type { PracticeFeedback } from "@/lib/questions/practice";
import type { PublicQuestion } from "@/lib/questions/public-view";
import { checkAnswer, revealAnswer, submitQuiz } from "./actions";
import { saveSummary, useAttempt } from "./attempt-store";
import { PracticeFeedbackView } from "./practice-feedback";
import { QuestionInput } from "./question-input";
import { unansweredCount } from "./unanswered";

type Props = {
  attemptId: string;
  mode: "practice" | "check";
  questions: PublicQuestion[];
  saved: Record<string, Answer>;
  feedback: Record<string, PracticeFeedback>;
};

export function AttemptForm({ attemptId, mode, questions, saved, feedback }: Props) {
  const router = useRouter();
  const { answers, saveState, saveError, init, setAnswer, setFeedback, flush } = useAttempt();
  const feedbackById = useAttempt((state) => state.feedback);
  const [checking, setChecking] = useState<string | null>(null);
  const [hintsShown, setHintsShown] = useState<Record<string, boolean>>({});
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmBlank, setConfirmBlank] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const sectionRefs = useRef<Record<string, HTMLElement | null>>({});

  useEffect(() => {
    init(attemptId, saved, feedback);
  }, [attemptId, saved, feedback, init]);

  const summary = saveSummary(saveState);
  const answeredCount = questions.filter((question) => answers[question.id]).length;

  function focusNext(index: number) {
    const next = questions[index + 1];
    const target = next ? sectionRefs.current[next.id] : document.getElementById("submit-attempt");
    const focusable = target?.querySelector<HTMLElement>("input, textarea, button") ?? target;
    focusable?.focus();
  }

  async function check(question: PublicQuestion, index: number) {
    const answer = answers[question.id];
    if (!answer) {
      setAnnouncement(`Question ${index + 1}: answer it first.`);
      return;
    }
    setChecking(question.id);
    const result = await checkAnswer({ attemptId, questionId: question.id, answer }).catch(() => null);
    setChecking(null);
    if (!result) {
      setAnnouncement("Could not reach the server to check this answer. Try again.");
      return;
    }
    if (!result.ok) {
      setAnnouncement(result.error);
      return;
    }
    setFeedback(question.id, result.value);
    const verdict =
      result.value.score >= 1 ? "correct" : result.value.score > 0 ? "partly correct" : "not correct";
    const next = result.value.revealed
      ? " The answer is shown."
      : result.value.hints.length
        ? " A hint is shown."
        : "";
    setAnnouncement(`Question ${index + 1}: ${verdict}.${next}`);
  }

  async function reveal(question: PublicQuestion, index: number) {
    setChecking(question.id);
    const result = await revealAnswer({ attemptId, questionId: question.id }).catch(() => null);
    setChecking(null);
    if (!result || !result.ok) {
      setAnnouncement(result ? result.error : "Could not reach the server. Try again.");
      return;
    }
    setFeedback(question.id, result.value);
    setAnnouncement(`Question ${index + 1}: the answer is shown.`);
  }

  async function submit(confirmed = false) {
    const blank = unansweredCount(questions, answers);
    if (blank > 0 && !confirmed) {
      setConfirmBlank(true);
      return;
    }
    setConfirmBlank(false);
    setSubmitting(true);
    setMessage(null);
    const allSaved = await flush();
    if (!allSaved) {
      setSubmitting(false);
      setMessage(
        "Some answers are not saved yet, so the quiz was not submitted. Check your connection; saving retries on its own.",
      );
      return;
    }
    const result = await submitQuiz({ attemptId }).catch(() => null);
    if (!result || !result.ok) {
      setSubmitting(false);
      setMessage(
        result ? result.error : "Could not reach the server. Your answers are saved; try submitting again.",
      );
      return;
    }
    router.refresh();
    window.scrollTo({ top: 0 });
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="mt-6 space-y-6"
      aria-describedby="save-status"
    >
      <div className="z-10 flex flex-wrap sm:sticky sm:top-14 items-center justify-between gap-2 rounded-lg border border-border bg-bg/95 px-3 py-2 text-sm backdrop-blur">
        <span>
          {answeredCount} of {questions.length} answered
        </span>
        <span
          id="save-status"
          role="status"
          data-testid="save-status"
          className={summary.tone === "warn" ? "font-semibold text-warning" : "text-fg-muted"}
        >
          {summary.text}
        </span>
      </div>
      <p aria-live="polite" className="sr-only" data-testid="announcer">
        {announcement}
      </p>

      <ol className="space-y-6">
        {questions.map((question, index) => {
          const shown = feedbackById[question.id];
          const hint = "hint" in question ? question.hint : undefined;
          return (
            <li
              key={question.id}
              ref={(element) => {
                sectionRefs.current[question.id] = element;
              }}
              className="rounded-xl border border-border p-4"
              data-testid={`question-${question.id}`}
              data-question-type={question.type}
            >
              <QuestionInput
                question={question}
                number={index + 1}
                answer={answers[question.id]}
                disabled={submitting}
                onChange={(answer, immediate) => setAnswer(question.id, answer, { immediate })}
                onEnter={() => (mode === "practice" ? void check(question, index) : focusNext(index))}
              />
              {saveState[question.id] === "failed" && (
                <p role="alert" className="mt-2 text-sm text-danger">
                  {saveError[question.id]}
                </p>
              )}
              {mode === "practice" && (
                <div className="mt-3 flex flex-wrap gap-2">
                  <button
                    type="button"
                    onClick={() => void check(question, index)}
                    disabled={checking === question.id || Boolean(shown?.revealed && shown.score < 1)}
                    className="rounded-md border border-accent px-3 py-1.5 text-sm font-semibold text-accent hover:bg-accent-soft disabled:opacity-60"
                  >
                    {checking === question.id ? "Checking…" : shown ? "Check again" : "Check answer"}
                  </button>
                  {!shown?.revealed && (
                    <button
                      type="button"
                      onClick={() => void reveal(question, index)}
                      disabled={checking === question.id}
                      className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-bg-muted disabled:opacity-60"
                    >
                      Show answer
                    </button>
                  )}
                  {hint && !hintsShown[question.id] && (
                    <button
                      type="button"
                      onClick={() => setHintsShown((state) => ({ ...state, [question.id]: true }))}
                      className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-bg-muted"
                    >
                      Show a hint
                    </button>
                  )}
                </div>
              )}
              {hint && hintsShown[question.id] && (
                <p className="mt-2 rounded border-l-4 border-accent bg-accent-soft p-2 text-sm">
                  <strong>Hint:</strong> {hint}
                </p>
              )}
              {shown && <PracticeFeedbackView feedback={shown} />}
            </li>
          );
        })}
      </ol>

      {confirmBlank && (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-warning bg-warning-soft p-3"
          data-testid="confirm-blank"
        >
          <p>
            {unansweredCount(questions, answers) === 1
              ? "1 question has no answer"
              : `${unansweredCount(questions, answers)} questions have no answer`}
            ; unanswered questions score 0. Submit anyway?
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => void submit(true)}
              className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90"
            >
              Submit anyway
            </button>
            <button
              type="button"
              autoFocus
              onClick={() => setConfirmBlank(false)}
              className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-bg-muted"
            >
              Keep answering
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-danger">
          {message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          id="submit-attempt"
          type="submit"
          disabled={submitting}
          className="rounded-md bg-accent px-5 py-2.5 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
        >
          {submitting ? "Submitting…" : mode === "practice" ? "Finish and see results" : "Submit answers"}
        </button>
        <span className="text-sm text-fg-muted">
          {mode === "check"
            ? "Feedback comes after you submit."
            : "Finishing records your score and schedules reviews of what you missed."}
        </span>
      </div>
    </form>
  );
}
