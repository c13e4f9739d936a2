import type { Metadata } from "next";
import Link from "next/link";
import { ClaimAnonymousWork } from "@/components/quiz/claim-anonymous-work";
import { startMistakesReview } from "@/components/quiz/actions";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listReviewCards } from "@/lib/progress/attempts";
import { getQuestionsById } from "@/lib/questions/bank";
import { isLeech } from "@/lib/review/schedule";
import { InlineText } from "@/components/ui/inline-text";

export const metadata: Metadata = { title: "Review" };

function promptOf(question: { type: string; prompt?: string; statement?: string }): string {
  return (
    (question.type === "true-false" ? question.statement : question.prompt)?.replaceAll("___", "_____") ?? ""
  );
}

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const cards = await listReviewCards(db(), user.id);
  const questions = await getQuestionsById(cards.map((card) => card.questionId));
  const now = new Date();
  const due = cards.filter((card) => card.due <= now);
  const later = cards.filter((card) => card.due > now);

  return (
    <>
      <ClaimAnonymousWork />
      <PageHeader title="Review">
        Questions you missed come back here on a spaced-repetition schedule (FSRS).
      </PageHeader>
      {cards.length === 0 ? (
        <EmptyState
          title={`Nothing to review, ${user.name.split(" ")[0]}`}
          action={{ href: "/practice", label: "Go to practice" }}
        >
          Answer some practice questions; the ones you miss will return here.
        </EmptyState>
      ) : (
        <div className="mt-6 max-w-3xl space-y-6">
          <div className="flex flex-wrap items-center gap-3 rounded-xl border border-border bg-bg-subtle p-4">
            <p className="font-semibold" data-testid="due-count">
              {due.length} due now · {later.length} scheduled later
            </p>
            <form action={startMistakesReview}>
              <button
                type="submit"
                className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90"
              >
                {due.length > 0 ? "Review what is due" : "Retry only my mistakes"}
              </button>
            </form>
          </div>
          <ul className="space-y-2" data-testid="review-cards">
            {cards.map((card) => {
              const entry = questions.get(card.questionId);
              if (!entry) return null;
              return (
                <li key={card.id} className="rounded-lg border border-border p-3">
                  <p className="text-sm text-fg-muted">
                    <Link href={`/learn/${entry.quiz}#${entry.question.section}`} className="underline">
                      {entry.quiz.replaceAll("-", " ")}
                    </Link>{" "}
                    ·{" "}
                    {card.due <= now ? (
                      <strong className="text-fg">due now</strong>
                    ) : (
                      `due ${card.due.toISOString().slice(0, 10)}`
                    )}{" "}
                    · {card.reps} review{card.reps === 1 ? "" : "s"}
                    {isLeech(card) ? " · keeps slipping: reread the section" : ""}
                  </p>
                  <p className="mt-1">
                    <InlineText text={promptOf(entry.question)} />
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </>
  );
}
