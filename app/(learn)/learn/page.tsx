import type { Metadata } from "next";
import { CourseMapProgress, type LessonLabProgress } from "@/components/lesson/course-map-progress";
import { currentUser } from "@/lib/auth/session";
import { listLessons } from "@/lib/content/lessons";
import { db } from "@/lib/db";
import { listLabs } from "@/lib/labs/catalog";
import { passedLabSlugs } from "@/lib/progress/labs";

export const metadata: Metadata = { title: "Learn" };

export default async function CourseMapPage() {
  const [lessons, user] = await Promise.all([listLessons(), currentUser()]);
  // Only server-verified passes count: LabRun rows are written by the server's own re-run.
  const passed = user ? await passedLabSlugs(db(), { id: user.id, role: user.role }) : null;
  const labs: Record<string, LessonLabProgress> = {};
  for (const lab of listLabs()) {
    const entry = (labs[lab.lesson] ??= { total: 0, passed: passed ? 0 : null });
    entry.total += 1;
    if (passed?.has(lab.slug) && entry.passed !== null) entry.passed += 1;
  }
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
          labs={labs}
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
