import type { Db } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading/grade";
import { openAttempt, saveResponse, submitAttempt } from "@/lib/progress/attempts";
import { loadQuizzes } from "@/lib/questions/bank";
import type { InterviewQuestion, Question } from "@/lib/questions/schema";
import { insertUser } from "@/lib/testing/test-db";

/** An interview question from the real bank, and another question of the same quiz that is not one. */
export async function bankQuestions(): Promise<{
  quizSlug: string;
  interview: InterviewQuestion;
  other: Question;
}> {
  for (const quiz of await loadQuizzes()) {
    const interview = quiz.questions.find((question) => question.type === "interview");
    const other = quiz.questions.find((question) => question.type !== "interview");
    if (interview?.type === "interview" && other) return { quizSlug: quiz.lesson, interview, other };
  }
  throw new Error("The question bank has no quiz with an interview question and another question");
}

/** A cohort with one instructor and the given number of learners, plus an instructor of another cohort. */
export async function gradingCohort(db: Db, learnerCount = 1) {
  const teacher = await insertUser(db, "instructor");
  const otherTeacher = await insertUser(db, "instructor");
  const learners = await Promise.all(Array.from({ length: learnerCount }, () => insertUser(db, "learner")));
  const cohort = await db.cohort.create({
    data: {
      name: "Grading cohort",
      joinCode: `G${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
      createdById: teacher.id,
      memberships: {
        create: [
          { userId: teacher.id, role: "instructor" },
          ...learners.map((learner) => ({ userId: learner.id, role: "learner" })),
        ],
      },
    },
  });
  const otherCohort = await db.cohort.create({
    data: {
      name: "Other cohort",
      joinCode: `O${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
      createdById: otherTeacher.id,
      memberships: { create: [{ userId: otherTeacher.id, role: "instructor" }] },
    },
  });
  return {
    cohort,
    otherCohort,
    teacher: { id: teacher.id, role: "instructor" as const },
    otherTeacher: { id: otherTeacher.id, role: "instructor" as const },
    learners: learners.map((learner) => ({ id: learner.id, role: "learner" as const, name: learner.name })),
  };
}

/**
 * One attempt at the quiz with an interview answer and one other answer, graded automatically like the
 * real submit. `submit: false` leaves the attempt open.
 */
export async function answerInterview(
  db: Db,
  learnerId: string,
  text: string,
  options: { submittedAt?: Date; submit?: boolean; kind?: "lesson" | "review" } = {},
) {
  const { quizSlug, interview, other } = await bankQuestions();
  const learner = { kind: "user" as const, id: learnerId };
  const attempt = await openAttempt(db, learner, {
    quizSlug,
    kind: options.kind ?? "lesson",
    mode: "check",
    questionIds: [interview.id, other.id],
    seed: 1,
  });
  await saveResponse(db, learner, attempt.id, interview.id, JSON.stringify({ type: "interview", text }));
  if (options.submit !== false) {
    await submitAttempt(
      db,
      learner,
      attempt.id,
      () => [
        {
          questionId: interview.id,
          answerJson: JSON.stringify({ type: "interview", text }),
          score: gradeAnswer(interview, { type: "interview", text }).score,
          feedbackJson: "{}",
        },
        { questionId: other.id, answerJson: "{}", score: 1, feedbackJson: "{}" },
      ],
      options.submittedAt,
    );
  }
  const responses = await db.quizResponse.findMany({ where: { attemptId: attempt.id } });
  const find = (questionId: string) => responses.find((response) => response.questionId === questionId);
  return { attemptId: attempt.id, interviewResponse: find(interview.id)!, otherResponse: find(other.id) };
}
