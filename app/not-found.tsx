import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="Nothing lives at this address"
        action={{ href: "/learn", label: "Go to the lessons" }}
      >
        The link may be old or mistyped.
      </EmptyState>
    </>
  );
}
