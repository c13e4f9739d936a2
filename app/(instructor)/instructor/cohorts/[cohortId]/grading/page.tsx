import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AnswerPanel } from "@/components/instructor/grading/answer-panel";
import { FocusAfterGrading, GRADING_FOCUS_ID } from "@/components/instructor/grading/focus-after-grading";
import { GradingForm } from "@/components/instructor/grading/grading-form";
import { QueueList } from "@/components/instructor/grading/queue-list";
import { NotFoundError } from "@/lib/access";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { listComments } from "@/lib/instructor/comment-bank";
import {
  getGradingItem,
  GRADING_FILTERS,
  GradingFilterSchema,
  listGradingQueue,
  type GradingItem,
  type QueueRow,
} from "@/lib/instructor/grading";

export const metadata: Metadata = { title: "Grading" };

type Props = {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ResponseId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const FILTER_LABELS = { waiting: "Waiting", graded: "Graded", all: "All" } as const;

/** The answer after this one in the list, else the first other one: where "Save and next" and "Skip" go. */
function nextAfter(rows: QueueRow[], openId: string): string | null {
  const index = rows.findIndex((row) => row.responseId === openId);
  const after = index === -1 ? undefined : rows[index + 1];
  return (after ?? rows.find((row) => row.responseId !== openId))?.responseId ?? null;
}

/** The form starts from the saved grade, or else from what the automatic grader found. */
function initialGrade(item: GradingItem) {
  const stored = new Map(item.grade?.points?.map((point) => [point.pointId, point]));
  return Object.fromEntries(
    item.points.map((point) => {
      const saved = stored.get(point.id);
      return [
        point.id,
        saved
          ? { score: saved.score, comment: saved.comment ?? "" }
          : { score: point.covered ? 1 : 0, comment: "" },
      ];
    }),
  );
}

export default async function GradingPage({ params, searchParams }: Props) {
  const { cohortId } = await params;
  const query = await searchParams;
  const base = `/instructor/cohorts/${cohortId}/grading`;
  const { user } = await requireTaughtCohort(cohortId, base);
  const filter = GradingFilterSchema.parse(query.filter);
  const requested = ResponseId.safeParse(query.open);

  const [queue, bank] = await Promise.all([
    listGradingQueue(db(), user, cohortId, filter),
    listComments(db(), user),
  ]);
  const openId = requested.success ? requested.data : (queue.rows[0]?.responseId ?? null);
  const item = openId
    ? await getGradingItem(db(), user, cohortId, openId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      })
    : null;
  const listHref = (chosen: string) => `${base}?filter=${chosen}`;
  const openHref = (responseId: string) => `${listHref(filter)}&open=${responseId}`;
  const nextId = item ? nextAfter(queue.rows, item.responseId) : null;

  return (
    <section aria-labelledby="grading-heading">
      <FocusAfterGrading key={item?.responseId ?? "none"} />
      <h1 id="grading-heading" className="text-2xl font-bold tracking-tight">
        Grading
      </h1>
      <p className="mt-1 text-fg-muted" data-testid="waiting-count">
        <strong className="text-fg">{queue.waitingCount}</strong> interview{" "}
        {queue.waitingCount === 1 ? "answer is" : "answers are"} waiting for review · {queue.gradedCount}{" "}
        graded
      </p>
      <nav aria-label="Which answers" className="mt-3">
        <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-border p-1">
          {GRADING_FILTERS.map((choice) => (
            <li key={choice}>
              <Link
                href={listHref(choice)}
                aria-current={choice === filter ? "page" : undefined}
                className={`inline-block rounded-md px-3 py-1 text-sm font-medium no-underline ${
                  choice === filter
                    ? "bg-accent text-accent-fg"
                    : "text-fg-muted hover:bg-bg-muted hover:text-fg"
                }`}
              >
                {FILTER_LABELS[choice]}
                {choice === "waiting" && ` (${queue.waitingCount})`}
                {choice === "graded" && ` (${queue.gradedCount})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-2 text-sm text-fg-muted">
        Keyboard: Tab moves between controls, the arrow keys change a point&apos;s score,{" "}
        <kbd className="rounded border border-border px-1 font-mono text-xs">Ctrl</kbd> +{" "}
        <kbd className="rounded border border-border px-1 font-mono text-xs">Enter</kbd> (
        <kbd className="rounded border border-border px-1 font-mono text-xs">⌘</kbd> +{" "}
        <kbd className="rounded border border-border px-1 font-mono text-xs">Enter</kbd> on a Mac) saves and
        opens the next answer.
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <div className="min-w-0 lg:order-2">
          {item ? (
            <article aria-labelledby={GRADING_FOCUS_ID} className="space-y-6" data-testid="grading-item">
              <AnswerPanel item={item} />
              <div>
                <h2 className="text-lg font-semibold">Your grade</h2>
                <p className="text-sm text-fg-muted">
                  {item.grade
                    ? "Showing the grade you saved; saving again replaces it."
                    : "Pre-set from the automatic coverage: change what you disagree with."}{" "}
                  The learner sees the scores and comments on their attempt.
                </p>
                <div className="mt-3">
                  <GradingForm
                    key={item.responseId}
                    cohortId={cohortId}
                    responseId={item.responseId}
                    points={item.points}
                    initialPoints={initialGrade(item)}
                    initialComment={item.grade?.comment ?? ""}
                    bank={bank}
                    nextHref={nextId ? openHref(nextId) : null}
                    doneHref={listHref(filter)}
                  />
                </div>
              </div>
            </article>
          ) : (
            <div
              className="rounded-xl border border-dashed border-border p-8 text-center"
              data-testid="empty-state"
            >
              <h2 id={GRADING_FOCUS_ID} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
                {openId
                  ? "That answer is not in this cohort"
                  : filter === "waiting"
                    ? "All caught up"
                    : "Nothing here"}
              </h2>
              <p className="mx-auto mt-2 max-w-prose text-fg-muted">
                {filter === "waiting"
                  ? "No interview answers are waiting for review. New ones appear here when learners submit them."
                  : "No interview answers match this list yet."}
              </p>
            </div>
          )}
        </div>
        <div className="min-w-0 lg:order-1">
          <QueueList
            rows={queue.rows}
            openId={item?.responseId ?? null}
            hrefFor={openHref}
            filter={filter}
            truncated={queue.truncated}
          />
        </div>
      </div>
    </section>
  );
}
