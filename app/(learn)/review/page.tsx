import type { Metadata } from "next";
import { z } from "zod";
import { ClaimAnonymousWork } from "@/components/quiz/claim-anonymous-work";
import { CardList, type ListedCard } from "@/components/review/card-list";
import { loadSession } from "@/components/review/load-session";
import { ReviewSession } from "@/components/review/review-session";
import { SettingsForm } from "@/components/review/settings-form";
import { TimeZoneSync } from "@/components/review/time-zone-sync";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getQuestionsById } from "@/lib/questions/bank";

export const metadata: Metadata = { title: "Review" };

const Search = z.object({ ahead: z.enum(["1"]).optional().catch(undefined) });

function promptOf(question: { type: string; prompt?: string; statement?: string }): string {
  return (
    (question.type === "true-false" ? question.statement : question.prompt)?.replaceAll("___", "_____") ?? ""
  );
}

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, unknown>>;
}) {
  const user = await requireUser("/review");
  const ahead = Search.parse(await searchParams).ahead === "1";
  const now = new Date();
  const { summary, card, all } = await loadSession(user.id, ahead, now);
  const questions = await getQuestionsById(all.map((row) => row.questionId));
  const listed: ListedCard[] = all.flatMap((row) => {
    const entry = questions.get(row.questionId);
    if (!entry) return [];
    return [
      {
        ...row,
        prompt: promptOf(entry.question),
        lesson: entry.quiz.replaceAll("-", " "),
        href: `/learn/${entry.quiz}#${entry.question.section}`,
      },
    ];
  });

  return (
    <>
      <ClaimAnonymousWork />
      <TimeZoneSync serverTimeZone={summary.timeZone} />
      <PageHeader title={ahead ? "Review: studying ahead" : "Review"}>
        Questions you missed come back one at a time on a spaced-repetition schedule (FSRS): answer, see the
        key, then rate how well you remembered.
      </PageHeader>
      {all.length === 0 ? (
        <EmptyState
          title={`Nothing to review, ${user.name.split(" ")[0]}`}
          action={{ href: "/practice", label: "Go to practice" }}
        >
          Answer some practice questions; the ones you miss will return here.
        </EmptyState>
      ) : (
        <div className="mt-6 max-w-3xl space-y-6">
          {/* New limits rebuild the session (an answer waiting for its rating is kept on the server). */}
          <ReviewSession
            key={`${ahead}-${summary.settings.newPerDay}-${summary.settings.reviewsPerDay}`}
            initialCard={card}
            initialSummary={summary}
          />
          <details className="rounded-xl border border-border p-4">
            <summary className="cursor-pointer font-semibold">Daily limits</summary>
            <div className="mt-3">
              <SettingsForm settings={summary.settings} timeZone={summary.timeZone} />
            </div>
          </details>
          <details className="rounded-xl border border-border p-4">
            <summary className="cursor-pointer font-semibold">All your cards ({listed.length})</summary>
            <div className="mt-3">
              <CardList cards={listed} now={now} />
            </div>
          </details>
        </div>
      )}
    </>
  );
}
