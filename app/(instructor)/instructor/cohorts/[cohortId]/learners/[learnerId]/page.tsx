import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ActivityTimeline } from "@/components/instructor/learner/activity-timeline";
import { AttemptList } from "@/components/instructor/learner/attempt-list";
import { InterviewAnswers } from "@/components/instructor/learner/interview-answers";
import { LabRunList } from "@/components/instructor/learner/lab-run-list";
import { ReviewHealthPanel } from "@/components/instructor/learner/review-health";
import { NotFoundError } from "@/lib/access";
import { learnerPath, rosterPath } from "@/lib/cohorts/paths";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { LEARNER_PAGE_LIMIT, loadLearnerDetail, type LearnerDetail } from "@/lib/instructor/learner-data";

export const metadata: Metadata = { title: "Learner" };

type Props = { params: Promise<{ cohortId: string; learnerId: string }> };

const SECTIONS = [
  { id: "activity", label: "Activity" },
  { id: "attempts", label: "Attempts" },
  { id: "labs", label: "Lab runs" },
  { id: "interview", label: "Interview answers" },
  { id: "review", label: "Review queue" },
] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-10 scroll-mt-20">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const joined = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** One learner of a cohort the instructor teaches (the learner must be in that cohort, else 404). */
export default async function LearnerPage({ params }: Props) {
  const { cohortId, learnerId } = await params;
  const { user } = await requireTaughtCohort(cohortId, learnerPath(cohortId, learnerId));
  let detail: LearnerDetail;
  try {
    detail = await loadLearnerDetail(db(), user, cohortId, learnerId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { learner } = detail;
  return (
    <>
      <p className="text-sm">
        <Link href={rosterPath(cohortId)} className="underline underline-offset-2">
          ← Back to the roster
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight" data-testid="learner-name">
        {learner.name}
      </h1>
      <p className="text-sm text-fg-muted">
        {learner.email} · joined{" "}
        <time dateTime={learner.joinedAt.toISOString()}>{joined.format(learner.joinedAt)}</time> · times in
        UTC
      </p>
      <nav aria-label="Sections of this page" className="mt-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                className="inline-block rounded-md border border-border px-2 py-1 no-underline hover:bg-bg-muted"
              >
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {(detail.truncated.attempts || detail.truncated.labRuns) && (
        <p className="mt-4 rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm text-warning">
          Showing the newest {LEARNER_PAGE_LIMIT} attempts and lab runs; older ones are not listed.
        </p>
      )}
      <Section id="activity" title="Activity">
        <ActivityTimeline days={detail.timeline} />
      </Section>
      <Section id="attempts" title="Attempts and responses">
        <AttemptList attempts={detail.attempts} />
      </Section>
      <Section id="labs" title="Lab runs">
        <LabRunList runs={detail.labRuns} activity={detail.labActivity} />
      </Section>
      <Section id="interview" title="Interview answers">
        <InterviewAnswers answers={detail.interviewAnswers} />
      </Section>
      <Section id="review" title="Review queue">
        <ReviewHealthPanel review={detail.review} />
      </Section>
    </>
  );
}
