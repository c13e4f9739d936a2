import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { listLessons } from "@/lib/content/lessons";
import { db } from "@/lib/db";
import { listLabs } from "@/lib/labs/catalog";
import { isCodeLab, type Lab } from "@/lib/labs/schema";
import { passedLabSlugs } from "@/lib/progress/labs";

export const metadata: Metadata = { title: "Labs" };

export default async function LabsPage() {
  const [lessons, user] = await Promise.all([listLessons(), currentUser()]);
  const passed = user ? await passedLabSlugs(db(), { id: user.id, role: user.role }) : new Set<string>();
  const labs = listLabs();
  const groups = lessons
    .map((lesson) => ({ lesson, labs: labs.filter((lab) => lab.lesson === lesson.slug) }))
    .filter((group) => group.labs.length > 0);

  return (
    <>
      <PageHeader title="Labs">
        Write real health-check and shutdown handlers, or pick the settings around them, and watch them run
        against a simulated server, database and clock. The server checks every solution you submit.
      </PageHeader>
      {user ? (
        <p className="mt-3 text-sm text-fg-muted" data-testid="labs-progress">
          You have passed {labs.filter((lab) => passed.has(lab.slug)).length} of {labs.length} labs.
        </p>
      ) : (
        <p className="mt-3 text-sm text-fg-muted">
          <Link href="/sign-in?next=/labs" className="underline">
            Sign in
          </Link>{" "}
          to keep a record of the labs you pass.
        </p>
      )}
      <div className="mt-8 max-w-3xl space-y-10">
        {groups.map(({ lesson, labs: lessonLabs }) => (
          <section key={lesson.slug} aria-labelledby={`lesson-${lesson.slug}`}>
            <h2 id={`lesson-${lesson.slug}`} className="text-xl font-semibold">
              {lesson.order}. {lesson.title}
            </h2>
            <p className="text-sm text-fg-muted">
              {user && (
                <span data-testid={`lesson-labs-${lesson.slug}`}>
                  Passed {lessonLabs.filter((lab) => passed.has(lab.slug)).length} of {lessonLabs.length}{" "}
                  ·{" "}
                </span>
              )}
              <Link href={`/learn/${lesson.slug}`} className="underline">
                Read the lesson
              </Link>
            </p>
            <ul className="mt-3 space-y-3">
              {lessonLabs.map((lab) => (
                <LabCard key={lab.slug} lab={lab} passed={passed.has(lab.slug)} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

function LabCard({ lab, passed }: { lab: Lab; passed: boolean }) {
  return (
    <li className="rounded-xl border border-border p-4 hover:bg-bg-subtle" data-testid={`lab-${lab.slug}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold">
          <Link href={`/labs/${lab.slug}`} className="underline-offset-2 hover:underline">
            {lab.title}
          </Link>
        </h3>
        {passed && (
          <span
            className="inline-flex items-center gap-1 rounded-full border border-success bg-success-soft px-2 py-0.5 text-xs font-semibold text-success"
            data-testid="passed-badge"
          >
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
            Passed
          </span>
        )}
      </div>
      <p className="mt-1 text-fg-muted">{lab.summary}</p>
      <p className="mt-1 text-xs text-fg-muted">{isCodeLab(lab) ? "You write code" : "You pick settings"}</p>
    </li>
  );
}
