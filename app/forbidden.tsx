import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Not allowed" };

/** Rendered with HTTP 403 wherever a page calls forbidden(): a learner on an instructor page, or an instructor on a cohort they do not teach. */
export default function Forbidden() {
  return (
    <>
      <PageHeader title="This page is for instructors" />
      <EmptyState
        title="Your account cannot open it"
        action={{ href: "/learn", label: "Back to the lessons" }}
      >
        Instructor pages show only the cohorts you teach. Learner accounts cannot open them; if you teach this
        cohort, ask the instructor who created it to add you.
      </EmptyState>
    </>
  );
}
