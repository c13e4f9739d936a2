import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { csvStream } from "@/lib/export/csv";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { gradesExport, responsesExport } from "./exports-data";
import { catalog } from "./exports-test-catalog";
import { collectBatches, seedExportCohort } from "./exports-test-fixtures";

describe.each(testProviders())("CSV export data (%s)", (provider) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedExportCohort>>;
  const teacher = () => ({ id: seeded.teacher.id, role: "instructor" as const });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    seeded = await seedExportCohort(database.db);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("grades: one row per learner of this cohort with lessons, best quiz %, labs, interview answers and last activity", async () => {
    const csv = await gradesExport(database.db, teacher(), seeded.cohort.id, catalog);
    expect(csv.totalRows).toBe(3);
    expect(csv.header).toEqual([
      "Name",
      "Email",
      "Joined (UTC)",
      "Lessons completed (of 2)",
      "Best quiz score % – Alpha lesson",
      "Best quiz score % – Beta lesson",
      "Labs passed (of 2)",
      "Interview answers graded",
      "Interview answers waiting",
      "Practice checks used",
      "Practice answers shown",
      "Last active (UTC)",
    ]);
    const rows = (await collectBatches(csv.batches)).flat();
    expect(rows).toHaveLength(3);
    const byEmail = new Map(rows.map((row) => [row[1], row]));
    expect(byEmail.get(seeded.ann.email)).toEqual([
      'Ann Zoë, "AZ"',
      seeded.ann.email,
      "2025-01-02",
      1, // alpha completed; beta only visited
      87.5, // best of 50 % and 87.5 % (the 100 % practice attempt is not a grade)
      null, // beta has only an open attempt
      1, // lab-one passed (twice), lab-two failed
      1, // the first attempt's interview answer is reviewed…
      1, // …the second's waits
      3, // practice checks used
      1, // practice answers shown
      "2025-01-10 07:00", // the open attempt is the latest activity
    ]);
    expect(byEmail.get(seeded.bob.email)).toEqual([
      "=Bob",
      seeded.bob.email,
      "2025-01-03",
      0,
      null,
      null,
      0,
      0,
      0,
      0,
      0,
      null,
    ]);
    expect(byEmail.get(seeded.cy.email)?.slice(3, 6)).toEqual([0, 100, null]);
  });

  it("responses: one row per submitted response, attempts numbered per quiz, answers readable, scores as numbers", async () => {
    const csv = await responsesExport(database.db, teacher(), seeded.cohort.id, catalog);
    // Check mode only: the review attempt (practice) and Ann's practice attempt are not exported.
    expect(csv.totalRows).toBe(7);
    const rows = (await collectBatches(csv.batches)).flat();
    expect(rows).toHaveLength(7);
    const { first, second, review, cys } = seeded.attempts;
    const ann = [seeded.ann.name, seeded.ann.email];
    const annRows = [
      [
        ...ann,
        "Alpha lesson",
        first.id,
        1,
        "2025-01-05 11:20",
        "fill",
        "fill-in",
        "SIGTERM | sig kill",
        0.5,
        null,
        0.5,
        null,
      ],
      [
        ...ann,
        "Alpha lesson",
        first.id,
        1,
        "2025-01-05 11:20",
        "choice",
        "multiple-choice",
        "liveness | =1+1 vanity",
        0.5,
        null,
        0.5,
        null,
      ],
      [
        ...ann,
        "Alpha lesson",
        first.id,
        1,
        "2025-01-05 11:20",
        "truth",
        "true-false",
        "false",
        0,
        null,
        0,
        null,
      ],
      [
        ...ann,
        "Alpha lesson",
        first.id,
        1,
        "2025-01-05 11:20",
        "talk",
        "interview",
        'Catch SIGTERM,\nthen drain.\n"Done"',
        0.25,
        1,
        1,
        "-Good, but name the signal.",
      ],
      [
        ...ann,
        "Alpha lesson",
        second.id,
        2,
        "2025-01-06 08:10",
        "truth",
        "true-false",
        "true",
        1,
        null,
        1,
        null,
      ],
      [
        ...ann,
        "Alpha lesson",
        second.id,
        2,
        "2025-01-06 08:10",
        "talk",
        "interview",
        "Drain",
        0.75,
        null,
        0.75,
        null,
      ],
    ];
    expect(rows.some((row) => row[3] === review.id)).toBe(false);
    const cyRows = [
      [
        seeded.cy.name,
        seeded.cy.email,
        "Alpha lesson",
        cys.id,
        1,
        "2025-01-04 10:05",
        "truth",
        "true-false",
        "true",
        1,
        null,
        1,
        null,
      ],
    ];
    // Learners come in id order; within a learner, by quiz then start time.
    expect(rows).toEqual(seeded.ann.id < seeded.cy.id ? [...annRows, ...cyRows] : [...cyRows, ...annRows]);
  });

  it("batching yields every row exactly once, whatever the batch size", async () => {
    for (const batchSize of [1, 2, 3, 50]) {
      const responses = await responsesExport(database.db, teacher(), seeded.cohort.id, catalog, {
        batchSize,
      });
      const batches = await collectBatches(responses.batches);
      // Batches are by learner; a batch whose learners submitted nothing (Bob) yields no rows.
      expect(batches.every((batch) => batch.length > 0)).toBe(true);
      if (batchSize === 1) expect(batches.length).toBe(2);
      if (batchSize >= 3) expect(batches.length).toBe(1);
      const keys = batches.flat().map((row) => `${row[3]}/${row[6]}`);
      expect(keys).toHaveLength(7);
      expect(new Set(keys).size).toBe(7);

      const grades = await gradesExport(database.db, teacher(), seeded.cohort.id, catalog, { batchSize });
      const gradeBatches = await collectBatches(grades.batches);
      expect(gradeBatches.length).toBe(Math.ceil(3 / batchSize));
      const emails = gradeBatches.flat().map((row) => row[1]);
      expect(emails.sort()).toEqual([seeded.ann.email, seeded.bob.email, seeded.cy.email].sort());
    }
  });

  it("streams as CSV with learner text neutralised and quoted", async () => {
    const csv = await responsesExport(database.db, teacher(), seeded.cohort.id, catalog);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await new Response(csvStream(csv.header, csv.batches)).arrayBuffer(),
    );
    expect(text.startsWith("\uFEFFLearner,Email,Quiz,")).toBe(true);
    expect(text).toContain(`"Ann Zoë, ""AZ"""`);
    expect(text).toContain(
      `"Catch SIGTERM,\nthen drain.\n""Done""",0.25,1,1,"'-Good, but name the signal."\r\n`,
    );
    expect(text.split("\r\n")).toHaveLength(1 + 7 + 1); // header, rows, the empty string after the last CRLF

    const grades = await gradesExport(database.db, teacher(), seeded.cohort.id, catalog);
    const gradesText = await new Response(csvStream(grades.header, grades.batches)).text();
    expect(gradesText).toContain(`\r\n'=Bob,${seeded.bob.email},2025-01-03,0,,,0,0,0,0,0,\r\n`);
  });

  it("refuses learners, instructors of another cohort and unknown cohorts", async () => {
    const { db } = database;
    const learner = { id: seeded.ann.id, role: "learner" as const };
    const other = { id: seeded.otherTeacher.id, role: "instructor" as const };
    for (const build of [gradesExport, responsesExport]) {
      await expect(build(db, learner, seeded.cohort.id, catalog)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(build(db, other, seeded.cohort.id, catalog)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(build(db, teacher(), "no-such-cohort", catalog)).rejects.toBeInstanceOf(NotFoundError);
      // …and the other cohort's instructor sees only their own learner.
      const theirs = await build(db, other, seeded.otherCohort.id, catalog);
      const rows = (await collectBatches(theirs.batches)).flat();
      expect(rows.every((row) => row[1] === seeded.outsider.email)).toBe(true);
      expect(rows.length).toBe(1);
    }
  });
});
