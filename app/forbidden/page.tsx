import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <>
      <PageHeader title="This page is for instructors" />
      <EmptyState
        title="Your account cannot open it"
        action={{ href: "/learn", label: "Back to the lessons" }}
      >
        Instructor accounts are created by an instructor. If you teach a cohort, ask one to upgrade your
        account.
      </EmptyState>
    </>
  );
}
