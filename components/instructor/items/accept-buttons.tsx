"use client";
import { acceptTypedAnswer, removeAcceptedTypedAnswer } from "./actions";
import { ConfirmButton } from "./confirm-button";
import { questionPath } from "./format";

type Target = { cohortId: string; questionId: string };

/**
 * "Accept in this cohort" on a wrong typed answer's row (and, for administrators, "Accept in every
 * cohort"). Only the typed answer and ids reach the browser; the server checks who may do which.
 */
export function AcceptAnswerButton({
  cohortId,
  questionId,
  blankIndex,
  answer,
  scope = "cohort",
}: Target & { blankIndex: number; answer: string; scope?: "cohort" | "course" }) {
  const where = scope === "course" ? "in every cohort" : "in this cohort";
  return (
    <ConfirmButton
      label={scope === "course" ? "Accept in every cohort" : "Accept in this cohort"}
      question={`Accept “${answer}” in blank ${blankIndex + 1} ${where}? The past submitted answers to this question of ${scope === "course" ? "every learner" : "this cohort's learners"} are regraded now, and their future answers count it too. Instructor overrides stay as they are.`}
      confirmLabel="Accept and regrade"
      run={() => acceptTypedAnswer({ cohortId, questionId, blankIndex, answer, scope })}
      doneHref={(changed) => `${questionPath(cohortId, questionId)}?done=accepted&changed=${changed}`}
      testId={scope === "course" ? "accept-answer-course" : "accept-answer"}
    />
  );
}

/** Undo of an accepted answer. */
export function RemoveAcceptedButton({
  cohortId,
  questionId,
  acceptedAnswerId,
  answer,
}: Target & { acceptedAnswerId: string; answer: string }) {
  return (
    <ConfirmButton
      label="Remove"
      question={`Stop accepting “${answer}”? The past submitted answers it applied to are regraded without it. Instructor overrides stay as they are.`}
      confirmLabel="Remove and regrade"
      run={() => removeAcceptedTypedAnswer({ cohortId, acceptedAnswerId })}
      doneHref={(changed) => `${questionPath(cohortId, questionId)}?done=removed&changed=${changed}`}
      testId="remove-accepted"
    />
  );
}
