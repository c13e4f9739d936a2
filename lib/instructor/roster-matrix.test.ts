import { describe, expect, it } from "vitest";
import {
  buildRoster,
  filterRoster,
  overallProgress,
  rosterTotals,
  sortRoster,
  type RosterInput,
  type RosterRow,
} from "./roster-matrix";

const NOW = new Date("2025-10-20T12:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const course = {
  lessons: [
    { slug: "l1", title: "One" },
    { slug: "l2", title: "Two" },
  ],
  quizzes: [
    { slug: "l1", title: "One" },
    { slug: "l2", title: "Two" },
  ],
  labs: [
    { slug: "lab-a", title: "Lab A", lesson: "l1" },
    { slug: "lab-b", title: "Lab B", lesson: "l2" },
  ],
};

function input(overrides: Partial<RosterInput> = {}): RosterInput {
  return {
    ...course,
    learners: [],
    lessonProgress: [],
    quizBest: [],
    labRuns: [],
    attemptActivity: [],
    now: NOW,
    ...overrides,
  };
}

const learner = (id: string, name = id, joinedDaysAgo = 1) => ({
  id,
  name,
  email: `${id}@example.test`,
  joinedAt: daysBefore(joinedDaysAgo),
});

describe("buildRoster", () => {
  it("gives a learner with no activity an empty row: not started, 0 % progress", () => {
    const [row] = buildRoster(input({ learners: [learner("ana")] }));
    expect(row).toEqual({
      id: "ana",
      name: "ana",
      email: "ana@example.test",
      joinedAt: daysBefore(1).getTime(),
      lessons: ["not-started", "not-started"],
      quizzes: [null, null],
      labs: [
        { passed: false, runs: 0 },
        { passed: false, runs: 0 },
      ],
      lessonsCompleted: 0,
      labsPassed: 0,
      quizAverage: null,
      progress: 0,
      lastActiveAt: null,
      status: "not-started",
      inactive: false,
    });
  });

  it("fills lessons, quizzes and labs from the aggregate rows of the right learner only", () => {
    const rows = buildRoster(
      input({
        learners: [learner("ana"), learner("bea")],
        lessonProgress: [
          { userId: "ana", lessonSlug: "l1", completedAt: daysBefore(3), lastSeenAt: daysBefore(3) },
          { userId: "ana", lessonSlug: "l2", completedAt: null, lastSeenAt: daysBefore(2) },
          { userId: "bea", lessonSlug: "l2", completedAt: daysBefore(5), lastSeenAt: daysBefore(5) },
        ],
        quizBest: [
          { userId: "ana", quizSlug: "l1", bestScore: 3, maxScore: 4, lastSubmittedAt: daysBefore(3) },
          { userId: "bea", quizSlug: "l2", bestScore: 5, maxScore: 5, lastSubmittedAt: daysBefore(5) },
          // A quiz that is not (or no longer) in the course is ignored.
          { userId: "ana", quizSlug: "gone", bestScore: 1, maxScore: 1, lastSubmittedAt: daysBefore(1) },
        ],
        labRuns: [
          { userId: "ana", labSlug: "lab-b", passed: false, runs: 2, lastRunAt: daysBefore(2) },
          { userId: "ana", labSlug: "lab-b", passed: true, runs: 1, lastRunAt: daysBefore(2) },
          { userId: "bea", labSlug: "lab-a", passed: false, runs: 4, lastRunAt: daysBefore(4) },
        ],
      }),
    );
    const [ana, bea] = rows;
    expect(ana?.lessons).toEqual(["completed", "in-progress"]);
    expect(ana?.quizzes).toEqual([0.75, null]);
    expect(ana?.labs).toEqual([
      { passed: false, runs: 0 },
      { passed: true, runs: 3 },
    ]);
    expect(ana?.quizAverage).toBe(0.75);
    // 0.5 × 1/2 lessons + 0.3 × (0.75 + 0) / 2 quizzes + 0.2 × 1/2 labs
    expect(ana?.progress).toBeCloseTo(0.25 + 0.1125 + 0.1, 10);
    expect(ana?.status).toBe("in-progress");

    expect(bea?.lessons).toEqual(["not-started", "completed"]);
    expect(bea?.quizzes).toEqual([null, 1]);
    expect(bea?.labs).toEqual([
      { passed: false, runs: 4 },
      { passed: false, runs: 0 },
    ]);
    expect(bea?.labsPassed).toBe(0);
  });

  it("takes the latest of every kind of activity as last active", () => {
    const base = { learners: [learner("ana")] };
    const last = (overrides: Partial<RosterInput>) =>
      buildRoster(input({ ...base, ...overrides }))[0]?.lastActiveAt;
    expect(
      last({
        lessonProgress: [{ userId: "ana", lessonSlug: "l1", completedAt: null, lastSeenAt: daysBefore(4) }],
      }),
    ).toBe(daysBefore(4).getTime());
    expect(
      last({
        lessonProgress: [{ userId: "ana", lessonSlug: "l1", completedAt: null, lastSeenAt: daysBefore(4) }],
        labRuns: [{ userId: "ana", labSlug: "lab-a", passed: false, runs: 1, lastRunAt: daysBefore(2) }],
      }),
    ).toBe(daysBefore(2).getTime());
    expect(last({ attemptActivity: [{ userId: "ana", lastAt: daysBefore(1) }] })).toBe(
      daysBefore(1).getTime(),
    );
    expect(
      last({
        quizBest: [
          { userId: "ana", quizSlug: "l1", bestScore: 1, maxScore: 2, lastSubmittedAt: daysBefore(6) },
        ],
      }),
    ).toBe(daysBefore(6).getTime());
  });

  it("calls a learner finished when every lesson is completed, whatever the quizzes and labs", () => {
    const [row] = buildRoster(
      input({
        learners: [learner("ana", "ana", 30)],
        lessonProgress: ["l1", "l2"].map((lessonSlug) => ({
          userId: "ana",
          lessonSlug,
          completedAt: daysBefore(20),
          lastSeenAt: daysBefore(20),
        })),
      }),
    );
    expect(row?.status).toBe("finished");
    expect(row?.inactive).toBe(false);
    expect(row?.progress).toBeCloseTo(0.5);
  });

  it("marks unfinished learners inactive after 7 quiet days, counting from joining if they never started", () => {
    const rows = buildRoster(
      input({
        learners: [
          learner("quiet", "quiet", 30),
          learner("busy", "busy", 30),
          learner("new", "new", 3),
          learner("never", "never", 8),
          learner("edge", "edge", 30),
        ],
        lessonProgress: [
          { userId: "quiet", lessonSlug: "l1", completedAt: null, lastSeenAt: daysBefore(8) },
          { userId: "busy", lessonSlug: "l1", completedAt: null, lastSeenAt: daysBefore(6.9) },
          { userId: "edge", lessonSlug: "l1", completedAt: null, lastSeenAt: daysBefore(7) },
        ],
      }),
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.inactive]))).toEqual({
      quiet: true,
      busy: false,
      new: false,
      never: true,
      edge: true,
    });
  });

  it("clamps odd quiz scores into 0–1 and treats zero points as not taken", () => {
    const [row] = buildRoster(
      input({
        learners: [learner("ana")],
        quizBest: [
          { userId: "ana", quizSlug: "l1", bestScore: 6, maxScore: 5, lastSubmittedAt: daysBefore(1) },
          { userId: "ana", quizSlug: "l2", bestScore: 0, maxScore: 0, lastSubmittedAt: daysBefore(1) },
        ],
      }),
    );
    expect(row?.quizzes).toEqual([1, null]);
  });
});

describe("overallProgress", () => {
  const all = { lessons: true, quizzes: true, labs: true };
  it("weighs lessons 50 %, quizzes 30 %, labs 20 %", () => {
    expect(overallProgress({ lessons: 1, quizzes: 0, labs: 0 }, all)).toBeCloseTo(0.5);
    expect(overallProgress({ lessons: 0, quizzes: 1, labs: 0 }, all)).toBeCloseTo(0.3);
    expect(overallProgress({ lessons: 0, quizzes: 0, labs: 1 }, all)).toBeCloseTo(0.2);
    expect(overallProgress({ lessons: 1, quizzes: 1, labs: 1 }, all)).toBeCloseTo(1);
  });
  it("scales the other weights up when the course has no labs (or nothing at all)", () => {
    expect(overallProgress({ lessons: 1, quizzes: 0, labs: 0 }, { ...all, labs: false })).toBeCloseTo(0.625);
    expect(
      overallProgress({ lessons: 1, quizzes: 1, labs: 1 }, { lessons: false, quizzes: false, labs: false }),
    ).toBe(0);
  });
});

function row(id: string, fields: Partial<RosterRow> = {}): RosterRow {
  return {
    id,
    name: id,
    email: `${id}@example.test`,
    joinedAt: 0,
    lessons: [],
    quizzes: [],
    labs: [],
    lessonsCompleted: 0,
    labsPassed: 0,
    quizAverage: null,
    progress: 0,
    lastActiveAt: null,
    status: "in-progress",
    inactive: false,
    ...fields,
  };
}

describe("sortRoster", () => {
  const rows = [
    row("u3", { name: "Cid", progress: 0.5, quizAverage: 0.9, lastActiveAt: 300 }),
    row("u1", { name: "ana", progress: 0.5, quizAverage: null, lastActiveAt: null }),
    row("u2", { name: "Bea", progress: 0.8, quizAverage: 0.4, lastActiveAt: 100 }),
    row("u4", { name: "Émile", progress: 0.1, quizAverage: 0.4, lastActiveAt: 200 }),
  ];
  const names = (sorted: RosterRow[]) => sorted.map((r) => r.name);

  it("sorts names case- and accent-insensitively, both ways", () => {
    expect(names(sortRoster(rows, "name", "asc"))).toEqual(["ana", "Bea", "Cid", "Émile"]);
    expect(names(sortRoster(rows, "name", "desc"))).toEqual(["Émile", "Cid", "Bea", "ana"]);
  });

  it("sorts by progress, breaking ties by name", () => {
    expect(names(sortRoster(rows, "progress", "desc"))).toEqual(["Bea", "ana", "Cid", "Émile"]);
    expect(names(sortRoster(rows, "progress", "asc"))).toEqual(["Émile", "ana", "Cid", "Bea"]);
  });

  it("keeps learners without a quiz average or any activity last in both directions", () => {
    expect(names(sortRoster(rows, "quizAverage", "desc"))).toEqual(["Cid", "Bea", "Émile", "ana"]);
    expect(names(sortRoster(rows, "quizAverage", "asc"))).toEqual(["Bea", "Émile", "Cid", "ana"]);
    expect(names(sortRoster(rows, "lastActive", "desc"))).toEqual(["Cid", "Émile", "Bea", "ana"]);
    expect(names(sortRoster(rows, "lastActive", "asc"))).toEqual(["Bea", "Émile", "Cid", "ana"]);
  });

  it("does not change the array it is given", () => {
    const before = names(rows);
    sortRoster(rows, "progress", "asc");
    expect(names(rows)).toEqual(before);
  });
});

describe("filterRoster", () => {
  const rows = [
    row("a", { name: "Zoë Adams", email: "zoe@school.test", status: "finished" }),
    row("b", { name: "Bram Jansen", status: "in-progress", inactive: true }),
    row("c", { name: "Chen Wei", status: "not-started", inactive: true }),
    row("d", { name: "Dara Adams", status: "in-progress" }),
  ];
  const ids = (filtered: RosterRow[]) => filtered.map((r) => r.id);

  it("returns everyone for an empty query and status all", () => {
    expect(ids(filterRoster(rows, { query: "  ", status: "all" }))).toEqual(["a", "b", "c", "d"]);
  });

  it("matches every word against name or email, ignoring case and accents", () => {
    expect(ids(filterRoster(rows, { query: "adams", status: "all" }))).toEqual(["a", "d"]);
    expect(ids(filterRoster(rows, { query: "ZOE", status: "all" }))).toEqual(["a"]);
    expect(ids(filterRoster(rows, { query: "school.test", status: "all" }))).toEqual(["a"]);
    expect(ids(filterRoster(rows, { query: "dara adams", status: "all" }))).toEqual(["d"]);
    expect(ids(filterRoster(rows, { query: "dara smith", status: "all" }))).toEqual([]);
  });

  it("filters by status, and by inactivity across statuses", () => {
    expect(ids(filterRoster(rows, { query: "", status: "finished" }))).toEqual(["a"]);
    expect(ids(filterRoster(rows, { query: "", status: "in-progress" }))).toEqual(["b", "d"]);
    expect(ids(filterRoster(rows, { query: "", status: "not-started" }))).toEqual(["c"]);
    expect(ids(filterRoster(rows, { query: "", status: "inactive" }))).toEqual(["b", "c"]);
    expect(ids(filterRoster(rows, { query: "bram", status: "inactive" }))).toEqual(["b"]);
  });
});

describe("rosterTotals", () => {
  it("counts completions and passes, and averages only what was taken", () => {
    const totals = rosterTotals(
      [
        row("a", {
          lessons: ["completed", "in-progress"],
          quizzes: [1, null],
          labs: [
            { passed: true, runs: 1 },
            { passed: false, runs: 2 },
          ],
          labsPassed: 1,
          quizAverage: 1,
          progress: 0.6,
        }),
        row("b", {
          lessons: ["completed", "completed"],
          quizzes: [0.5, 0.25],
          labs: [
            { passed: true, runs: 1 },
            { passed: true, runs: 1 },
          ],
          labsPassed: 2,
          quizAverage: 0.375,
          progress: 0.9,
        }),
        row("c", {
          lessons: ["not-started", "not-started"],
          quizzes: [null, null],
          labs: [
            { passed: false, runs: 0 },
            { passed: false, runs: 0 },
          ],
          progress: 0,
        }),
      ],
      { lessons: 2, quizzes: 2, labs: 2 },
    );
    expect(totals).toEqual({
      learners: 3,
      lessonsCompleted: [2, 1],
      quizAverages: [0.75, 0.25],
      quizTakers: [2, 1],
      labsPassed: [2, 1],
      averageLabsPassed: 1,
      averageQuizAverage: 0.6875,
      averageProgress: 0.5,
    });
  });

  it("has no averages for no rows", () => {
    expect(rosterTotals([], { lessons: 1, quizzes: 1, labs: 1 })).toEqual({
      learners: 0,
      lessonsCompleted: [0],
      quizAverages: [null],
      quizTakers: [0],
      labsPassed: [0],
      averageLabsPassed: null,
      averageQuizAverage: null,
      averageProgress: null,
    });
  });
});
