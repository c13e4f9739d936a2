import Link from "next/link";
import type { CohortSummary } from "@/lib/cohorts/queries";
import { rosterPath } from "@/lib/cohorts/paths";
import { JoinLink } from "./cohort-list-join-link";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The cohorts an instructor teaches, with what learners need to join each. */
export function CohortList({ cohorts }: { cohorts: CohortSummary[] }) {
  return (
    <div className="relative mt-4 overflow-x-auto">
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm" data-testid="cohort-table">
        <caption className="sr-only">Cohorts you teach</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Cohort
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Join code
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Join link
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Instructor invite code
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Learners
            </th>
            <th scope="col" className="py-2 font-semibold">
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.id} className="border-b border-border">
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={rosterPath(cohort.id)} className="underline underline-offset-2">
                  {cohort.name}
                </Link>
              </th>
              <td className="py-2 pr-4 font-mono">{cohort.joinCode}</td>
              <td className="py-2 pr-4">
                <JoinLink joinCode={cohort.joinCode} cohortName={cohort.name} />
              </td>
              <td className="py-2 pr-4">
                {/* Only for co-instructors: the join code above always makes learners. */}
                <span className="font-mono" data-testid="instructor-code">
                  {cohort.instructorCode}
                </span>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{cohort.learnerCount}</td>
              <td className="whitespace-nowrap py-2">
                <time dateTime={cohort.createdAt.toISOString()}>{dateFormat.format(cohort.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
