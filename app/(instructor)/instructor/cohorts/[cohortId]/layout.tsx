import Link from "next/link";
import { CohortTabs } from "@/components/instructor/cohort-tabs";
import { currentUser } from "@/lib/auth/session";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";

/** Cohort header and section tabs. Each page below checks access itself too: a layout is not a security boundary. */
export default async function CohortLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ cohortId: string }>;
}) {
  const { cohortId } = await params;
  // Signed out: the page itself sends the visitor to sign-in with its own path to come back to
  // (the layout does not know which section was asked for).
  if (!(await currentUser())) return children;
  const { cohort } = await requireTaughtCohort(cohortId, `/instructor/cohorts/${cohortId}`);
  return (
    <>
      <p className="text-sm text-fg-muted">
        <Link href="/instructor" className="underline underline-offset-2 hover:text-fg">
          Your cohorts
        </Link>{" "}
        / <span className="text-fg">{cohort.name}</span> · join code{" "}
        <span className="font-mono text-fg">{cohort.joinCode}</span>
      </p>
      <CohortTabs cohortId={cohort.id} />
      <div className="mt-6">{children}</div>
    </>
  );
}
