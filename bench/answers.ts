// Answer saving under load, against the production build: N learners sign up, open a quiz attempt
// each, autosave answers through the real server action (the browser's own request) at a steady
// pace and submit their attempt every few answers, for 60 s, on SQLite and then on PostgreSQL.
// The same load then runs against a bare node:http + better-sqlite3 server (the machine's limit).
// At the end every acknowledged answer is looked up in the database.
//
//   npm run build && npm run bench:answers
//   options: --learners 200  --duration 60  --rate 600 (offered saves/s, all learners together)
//            --answers-per-submit 10  --only sqlite|postgres|bare
//            --port 4100 (SQLite app server; PostgreSQL's gets port+1, the bare server port+2)
//            --cpu-prof <dir> (the app servers write a V8 CPU profile there when the run ends)
//   PostgreSQL: TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test), skipped if unreachable.
//
// Targets (issue 16): ≥ 500 acknowledged saves/s on SQLite, p99 ≤ 100 ms, 0 lost, 0 5xx.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { createTestDatabase } from "../lib/testing/test-db";
import { startProductionServer, type RunningServer } from "../lib/testing/production-server";
import { loadQuizFiles } from "../lib/seed/course-content";
import type { QuizFile } from "../lib/questions/schema";

const TARGET_SAVES_PER_S = 500;
const TARGET_P99_MS = 100;

const { values: options } = parseArgs({
  options: {
    learners: { type: "string", default: "200" },
    duration: { type: "string", default: "60" },
    rate: { type: "string", default: "600" },
    "answers-per-submit": { type: "string", default: "10" },
    only: { type: "string" },
    port: { type: "string", default: "4100" },
    "cpu-prof": { type: "string" },
  },
});
const learnerCount = Number(options.learners);
const durationMs = Number(options.duration) * 1000;
const offeredRate = Number(options.rate);
const answersPerSubmit = Number(options["answers-per-submit"]);
const basePort = Number(options.port);
const pgBase = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

if (options.only !== "bare" && (!existsSync("dist/server.mjs") || !existsSync(".next/BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

type Question = QuizFile["questions"][number];
type Ack = { attemptId: string; questionId: string; answer: string };

/** How one learner talks to a server: the app's server actions, or the bare server's JSON. */
type Client = {
  start(learner: number): Promise<{ attemptId: string; questions: Question[] }>;
  save(learner: number, attemptId: string, questionId: string, answer: object): Promise<Response>;
  submit(learner: number, attemptId: string): Promise<Response>;
};

function answerFor(question: Question, n: number): object {
  switch (question.type) {
    case "fill-in":
      // One entry per blank: answers that do not fit their question are refused (422) and not saved.
      return { type: "fill-in", blanks: question.blanks.map((_, blank) => `answer ${n}.${blank}`) };
    case "true-false":
      return { type: "true-false", value: n % 2 === 0 };
    case "multiple-choice":
      return { type: "multiple-choice", selected: [question.options[n % question.options.length]!.id] };
    default:
      return { type: "interview", text: `Interview answer number ${n}: drain first, then close.` };
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Action ids of this build, from Next's server reference manifest. */
function actionId(exportedName: string, filename: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename === filename,
  );
  if (!found) throw new Error(`no server action ${exportedName} in ${filename}`);
  return found[0];
}

/** The value a server action returned, read from its RSC response. */
async function actionResult(response: Response): Promise<{ ok: boolean; error?: string }> {
  const text = await response.text();
  for (const line of text.split("\n")) {
    const json = /^[0-9a-f]+:(\{.*\})$/.exec(line)?.[1];
    if (!json) continue;
    const value = JSON.parse(json) as { ok?: boolean; error?: string };
    if (typeof value.ok === "boolean") return value as { ok: boolean; error?: string };
  }
  return { ok: false, error: `no action result in ${text.slice(0, 200)}` };
}

async function appClient(
  server: RunningServer,
  quizzes: QuizFile[],
): Promise<Client & { results: typeof actionResult }> {
  const base = server.baseUrl;
  const ids = {
    start: actionId("startQuizAttempt", "components/quiz/actions.ts"),
    save: actionId("saveAnswer", "components/quiz/actions.ts"),
    submit: actionId("submitQuiz", "components/quiz/actions.ts"),
  };
  // Each learner's cookies, kept like a browser keeps them: the server refreshes the signed session
  // cache cookie as it expires, and a learner that ignored that would hit the database on every save.
  const jars: Map<string, string>[] = [];
  const cookieHeader = (learner: number) =>
    [...jars[learner]!].map(([name, value]) => `${name}=${value}`).join("; ");
  const keep = (learner: number, response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1)];
      const expired = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) jars[learner]!.delete(name);
      else jars[learner]!.set(name, value);
    }
    return response;
  };
  // Sign-ups hash a password each: a few at a time keeps them from crowding each other out.
  for (let from = 0; from < learnerCount; from += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, learnerCount - from) }, async (_, offset) => {
        const n = from + offset;
        const account = { email: `bench-${n}@learners.shipshape.test`, password: `bench-learner-pw-${n}` };
        const post = (pathname: string, body: object) =>
          fetch(`${base}/api/auth/${pathname}`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: base },
            body: JSON.stringify(body),
          });
        const signUp = await post("sign-up/email", { ...account, name: `Bench ${n}` });
        if (!signUp.ok) throw new Error(`sign-up ${n}: HTTP ${signUp.status} ${await signUp.text()}`);
        // Sign-up does not sign in (autoSignIn is off so it never reveals existing accounts): sign in next,
        // as the form does.
        const response = await post("sign-in/email", account);
        if (!response.ok) throw new Error(`sign-in ${n}: HTTP ${response.status} ${await response.text()}`);
        jars[n] = new Map();
        keep(n, response);
      }),
    );
  }
  const quizOf = (learner: number) => quizzes[learner % quizzes.length]!;
  const call = async (learner: number, id: string, pathname: string, input: unknown) =>
    keep(
      learner,
      await fetch(`${base}${pathname}`, {
        method: "POST",
        headers: {
          "next-action": id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: base,
          cookie: cookieHeader(learner),
        },
        body: JSON.stringify([input]),
      }),
    );
  return {
    results: actionResult,
    async start(learner) {
      const quiz = quizOf(learner);
      // The no-JavaScript form post of the "Start" button: answered with a redirect to the attempt.
      const form = new FormData();
      form.set(`$ACTION_ID_${ids.start}`, "");
      form.set("quizSlug", quiz.lesson);
      form.set("mode", "check");
      const response = keep(
        learner,
        await fetch(`${base}/practice/${quiz.lesson}`, {
          method: "POST",
          headers: { origin: base, cookie: cookieHeader(learner) },
          body: form,
          redirect: "manual",
        }),
      );
      const location = response.headers.get("location") ?? "";
      const attemptId = /\/attempts\/([A-Za-z0-9_-]+)/.exec(location)?.[1];
      if (!attemptId) throw new Error(`start attempt: HTTP ${response.status} ${location}`);
      return { attemptId, questions: quiz.questions };
    },
    save: (learner, attemptId, questionId, answer) =>
      call(learner, ids.save, `/practice/${quizOf(learner).lesson}/attempts/${attemptId}`, {
        attemptId,
        questionId,
        answer,
      }),
    submit: (learner, attemptId) =>
      call(learner, ids.submit, `/practice/${quizOf(learner).lesson}/attempts/${attemptId}`, { attemptId }),
  };
}

function bareClient(base: string, quizzes: QuizFile[]): Client {
  const post = (pathname: string, input: unknown) =>
    fetch(`${base}${pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
  return {
    async start(learner) {
      const response = await post("/start", {});
      const { value } = (await response.json()) as { value: { attemptId: string } };
      return { attemptId: value.attemptId, questions: quizzes[learner % quizzes.length]!.questions };
    },
    save: (_, attemptId, questionId, answer) => post("/save", { attemptId, questionId, answer }),
    submit: (_, attemptId) => post("/submit", { attemptId }),
  };
}

type Outcome = {
  saves: number[];
  submits: number[];
  errors: number;
  retries: number;
  serverErrors: number;
  acked: Map<string, Ack>;
  /** Saves sent and not acknowledged: the database may hold one of these instead. */
  unacked: Map<string, Set<string>>;
  submitted: string[];
  seconds: number;
};

async function runLoad(
  client: Client,
  parse: (response: Response) => Promise<{ ok: boolean; error?: string }>,
): Promise<Outcome> {
  const outcome: Outcome = {
    saves: [],
    submits: [],
    errors: 0,
    retries: 0,
    serverErrors: 0,
    acked: new Map(),
    unacked: new Map(),
    submitted: [],
    seconds: 0,
  };
  const attempts = await Promise.all(Array.from({ length: learnerCount }, (_, n) => client.start(n)));
  const intervalMs = (learnerCount / offeredRate) * 1000;
  const startedAt = performance.now();
  const endAt = startedAt + durationMs;
  let counter = 0;
  let firstError = "";

  async function learner(n: number) {
    let { attemptId, questions } = attempts[n]!;
    // Spread the learners' first saves over one interval.
    await sleep(Math.random() * intervalMs);
    let answered = 0;
    while (performance.now() < endAt) {
      const begin = performance.now();
      const question = questions[Math.floor(Math.random() * questions.length)]!;
      const answer = answerFor(question, ++counter);
      const key = `${attemptId} ${question.id}`;
      const json = JSON.stringify(answer);
      try {
        // A browser's autosave retries; so does this learner, once, when a kept-alive socket was
        // closed under it (the save is idempotent: the same answer again changes nothing).
        const response = await client.save(n, attemptId, question.id, answer).catch((error: unknown) => {
          if (!String((error as { cause?: { code?: string } }).cause?.code).startsWith("UND_ERR_SOCKET"))
            throw error;
          outcome.retries++;
          return client.save(n, attemptId, question.id, answer);
        });
        if (response.status >= 500) outcome.serverErrors++;
        const result = response.ok ? await parse(response) : { ok: false, error: `HTTP ${response.status}` };
        if (result.ok) {
          outcome.saves.push(performance.now() - begin);
          outcome.acked.set(key, { attemptId, questionId: question.id, answer: json });
          outcome.unacked.delete(key);
        } else {
          outcome.errors++;
          firstError ||= result.error ?? "";
          if (!outcome.unacked.has(key)) outcome.unacked.set(key, new Set());
          outcome.unacked.get(key)!.add(json);
        }
      } catch (error) {
        outcome.errors++;
        firstError ||= String(error);
      }
      if (++answered % answersPerSubmit === 0 && performance.now() < endAt) {
        const submitBegin = performance.now();
        try {
          const response = await client.submit(n, attemptId);
          if (response.status >= 500) outcome.serverErrors++;
          const result = response.ok
            ? await parse(response)
            : { ok: false, error: `HTTP ${response.status}` };
          if (result.ok) {
            outcome.submits.push(performance.now() - submitBegin);
            outcome.submitted.push(attemptId);
          } else {
            outcome.errors++;
            firstError ||= result.error ?? "";
          }
          ({ attemptId, questions } = await client.start(n));
        } catch (error) {
          // Keep answering the same attempt: if it was submitted, the server says so and we count it.
          outcome.errors++;
          firstError ||= String(error);
        }
      }
      // Think time: the rest of this learner's interval, jittered so the learners do not march in step.
      const wait = intervalMs * (0.5 + Math.random()) - (performance.now() - begin);
      if (wait > 0) await sleep(wait);
    }
  }

  await Promise.all(Array.from({ length: learnerCount }, (_, n) => learner(n)));
  outcome.seconds = (performance.now() - startedAt) / 1000;
  if (firstError) console.log(`  first error: ${firstError}`);
  return outcome;
}

type Stored = { answers: Map<string, string>; submitted: Set<string> };

function checkStored(outcome: Outcome, stored: Stored): { lost: number; unsubmitted: number } {
  let lost = 0;
  for (const [key, ack] of outcome.acked) {
    const value = stored.answers.get(key);
    if (value === ack.answer) continue;
    // A later save the server wrote but never acknowledged (e.g. an error after the write) may have won.
    if (value !== undefined && outcome.unacked.get(key)?.has(value)) continue;
    lost++;
  }
  const unsubmitted = outcome.submitted.filter((id) => !stored.submitted.has(id)).length;
  return { lost, unsubmitted };
}

function readSqlite(file: string, table: { attempts: string; responses: string }): Stored {
  const db = new Database(file, { readonly: true });
  const answers = new Map<string, string>();
  for (const row of db.prepare(`SELECT attemptId, questionId, answer FROM ${table.responses}`).all() as Ack[])
    answers.set(`${row.attemptId} ${row.questionId}`, row.answer);
  const submitted = new Set(
    (db.prepare(`SELECT id FROM ${table.attempts} WHERE status = 'submitted'`).all() as { id: string }[]).map(
      (row) => row.id,
    ),
  );
  db.close();
  return { answers, submitted };
}

async function readPostgres(url: string): Promise<Stored> {
  const schema = new URL(url).searchParams.get("schema")!;
  const base = new URL(url);
  base.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  const answers = new Map<string, string>();
  const responses = await client.query<Ack>(
    `SELECT "attemptId", "questionId", answer FROM "${schema}"."QuizResponse"`,
  );
  for (const row of responses.rows) answers.set(`${row.attemptId} ${row.questionId}`, row.answer);
  const attempts = await client.query<{ id: string }>(
    `SELECT id FROM "${schema}"."QuizAttempt" WHERE status = 'submitted'`,
  );
  await client.end();
  return { answers, submitted: new Set(attempts.rows.map((row) => row.id)) };
}

type Report = { label: string; outcome: Outcome; lost: number; unsubmitted: number };

const HEADER =
  `${"".padEnd(26)}${"saves/s".padStart(9)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"submits/s".padStart(11)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}` +
  `${"errors".padStart(8)}${"5xx".padStart(6)}${"lost".padStart(6)}${"unsubm.".padStart(8)}`;

function serverErrorLines(server: RunningServer): string {
  return (
    server
      .logs()
      .split("\n")
      // pino's error lines, and Next's own (it prints uncaught action errors as "⨯ Error: …").
      .filter((line) => /"level":(50|60|"error"|"fatal")|^⨯ /.test(line))
      .slice(0, 3)
      .map((line) => `  server: ${line.slice(0, 400)}`)
      .join("\n")
  );
}

function printReport({ label, outcome, lost, unsubmitted }: Report) {
  const saves = [...outcome.saves].sort((a, b) => a - b);
  const submits = [...outcome.submits].sort((a, b) => a - b);
  const rate = saves.length / outcome.seconds;
  console.log(
    `${label.padEnd(26)}${rate.toFixed(0).padStart(9)}${percentile(saves, 50).toFixed(0).padStart(8)}${percentile(saves, 99).toFixed(0).padStart(8)}` +
      `${(submits.length / outcome.seconds).toFixed(1).padStart(11)}${percentile(submits, 50).toFixed(0).padStart(8)}${percentile(submits, 99).toFixed(0).padStart(8)}` +
      `${String(outcome.errors).padStart(8)}${String(outcome.serverErrors).padStart(6)}${String(lost).padStart(6)}${String(unsubmitted).padStart(8)}  (${outcome.acked.size} answers checked, ${outcome.retries} retried)`,
  );
  return rate;
}

const quizzes = await loadQuizFiles();
const reports: Report[] = [];
const profileDir = options["cpu-prof"] ? path.resolve(options["cpu-prof"]) : null;
const serverEnv: Record<string, string> = {
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  AUTH_SIGNUP_RATE_MAX: String(learnerCount * 10),
  AUTH_SIGNIN_RATE_MAX: String(learnerCount * 10),
  ...(profileDir ? { SHUTDOWN_DRAIN_DELAY_MS: "0" } : {}),
};
const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];

/** V8 writes the profile only when the process exits by itself: a graceful SIGTERM, not a kill. */
async function stopServer(server: RunningServer) {
  if (profileDir) {
    server.process.kill("SIGTERM");
    await server.exited;
    console.log(`  CPU profile written to ${profileDir}`);
  }
  await server.stop();
}
console.log(
  `${learnerCount} learners, ${offeredRate} saves/s offered, a submit every ${answersPerSubmit} answers, ${durationMs / 1000} s per database`,
);

if (!options.only || options.only === "sqlite") {
  const server = await startProductionServer(serverEnv, { port: basePort, nodeArgs });
  try {
    console.log("SQLite: signing up learners…");
    const client = await appClient(server, quizzes);
    const outcome = await runLoad(client, client.results);
    const stored = readSqlite(server.databaseUrl.replace(/^file:/, ""), {
      attempts: "QuizAttempt",
      responses: "QuizResponse",
    });
    reports.push({ label: "app on SQLite", outcome, ...checkStored(outcome, stored) });
    console.log(HEADER);
    printReport(reports.at(-1)!);
    if (outcome.serverErrors) console.log(serverErrorLines(server));
  } finally {
    await stopServer(server);
  }
}

if (!options.only || options.only === "postgres") {
  let reachable = true;
  try {
    const probe = new pg.Client({ connectionString: pgBase, connectionTimeoutMillis: 2_000 });
    await probe.connect();
    await probe.end();
  } catch {
    reachable = false;
    console.log(`PostgreSQL not reachable at ${pgBase}: skipped`);
  }
  if (reachable) {
    process.env.TEST_POSTGRES_URL = pgBase;
    const database = await createTestDatabase("postgres");
    await database.db.$disconnect();
    const server = await startProductionServer(
      { ...serverEnv, DATABASE_URL: database.url },
      { port: basePort + 1, nodeArgs },
    );
    try {
      console.log("PostgreSQL: signing up learners…");
      const client = await appClient(server, quizzes);
      const outcome = await runLoad(client, client.results);
      reports.push({
        label: "app on PostgreSQL",
        outcome,
        ...checkStored(outcome, await readPostgres(database.url)),
      });
      console.log(HEADER);
      printReport(reports.at(-1)!);
      if (outcome.serverErrors) console.log(serverErrorLines(server));
    } finally {
      await stopServer(server);
      await database.drop();
    }
  }
}

if (!options.only || options.only === "bare") {
  const dir = mkdtempSync(path.join(tmpdir(), "shipshape-bare-"));
  const file = path.join(dir, "bare.db");
  const port = basePort + 2;
  const child = spawn(process.execPath, ["bench/bare-answer-server.mjs", String(port), file], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  try {
    const outcome = await runLoad(
      bareClient(`http://127.0.0.1:${port}`, quizzes),
      async (response) => (await response.json()) as { ok: boolean },
    );
    reports.push({
      label: "bare node:http + SQLite",
      outcome,
      ...checkStored(outcome, readSqlite(file, { attempts: "attempt", responses: "response" })),
    });
  } finally {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\n${HEADER}`);
let failed = false;
const rates = new Map<string, number>();
for (const report of reports) rates.set(report.label, printReport(report));
for (const report of reports) {
  if (report.lost || report.unsubmitted || report.outcome.serverErrors) failed = true;
}
const sqlite = reports.find((report) => report.label === "app on SQLite");
if (sqlite) {
  const saves = [...sqlite.outcome.saves].sort((a, b) => a - b);
  const rate = rates.get("app on SQLite")!;
  const bare = rates.get("bare node:http + SQLite");
  if (rate < TARGET_SAVES_PER_S || percentile(saves, 99) > TARGET_P99_MS) failed = true;
  console.log(
    `\nSQLite: ${rate.toFixed(0)} saves/s (target ≥ ${TARGET_SAVES_PER_S}), p99 ${percentile(saves, 99).toFixed(0)} ms (target ≤ ${TARGET_P99_MS})` +
      (bare ? `; ${(rate / bare).toFixed(2)}× the bare server` : ""),
  );
}
console.log(failed ? "targets MISSED" : "targets met");
process.exit(failed ? 1 : 0);
