/**
 * A download name that is safe in a Content-Disposition header and on every file system:
 * "Grace cohort (2025)/spring" → "grace-cohort-2025-spring-grades-2025-06-01.csv". Letters with
 * accents lose them (é → e); anything else that is not a letter or digit becomes one dash.
 */
export function csvFileName(cohortName: string, kind: string, date: Date): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "");
  const cohort = slug(cohortName) || "cohort";
  return `${cohort}-${slug(kind) || "export"}-${date.toISOString().slice(0, 10)}.csv`;
}
