import type { Metadata } from "next";
import Link from "next/link";
import { ItemTable } from "@/components/instructor/items/item-table";
import { MethodNote } from "@/components/instructor/items/method-note";
import { QuizSummary } from "@/components/instructor/items/quiz-summary";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { countQuizTakers, loadQuizItemAnalysis } from "@/lib/instructor/item-analysis-data";
import { loadQuizzes } from "@/lib/questions/bank";

export const metadata: Metadata = { title: "Item analysis" };

type Props = {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<{ quiz?: string | string[] }>;
};

/** One lesson quiz at a time: its figures and its questions, flagged ones first; a quiz picker above. */
export default async function ItemAnalysisPage({ params, searchParams }: Props) {
  const { cohortId } = await params;
  const { quiz: requested } = await searchParams;
  const { user } = await requireTaughtCohort(cohortId, `/instructor/cohorts/${cohortId}/items`);
  const bank = await loadQuizzes();
  const { cohort, takers } = await countQuizTakers(db(), user, cohortId);
  const taken = bank.filter((quiz) => (takers.get(quiz.lesson) ?? 0) > 0);
  const untaken = bank.filter((quiz) => (takers.get(quiz.lesson) ?? 0) === 0);
  const asked = typeof requested === "string" ? bank.find((quiz) => quiz.lesson === requested) : undefined;
  const chosen = asked ?? taken[0];
  const unknownQuiz = typeof requested === "string" && !asked;
  const items = chosen ? await loadQuizItemAnalysis(db(), user, cohort.id, bank, chosen.lesson) : null;
  const base = `/instructor/cohorts/${cohort.id}/items`;

  return (
    <section aria-labelledby="items-heading">
      <h1 id="items-heading" className="text-2xl font-bold tracking-tight">
        Item analysis
      </h1>
      <MethodNote />
      {unknownQuiz && (
        <p role="alert" className="mt-4 rounded-md border border-warning bg-warning-soft p-3 text-sm">
          There is no lesson quiz called “{requested}”; showing {chosen?.title ?? "nothing"} instead.
        </p>
      )}
      {taken.length === 0 ? (
        <p
          className="mt-6 rounded-xl border border-dashed border-border p-6 text-center text-fg-muted"
          data-testid="items-empty"
        >
          No learner in {cohort.name} has submitted a lesson quiz yet.
        </p>
      ) : (
        <nav aria-label="Lesson quizzes" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {taken.map((quiz) => {
              const current = quiz.lesson === chosen?.lesson;
              return (
                <li key={quiz.lesson}>
                  <Link
                    href={`${base}?quiz=${quiz.lesson}`}
                    aria-current={current ? "page" : undefined}
                    className={`inline-block rounded-md border px-2 py-1 ${
                      current
                        ? "border-accent bg-accent-soft font-semibold text-fg"
                        : "border-border hover:bg-bg-muted"
                    }`}
                  >
                    {quiz.title}
                    <span className="ml-1 text-fg-muted">
                      · {takers.get(quiz.lesson)} learner{takers.get(quiz.lesson) === 1 ? "" : "s"}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {chosen && items && (
        <section
          aria-labelledby="quiz-heading"
          className="mt-6 border-t border-border pt-6"
          data-testid={`quiz-${chosen.lesson}`}
        >
          <h2 id="quiz-heading" className="text-xl font-semibold">
            {items.title}
          </h2>
          {items.analysis.learners === 0 ? (
            <p className="mt-2 text-fg-muted">No learner in this cohort has submitted this quiz yet.</p>
          ) : (
            <>
              <QuizSummary analysis={items.analysis} />
              <ItemTable
                cohortId={cohort.id}
                quizTitle={items.title}
                items={items.analysis.items}
                questions={items.questions}
              />
            </>
          )}
        </section>
      )}
      {untaken.length > 0 && taken.length > 0 && (
        <p className="mt-8 text-sm text-fg-muted">
          Not submitted by anyone yet: {untaken.map((quiz) => quiz.title).join(", ")}.
        </p>
      )}
    </section>
  );
}
