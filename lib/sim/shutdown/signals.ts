import type { LaunchMode, ProcessName, Signal } from "./types";

/** Linux signal numbers (x86 and arm). */
export const SIGNAL_NUMBERS: Readonly<Record<Signal, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGTERM: 15,
};

/** A process killed by signal N reports exit code 128 + N: SIGKILL → 137, SIGTERM → 143. */
export function exitCodeForSignal(signal: Signal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

/** The process that is PID 1 and so receives the platform's signals. */
export function pid1(launch: LaunchMode): ProcessName {
  if (launch === "init") return "tini";
  if (launch === "npm") return "npm";
  return "node";
}
