import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listMyCohorts } from "@/lib/cohorts/queries";
import { db } from "@/lib/db";
import { JoinForm } from "./_components/join-form";
import { MyCohorts } from "./_components/my-cohorts";

export const metadata: Metadata = { title: "Join a cohort" };

export default async function JoinPage() {
  const user = await requireUser("/join");
  const memberships = await listMyCohorts(db(), user);
  return (
    <>
      <PageHeader title="Join a cohort">
        Type the code your instructor gave you. Your instructor then sees your progress in the course.
      </PageHeader>
      <JoinForm />
      <MyCohorts memberships={memberships} />
    </>
  );
}
