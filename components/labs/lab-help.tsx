import { useId } from "react";
import { Heading } from "./heading";

export type RevealState = "idle" | "confirm" | "loading" | { explanation: string };

type Props = {
  /** The hints asked for so far. */
  hints: readonly string[];
  reveal: RevealState;
  what: string;
  headingLevel: number;
  onConfirm: () => void;
  onCancel: () => void;
};

const button =
  "rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-bg-muted disabled:opacity-60";
const primary =
  "rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60";

/** The confirmation before revealing the solution, the hints shown so far, and the solution's explanation. */
export function LabHelp({ hints, reveal, what, headingLevel, onConfirm, onCancel }: Props) {
  const ids = useId();
  return (
    <>
      {reveal === "confirm" && (
        <div
          role="group"
          aria-labelledby={`${ids}-reveal`}
          className="mt-4 rounded-md border border-warning bg-warning-soft p-3"
        >
          <p id={`${ids}-reveal`}>
            Reveal the worked solution? It replaces your {what} (a link with ?state= keeps your own version if
            you ran it).
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={primary} onClick={onConfirm} autoFocus>
              Yes, show the solution
            </button>
            <button type="button" className={button} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {hints.length > 0 && (
        <section aria-labelledby={`${ids}-hints`} className="mt-4">
          <Heading level={headingLevel} id={`${ids}-hints`} className="font-semibold">
            Hints
          </Heading>
          <ol className="mt-2 list-decimal space-y-2 pl-6">
            {hints.map((hint) => (
              <li key={hint} className="rounded border-l-4 border-accent bg-accent-soft p-2 text-sm">
                {hint}
              </li>
            ))}
          </ol>
        </section>
      )}

      {typeof reveal === "object" && (
        <section
          aria-labelledby={`${ids}-solution`}
          className="mt-4 rounded-md border border-border bg-bg-subtle p-3"
          data-testid="solution"
        >
          <Heading level={headingLevel} id={`${ids}-solution`} className="font-semibold">
            Why the solution works
          </Heading>
          <p className="mt-1 text-sm">{reveal.explanation}</p>
        </section>
      )}
    </>
  );
}
