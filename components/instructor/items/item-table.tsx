import Link from "next/link";
import { flaggedFirst, type ItemAnalysis } from "@/lib/analytics/quiz-analysis";
import type { Question } from "@/lib/questions/schema";
import { FlagList } from "./flag-list";
import { decimal, excerpt, promptText, questionPath, TYPE_LABELS } from "./format";
import { withoutCodeMarks } from "@/lib/text/inline-code";

type Row = ItemAnalysis & { question: Question };

/** One quiz's questions, flagged ones first (warnings, then other flags), each linking to its response analysis. */
export function ItemTable({
  cohortId,
  quizTitle,
  items,
  questions,
}: {
  cohortId: string;
  quizTitle: string;
  items: readonly ItemAnalysis[];
  questions: readonly Question[];
}) {
  const rows: Row[] = flaggedFirst(items.map((item, index) => ({ ...item, question: questions[index]! })));
  const head = "px-2 py-2 font-semibold";
  return (
    <div className="relative mt-4 overflow-x-auto">
      <table className="w-full min-w-[44rem] border-collapse text-left text-sm" data-testid="item-table">
        <caption className="sr-only">Questions of {quizTitle}, flagged ones first</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className={`${head} pl-0`}>
              Question
            </th>
            <th scope="col" className={head}>
              Type
            </th>
            <th scope="col" className={`${head} text-right`}>
              n
            </th>
            <th scope="col" className={`${head} text-right`}>
              Facility
            </th>
            <th scope="col" className={`${head} text-right`}>
              <abbr title="Discrimination index: upper 27 % minus lower 27 %">D</abbr>
            </th>
            <th scope="col" className={`${head} text-right`}>
              <abbr title="Corrected item–total correlation (item against the rest of the quiz)">r</abbr>
            </th>
            <th scope="col" className={`${head} pr-0`}>
              Flags
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.questionId}
              className="border-b border-border align-top"
              data-testid={`item-${row.questionId}`}
            >
              <th scope="row" className="max-w-xs py-2 pr-2 font-normal">
                <Link
                  href={questionPath(cohortId, row.questionId)}
                  className="text-accent underline underline-offset-2"
                >
                  {excerpt(withoutCodeMarks(promptText(row.question)))}
                </Link>
              </th>
              <td className="px-2 py-2 whitespace-nowrap">{TYPE_LABELS[row.type]}</td>
              <td className="px-2 py-2 text-right tabular-nums">{row.responses}</td>
              <td className="px-2 py-2 text-right tabular-nums">{decimal(row.facility)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{decimal(row.discrimination)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{decimal(row.correctedItemTotal)}</td>
              <td className="min-w-[16rem] py-2 pl-2">
                <FlagList flags={row.flags} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
