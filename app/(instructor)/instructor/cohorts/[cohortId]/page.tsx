import type { Metadata } from "next";
import { JoinLink } from "@/components/instructor/cohort-list-join-link";
import { LessonLegend } from "@/components/instructor/roster/roster-cells";
import { RosterView } from "@/components/instructor/roster/roster-view";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { loadRosterCourse } from "@/lib/instructor/roster-course";
import { loadRoster } from "@/lib/instructor/roster-data";
import { INACTIVE_AFTER_DAYS, PROGRESS_WEIGHTS } from "@/lib/instructor/roster-matrix";

export const metadata: Metadata = { title: "Roster" };

type Props = { params: Promise<{ cohortId: string }> };

const weight = (share: number) => `${Math.round(share * 100)}%`;

/** The roster: one aggregate load on the server, sorting and filtering in the browser. */
export default async function RosterPage({ params }: Props) {
  const { cohortId } = await params;
  const { user } = await requireTaughtCohort(cohortId, `/instructor/cohorts/${cohortId}`);
  const course = await loadRosterCourse();
  const now = new Date();
  const { cohort, rows } = await loadRoster(db(), user, cohortId, course, now);

  if (rows.length === 0) {
    return (
      <section aria-labelledby="roster-heading">
        <h1 id="roster-heading" className="text-2xl font-bold tracking-tight">
          Roster
        </h1>
        <EmptyState title="No learners yet">
          <p>
            Learners join with the code{" "}
            <span className="font-mono font-semibold text-fg">{cohort.joinCode}</span> or this link:
          </p>
          <p className="mt-2">
            <JoinLink joinCode={cohort.joinCode} cohortName={cohort.name} />
          </p>
        </EmptyState>
      </section>
    );
  }

  return (
    <section aria-labelledby="roster-heading">
      <h1 id="roster-heading" className="text-2xl font-bold tracking-tight">
        Roster
      </h1>
      <p className="mt-1 max-w-3xl text-sm text-fg-muted" data-testid="progress-formula">
        Overall progress weighs lessons completed {weight(PROGRESS_WEIGHTS.lessons)}, quiz scores{" "}
        {weight(PROGRESS_WEIGHTS.quizzes)} (the best submitted score of each lesson quiz; a quiz not taken
        counts 0) and labs passed {weight(PROGRESS_WEIGHTS.labs)}. Finished means every lesson completed;
        inactive means not finished and nothing done for {INACTIVE_AFTER_DAYS}+ days (counted from joining if
        never active).
      </p>
      <div className="mt-2">
        <LessonLegend />
      </div>
      <RosterView cohortId={cohort.id} course={course} rows={rows} now={now.getTime()} />
    </section>
  );
}
