import type { LabResult } from "@/lib/labs/result-types";

export type LabSubmission = { labSlug: string; code?: string; params?: Record<string, number> };
export type WorkerRequest = { id: number; labSlug: string; submission: LabSubmission };
export type WorkerReply = { id: number; ok: true; result: LabResult } | { id: number; ok: false; error: string };
