import { CODE_CHECK_LABEL } from "@/lib/labs/evaluate";
import type { CheckResult, LabResult } from "@/lib/labs/result-types";

/** The line a learner's code error points at, when the sandbox knew it. */
export function errorLineOf(result: LabResult): { line: number | null; message: string } | null {
  const check = result.checks.find((candidate) => candidate.label === CODE_CHECK_LABEL && !candidate.passed);
  return check ? errorOfCheck(check) : null;
}

/** A failed code check's detail split into its message and line. */
export function errorOfCheck(check: CheckResult): { line: number | null; message: string } {
  const match = /\(line (\d+)\)$/.exec(check.detail);
  return { line: match ? Number(match[1]) : null, message: check.detail.replace(/\s*\(line \d+\)$/, "") };
}

export function Icon({ passed }: { passed: boolean }) {
  return passed ? (
    <svg
      viewBox="0 0 16 16"
      className="mt-1 h-4 w-4 shrink-0 text-success"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M3 8.5l3 3 7-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  ) : (
    <svg
      viewBox="0 0 16 16"
      className="mt-1 h-4 w-4 shrink-0 text-danger"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M4 4l8 8M12 4l-8 8"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function CheckList({ checks }: { checks: CheckResult[] }) {
  return (
    <ul className="mt-2 space-y-2" data-testid="check-list">
      {checks.map((check, index) => (
        <li key={index} className="flex gap-2" data-passed={String(check.passed)}>
          <Icon passed={check.passed} />
          <div>
            <p>
              <span className={`font-semibold ${check.passed ? "text-success" : "text-danger"}`}>
                {check.passed ? "Passed" : "Failed"}:
              </span>{" "}
              {check.label}
            </p>
            <p className="text-sm text-fg-muted">{check.detail}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

type CodeError = NonNullable<ReturnType<typeof errorLineOf>>;

export function CodeErrorNote({
  error,
  onGoToLine,
}: {
  error: CodeError;
  onGoToLine?: (line: number) => void;
}) {
  return (
    <div
      role="note"
      className="mt-3 rounded-md border border-danger bg-danger-soft p-3 text-sm"
      data-testid="code-error"
    >
      <p className="font-semibold text-danger">
        Error in your code{error.line !== null ? ` at line ${error.line}` : ""}
      </p>
      <p className="mt-1 font-mono">{error.message}</p>
      {error.line !== null && onGoToLine && (
        <button
          type="button"
          onClick={() => onGoToLine(error.line as number)}
          className="mt-2 rounded border border-border bg-bg px-2 py-1 text-sm hover:bg-bg-muted"
        >
          Go to line {error.line}
        </button>
      )}
    </div>
  );
}
