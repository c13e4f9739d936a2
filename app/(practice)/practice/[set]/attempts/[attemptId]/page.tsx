import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptForm } from "@/components/quiz/attempt-form";
import { AttemptReview } from "@/components/quiz/attempt-review";
import { ClaimAnonymousWork } from "@/components/quiz/claim-anonymous-work";
import { StartAttemptButtons } from "@/components/quiz/start-attempt-buttons";
import { currentLearner } from "@/lib/auth/learner";
import { db } from "@/lib/db";
import { getAttempt } from "@/lib/progress/attempts";
import { getQuiz } from "@/lib/questions/bank";
import { attemptView } from "@/lib/questions/attempt-view";

type Props = { params: Promise<{ set: string; attemptId: string }> };

export const metadata: Metadata = { title: "Quiz attempt" };

export default async function AttemptPage({ params }: Props) {
  const { set, attemptId } = await params;
  const learner = await currentLearner();
  if (!learner) notFound();
  // Someone else's attempt is "not found", not "forbidden": its existence is not disclosed.
  const attempt = await getAttempt(db(), learner, attemptId).catch(() => null);
  if (!attempt || attempt.quizSlug !== set) notFound();
  const quiz = set === "review" ? null : await getQuiz(set);
  const title = quiz ? quiz.title : "Your mistakes";
  const { questions, saved, feedback, practice, reviews } = await attemptView(attempt);
  const submitted = attempt.status === "submitted";

  return (
    <div className="max-w-3xl">
      <ClaimAnonymousWork />
      <p className="text-sm text-fg-muted">
        <Link href={quiz ? `/practice/${quiz.lesson}` : "/review"} className="underline">
          {quiz ? `${title} questions` : "Review"}
        </Link>{" "}
        · {attempt.mode === "practice" ? "Practice mode" : "Check mode"}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{submitted ? `Results: ${title}` : title}</h1>
      {submitted ? (
        <>
          <p className="mt-3 text-lg" data-testid="attempt-score">
            Score: <strong>{(attempt.score ?? 0).toFixed(1).replace(/\.0$/, "")}</strong> of{" "}
            {attempt.maxScore ?? questions.length}{" "}
            <span className="text-fg-muted">
              ({Math.round(((attempt.score ?? 0) / Math.max(1, attempt.maxScore ?? 1)) * 100)}%)
            </span>
          </p>
          <p className="mt-1 text-sm text-fg-muted">
            Questions you missed are scheduled for{" "}
            <Link href="/review" className="underline">
              review
            </Link>{" "}
            when you are signed in.
          </p>
          {quiz && (
            <div className="mt-4">
              <StartAttemptButtons quizSlug={quiz.lesson} compact />
            </div>
          )}
          <AttemptReview questions={questions} feedback={feedback} reviews={reviews} />
        </>
      ) : (
        <AttemptForm
          attemptId={attempt.id}
          mode={attempt.mode === "practice" ? "practice" : "check"}
          questions={questions}
          saved={saved}
          feedback={attempt.mode === "practice" ? practice : {}}
        />
      )}
    </div>
  );
}
