import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/review");
  return (
    <>
      <PageHeader title="Review">
        Questions you missed come back here on a spaced-repetition schedule.
      </PageHeader>
      <EmptyState
        title={`Nothing due, ${user.name.split(" ")[0]}`}
        action={{ href: "/practice", label: "Go to practice" }}
      >
        Nothing is scheduled for review yet. Answer some practice questions; the ones you miss will return
        here.
      </EmptyState>
    </>
  );
}
