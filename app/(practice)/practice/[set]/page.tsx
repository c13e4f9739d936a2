import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ClaimAnonymousWork } from "@/components/quiz/claim-anonymous-work";
import { StartAttemptButtons } from "@/components/quiz/start-attempt-buttons";
import { currentLearner } from "@/lib/auth/learner";
import { db } from "@/lib/db";
import { listAttempts } from "@/lib/progress/attempts";
import { getQuiz, summarise } from "@/lib/questions/bank";

type Props = { params: Promise<{ set: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const quiz = await getQuiz((await params).set);
  return { title: quiz ? `${quiz.title} questions` : "Practice" };
}

export default async function QuizSetPage({ params }: Props) {
  const { set } = await params;
  if (set === "review") redirect("/review");
  const quiz = await getQuiz(set);
  if (!quiz) notFound();
  const summary = summarise(quiz);
  const learner = await currentLearner();
  const attempts = learner ? await listAttempts(db(), learner, quiz.lesson) : [];
  const open = attempts.filter((attempt) => attempt.status === "open");
  const submitted = attempts.filter((attempt) => attempt.status === "submitted").reverse();

  return (
    <div className="max-w-3xl">
      <ClaimAnonymousWork />
      <p className="text-sm text-fg-muted">
        <Link href="/practice" className="underline">
          Practice
        </Link>{" "}
        ·{" "}
        <Link href={`/learn/${quiz.lesson}`} className="underline">
          Read the lesson
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{quiz.title} questions</h1>
      <p className="mt-2 text-fg-muted">
        {summary.total} questions: {summary.counts["fill-in"]} fill-in, {summary.counts["true-false"]}{" "}
        true/false, {summary.counts["multiple-choice"]} multiple choice, {summary.counts.interview} interview.
      </p>

      {open.length > 0 && (
        <section
          aria-labelledby="open-heading"
          className="mt-6 rounded-xl border border-accent bg-accent-soft p-4"
        >
          <h2 id="open-heading" className="font-semibold">
            Pick up where you left off
          </h2>
          <ul className="mt-2 space-y-1">
            {open.map((attempt) => (
              <li key={attempt.id}>
                <Link href={`/practice/${quiz.lesson}/attempts/${attempt.id}`} className="underline">
                  {attempt.mode === "practice" ? "Practice" : "Check"} attempt started{" "}
                  {attempt.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="start-heading" className="mt-6">
        <h2 id="start-heading" className="mb-3 text-xl font-semibold">
          Start
        </h2>
        <StartAttemptButtons quizSlug={quiz.lesson} />
      </section>

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="text-xl font-semibold">
          Your scores over time
        </h2>
        {submitted.length === 0 ? (
          <p className="mt-2 text-fg-muted">No finished attempts yet.</p>
        ) : (
          <table className="mt-3 w-full border-collapse text-sm" data-testid="attempt-history">
            <caption className="sr-only">Finished attempts, oldest first</caption>
            <thead>
              <tr className="border-b border-border text-left">
                <th scope="col" className="py-2 pr-3">
                  Finished
                </th>
                <th scope="col" className="py-2 pr-3">
                  Mode
                </th>
                <th scope="col" className="py-2 pr-3">
                  Score
                </th>
                <th scope="col" className="py-2">
                  Result
                </th>
              </tr>
            </thead>
            <tbody>
              {submitted.map((attempt) => {
                const percent = Math.round(((attempt.score ?? 0) / Math.max(1, attempt.maxScore ?? 1)) * 100);
                return (
                  <tr key={attempt.id} className="border-b border-border">
                    <td className="py-2 pr-3">
                      {attempt.submittedAt?.toISOString().slice(0, 16).replace("T", " ")}
                    </td>
                    <td className="py-2 pr-3">{attempt.mode}</td>
                    <td className="py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <span className="w-10 tabular-nums">{percent}%</span>
                        <span aria-hidden="true" className="h-2 w-24 overflow-hidden rounded bg-bg-muted">
                          <span className="block h-full bg-accent" style={{ width: `${percent}%` }} />
                        </span>
                      </div>
                    </td>
                    <td className="py-2">
                      <Link href={`/practice/${quiz.lesson}/attempts/${attempt.id}`} className="underline">
                        Review
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
