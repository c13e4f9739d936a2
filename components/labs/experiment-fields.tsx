import { useId, useState, type ReactNode } from "react";

/** Problems from the experiment schema, keyed by dotted path ("faults.0.toSeconds"). */
export type Problems = Readonly<Record<string, string>>;

const input = "mt-1 w-full rounded-md border border-border bg-bg px-3 py-2 text-fg";

function Described({ id, help, problem }: { id: string; help?: ReactNode; problem?: string }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-fg-muted">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="mt-1 text-sm font-semibold text-danger">
          {problem}.
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, help: unknown, problem: unknown) =>
  [help ? `${id}-help` : null, problem ? `${id}-problem` : null].filter(Boolean).join(" ") || undefined;

type NumberFieldProps = {
  label: ReactNode;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  help?: ReactNode;
  problem?: string;
  testId?: string;
};

/** A whole-number input; an empty field is NaN, which the schema reports as "enter a number". */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  help,
  problem,
  testId,
}: NumberFieldProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={Number.isFinite(value) ? String(value) : ""}
        onChange={(event) =>
          onChange(event.target.value.trim() === "" ? Number.NaN : Number(event.target.value))
        }
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, help, problem)}
        className={input}
        data-testid={testId}
      />
      <Described id={id} help={help} problem={problem} />
    </div>
  );
}

type SelectFieldProps<V extends string> = {
  label: ReactNode;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  help?: ReactNode;
  problem?: string;
};

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  help,
  problem,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, help, problem)}
        className={input}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Described id={id} help={help} problem={problem} />
    </div>
  );
}

const formatList = (values: readonly number[]) =>
  values.map((value) => (Number.isNaN(value) ? "?" : String(value))).join(", ");
const parseList = (raw: string) =>
  raw
    .split(/[,\s]+/)
    .filter((token) => token !== "")
    .map((token) => Number(token));
const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/** Numbers typed as "2, 4, 12": the learner's text is kept while it parses to the same list. */
export function NumberListField({
  label,
  value,
  onChange,
  help,
  problem,
}: {
  label: ReactNode;
  value: readonly number[];
  onChange: (value: number[]) => void;
  help?: ReactNode;
  problem?: string;
}) {
  const id = useId();
  const [raw, setRaw] = useState(() => formatList(value));
  // A preset or a reset replaced the list: show the new one (adjusting state while rendering).
  if (!sameList(parseList(raw), value)) setRaw(formatList(value));
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={raw}
        onChange={(event) => {
          setRaw(event.target.value);
          onChange(parseList(event.target.value));
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, help, problem)}
        className={input}
      />
      <Described id={id} help={help} problem={problem} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  help,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={help ? `${id}-help` : undefined}
          className="h-5 w-5 accent-[var(--accent)]"
        />
        <label htmlFor={id} className="text-sm font-semibold">
          {label}
        </label>
      </div>
      <Described id={id} help={help} />
    </div>
  );
}

export function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-md border border-border p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
