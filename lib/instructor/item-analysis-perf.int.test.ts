import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuizFileSchema } from "@/lib/questions/schema";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { loadCohortItemAnalysis } from "./item-analysis-data";
import { rawSqlDb } from "./item-analysis-test-fixtures";

const LEARNERS = 1000;
const QUIZZES = 6;
const PER_QUIZ = 10;

const bank = Array.from({ length: QUIZZES }, (_, quiz) =>
  QuizFileSchema.parse({
    lesson: `quiz-${quiz}`,
    title: `Quiz ${quiz}`,
    questions: Array.from({ length: PER_QUIZ }, (_, index) =>
      index % 2 === 0
        ? {
            id: `q-${quiz}-${index}`,
            section: "s",
            type: "fill-in",
            explanation: "x",
            prompt: "Say ___.",
            blanks: [{ accept: ["right"] }],
          }
        : {
            id: `q-${quiz}-${index}`,
            section: "s",
            type: "multiple-choice",
            explanation: "x",
            prompt: "Pick.",
            options: [
              { id: "a", text: "A", correct: true, why: "w" },
              { id: "b", text: "B", why: "w" },
              { id: "c", text: "C", why: "w" },
            ],
          },
    ),
  }),
);

// Opt-in (BENCH_ITEM_ANALYSIS=1): seeds 1,000 learners × 60 questions and prints the load time.
describe.skipIf(!process.env.BENCH_ITEM_ANALYSIS).each(testProviders())(
  "item analysis at scale (%s)",
  (provider) => {
    let database: TestDatabase;
    let teacher: { id: string; role: "instructor" };
    let cohortId: string;
    let sql: ReturnType<typeof rawSqlDb>;
    beforeAll(async () => {
      database = await createTestDatabase(provider);
      sql = rawSqlDb(database);
      const { db } = database;
      const instructor = await insertUser(db, "instructor");
      teacher = { id: instructor.id, role: "instructor" };
      const cohort = await db.cohort.create({
        data: {
          name: "Big",
          joinCode: "BIGCOHORT",
          createdById: instructor.id,
          memberships: { create: { userId: instructor.id, role: "instructor" } },
        },
      });
      cohortId = cohort.id;
      const users = Array.from({ length: LEARNERS }, (_, index) => ({
        id: `bench-${index}`,
        name: `Learner ${index}`,
        email: `bench-${index}@example.test`,
      }));
      await db.user.createMany({ data: users });
      await db.cohortMembership.createMany({
        data: users.map((user) => ({ cohortId, userId: user.id, role: "learner" })),
      });
      let seed = 1;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      for (const user of users) {
        const ability = random();
        const attempts = bank.map((quiz) => ({
          id: `${user.id}-${quiz.lesson}`,
          userId: user.id,
          quizSlug: quiz.lesson,
          kind: "lesson",
          status: "submitted",
          questionIds: JSON.stringify(quiz.questions.map((q) => q.id)),
          submittedAt: new Date(),
          score: 0,
          maxScore: PER_QUIZ,
        }));
        await db.quizAttempt.createMany({ data: attempts });
        await db.quizResponse.createMany({
          data: bank.flatMap((quiz) =>
            quiz.questions.map((question) => {
              const right = random() < ability;
              return {
                attemptId: `${user.id}-${quiz.lesson}`,
                questionId: question.id,
                answer: JSON.stringify(
                  question.type === "fill-in"
                    ? { type: "fill-in", blanks: [right ? "right" : random() < 0.5 ? "wrong" : "Right!"] }
                    : { type: "multiple-choice", selected: [right ? "a" : "b"] },
                ),
                score: right ? 1 : 0,
                maxScore: 1,
              };
            }),
          ),
        });
      }
    }, 600_000);
    afterAll(async () => {
      await sql.close();
      await database.drop();
    });

    it("loads and analyses 1,000 learners × 60 questions", async () => {
      await loadCohortItemAnalysis(sql.db, teacher, cohortId, bank); // warm-up
      const times: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        const result = await loadCohortItemAnalysis(sql.db, teacher, cohortId, bank);
        times.push(performance.now() - started);
        expect(result.quizzes[0]!.analysis.learners).toBe(LEARNERS);
      }
      times.sort((a, b) => a - b);
      console.log(
        `item analysis ${provider}: median ${times[2]!.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")})`,
      );
    });
  },
);
