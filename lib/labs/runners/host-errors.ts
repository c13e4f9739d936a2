import type { GuestError } from "@/lib/sandbox/quickjs-sandbox";

/**
 * Deep recursion in learner code can exhaust the host's own stack before QuickJS's limit trips:
 * V8 then throws a RangeError straight out of the sandbox instead of a guest error. It is the
 * learner's mistake, so it is reported like one.
 */
export function hostStackOverflow(error: unknown): GuestError | null {
  if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) return null;
  return {
    kind: "runtime",
    line: null,
    message: "RangeError: Maximum call stack size exceeded. Is there a recursion that never ends?",
  };
}

/**
 * After such an overflow QuickJS asserts on dispose ("Aborted(Assertion failed: …)"): the
 * runtime is abandoned as it is. Any other failure to dispose is a real bug and is rethrown.
 */
export function disposeAfterRun(dispose: () => void): void {
  try {
    dispose();
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith("Aborted("))) throw error;
  }
}
