import type { SandboxLimits } from "@/lib/sandbox/quickjs-sandbox";

/** One submission to verify; the worker validates it against the lab again. */
export type VerifyJob = { labSlug: string; submission: unknown };
export type VerifyWorkerData = { limits: SandboxLimits };
