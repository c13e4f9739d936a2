import type { Metadata } from "next";
import { CohortList } from "@/components/instructor/cohort-list";
import { CreateCohortForm } from "@/components/instructor/create-cohort-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/session";
import { listTaughtCohorts } from "@/lib/cohorts/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const user = await requireRole("instructor", "/instructor");
  const cohorts = await listTaughtCohorts(db(), user);
  return (
    <>
      <PageHeader title="Your cohorts">
        Share a cohort&apos;s join code or link with learners; their progress shows up in the cohort&apos;s
        roster.
      </PageHeader>
      <CreateCohortForm />
      <section aria-labelledby="taught-cohorts" className="mt-8">
        <h2 id="taught-cohorts" className="text-lg font-semibold">
          Cohorts you teach
        </h2>
        {cohorts.length === 0 ? (
          <EmptyState title="You do not teach any cohort yet">
            Create one above: it gets a join code and a link to share with your learners.
          </EmptyState>
        ) : (
          <CohortList cohorts={cohorts} />
        )}
      </section>
    </>
  );
}
