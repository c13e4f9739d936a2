import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AcceptedAnswersTable } from "@/components/instructor/items/accepted-answers-table";
import { AnswerKey } from "@/components/instructor/items/answer-key";
import { FlagList } from "@/components/instructor/items/flag-list";
import { decimal, excerpt, itemsPath, promptText, TYPE_LABELS } from "@/components/instructor/items/format";
import { ResponseTables } from "@/components/instructor/items/response-table";
import { NotFoundError } from "@/lib/access";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { loadQuestionItemAnalysis } from "@/lib/instructor/item-analysis-data";
import { loadQuizzes } from "@/lib/questions/bank";
import { withoutCodeMarks } from "@/lib/text/inline-code";
import { InlineText } from "@/components/ui/inline-text";

export const metadata: Metadata = { title: "Question analysis" };

type Props = {
  params: Promise<{ cohortId: string; questionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** What the accept / undo buttons report back through the address (see ConfirmButton). */
const DoneSchema = z.object({
  done: z.enum(["accepted", "removed"]),
  changed: z.coerce.number().int().min(0),
});

export default async function QuestionAnalysisPage({ params, searchParams }: Props) {
  const { cohortId, questionId } = await params;
  const { user } = await requireTaughtCohort(cohortId, `${itemsPath(cohortId)}/${questionId}`);
  const data = await loadQuestionItemAnalysis(db(), user, cohortId, questionId, await loadQuizzes()).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const { quiz, question, bankQuestion, item, accepted } = data;
  const done = DoneSchema.safeParse(await searchParams);
  const figures: Array<[string, string]> = [
    ["Responses", String(item.responses)],
    ["Facility", decimal(item.facility)],
    ["Discrimination D", decimal(item.discrimination)],
    ["Item–rest r", decimal(item.correctedItemTotal)],
  ];

  return (
    <article aria-labelledby="question-heading" className="max-w-4xl">
      <p className="text-sm">
        <Link
          href={`${itemsPath(cohortId)}?quiz=${quiz.slug}`}
          className="text-accent underline underline-offset-2"
        >
          Item analysis
        </Link>{" "}
        <span className="text-fg-muted">/ {quiz.title}</span>
      </p>
      <h1 id="question-heading" className="mt-1 text-xl font-bold tracking-tight sm:text-2xl">
        {excerpt(withoutCodeMarks(promptText(question)), 70)}
      </h1>
      <p className="mt-1 text-sm text-fg-muted">
        {TYPE_LABELS[question.type]} · {quiz.learners === 1 ? "1 learner" : `${quiz.learners} learners`} took
        this quiz (first submitted attempts count)
      </p>

      {done.success && (
        <p
          role="status"
          className="mt-4 rounded-md border-l-4 border-success bg-success-soft px-3 py-2"
          data-testid="regrade-status"
        >
          {done.data.done === "accepted" ? "Answer accepted." : "Accepted answer removed."}{" "}
          {done.data.changed === 1 ? "1 past response" : `${done.data.changed} past responses`} changed score.
        </p>
      )}

      <section aria-labelledby="prompt-heading" className="mt-6">
        <h2 id="prompt-heading" className="text-lg font-semibold">
          Question and key
        </h2>
        <p className="mt-2 whitespace-pre-wrap">
          <InlineText text={promptText(question)} />
        </p>
        <div className="mt-3 rounded-lg border border-border bg-bg-subtle p-3 text-sm">
          <AnswerKey question={bankQuestion} />
        </div>
      </section>

      <section aria-labelledby="stats-heading" className="mt-6">
        <h2 id="stats-heading" className="text-lg font-semibold">
          Statistics
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt className="text-fg-muted">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-3 text-sm">
          <FlagList flags={item.flags} />
        </div>
      </section>

      <section aria-labelledby="responses-heading" className="mt-6">
        <h2 id="responses-heading" className="text-lg font-semibold">
          Response analysis
        </h2>
        <ResponseTables
          cohortId={cohortId}
          questionId={question.id}
          analysis={item.analysis}
          administrator={user.administrator === true}
        />
      </section>

      {question.type === "fill-in" && (
        <section aria-labelledby="accepted-heading" className="mt-6">
          <h2 id="accepted-heading" className="text-lg font-semibold">
            Accepted answers
          </h2>
          <p className="mt-1 text-sm text-fg-muted">
            An answer accepted in this cohort is graded as right for this cohort&apos;s learners, past and
            future answers; other cohorts keep their grades. Only administrators accept answers for every
            cohort. Removing one regrades past answers without it.
          </p>
          <AcceptedAnswersTable
            cohortId={cohortId}
            questionId={question.id}
            accepted={accepted}
            blanks={question.blanks.length}
            administrator={user.administrator === true}
          />
        </section>
      )}
    </article>
  );
}
