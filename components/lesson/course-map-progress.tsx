"use client";
import Link from "next/link";
import { useEffect } from "react";
import type { LessonMeta } from "@/lib/content/lesson-schema";
import { continueTarget } from "@/lib/progress/continue-target";
import { useLessonProgress } from "./progress-store";

type LessonCard = Pick<LessonMeta, "slug" | "title" | "order" | "description" | "readingMinutes">;

/** A lesson's labs; `passed` is null when nobody is signed in (passes are recorded per account). */
export type LessonLabProgress = { total: number; passed: number | null };

type Props = { lessons: LessonCard[]; labs?: Readonly<Record<string, LessonLabProgress>> };

/** The course map: each lesson with its progress (reading and server-verified labs), and where to pick up. */
export function CourseMapProgress({ lessons, labs = {} }: Props) {
  const entries = useLessonProgress((state) => state.entries);
  const status = useLessonProgress((state) => state.status);
  const load = useLessonProgress((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  const completed = lessons.filter((lesson) => entries[lesson.slug]?.completedAt).length;
  const target = continueTarget(
    lessons.map((lesson) => lesson.slug),
    entries,
  );
  const targetLesson = lessons.find((lesson) => lesson.slug === target?.slug);
  const percent = lessons.length ? Math.round((completed / lessons.length) * 100) : 0;

  return (
    <>
      <div className="mt-6 rounded-xl border border-border bg-bg-subtle p-4" data-testid="course-progress">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="font-semibold">
            {status === "ready"
              ? `${completed} of ${lessons.length} lessons complete`
              : "Loading your progress…"}
          </p>
          {targetLesson && target && (
            <Link
              href={`/learn/${targetLesson.slug}`}
              className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg no-underline hover:opacity-90"
              data-testid="continue-link"
            >
              {target.reason === "resume" ? "Continue" : target.reason === "next" ? "Next up" : "Start"}:{" "}
              {targetLesson.title}
            </Link>
          )}
        </div>
        <div
          className="mt-3 h-2 overflow-hidden rounded-full bg-bg-muted"
          role="progressbar"
          aria-label="Course progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="h-full rounded-full bg-success" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <ol className="mt-6 space-y-3" data-testid="course-map">
        {lessons.map((lesson) => {
          const entry = entries[lesson.slug];
          const state = entry?.completedAt ? "complete" : entry ? "started" : "new";
          return (
            <li key={lesson.slug}>
              <Link
                href={`/learn/${lesson.slug}`}
                className="flex gap-4 rounded-xl border border-border p-4 no-underline transition hover:border-accent hover:bg-bg-subtle"
                data-progress={state}
              >
                <span
                  aria-hidden="true"
                  className={`mt-1 grid h-7 w-7 shrink-0 place-items-center rounded-full border text-sm font-bold ${
                    state === "complete"
                      ? "border-success bg-success text-bg"
                      : state === "started"
                        ? "border-accent text-accent"
                        : "border-border text-fg-muted"
                  }`}
                >
                  {state === "complete" ? "✓" : lesson.order}
                </span>
                <span className="min-w-0">
                  <span className="text-sm text-fg-muted">
                    Lesson {lesson.order} · {lesson.readingMinutes} min
                    {state === "complete" ? " · Complete" : state === "started" ? " · In progress" : ""}
                  </span>
                  <span className="mt-0.5 block text-lg font-semibold text-fg">{lesson.title}</span>
                  <span className="mt-1 block text-fg-muted">{lesson.description}</span>
                  <LabsLine progress={labs[lesson.slug]} />
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function LabsLine({ progress }: { progress: LessonLabProgress | undefined }) {
  if (!progress) return null;
  const { total, passed } = progress;
  const labs = `${total} lab${total === 1 ? "" : "s"}`;
  if (passed === null)
    return <span className="mt-2 block text-sm text-fg-muted">{labs} · sign in to record passes</span>;
  const all = passed === total;
  return (
    <span
      className={`mt-2 inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-semibold ${
        all ? "border-success bg-success-soft text-success" : "border-border bg-bg-subtle text-fg"
      }`}
      data-testid="lesson-labs-progress"
    >
      {all && (
        <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" aria-hidden="true" focusable="false">
          <path
            d="M3 8.5l3 3 7-7"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
      Labs passed: {passed} of {total}
    </span>
  );
}
