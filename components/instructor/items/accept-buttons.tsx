"use client";
import { acceptTypedAnswer, removeAcceptedTypedAnswer } from "./actions";
import { ConfirmButton } from "./confirm-button";
import { questionPath } from "./format";

type Target = { cohortId: string; questionId: string };

/** "Accept for everyone" on a wrong typed answer's row. Only the typed answer and ids reach the browser. */
export function AcceptAnswerButton({
  cohortId,
  questionId,
  blankIndex,
  answer,
}: Target & { blankIndex: number; answer: string }) {
  return (
    <ConfirmButton
      label="Accept for everyone"
      question={`Accept “${answer}” in blank ${blankIndex + 1} for everyone? Every learner's past submitted answers to this question, in every cohort, are regraded now, and future answers count it too. Instructor overrides stay as they are.`}
      confirmLabel="Accept and regrade"
      run={() => acceptTypedAnswer({ cohortId, questionId, blankIndex, answer })}
      doneHref={(changed) => `${questionPath(cohortId, questionId)}?done=accepted&changed=${changed}`}
      testId="accept-answer"
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
      question={`Stop accepting “${answer}”? Every learner's past submitted answers to this question, in every cohort, are regraded without it. Instructor overrides stay as they are.`}
      confirmLabel="Remove and regrade"
      run={() => removeAcceptedTypedAnswer({ cohortId, acceptedAnswerId })}
      doneHref={(changed) => `${questionPath(cohortId, questionId)}?done=removed&changed=${changed}`}
      testId="remove-accepted"
    />
  );
}
