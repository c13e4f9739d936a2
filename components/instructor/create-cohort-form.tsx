"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/auth/field";
import { createCohortAction } from "@/lib/cohorts/actions";
import { COHORT_NAME_MAX, COHORT_NAME_MIN } from "@/lib/cohorts/schema";

/** Creates a cohort; the new one appears in the list below (the action revalidates the page). */
export function CreateCohortForm() {
  // Controlled, so a refused name stays in the field to be corrected (React resets uncontrolled forms).
  const [name, setName] = useState("");
  const [result, submit, pending] = useActionState(
    async (previous: Parameters<typeof createCohortAction>[0], formData: FormData) => {
      const outcome = await createCohortAction(previous, formData);
      if (outcome?.ok) setName("");
      return outcome;
    },
    null,
  );

  return (
    <form
      action={submit}
      noValidate
      className="mt-6 max-w-xl rounded-xl border border-border bg-bg-subtle p-4"
      data-testid="create-cohort-form"
    >
      <h2 className="text-lg font-semibold">Create a cohort</h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <Field
            label="Cohort name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            minLength={COHORT_NAME_MIN}
            maxLength={COHORT_NAME_MAX}
            autoComplete="off"
            hint={`${COHORT_NAME_MIN}–${COHORT_NAME_MAX} characters, e.g. “Platform team, spring”.`}
            error={result && !result.ok ? result.error : undefined}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60 sm:mt-7"
        >
          {pending ? "Creating…" : "Create cohort"}
        </button>
      </div>
      <p role="status" className="mt-2 text-sm" data-testid="create-cohort-status">
        {result?.ok && (
          <>
            Created <strong>{result.value.name}</strong>: learners join with code{" "}
            <span className="font-mono font-semibold">{result.value.joinCode}</span>.
          </>
        )}
      </p>
    </form>
  );
}
