import type { ResponseAnalysis, ResponseRow } from "@/lib/analytics/response-analysis";
import { AcceptAnswerButton } from "./accept-buttons";
import { percent } from "./format";

type Props = { cohortId: string; questionId: string; analysis: ResponseAnalysis; administrator?: boolean };

const head = "px-2 py-2 font-semibold";

/** How often each answer was given, with its share and whether it scores; fill-in rows can be accepted. */
export function ResponseTables({ cohortId, questionId, analysis, administrator = false }: Props) {
  switch (analysis.type) {
    case "interview":
      return (
        <p className="mt-3 text-fg-muted">
          {analysis.responses} free-text answers. Read and grade them in the Grading tab.
        </p>
      );
    case "fill-in":
      return (
        <>
          {analysis.blanks.map(({ blankIndex, rows }) => (
            <ResponseTable
              key={blankIndex}
              caption={analysis.blanks.length > 1 ? `Blank ${blankIndex + 1}` : "Typed answers"}
              answerHeading="Typed answer (grouped as the grader compares them)"
              rows={rows}
              action={(row) =>
                row.key !== "" && !row.scores ? (
                  <div className="flex flex-wrap gap-1">
                    <AcceptAnswerButton
                      cohortId={cohortId}
                      questionId={questionId}
                      blankIndex={blankIndex}
                      answer={row.label}
                    />
                    {administrator && (
                      <AcceptAnswerButton
                        cohortId={cohortId}
                        questionId={questionId}
                        blankIndex={blankIndex}
                        answer={row.label}
                        scope="course"
                      />
                    )}
                  </div>
                ) : null
              }
            />
          ))}
        </>
      );
    default:
      return (
        <>
          <ResponseTable
            caption={analysis.type === "multiple-choice" ? "Options chosen" : "Answers given"}
            answerHeading={analysis.type === "multiple-choice" ? "Option" : "Answer"}
            rows={analysis.rows}
          />
          {analysis.unanswered > 0 && (
            <p className="mt-2 text-sm text-fg-muted">No answer: {analysis.unanswered}.</p>
          )}
          {analysis.type === "multiple-choice" && (
            <p className="mt-1 text-sm text-fg-muted">
              Shares can add up to more than 100 % when several options may be ticked.
            </p>
          )}
        </>
      );
  }
}

function ResponseTable({
  caption,
  answerHeading,
  rows,
  action,
}: {
  caption: string;
  answerHeading: string;
  rows: readonly ResponseRow[];
  action?: (row: ResponseRow) => React.ReactNode;
}) {
  return (
    // Focusable so keyboard users can scroll it sideways on a phone (it may hold no link or button).
    <div className="relative mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[32rem] border-collapse text-left text-sm" data-testid="response-table">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className={`${head} pl-0`}>
              {answerHeading}
            </th>
            <th scope="col" className={`${head} text-right`}>
              Given by
            </th>
            <th scope="col" className={head}>
              Share
            </th>
            <th scope="col" className={head}>
              Scores
            </th>
            {action && (
              <th scope="col" className={`${head} pr-0`}>
                Action
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-border align-top" data-testid="response-row">
              <th scope="row" className="py-2 pr-2 font-normal">
                {row.key === "" ? (
                  <span className="text-fg-muted italic">(left empty)</span>
                ) : (
                  /* Typed by learners: rendered as text, never as HTML. */
                  <span className="font-mono break-all">{labelOf(row)}</span>
                )}
              </th>
              <td className="px-2 py-2 text-right tabular-nums">{row.count}</td>
              <td className="px-2 py-2">
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block h-2 w-20 overflow-hidden rounded bg-bg-muted"
                  >
                    <span
                      className={`block h-full ${row.scores ? "bg-success" : "bg-fg-muted"}`}
                      style={{ width: `${Math.min(100, Math.round(row.share * 100))}%` }}
                    />
                  </span>
                  <span className="tabular-nums">{percent(row.share)}</span>
                </span>
              </td>
              <td className="px-2 py-2">
                {row.scores ? <span className="font-semibold text-success">Yes</span> : <span>No</span>}
              </td>
              {action && <td className="py-2 pl-2">{action(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Options show their letter; typed answers their most common spelling. */
function labelOf(row: ResponseRow): string {
  return /^[a-z]$/.test(row.key) ? `${row.key.toUpperCase()}. ${row.label}` : row.label;
}
