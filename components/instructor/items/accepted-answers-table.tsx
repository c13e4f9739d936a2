import type { AcceptedAnswerView } from "@/lib/instructor/item-analysis-data";
import { RemoveAcceptedButton } from "./accept-buttons";

type Props = {
  cohortId: string;
  questionId: string;
  accepted: readonly AcceptedAnswerView[];
  blanks: number;
  /** Course-wide answers can be removed only by administrators (the server checks too). */
  administrator?: boolean;
};

/** Answers instructors accepted for everyone, with an undo each. */
export function AcceptedAnswersTable({
  cohortId,
  questionId,
  accepted,
  blanks,
  administrator = false,
}: Props) {
  if (accepted.length === 0)
    return (
      <p className="mt-2 text-fg-muted">
        None yet. Accept a wrong typed answer from the table above if it is right.
      </p>
    );
  const head = "px-2 py-2 font-semibold";
  return (
    <div className="relative mt-2 overflow-x-auto">
      <table
        className="w-full min-w-[32rem] border-collapse text-left text-sm"
        data-testid="accepted-answers"
      >
        <caption className="sr-only">Answers accepted for this cohort or every cohort</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className={`${head} pl-0`}>
              Answer
            </th>
            {blanks > 1 && (
              <th scope="col" className={head}>
                Blank
              </th>
            )}
            <th scope="col" className={head}>
              Where
            </th>
            <th scope="col" className={head}>
              Accepted by
            </th>
            <th scope="col" className={head}>
              On
            </th>
            <th scope="col" className={`${head} pr-0`}>
              Undo
            </th>
          </tr>
        </thead>
        <tbody>
          {accepted.map((row) => (
            <tr key={row.id} className="border-b border-border align-top">
              <th scope="row" className="py-2 pr-2 font-mono font-normal break-all">
                {row.answer}
              </th>
              {blanks > 1 && <td className="px-2 py-2">{row.blankIndex + 1}</td>}
              <td className="px-2 py-2">{row.cohortId ? "This cohort" : "Every cohort"}</td>
              <td className="px-2 py-2">{row.addedBy}</td>
              <td className="px-2 py-2 whitespace-nowrap">{row.createdAt.toISOString().slice(0, 10)}</td>
              <td className="py-2 pl-2">
                {row.cohortId || administrator ? (
                  <RemoveAcceptedButton
                    cohortId={cohortId}
                    questionId={questionId}
                    acceptedAnswerId={row.id}
                    answer={row.answer}
                  />
                ) : (
                  <span className="text-fg-muted">An administrator&apos;s</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
