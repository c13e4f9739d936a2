"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useLessonProgress } from "./progress-store";

const END_DWELL_MS = 1500;

/**
 * End-of-lesson control: records the visit on arrival, marks the lesson
 * complete when the reader reaches the end, or with the button.
 */
export function LessonProgress({
  slug,
  next,
}: {
  slug: string;
  next: { slug: string; title: string } | null;
}) {
  const sentinelRef = useRef<HTMLDivElement>(null);
  const entry = useLessonProgress((state) => state.entries[slug]);
  const status = useLessonProgress((state) => state.status);
  const signedIn = useLessonProgress((state) => state.signedIn);
  const error = useLessonProgress((state) => state.error);
  const saving = useLessonProgress((state) => state.saving > 0);
  const visit = useLessonProgress((state) => state.visit);
  const complete = useLessonProgress((state) => state.complete);
  const done = Boolean(entry?.completedAt);

  useEffect(() => {
    void visit(slug);
  }, [slug, visit]);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || done) return;
    // Reaching the end means staying there a moment, not scrolling past it.
    let dwell: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver((entries) => {
      clearTimeout(dwell);
      if (entries.some((item) => item.isIntersecting)) {
        dwell = setTimeout(() => {
          observer.disconnect();
          void complete(slug);
        }, END_DWELL_MS);
      }
    });
    observer.observe(sentinel);
    return () => {
      clearTimeout(dwell);
      observer.disconnect();
    };
  }, [slug, done, complete]);

  return (
    <section
      aria-label="Lesson progress"
      className="no-print mt-10 rounded-xl border border-border bg-bg-subtle p-4"
      data-testid="lesson-progress"
    >
      <div ref={sentinelRef} />
      <div className="flex flex-wrap items-center gap-3">
        {done ? (
          <p className="font-semibold text-success" role="status">
            <span aria-hidden="true">✓ </span>Lesson complete
            {signedIn && (
              <span className="ml-2 text-sm font-normal text-fg-muted">
                {saving ? "Saving…" : "Saved to your account"}
              </span>
            )}
          </p>
        ) : (
          <button
            type="button"
            onClick={() => void complete(slug)}
            disabled={status !== "ready"}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
          >
            Mark lesson complete
          </button>
        )}
        {next && (
          <Link href={`/learn/${next.slug}`} className="font-medium">
            Next: {next.title} →
          </Link>
        )}
      </div>
      {status === "ready" && !signedIn && (
        <p className="mt-2 text-sm text-fg-muted">
          Progress is kept in this browser.{" "}
          <Link href={`/sign-in?next=/learn/${slug}`} className="underline">
            Sign in
          </Link>{" "}
          to keep it in your account.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
