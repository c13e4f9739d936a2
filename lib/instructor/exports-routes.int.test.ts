import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { GET as gradesCsv } from "@/app/(instructor)/instructor/cohorts/[cohortId]/exports/grades.csv/route";
import { GET as responsesCsv } from "@/app/(instructor)/instructor/cohorts/[cohortId]/exports/responses.csv/route";
import { seedExportCohort } from "./exports-test-fixtures";

// The route handlers themselves, against a real database. Only the session lookup is replaced (it
// reads the request's cookies through next/headers, which exists only inside a Next request): the
// access checks, status codes, headers and streaming under test are the real ones.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const DB_KEY = Symbol.for("shipshape.db"); // lib/db-registry.ts: db() returns the client held here

describe.each(testProviders())("CSV export routes (%s)", (provider) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedExportCohort>>;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    seeded = await seedExportCohort(database.db);
    (globalThis as Record<symbol, unknown>)[DB_KEY] = database.db;
  });
  afterAll(async () => {
    delete (globalThis as Record<symbol, unknown>)[DB_KEY];
    await database.drop();
  });

  const signIn = (user: { id: string; name: string; email: string; role: string }) => {
    session.user = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role as SessionUser["role"],
    };
  };
  const call = (handler: typeof gradesCsv, cohortId: string) =>
    handler(new Request(`http://localhost/instructor/cohorts/${cohortId}/exports/x.csv`), {
      params: Promise.resolve({ cohortId }),
    });

  it.each([
    ["grades", gradesCsv],
    ["responses", responsesCsv],
  ] as const)(
    "%s.csv: 401 signed out, 403 learner, 403 another cohort's instructor, 404 unknown",
    async (_, handler) => {
      session.user = null;
      let response = await call(handler, seeded.cohort.id);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.stringContaining("Sign in") });

      signIn(seeded.ann);
      response = await call(handler, seeded.cohort.id);
      expect(response.status).toBe(403);
      expect(response.headers.get("Content-Type")).toContain("application/json");

      signIn(seeded.otherTeacher);
      response = await call(handler, seeded.cohort.id);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(seeded.ann.email);

      signIn(seeded.teacher);
      expect((await call(handler, "no-such-cohort")).status).toBe(404);
      expect((await call(handler, "x".repeat(500))).status).toBe(404);
    },
  );

  it("grades.csv streams the cohort's learners as an attachment with its row count", async () => {
    signIn(seeded.teacher);
    const response = await call(gradesCsv, seeded.cohort.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Total-Rows")).toBe("3");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="cohort-a-grades-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Name,Email,Joined (UTC),Lessons completed (of 10),")).toBe(true);
    expect(text).toContain(seeded.ann.email);
    expect(text).toContain(`'=Bob,${seeded.bob.email}`);
    expect(text).not.toContain(seeded.outsider.email);
  });

  it("responses.csv streams every submitted response of the cohort and says how many", async () => {
    signIn(seeded.teacher);
    const response = await call(responsesCsv, seeded.cohort.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Total-Rows")).toBe("7");
    expect(response.headers.get("Content-Disposition")).toContain("cohort-a-responses-");
    const text = await response.text();
    // Ann's 6 check-mode responses (her practice and review attempts are not exported) and Cy's 1.
    expect(text.match(new RegExp(seeded.ann.email, "g"))).toHaveLength(6);
    expect(text).not.toContain(seeded.outsider.email);
  });
});
