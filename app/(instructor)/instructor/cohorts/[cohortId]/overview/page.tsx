import type { Metadata } from "next";
import { ChartSection, DataTable } from "@/components/instructor/charts/chart-section";
import { CompletionChart } from "@/components/instructor/charts/completion-chart";
import { LessonProgressChart } from "@/components/instructor/charts/lesson-progress-chart";
import { ScoreDistributionChart } from "@/components/instructor/charts/score-distribution-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { listLessons } from "@/lib/content/lessons";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { loadCohortStats } from "@/lib/instructor/cohort-stats-data";

export const metadata: Metadata = { title: "Cohort charts" };

export default async function CohortOverviewPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const { user, cohort } = await requireTaughtCohort(cohortId, `/instructor/cohorts/${cohortId}/overview`);
  const lessons = await listLessons();
  const stats = await loadCohortStats(db(), user, cohort.id, lessons);

  const heading = (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Charts</h1>
      <p className="mt-1 max-w-3xl text-sm text-fg-muted">
        How the cohort&apos;s {stats.learnerCount} {stats.learnerCount === 1 ? "learner is" : "learners are"}{" "}
        doing. Each chart has its numbers as a table below it; days are UTC.
      </p>
    </>
  );
  if (stats.learnerCount === 0) {
    return (
      <>
        {heading}
        <EmptyState title="No learners yet">
          Charts appear once learners join with the code <span className="font-mono">{cohort.joinCode}</span>{" "}
          and start working.
        </EmptyState>
      </>
    );
  }

  const { scores, timeline, lessons: lessonStats } = stats;
  return (
    <div className="grid gap-6">
      <div>{heading}</div>
      <ChartSection
        id="score-distribution"
        title="Score distribution"
        takeaway={scores.takeaway}
        empty={
          scores.learnersWithScores === 0
            ? "The histogram appears after the first quiz is submitted."
            : undefined
        }
        chart={<ScoreDistributionChart bins={scores.bins} />}
        table={
          <DataTable
            caption="Learners by average quiz score (best attempt per quiz)"
            columns={["Average quiz score", "Learners"]}
            rows={scores.bins.map((bin) => ({
              key: bin.label,
              label: `${bin.label} %`,
              values: [bin.learners],
            }))}
          />
        }
      />
      <ChartSection
        id="completion-over-time"
        title="Completion over time"
        takeaway={timeline.takeaway}
        empty={timeline.hasActivity ? undefined : "Nothing has happened in this cohort yet."}
        chart={<CompletionChart points={timeline.points} />}
        table={
          <DataTable
            caption="Lessons completed (running total) and learners active, per day (UTC)"
            columns={["Day (UTC)", "Lessons completed (total)", "Learners active"]}
            rows={timeline.points.map((point) => ({
              key: point.day,
              label: point.day,
              values: [point.completions, point.active],
            }))}
          />
        }
      />
      <ChartSection
        id="lesson-progress"
        title="Progress per lesson"
        takeaway={lessonStats.takeaway}
        chart={<LessonProgressChart bars={lessonStats.bars} />}
        table={
          <DataTable
            caption={`Learners per lesson (${stats.learnerCount} in the cohort)`}
            columns={["Lesson", "Completed", "In progress", "Not started"]}
            rows={lessonStats.bars.map((bar, index) => ({
              key: bar.slug,
              label: `${index + 1}. ${bar.title}`,
              values: [bar.completed, bar.inProgress, bar.notStarted],
            }))}
          />
        }
      />
    </div>
  );
}
