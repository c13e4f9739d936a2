import pg from "pg";
import type { DrillStats } from "./stats";

/**
 * Every answer the app acknowledged must be in PostgreSQL afterwards: the last
 * acknowledged value of each (attempt, question), unless a later save, sent but
 * never acknowledged (a failed request), replaced it; every acknowledged submit
 * is a submitted attempt; every recorded lab run is a row.
 */
export async function countLost(
  databaseUrl: string,
  stats: DrillStats,
): Promise<{ lost: number; details: string[] }> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const details: string[] = [];
  try {
    await client.query(`SET search_path TO "${schema.replaceAll('"', '""')}"`);
    const attemptIds = [...new Set([...stats.answers.keys()].map((key) => key.split("|")[0]!))];
    const rows = await client.query<{ attemptId: string; questionId: string; answer: string }>(
      `SELECT "attemptId", "questionId", answer FROM "QuizResponse" WHERE "attemptId" = ANY($1)`,
      [attemptIds],
    );
    const stored = new Map(rows.rows.map((row) => [`${row.attemptId}|${row.questionId}`, row.answer]));
    for (const [key, entry] of stats.answers) {
      if (entry.acked === null) continue;
      const value = stored.get(key);
      if (value === entry.acked || (value !== undefined && entry.unsure.includes(value))) continue;
      details.push(`answer ${key}: acknowledged ${entry.acked}, stored ${value ?? "nothing"}`);
    }
    const submitted = await client.query<{ id: string }>(
      `SELECT id FROM "QuizAttempt" WHERE id = ANY($1) AND status = 'submitted'`,
      [[...stats.submitted]],
    );
    const submittedIds = new Set(submitted.rows.map((row) => row.id));
    for (const id of stats.submitted)
      if (!submittedIds.has(id)) details.push(`attempt ${id}: submit acknowledged, not submitted`);
    const labs = await client.query<{ email: string; runs: string }>(
      `SELECT u.email, count(r.id) AS runs FROM "user" u JOIN "LabRun" r ON r."userId" = u.id WHERE u.email = ANY($1) GROUP BY u.email`,
      [[...stats.labRuns.keys()]],
    );
    const runs = new Map(labs.rows.map((row) => [row.email, Number(row.runs)]));
    for (const [email, count] of stats.labRuns)
      if ((runs.get(email) ?? 0) < count)
        details.push(`lab runs of ${email}: ${count} recorded, ${runs.get(email) ?? 0} stored`);
  } finally {
    await client.end();
  }
  return { lost: details.length, details };
}
