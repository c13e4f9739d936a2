import Link from "next/link";
import { learnerPath } from "@/lib/cohorts/paths";
import type { RosterCourse } from "@/lib/instructor/roster-data";
import type { RosterRow, RosterTotals, SortDirection, SortKey } from "@/lib/instructor/roster-matrix";
import { LessonMark, ProgressBar, QuizScore } from "./roster-cells";
import { LabsSummary } from "./roster-labs-cell";
import { daysAgo, exactDate, percent } from "./roster-format";

type Sort = { key: SortKey; direction: SortDirection };

type Props = {
  cohortId: string;
  course: RosterCourse;
  rows: readonly RosterRow[];
  totals: RosterTotals;
  now: number;
  sort: Sort;
  onSort: (key: SortKey) => void;
};

const cell = "border-b border-border px-2 py-1.5";
const stickyCell = "sticky left-0 z-10 bg-bg";

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className = "",
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
  className?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      rowSpan={2}
      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
      className={`${cell} align-bottom font-semibold ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? "text-fg" : "text-fg-muted"}>
          {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

/** Learners × lessons, quizzes and labs; the footer row totals what is shown. */
export function RosterTable({ cohortId, course, rows, totals, now, sort, onSort }: Props) {
  const sortProps = { sort, onSort };
  return (
    <div className="relative mt-4 overflow-x-auto rounded-xl border border-border">
      <table className="w-max min-w-full border-collapse text-left text-sm" data-testid="roster-table">
        <caption className="sr-only">
          Progress of each learner: lessons, best check-mode quiz scores, labs passed and last activity
        </caption>
        <thead className="bg-bg-subtle">
          <tr>
            <SortHeader
              label="Learner"
              sortKey="name"
              className={`${stickyCell} bg-bg-subtle`}
              {...sortProps}
            />
            <SortHeader label="Progress" sortKey="progress" {...sortProps} />
            <SortHeader label="Last active" sortKey="lastActive" {...sortProps} />
            <SortHeader label="Quiz avg" sortKey="quizAverage" {...sortProps} />
            <th scope="col" rowSpan={2} className={`${cell} align-bottom font-semibold`}>
              Labs
            </th>
            <th
              scope="colgroup"
              colSpan={course.lessons.length}
              className={`${cell} text-center font-semibold`}
            >
              Lessons
            </th>
            <th
              scope="colgroup"
              colSpan={course.quizzes.length}
              className={`${cell} text-center font-semibold`}
            >
              Quizzes (best, check mode)
            </th>
          </tr>
          <tr>
            {course.lessons.map((lesson, i) => (
              <th
                key={lesson.slug}
                scope="col"
                title={lesson.title}
                className={`${cell} text-center font-medium`}
              >
                <span aria-hidden="true">{i + 1}</span>
                <span className="sr-only">
                  Lesson {i + 1}: {lesson.title}
                </span>
              </th>
            ))}
            {course.quizzes.map((quiz) => {
              const number = course.lessons.findIndex((lesson) => lesson.slug === quiz.slug) + 1;
              return (
                <th
                  key={quiz.slug}
                  scope="col"
                  title={`Quiz: ${quiz.title}`}
                  className={`${cell} text-right font-medium`}
                >
                  <span aria-hidden="true">Q{number}</span>
                  <span className="sr-only">
                    Quiz {number}: {quiz.title}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-bg-subtle" data-testid="roster-row">
              <th scope="row" className={`${cell} ${stickyCell} max-w-[11rem] font-medium sm:max-w-[16rem]`}>
                <Link
                  href={learnerPath(cohortId, row.id)}
                  className="block truncate underline underline-offset-2"
                >
                  {row.name}
                </Link>
                <span className="block truncate text-xs font-normal text-fg-muted">{row.email}</span>
              </th>
              <td className={cell}>
                <ProgressBar value={row.progress} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                {row.lastActiveAt === null ? (
                  <span className="text-fg-muted">never</span>
                ) : (
                  <time
                    dateTime={new Date(row.lastActiveAt).toISOString()}
                    title={exactDate.format(row.lastActiveAt)}
                  >
                    {daysAgo(row.lastActiveAt, now)}
                  </time>
                )}
                {row.inactive && (
                  <span className="ml-2 rounded bg-warning-soft px-1.5 py-0.5 text-xs font-medium text-warning">
                    inactive
                  </span>
                )}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{percent(row.quizAverage)}</td>
              <td className={cell}>
                <LabsSummary labs={course.labs} cells={row.labs} />
              </td>
              {row.lessons.map((status, i) => (
                <td key={course.lessons[i]?.slug ?? i} className={`${cell} text-center`}>
                  <LessonMark status={status} />
                </td>
              ))}
              {row.quizzes.map((score, i) => (
                <td key={course.quizzes[i]?.slug ?? i} className={`${cell} text-right tabular-nums`}>
                  <QuizScore score={score} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-bg-subtle font-medium" data-testid="roster-totals">
          <tr>
            <th scope="row" className={`${cell} ${stickyCell} bg-bg-subtle`}>
              Totals ({totals.learners} {totals.learners === 1 ? "learner" : "learners"})
            </th>
            <td className={`${cell} tabular-nums`}>avg {percent(totals.averageProgress)}</td>
            <td className={cell} />
            <td className={`${cell} text-right tabular-nums`}>{percent(totals.averageQuizAverage)}</td>
            <td className={`${cell} whitespace-nowrap tabular-nums`}>
              avg {totals.averageLabsPassed === null ? "—" : totals.averageLabsPassed.toFixed(1)}/
              {course.labs.length}
            </td>
            {totals.lessonsCompleted.map((count, i) => (
              <td key={course.lessons[i]?.slug ?? i} className={`${cell} text-center tabular-nums`}>
                {count}
                <span className="sr-only"> completed</span>
              </td>
            ))}
            {totals.quizAverages.map((average, i) => (
              <td
                key={course.quizzes[i]?.slug ?? i}
                className={`${cell} text-right tabular-nums`}
                title={`${totals.quizTakers[i] ?? 0} took it`}
              >
                {percent(average)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
