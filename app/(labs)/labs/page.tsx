import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Labs" };

export default function LabsPage() {
  return (
    <>
      <PageHeader title="Labs">
        Write real health-check and shutdown handlers and watch them run against a simulated server, database
        and clock.
      </PageHeader>
      <EmptyState
        title="No labs are published yet"
        action={{ href: "/learn/health-checks", label: "Read about health checks" }}
      >
        The health-check lesson walks through a probe timeline second by second; the labs will let you run it.
      </EmptyState>
    </>
  );
}
