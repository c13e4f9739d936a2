import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Practice" };

export default function PracticePage() {
  return (
    <>
      <PageHeader title="Practice">
        Fill-in, true/false, multiple-choice and interview questions, graded on the server.
      </PageHeader>
      <EmptyState
        title="No question sets are published yet"
        action={{ href: "/learn", label: "Read the lessons" }}
      >
        Until they are, every lesson ends with a few self-check questions you can answer as you read.
      </EmptyState>
    </>
  );
}
