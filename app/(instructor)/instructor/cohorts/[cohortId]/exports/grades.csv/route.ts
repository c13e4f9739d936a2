import { csvExportResponse } from "@/lib/instructor/exports-response";

// One row per learner; access, headers and streaming are in csvExportResponse.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  return csvExportResponse(cohortId, "grades");
}
