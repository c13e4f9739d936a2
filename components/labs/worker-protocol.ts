import type { LabResult } from "@/lib/labs/result-types";

export type LabSubmission = {
  labSlug: string;
  code?: string;
  params?: Record<string, number>;
  text?: string;
  answer?: { cause: string; fix: string };
};
/** `experiment`: also run the learner's variation of the scenario (never graded, never submitted). */
export type WorkerRequest = { id: number; labSlug: string; submission: LabSubmission; experiment?: unknown };
export type WorkerReply =
  { id: number; ok: true; result: LabResult } | { id: number; ok: false; error: string };
