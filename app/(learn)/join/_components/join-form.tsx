"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/auth/field";
import { joinCohortAction } from "@/lib/cohorts/actions";

/**
 * Either a field to type a code (/join) or a single confirm button carrying the code (/join/<code>).
 * Success redirects to /join/<code>?joined=1; errors come back here.
 */
export function JoinForm({ code, cohortName }: { code?: string; cohortName?: string }) {
  const [result, submit, pending] = useActionState(joinCohortAction, null);
  // Controlled, so a refused code stays in the field to be corrected (React resets uncontrolled forms).
  const [typed, setTyped] = useState(code ?? "");
  const error = result && !result.ok ? result.error : undefined;
  const confirming = code !== undefined && cohortName !== undefined;
  return (
    <form action={submit} noValidate className="mt-4 space-y-3" data-testid="join-form">
      {confirming ? (
        <>
          <input type="hidden" name="code" value={code} />
          {error && (
            <p
              role="alert"
              className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger"
            >
              {error}
            </p>
          )}
        </>
      ) : (
        <Field
          label="Join code"
          name="code"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          className="mt-1 block w-full max-w-xs rounded-md border border-border bg-bg px-3 py-2 font-mono uppercase tracking-widest text-fg aria-invalid:border-danger"
          hint="Eight letters and digits, e.g. ABCD-2345. Dashes, spaces and lower case are fine."
          error={error}
        />
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Joining…" : confirming ? `Join ${cohortName}` : "Join cohort"}
      </button>
    </form>
  );
}
