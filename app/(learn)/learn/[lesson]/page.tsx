import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonToc } from "@/components/lesson/lesson-toc";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonProgress } from "@/components/lesson/lesson-progress";
import { getLesson, listLessons } from "@/lib/content/lessons";
import { labsForLesson } from "@/lib/labs/catalog";
import { LESSON_SLUGS } from "@/lib/labs/schema";
import { getQuiz, summarise } from "@/lib/questions/bank";

type Params = { params: Promise<{ lesson: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listLessons()).map((lesson) => ({ lesson: lesson.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = await getLesson((await params).lesson);
  return lesson ? { title: lesson.title, description: lesson.description } : {};
}

export default async function LessonPage({ params }: Params) {
  const { lesson: slug } = await params;
  const [lesson, lessons, quiz] = await Promise.all([getLesson(slug), listLessons(), getQuiz(slug)]);
  const practice = quiz ? summarise(quiz) : null;
  const labs = (LESSON_SLUGS as readonly string[]).includes(slug)
    ? labsForLesson(slug as (typeof LESSON_SLUGS)[number])
    : [];
  if (!lesson) notFound();
  const index = lessons.findIndex((item) => item.slug === slug);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];

  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)_13rem] print:block">
      <nav data-lesson-nav aria-label="Lessons" className="hidden lg:block">
        <div className="sticky top-20">
          <p className="mb-2 text-sm font-semibold">Chapter</p>
          <ol className="space-y-1 text-sm">
            {lessons.map((item) => (
              <li key={item.slug}>
                <Link
                  href={`/learn/${item.slug}`}
                  aria-current={item.slug === slug ? "page" : undefined}
                  className={`block rounded px-2 py-1 no-underline ${
                    item.slug === slug
                      ? "bg-accent-soft font-medium text-fg"
                      : "text-fg-muted hover:bg-bg-muted hover:text-fg"
                  }`}
                >
                  {item.order}. {item.title}
                </Link>
              </li>
            ))}
          </ol>
        </div>
      </nav>

      <article className="min-w-0" data-testid="lesson">
        <p className="text-sm text-fg-muted">
          Lesson {lesson.order} · {lesson.readingMinutes} min read
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
        <p className="mt-3 text-lg text-fg-muted">{lesson.description}</p>

        <section
          aria-labelledby="objectives-heading"
          className="mt-6 rounded-lg border border-border bg-bg-subtle p-4"
        >
          <h2 id="objectives-heading" className="font-semibold">
            By the end of this lesson you can
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {lesson.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>

        <details className="no-print mt-6 rounded-lg border border-border p-3 lg:hidden">
          <summary className="cursor-pointer font-semibold">On this page</summary>
          <div className="mt-3">
            <LessonToc entries={lesson.toc} />
          </div>
        </details>

        <div className="prose mt-8">
          <LessonBody code={lesson.code} />
        </div>

        {practice && (
          <section aria-labelledby="practice-heading" className="no-print mt-10 rounded-xl border border-border p-4">
            <h2 id="practice-heading" className="text-lg font-semibold">
              Practise what this lesson teaches
            </h2>
            <p className="mt-1 text-fg-muted">
              {practice.total} questions: {practice.counts["fill-in"]} fill-in, {practice.counts["true-false"]} true/false,{" "}
              {practice.counts["multiple-choice"]} multiple choice and {practice.counts.interview} interview, graded on the server.
            </p>
            <Link
              href={`/practice/${practice.slug}`}
              className="mt-3 inline-flex rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg no-underline hover:opacity-90"
            >
              Practice: {lesson.title}
            </Link>
          </section>
        )}

        {labs.length > 0 && (
          <section aria-labelledby="labs-heading" className="no-print mt-6 rounded-xl border border-border p-4">
            <h2 id="labs-heading" className="text-lg font-semibold">
              Labs for this lesson
            </h2>
            <p className="mt-1 text-fg-muted">Run what you read against a simulated server and clock; the server checks your solution.</p>
            <ul className="mt-3 space-y-2" data-testid="lesson-labs">
              {labs.map((lab) => (
                <li key={lab.slug}>
                  <Link href={`/labs/${lab.slug}`} className="font-medium underline">
                    {lab.title}
                  </Link>
                  <span className="block text-sm text-fg-muted">{lab.summary}</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <LessonProgress slug={lesson.slug} next={next ? { slug: next.slug, title: next.title } : null} />

        <nav
          aria-label="Previous and next lesson"
          className="no-print mt-12 grid gap-3 border-t border-border pt-6 sm:grid-cols-2"
        >
          {previous ? (
            <Link
              href={`/learn/${previous.slug}`}
              className="rounded-lg border border-border p-3 no-underline hover:bg-bg-subtle"
            >
              <span className="block text-xs text-fg-muted">Previous</span>
              <span className="font-medium">{previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={`/learn/${next.slug}`}
              className="rounded-lg border border-border p-3 text-right no-underline hover:bg-bg-subtle"
            >
              <span className="block text-xs text-fg-muted">Next</span>
              <span className="font-medium">{next.title}</span>
            </Link>
          )}
        </nav>
      </article>

      <aside className="hidden lg:block">
        <div className="sticky top-20">
          <LessonToc entries={lesson.toc} />
        </div>
      </aside>
    </div>
  );
}
