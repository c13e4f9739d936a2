"use client";
import { useActionState } from "react";
import type { ReviewSettings } from "@/lib/review/settings";
import { saveReviewLimits, type SettingsState } from "./actions";

function LimitField({
  name,
  label,
  max,
  value,
}: {
  name: string;
  label: string;
  max: number;
  value: number;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input
        name={name}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        required
        defaultValue={value}
        className="w-24 rounded-md border border-border bg-bg px-2 py-1"
      />
    </label>
  );
}

/** Daily limits: how many new cards and reviews a day (a plain form: works without JavaScript). */
export function SettingsForm({ settings, timeZone }: { settings: ReviewSettings; timeZone: string }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveReviewLimits, {
    status: "idle",
    message: "",
  });
  return (
    <form action={action} className="space-y-3" data-testid="review-settings">
      <div className="flex flex-wrap gap-4">
        <LimitField name="newPerDay" label="New cards per day" max={999} value={settings.newPerDay} />
        <LimitField name="reviewsPerDay" label="Reviews per day" max={9999} value={settings.reviewsPerDay} />
      </div>
      <p className="text-sm text-fg-muted">
        Limits reset at 04:00 your time ({timeZone.replaceAll("_", " ")}). Cards you are still learning (minutes
        apart) are never held back.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-border px-3 py-1.5 font-semibold hover:bg-bg-muted disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save limits"}
        </button>
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={state.status === "error" ? "text-danger" : "text-fg-muted"}
          data-testid="settings-message"
        >
          {state.message}
        </p>
      </div>
    </form>
  );
}
