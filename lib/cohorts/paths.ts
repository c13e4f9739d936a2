// Route paths used by server and client components alike (so nothing server-only is imported here).

/** Where a learner confirms joining a cohort (code as stored): instructors share it as a link. */
export function joinPath(joinCode: string): string {
  return `/join/${encodeURIComponent(joinCode)}`;
}

export function rosterPath(cohortId: string): string {
  return `/instructor/cohorts/${encodeURIComponent(cohortId)}`;
}

export function learnerPath(cohortId: string, learnerId: string): string {
  return `${rosterPath(cohortId)}/learners/${encodeURIComponent(learnerId)}`;
}
