// Server render time of the instructor pages for a large cohort: 1,000 learners who have each
// answered the same 60 questions. Seeds a temporary SQLite database with bulk inserts, starts the
// production build on it, signs in as the cohort's instructor and times the roster and
// item-analysis pages (median and p95 of 10 requests after a warm-up; target 500 ms).
//
//   npm run build && npx tsx bench/instructor-pages.ts
//   npx tsx bench/instructor-pages.ts --seed-only            (no build needed: seeding figures only)
//   options: --learners 1000  --questions 60  --runs 10  --keep (leave the database file behind)
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { hashPassword } from "better-auth/crypto";
import { migrateFreshSqlite } from "../lib/db-migrate";
import type { QuizFile } from "../lib/questions/schema";
import { loadQuickJs } from "../lib/sandbox/node-quickjs";
import { loadCourseContent } from "../lib/seed/course-content";
import { planCohortActivity } from "../lib/seed/synthetic/plan";
import type { CohortPlan } from "../lib/seed/synthetic/types";
import { startProductionServer } from "../lib/testing/production-server";

const TARGET_MS = 500;
const INSTRUCTOR = { email: "bench-instructor@shipshape.test", password: "bench-instructor-pw-1" };

const { values: options } = parseArgs({
  options: {
    "seed-only": { type: "boolean", default: false },
    learners: { type: "string", default: "1000" },
    questions: { type: "string", default: "60" },
    runs: { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
  },
});
const learnerCount = Number(options.learners);
const questionCount = Number(options.questions);
const runs = Number(options.runs);

if (!options["seed-only"] && (!existsSync("dist/server.mjs") || !existsSync(".next/BUILD_ID"))) {
  console.error(
    "No production build found (dist/server.mjs and .next/BUILD_ID).\n" +
      "Run `npm run build` first, or pass --seed-only to measure the seeding alone.",
  );
  process.exit(1);
}

/** The first `count` questions of the bank in course order, as question sets (the last one cut short if need be). */
function firstQuestions(quizzes: readonly QuizFile[], count: number): QuizFile[] {
  const sets: QuizFile[] = [];
  let left = count;
  for (const quiz of quizzes) {
    if (left <= 0) break;
    sets.push({ ...quiz, questions: quiz.questions.slice(0, left) });
    left -= Math.min(left, quiz.questions.length);
  }
  if (left > 0) throw new Error(`the bank has fewer than ${count} questions`);
  return sets;
}

/** A value as Prisma's SQLite adapter stores it: ISO dates with an explicit offset, booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Bulk insert through one prepared statement (the bench database is SQLite by design: it is about render time). */
function insertRows(database: Database.Database, table: string, rows: readonly object[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const statement = database.prepare(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  for (const row of rows)
    statement.run(columns.map((column) => sqliteValue((row as Record<string, unknown>)[column])));
}

function withIds<T extends object>(prefix: string, rows: readonly T[]): Array<T & { id: string }> {
  return rows.map((row, index) => ({ id: `${prefix}${index + 1}`, ...row }));
}

function writePlan(file: string, plan: CohortPlan, cohortId: string): void {
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  try {
    database.transaction(() => {
      insertRows(
        database,
        "user",
        plan.learners.map(({ id, name, email, createdAt }) => ({
          id,
          name,
          email,
          emailVerified: true,
          role: "learner",
          createdAt,
          updatedAt: createdAt,
        })),
      );
      insertRows(
        database,
        "CohortMembership",
        plan.learners.map(({ id, joinedAt }, index) => ({
          id: `bench-m${index + 1}`,
          cohortId,
          userId: id,
          role: "learner",
          joinedAt,
        })),
      );
      insertRows(database, "LessonProgress", withIds("bench-lp", plan.lessonProgress));
      insertRows(database, "QuizAttempt", plan.attempts);
      insertRows(database, "QuizResponse", plan.responses);
      insertRows(database, "ReviewCard", withIds("bench-rc", plan.reviewCards));
      insertRows(database, "LabRun", withIds("bench-lr", plan.labRuns));
    })();
  } finally {
    database.close();
  }
}

/** The instructor (a real better-auth credential, so they can sign in over HTTP) and their cohort. */
async function writeInstructor(file: string): Promise<{ cohortId: string; instructorId: string }> {
  const instructorId = randomUUID();
  const cohortId = "bench-cohort";
  const now = new Date();
  const database = new Database(file);
  try {
    insertRows(database, "user", [
      {
        id: instructorId,
        name: "Bench Instructor",
        email: INSTRUCTOR.email,
        emailVerified: true,
        role: "instructor",
        createdAt: now,
        updatedAt: now,
      },
    ]);
    insertRows(database, "account", [
      {
        id: randomUUID(),
        accountId: instructorId,
        providerId: "credential",
        userId: instructorId,
        password: await hashPassword(INSTRUCTOR.password),
        createdAt: now,
        updatedAt: now,
      },
    ]);
    insertRows(database, "Cohort", [
      { id: cohortId, name: "Bench cohort", joinCode: "BENCH100", createdById: instructorId, createdAt: now },
    ]);
    insertRows(database, "CohortMembership", [
      { id: "bench-m0", cohortId, userId: instructorId, role: "instructor", joinedAt: now },
    ]);
  } finally {
    database.close();
  }
  return { cohortId, instructorId };
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ email: INSTRUCTOR.email, password: INSTRUCTOR.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

type Timing = { page: string; status: number; median: number; p95: number };

/** Time to the last byte of the page, as a signed-in browser would request it (no redirects followed). */
async function timePage(baseUrl: string, cookie: string, page: string): Promise<Timing> {
  const request = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${page}`, { headers: { cookie }, redirect: "manual" });
    await response.text();
    return { status: response.status, ms: performance.now() - started };
  };
  for (let warmUp = 0; warmUp < 2; warmUp += 1) await request();
  const samples: Array<{ status: number; ms: number }> = [];
  for (let run = 0; run < runs; run += 1) samples.push(await request());
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  // Nearest rank: with 10 samples the p95 is the slowest one.
  const rank = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const status = samples.find((sample) => sample.status !== 200)?.status ?? 200;
  return { page, status, median: rank(0.5), p95: rank(0.95) };
}

function printTable(timings: Timing[]): boolean {
  const header = ["page", "status", "median ms", "p95 ms", "target ms", "result"];
  const rows = timings.map((timing) => {
    const pass = timing.status === 200 && timing.p95 < TARGET_MS;
    return [
      timing.page,
      String(timing.status),
      timing.median.toFixed(0),
      timing.p95.toFixed(0),
      String(TARGET_MS),
      pass ? "PASS" : timing.status === 200 ? "FAIL" : `FAIL (HTTP ${timing.status})`,
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
  console.log(`\n${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  console.log("(PASS when the page answers 200 and its p95 is under the target)");
  return rows.every((row) => row[5] === "PASS");
}

const dir = mkdtempSync(path.join(tmpdir(), "shipshape-bench-"));
const dbFile = path.join(dir, "bench.db");
try {
  let started = performance.now();
  await migrateFreshSqlite(dbFile);
  const content = await loadCourseContent(await loadQuickJs());
  const quizzes = firstQuestions(content.quizzes, questionCount);
  const { cohortId, instructorId } = await writeInstructor(dbFile);
  const prepared = performance.now() - started;

  started = performance.now();
  const plan = planCohortActivity({
    seed: 1_000,
    learnerCount,
    now: new Date(),
    idPrefix: "bench",
    lessonSlugs: content.lessonSlugs,
    quizzes,
    labs: content.labs,
    reviewerId: instructorId,
    personaWeights: { "never-started": 0, "dropped-out": 0, steady: 0, finisher: 1 },
    everyQuiz: true,
    reviewSessions: false,
  });
  const planned = performance.now() - started;

  started = performance.now();
  writePlan(dbFile, plan, cohortId);
  const written = performance.now() - started;

  const questionIds = quizzes.flatMap((quiz) => quiz.questions.map((question) => question.id));
  console.log(
    `cohort: ${learnerCount} learners × ${questionIds.length} questions (${quizzes.map((quiz) => `${quiz.lesson} ${quiz.questions.length}`).join(", ")})`,
  );
  console.log(
    `rows: ${plan.attempts.length} attempts, ${plan.responses.length} responses, ${plan.lessonProgress.length} lesson progress, ` +
      `${plan.reviewCards.length} review cards, ${plan.labRuns.length} lab runs`,
  );
  console.log(
    `seeding took ${((prepared + planned + written) / 1000).toFixed(1)} s: migrate + content ${(prepared / 1000).toFixed(1)} s, ` +
      `generate ${(planned / 1000).toFixed(1)} s, bulk insert ${(written / 1000).toFixed(1)} s`,
  );
  if (options.keep) console.log(`database kept at ${dbFile}`);

  if (!options["seed-only"]) {
    const server = await startProductionServer({ DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "warn" });
    try {
      const cookie = await signIn(server.baseUrl);
      const fillIn = quizzes
        .flatMap((quiz) => quiz.questions)
        .find((question) => question.type === "fill-in");
      const pages = [
        `/instructor/cohorts/${cohortId}`,
        `/instructor/cohorts/${cohortId}/items`,
        `/instructor/cohorts/${cohortId}/items/${fillIn?.id ?? questionIds[0]}`,
      ];
      const timings: Timing[] = [];
      for (const page of pages) timings.push(await timePage(server.baseUrl, cookie, page));
      if (!printTable(timings)) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  }
} finally {
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
}
