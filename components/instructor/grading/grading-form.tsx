"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { POINT_SCORE_STEPS, rubricScore } from "@/lib/grading/rubric-grade";
import type { CommentBankEntry } from "@/lib/instructor/comment-bank";
import { countBankCommentUse, removeBankComment, saveBankComment, saveRubricGrade } from "./actions";
import { BankPicker } from "./bank-picker";
import { CommentBankPanel } from "./comment-bank-panel";
import { requestFocusAfterNavigation } from "./focus-after-grading";

export type FormPoint = { id: string; number: number; point: string; weight: number; covered: boolean };
type PointState = { score: number; comment: string };
const OVERALL = "overall";

type Props = {
  cohortId: string;
  responseId: string;
  points: FormPoint[];
  initialPoints: Record<string, PointState>;
  initialComment: string;
  bank: CommentBankEntry[];
  /** Where "Save and next" and "Skip" go; null when this is the only answer in the list. */
  nextHref: string | null;
  /** Where "Save" goes when there is no next answer (the list without this one). */
  doneHref: string;
};

const commentBox =
  "mt-1 w-full rounded-md border border-border bg-bg px-2 py-1.5 text-sm focus:outline-2 focus:outline-accent";
const smallButton =
  "rounded border border-border px-2 py-0.5 text-xs text-fg-muted hover:bg-bg-muted hover:text-fg disabled:opacity-60";

/** Score per rubric point (radio groups: arrow keys), comments, the comment bank, and "Save and next". */
export function GradingForm(props: Props) {
  const { cohortId, responseId, points, nextHref, doneHref } = props;
  const router = useRouter();
  const [grades, setGrades] = useState(props.initialPoints);
  const [comment, setComment] = useState(props.initialComment);
  const [bank, setBank] = useState(props.bank);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [bankBusy, setBankBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pending, startTransition] = useTransition();
  const boxes = useRef<Record<string, HTMLTextAreaElement | null>>({});

  const score = rubricScore(
    points,
    points.map((point) => ({ pointId: point.id, score: grades[point.id]?.score ?? 0 })),
  );
  function setPoint(pointId: string, change: Partial<PointState>) {
    setGrades((current) => ({
      ...current,
      [pointId]: { score: 0, comment: "", ...current[pointId], ...change },
    }));
  }

  function textOf(field: string) {
    return field === OVERALL ? comment : (grades[field]?.comment ?? "");
  }
  function setTextOf(field: string, text: string) {
    if (field === OVERALL) setComment(text);
    else setPoint(field, { comment: text });
  }

  function go(href: string) {
    requestFocusAfterNavigation();
    startTransition(() => router.push(href));
  }

  function save() {
    if (pending) return;
    setError(null);
    setSaving(true);
    startTransition(async () => {
      const result = await saveRubricGrade({
        cohortId,
        responseId,
        points: points.map((point) => ({
          pointId: point.id,
          score: grades[point.id]?.score ?? 0,
          comment: grades[point.id]?.comment ?? "",
        })),
        comment,
      }).catch(() => null);
      if (!result || !result.ok) setSaving(false);
      if (!result) {
        setError(
          "Could not reach the server, so the grade is not saved. Check your connection and try again.",
        );
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setAnnouncement(`Saved: ${Math.round(result.value.score * 100)}%.`);
      requestFocusAfterNavigation();
      router.push(nextHref ?? doneHref);
    });
  }

  async function saveToBank(field: string) {
    const text = textOf(field).trim();
    if (!text) return;
    setBankBusy(true);
    const result = await saveBankComment({ text }).catch(() => null);
    setBankBusy(false);
    if (!result || !result.ok) {
      setAnnouncement(result ? result.error : "Could not reach the server; the comment is not saved.");
      return;
    }
    setBank(result.value);
    setAnnouncement("Saved to your comment bank.");
  }

  async function insert(field: string, entry: CommentBankEntry) {
    const current = textOf(field);
    setTextOf(field, current.trim() === "" ? entry.text : `${current.replace(/\s+$/, "")} ${entry.text}`);
    boxes.current[field]?.focus();
    setAnnouncement("Saved comment inserted.");
    const result = await countBankCommentUse({ entryId: entry.id }).catch(() => null);
    if (result?.ok)
      setBank((entries) =>
        entries
          .map((item) => (item.id === entry.id ? { ...item, uses: result.value.uses } : item))
          .sort((a, b) => b.uses - a.uses),
      );
  }

  async function remove(entry: CommentBankEntry) {
    setBankBusy(true);
    const result = await removeBankComment({ entryId: entry.id }).catch(() => null);
    setBankBusy(false);
    if (!result || !result.ok) {
      setAnnouncement(
        result ? result.error : "Could not reach the server; the comment is still in your bank.",
      );
      return;
    }
    setBank(result.value);
    setAnnouncement("Removed from your comment bank.");
  }

  function commentField(field: string, label: string, rows: number) {
    const id = `comment-${field}`;
    return (
      <div className="mt-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <textarea
          id={id}
          ref={(element) => {
            boxes.current[field] = element;
          }}
          rows={rows}
          maxLength={field === OVERALL ? 2000 : 1000}
          value={textOf(field)}
          onChange={(event) => setTextOf(field, event.target.value)}
          className={commentBox}
        />
        <div className="mt-1 flex flex-wrap items-start gap-2">
          <BankPicker entries={bank} fieldLabel={label} onPick={(entry) => insert(field, entry)} />
          <button
            type="button"
            className={smallButton}
            disabled={bankBusy || textOf(field).trim() === ""}
            onClick={() => saveToBank(field)}
          >
            Save to my bank
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      aria-label="Grade this answer"
      // Keeps the focused control clear of the sticky save bar when Tab scrolls it into view.
      className="space-y-4 [&_button]:scroll-mb-24 [&_input]:scroll-mb-24 [&_textarea]:scroll-mb-24"
      data-testid="grading-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save();
        }
      }}
    >
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {points.map((point) => {
        const current = grades[point.id]?.score ?? 0;
        return (
          <fieldset key={point.id} className="rounded-xl border border-border p-3">
            <legend className="px-1 font-semibold">
              Point {point.number} <span className="font-normal text-fg-muted">(weight {point.weight})</span>
            </legend>
            <p className="text-sm">{point.point}</p>
            <p className="mt-1 text-xs text-fg-muted">
              Automatic grader: {point.covered ? "covered" : "not found"}
            </p>
            <div
              className="mt-2 flex flex-wrap gap-2"
              role="radiogroup"
              aria-label={`Score for point ${point.number}`}
            >
              {POINT_SCORE_STEPS.map((step) => (
                <label
                  key={step.value}
                  className={`inline-flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
                    current === step.value ? "border-accent bg-accent-soft font-semibold" : "border-border"
                  }`}
                >
                  <input
                    type="radio"
                    name={`score-${point.id}`}
                    value={step.value}
                    checked={current === step.value}
                    onChange={() => setPoint(point.id, { score: step.value })}
                    className="accent-[var(--accent)]"
                  />
                  {step.label}
                </label>
              ))}
            </div>
            {commentField(point.id, `Comment on point ${point.number} (optional)`, 2)}
          </fieldset>
        );
      })}
      {commentField(OVERALL, "Overall comment (optional)", 3)}
      <CommentBankPanel entries={bank} busy={bankBusy} onRemove={remove} />
      {error && (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-danger">
          {error}
        </p>
      )}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-bg/95 p-3 backdrop-blur">
        <p className="mr-auto text-sm">
          Score:{" "}
          <output aria-live="polite" className="font-semibold tabular-nums" data-testid="computed-score">
            {Math.round(score * 100)}%
          </output>
        </p>
        <button
          type="button"
          disabled={pending || nextHref === null}
          onClick={() => nextHref && go(nextHref)}
          className="rounded-md border border-border px-4 py-2 font-semibold hover:bg-bg-muted disabled:opacity-60"
        >
          Skip
        </button>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
        >
          {saving ? "Saving…" : nextHref ? "Save and next" : "Save"}
        </button>
      </div>
    </form>
  );
}
