import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createCohort, joinCohort } from "@/lib/cohorts/queries";
import { startProductionServer, type RunningServer } from "@/lib/testing/production-server";

// Every instructor page and route, over HTTP against the production build, for each kind of
// visitor: signed out, a learner, an instructor of another cohort, and the cohort's instructor.
// Server actions are checked where they are implemented (their data-access tests).

const PASSWORD = "a-good-password-1";
const QUESTION_ID = "hc-exit-codes";

type Visitor = { name: string; cookie: string };

describe("instructor routes over HTTP", () => {
  let server: RunningServer;
  let db: Db;
  let cohortA: string;
  let cohortB: string;
  let learnerId: string;
  let outsiderId: string;
  const visitors: Record<"learner" | "instructorA" | "instructorB", Visitor> = {
    learner: { name: "learner", cookie: "" },
    instructorA: { name: "instructor of the cohort", cookie: "" },
    instructorB: { name: "instructor of another cohort", cookie: "" },
  };

  async function signUp(email: string): Promise<string> {
    const response = await fetch(`${server.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ name: email.split("@")[0], email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { user: { id: string } }).user.id;
  }

  async function signIn(email: string): Promise<string> {
    const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
  }

  beforeAll(async () => {
    server = await startProductionServer({ AUTH_SIGNIN_RATE_MAX: "100", AUTH_SIGNUP_RATE_MAX: "100" });
    db = createDb(server.databaseUrl);
    learnerId = await signUp("learner@routes.test");
    outsiderId = await signUp("outsider@routes.test");
    const instructorA = await signUp("a@routes.test");
    const instructorB = await signUp("b@routes.test");
    await db.user.updateMany({
      where: { id: { in: [instructorA, instructorB] } },
      data: { role: "instructor" },
    });
    const a = await createCohort(db, { id: instructorA, role: "instructor" }, "Cohort A");
    const b = await createCohort(db, { id: instructorB, role: "instructor" }, "Cohort B");
    cohortA = a.id;
    cohortB = b.id;
    await joinCohort(db, { id: learnerId, role: "learner" }, a.joinCode);
    await joinCohort(db, { id: outsiderId, role: "learner" }, b.joinCode);
    visitors.learner.cookie = await signIn("learner@routes.test");
    visitors.instructorA.cookie = await signIn("a@routes.test");
    visitors.instructorB.cookie = await signIn("b@routes.test");
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const cohortPages = () => {
    const base = `/instructor/cohorts/${cohortA}`;
    return [
      base,
      `${base}/overview`,
      `${base}/items`,
      `${base}/items/${QUESTION_ID}`,
      `${base}/grading`,
      `${base}/exports`,
      `${base}/learners/${learnerId}`,
    ];
  };
  const csvRoutes = () => [
    `/instructor/cohorts/${cohortA}/exports/grades.csv`,
    `/instructor/cohorts/${cohortA}/exports/responses.csv`,
  ];

  const get = (path: string, cookie?: string) =>
    fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });

  it("sends signed-out visitors to sign-in from every instructor page, and answers 401 on exports", async () => {
    for (const path of ["/instructor", ...cohortPages()]) {
      const response = await get(path);
      expect(response.status, path).toBe(307);
      // Back to the page asked for after signing in, not to the cohort's roster.
      expect(response.headers.get("location"), path).toContain(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    for (const path of csvRoutes()) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(((await response.json()) as { error: string }).error).toMatch(/sign in/i);
    }
  });

  it("answers 403 to a learner on every instructor page and export, with no cohort data in the body", async () => {
    for (const path of ["/instructor", ...cohortPages(), ...csvRoutes()]) {
      const response = await get(path, visitors.learner.cookie);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain("Cohort A");
    }
  });

  it("answers 403 to an instructor of another cohort on every page and export of this one", async () => {
    for (const path of [...cohortPages(), ...csvRoutes()]) {
      const response = await get(path, visitors.instructorB.cookie);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain("Cohort A");
    }
    const own = await get("/instructor", visitors.instructorB.cookie);
    expect(own.status).toBe(200);
    const body = await own.text();
    expect(body).toContain("Cohort B");
    expect(body).not.toContain("Cohort A");
  });

  it("serves every page and export to the cohort's instructor", async () => {
    for (const path of ["/instructor", ...cohortPages(), ...csvRoutes()]) {
      const response = await get(path, visitors.instructorA.cookie);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
    const csv = await get(csvRoutes()[0]!, visitors.instructorA.cookie);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain("learner");
  });

  it("answers 404 for a learner outside the cohort and for a cohort that does not exist", async () => {
    const outsider = await get(
      `/instructor/cohorts/${cohortA}/learners/${outsiderId}`,
      visitors.instructorA.cookie,
    );
    expect(outsider.status).toBe(404);
    const missing = await get(`/instructor/cohorts/no-such-cohort`, visitors.instructorA.cookie);
    expect(missing.status).toBe(404);
    const missingCsv = await get(
      `/instructor/cohorts/no-such-cohort/exports/grades.csv`,
      visitors.instructorA.cookie,
    );
    expect(missingCsv.status).toBe(404);
    // Instructor B's own cohort is fine for B.
    const ownRoster = await get(`/instructor/cohorts/${cohortB}`, visitors.instructorB.cookie);
    expect(ownRoster.status).toBe(200);
  });

  it("never shows a learner another learner's attempt (404, nothing disclosed)", async () => {
    const attempt = await db.quizAttempt.create({
      data: {
        userId: outsiderId,
        quizSlug: "health-checks",
        questionIds: JSON.stringify([QUESTION_ID]),
        status: "submitted",
        score: 1,
        maxScore: 1,
        submittedAt: new Date(),
        responses: {
          create: {
            questionId: QUESTION_ID,
            answer: JSON.stringify({ type: "fill-in", blanks: ["a-secret-answer"] }),
          },
        },
      },
    });
    const response = await get(`/practice/health-checks/attempts/${attempt.id}`, visitors.learner.cookie);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("a-secret-answer");
  });
});
