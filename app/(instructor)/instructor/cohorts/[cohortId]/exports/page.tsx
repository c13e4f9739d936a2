import type { Metadata } from "next";
import { CsvDownload } from "@/components/instructor/exports/csv-download";
import { ExportDescription } from "@/components/instructor/exports/export-description";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { loadExportCatalog } from "@/lib/instructor/exports-catalog";
import { exportRowCounts } from "@/lib/instructor/exports-data";
import { gradesHeader, RESPONSES_HEADER } from "@/lib/instructor/exports-rows";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const { user, cohort } = await requireTaughtCohort(cohortId, `/instructor/cohorts/${cohortId}/exports`);
  const [catalog, counts] = await Promise.all([loadExportCatalog(), exportRowCounts(db(), user, cohort.id)]);
  const base = `/instructor/cohorts/${cohort.id}/exports`;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Exports</h1>
      <p className="mt-1 max-w-3xl text-sm text-fg-muted">
        CSV files for a spreadsheet (UTF-8 with a byte order mark, so Excel shows accents correctly). Times
        are UTC. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
        return) starts with an apostrophe, so a learner&apos;s answer can never run on your computer.
      </p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <ExportDescription
          id="grades-export"
          title="Grades"
          summary={`One row per learner: ${counts.grades.toLocaleString("en-GB")} ${counts.grades === 1 ? "row" : "rows"} now. Quiz scores are from check-mode attempts only; practice (with hints and revealed answers) appears as checks used and answers shown.`}
          columns={gradesHeader(catalog)}
        >
          <CsvDownload href={`${base}/grades.csv`} label="Download grades.csv" testId="download-grades" />
        </ExportDescription>
        <ExportDescription
          id="responses-export"
          title="Responses"
          summary={`One row per answer in a submitted check-mode quiz attempt (practice and review attempts are not grades and are left out): ${counts.responses.toLocaleString("en-GB")} ${
            counts.responses === 1 ? "row" : "rows"
          } now. Scores are from 0 to 1 per question; the final score is the instructor's when there is one.`}
          columns={[...RESPONSES_HEADER]}
        >
          <CsvDownload
            href={`${base}/responses.csv`}
            label="Download responses.csv"
            testId="download-responses"
          />
        </ExportDescription>
      </div>
    </>
  );
}
