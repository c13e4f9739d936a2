import type { CheckResult } from "../result-types";
import type { TextDetails } from "./result";

/**
 * What a text runner hands back: judged checks, or a reason nothing could be judged (the text
 * does not parse, the answer is missing), with whatever details are worth showing either way.
 */
export type TextOutcome =
  | { checks: CheckResult[]; details: TextDetails; headline?: string; failed?: undefined }
  | { failed: string; details: TextDetails };
