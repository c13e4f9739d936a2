import type { Metadata } from "next";
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
        Share a cohort&apos;s join code with learners; their progress shows up here.
      </PageHeader>
      {cohorts.length === 0 ? (
        <EmptyState title="You do not teach any cohort yet">
          Cohorts you create will be listed here.
        </EmptyState>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table
            className="w-full min-w-[28rem] border-collapse text-left text-sm"
            data-testid="cohort-table"
          >
            <caption className="sr-only">Cohorts you teach</caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Cohort
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Join code
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">
                  Learners
                </th>
                <th scope="col" className="py-2 font-semibold">
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id} className="border-b border-border">
                  <td className="py-2 pr-4 font-medium">{cohort.name}</td>
                  <td className="py-2 pr-4 font-mono">{cohort.joinCode}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{cohort.learnerCount}</td>
                  <td className="py-2">{cohort.createdAt.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
