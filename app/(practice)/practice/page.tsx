import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listLessons } from "@/lib/content/lessons";
import { loadQuizzes, summarise } from "@/lib/questions/bank";

export const metadata: Metadata = { title: "Practice" };

const TYPE_LABELS = {
  "fill-in": "fill-in",
  "true-false": "true/false",
  "multiple-choice": "multiple choice",
  interview: "interview",
} as const;

export default async function PracticePage() {
  const [quizzes, lessons] = await Promise.all([loadQuizzes(), listLessons()]);
  const order = new Map(lessons.map((lesson) => [lesson.slug, lesson.order]));
  const sets = quizzes.map(summarise).sort((a, b) => (order.get(a.slug) ?? 99) - (order.get(b.slug) ?? 99));
  return (
    <>
      <PageHeader title="Practice">
        Fill-in, true/false, multiple-choice and interview questions for each lesson, graded on the server.
        Answers save as you go; questions you miss come back in Review.
      </PageHeader>
      {sets.length === 0 ? (
        <EmptyState
          title="No question sets are published yet"
          action={{ href: "/learn", label: "Read the lessons" }}
        >
          Every lesson ends with self-check questions you can answer as you read.
        </EmptyState>
      ) : (
        <ul className="mt-8 grid gap-3 sm:grid-cols-2" data-testid="quiz-sets">
          {sets.map((set) => (
            <li key={set.slug}>
              <Link
                href={`/practice/${set.slug}`}
                className="block h-full rounded-xl border border-border p-4 no-underline hover:border-accent hover:bg-bg-subtle"
              >
                <span className="text-sm text-fg-muted">Lesson {order.get(set.slug)}</span>
                <span className="block text-lg font-semibold text-fg">{set.title}</span>
                <span className="mt-1 block text-sm text-fg-muted">
                  {set.total} questions:{" "}
                  {Object.entries(set.counts)
                    .filter(([, count]) => count > 0)
                    .map(([type, count]) => `${count} ${TYPE_LABELS[type as keyof typeof TYPE_LABELS]}`)
                    .join(", ")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
