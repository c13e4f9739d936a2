import type { Metadata } from "next";
import { CourseMapProgress } from "@/components/lesson/course-map-progress";
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
        <CourseMapProgress
          lessons={lessons.map(({ slug, title, order, description, readingMinutes }) => ({
            slug,
            title,
            order,
            description,
            readingMinutes,
          }))}
        />
      )}
    </div>
  );
}
