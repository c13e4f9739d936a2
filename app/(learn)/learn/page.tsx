import type { Metadata } from "next";
import Link from "next/link";
import { listLessons } from "@/lib/content/lessons";

export const metadata: Metadata = { title: "Learn" };

export default async function CourseMapPage() {
  const lessons = await listLessons();
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Production considerations</h1>
      <p className="mt-2 text-fg-muted">
        Running a container is easy; running it well in production is the chapter. Work through the lessons in
        order, or jump to what you need.
      </p>
      {lessons.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-border p-6 text-fg-muted">
          No lessons are published yet.
        </p>
      ) : (
        <ol className="mt-8 space-y-3" data-testid="course-map">
          {lessons.map((lesson) => (
            <li key={lesson.slug}>
              <Link
                href={`/learn/${lesson.slug}`}
                className="block rounded-xl border border-border p-4 no-underline transition hover:border-accent hover:bg-bg-subtle"
              >
                <span className="text-sm text-fg-muted">
                  Lesson {lesson.order} · {lesson.readingMinutes} min
                </span>
                <span className="mt-0.5 block text-lg font-semibold text-fg">{lesson.title}</span>
                <span className="mt-1 block text-fg-muted">{lesson.description}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
