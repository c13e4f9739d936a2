"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "./actions";

type Props = {
  /** The button that opens the confirmation. */
  label: string;
  /** Says what will happen, including that it changes every learner's grades. */
  question: string;
  confirmLabel: string;
  run: () => Promise<ActionResult<{ changed: number }>>;
  /** Where to go when done; the page shows the outcome from its query string. */
  doneHref: (changed: number) => string;
  testId?: string;
};

const button = "rounded-md border px-2.5 py-1 text-sm font-medium disabled:opacity-60";

/** A two-step button: the first press asks, the second does it. Escape or Cancel closes the question. */
export function ConfirmButton({ label, question, confirmLabel, run, doneHref, testId }: Props) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  function close() {
    setAsking(false);
    setError(null);
    // Back to the button that opened it, so keyboard users keep their place.
    requestAnimationFrame(() => openRef.current?.focus());
  }

  function confirm() {
    startTransition(async () => {
      const result = await run();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      router.replace(doneHref(result.value.changed), { scroll: false });
    });
  }

  if (!asking)
    return (
      <button
        ref={openRef}
        type="button"
        onClick={() => setAsking(true)}
        className={`${button} border-accent text-accent hover:bg-accent-soft`}
        data-testid={testId}
      >
        {label}
      </button>
    );

  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className="max-w-sm rounded-md border border-warning bg-warning-soft p-2 text-sm text-fg"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) close();
      }}
    >
      <p id={questionId}>{question}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          onClick={confirm}
          disabled={pending}
          className={`${button} border-accent bg-accent text-accent-fg hover:opacity-90`}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {pending ? "Regrading…" : confirmLabel}
        </button>
        <button
          type="button"
          onClick={close}
          disabled={pending}
          className={`${button} border-border bg-bg hover:bg-bg-muted`}
        >
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
