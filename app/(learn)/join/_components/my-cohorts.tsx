import Link from "next/link";
import type { Membership } from "@/lib/cohorts/queries";
import { rosterPath } from "@/lib/cohorts/paths";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The signed-in person's own cohorts (their memberships only). */
export function MyCohorts({ memberships }: { memberships: Membership[] }) {
  return (
    <section aria-labelledby="my-cohorts" className="mt-10 max-w-xl">
      <h2 id="my-cohorts" className="text-lg font-semibold">
        Your cohorts
      </h2>
      {memberships.length === 0 ? (
        <p className="mt-2 text-fg-muted" data-testid="no-cohorts">
          You have not joined a cohort yet.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-border rounded-xl border border-border" data-testid="my-cohorts">
          {memberships.map((membership) => (
            <li key={membership.cohortId} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
              <span className="font-medium">
                {membership.role === "instructor" ? (
                  <Link href={rosterPath(membership.cohortId)} className="underline underline-offset-2">
                    {membership.name}
                  </Link>
                ) : (
                  membership.name
                )}
              </span>
              <span className="text-sm text-fg-muted">
                {membership.role === "instructor" ? "Instructor" : "Learner"} · joined{" "}
                <time dateTime={membership.joinedAt.toISOString()}>
                  {dateFormat.format(membership.joinedAt)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
