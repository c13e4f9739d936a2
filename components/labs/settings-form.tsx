import { useId } from "react";
import type { PublicParam } from "./public-lab";

type Props = {
  params: readonly PublicParam[];
  values: Record<string, string>;
  problems: Record<string, string | null>;
  onChange: (key: string, value: string) => void;
  onRun: () => void;
};

/** A config lab's settings: whole numbers within the lab's bounds. */
export function SettingsForm({ params, values, problems, onChange, onRun }: Props) {
  const ids = useId();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
      aria-label="Settings"
    >
      <fieldset>
        <legend className="font-semibold">Your settings</legend>
        <p className="mt-1 text-sm text-fg-muted">
          Whole numbers within the limits shown; 0 leaves a setting to Docker or Node where its help says so.
          Enter or Ctrl+Enter runs them.
        </p>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          {params.map((param) => {
            const id = `${ids}-param-${param.key}`;
            const problem = problems[param.key];
            return (
              <div key={param.key}>
                <label htmlFor={id} className="block font-mono text-sm font-semibold">
                  {param.label}
                  {!param.choices && (
                    <span className="font-sans font-normal text-fg-muted"> ({param.unit})</span>
                  )}
                </label>
                {param.choices ? (
                  <ChoiceInput
                    id={id}
                    param={param}
                    choices={param.choices}
                    value={values[param.key] ?? ""}
                    onChange={(value) => onChange(param.key, value)}
                  />
                ) : (
                  <input
                    id={id}
                    type="number"
                    inputMode="numeric"
                    min={param.min}
                    max={param.max}
                    step={param.step}
                    value={values[param.key] ?? ""}
                    onChange={(event) => onChange(param.key, event.target.value)}
                    onKeyDown={(event) => {
                      // A form of several fields and no submit button is never submitted by Enter.
                      if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
                      event.preventDefault();
                      onRun();
                    }}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ""}`}
                    className="mt-1 w-full rounded-md border border-border bg-bg px-3 py-2 text-fg"
                  />
                )}
                <p id={`${id}-help`} className="mt-1 text-xs text-fg-muted">
                  {param.choices
                    ? `Default ${param.choices[param.default]}.`
                    : `${param.min}–${param.max} ${param.unit}, default ${param.default}.`}{" "}
                  {param.help}
                </p>
                {problem && (
                  <p id={`${id}-problem`} className="mt-1 text-sm font-semibold text-danger">
                    {param.label} {problem}.
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </form>
  );
}

/** A setting with named options (a log driver, a mode): a select whose value is the option's index. */
function ChoiceInput(props: {
  id: string;
  param: PublicParam;
  choices: string[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      aria-describedby={`${props.id}-help`}
      className="mt-1 w-full rounded-md border border-border bg-bg px-3 py-2 font-mono text-fg"
    >
      {props.choices.map((choice, index) => (
        <option key={choice} value={String(index)}>
          {choice}
        </option>
      ))}
    </select>
  );
}
