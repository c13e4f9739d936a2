import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { csvStream, type CsvCell } from "@/lib/export/csv";
import { csvFileName } from "@/lib/export/filename";
import { logger } from "@/lib/observability/logger";
import { loadExportCatalog } from "./exports-catalog";
import { gradesExport, responsesExport } from "./exports-data";
import { cohortAccessForRequest } from "./route-guard";

export type ExportKind = "grades" | "responses";

/** Lets the exports page show "1,200 of 60,000 rows" while the file streams in. */
export const TOTAL_ROWS_HEADER = "X-Total-Rows";

const CohortIdSchema = z.string().min(1).max(100);

/**
 * GET /instructor/cohorts/[cohortId]/exports/{grades,responses}.csv. In this order: a well-formed id
 * (else 404), a signed-in instructor of this cohort (401/403/404 JSON), then the row count, then the
 * CSV streamed batch by batch.
 */
export async function csvExportResponse(cohortIdParam: string, kind: ExportKind): Promise<Response> {
  const cohortId = CohortIdSchema.safeParse(cohortIdParam);
  if (!cohortId.success)
    return Response.json(
      { error: "There is no such cohort." },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  const access = await cohortAccessForRequest(cohortId.data);
  if (!access.ok) return access.response;

  const catalog = await loadExportCatalog();
  const build = kind === "grades" ? gradesExport : responsesExport;
  const csv = await build(db(), access.user, access.cohort.id, catalog);
  const fileName = csvFileName(csv.cohort.name, kind, new Date());
  return new Response(csvStream(csv.header, logFailures(csv.batches, kind, csv.cohort.id)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      [TOTAL_ROWS_HEADER]: String(csv.totalRows),
    },
  });
}

/** A failure mid-stream can no longer change the status code: log it; the browser sees a cut-off download. */
async function* logFailures(
  batches: AsyncIterable<CsvCell[][]>,
  kind: ExportKind,
  cohortId: string,
): AsyncGenerator<CsvCell[][]> {
  try {
    yield* batches;
  } catch (error) {
    logger().error({ err: error, kind, cohortId }, "CSV export failed while streaming");
    throw error;
  }
}
