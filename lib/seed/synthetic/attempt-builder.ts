import type { Answer } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { feedbackFor } from "@/lib/questions/feedback";
import type { Question, QuizFile } from "@/lib/questions/schema";
import { nextCardState, type CardState } from "@/lib/review/schedule";
import { synthesiseAnswer, type AnswerContext } from "./answer";
import { reviewInterviewAnswer } from "./instructor-review";
import type { LearnerModel } from "./learner-model";
import type { PlanInput } from "./plan";
import type { Rng } from "./prng";
import type { CohortPlan, PlannedAttempt, PlannedResponse } from "./types";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What every learner's plan is made against. */
export type Context = {
  input: PlanInput;
  windowStart: number;
  now: number;
  questions: Map<string, { question: Question; lesson: string }>;
  answers: AnswerContext;
  /** Grading memo: answers repeat a lot (44 interview texts, a handful of typos), and the grader is pure. */
  graded: Map<string, { score: number; feedback: string }>;
};

/** One learner's rows. */
export type LearnerPlan = Omit<CohortPlan, "learners">;

type CardHistory = { state: CardState; createdAt: number; updatedAt: number };

/** Builds one learner's attempts and responses, keeping ids, scores and review cards consistent. */
export class AttemptBuilder {
  private attemptCount = 0;
  private readonly graded: Array<{ attempt: PlannedAttempt; responses: PlannedResponse[] }> = [];

  constructor(
    private readonly context: Context,
    private readonly userId: string,
    private readonly rng: Rng,
    private readonly out: LearnerPlan,
  ) {}

  /** A lesson's quiz after completing it, with retries that improve; returns when the learner last touched it. */
  lessonQuiz(quiz: QuizFile, model: LearnerModel, completedAt: number, leaveOpen: boolean): number {
    const { now } = this.context;
    let startedAt = Math.min(completedAt + this.rng.between(3 * MINUTE, 3 * HOUR), now - 5 * MINUTE);
    const mode = this.rng.chance(0.15) ? "practice" : "check";
    if (leaveOpen) return this.openAttempt(quiz, model.ability, startedAt, mode);
    let ability = model.ability;
    let last = this.submittedAttempt(quiz, ability, startedAt, mode);
    for (let retry = 0; retry < 2; retry += 1) {
      const ratio = (last.attempt.score ?? 0) / (last.attempt.maxScore ?? 1);
      if (ratio >= 0.75 || !this.rng.chance(0.3 + 0.5 * model.engagement)) break;
      startedAt = (last.attempt.submittedAt?.getTime() ?? startedAt) + this.rng.between(2 * HOUR, 4 * DAY);
      if (startedAt > now - 10 * MINUTE) break;
      ability += this.rng.between(0.3, 0.8);
      last = this.submittedAttempt(quiz, ability, startedAt, "check");
    }
    return last.attempt.updatedAt.getTime();
  }

  private nextAttemptId(): string {
    this.attemptCount += 1;
    return `${this.userId}-a${String(this.attemptCount).padStart(2, "0")}`;
  }

  private answer(question: Question, ability: number): Answer {
    return synthesiseAnswer(question, ability, this.rng, this.context.answers);
  }

  /** The real grader's score and the feedback submitQuiz would store, memoised per question and answer. */
  private grade(question: Question, answer: Answer): { answer: string; score: number; feedback: string } {
    const answerJson = JSON.stringify(answer);
    const key = `${question.id}\u0000${answerJson}`;
    let graded = this.context.graded.get(key);
    if (!graded) {
      const result = gradeAnswer(question, answer);
      const lesson = this.context.questions.get(question.id)?.lesson ?? "";
      const text = answer.type === "interview" ? answer.text : "";
      graded = { score: result.score, feedback: JSON.stringify(feedbackFor(question, result, lesson, text)) };
      this.context.graded.set(key, graded);
    }
    return { answer: answerJson, ...graded };
  }

  /** Autosaved answers to the first part of a quiz, never submitted: no scores yet. */
  private openAttempt(
    quiz: QuizFile,
    ability: number,
    startedAt: number,
    mode: "check" | "practice",
  ): number {
    const id = this.nextAttemptId();
    const answered = quiz.questions.slice(
      0,
      Math.max(1, Math.round(quiz.questions.length * this.rng.between(0.2, 0.8))),
    );
    let clock = startedAt;
    for (const [index, question] of answered.entries()) {
      clock = Math.min(clock + this.rng.between(30_000, 120_000), this.context.now - MINUTE);
      this.out.responses.push({
        ...emptyReview,
        id: `${id}-q${String(index + 1).padStart(2, "0")}`,
        attemptId: id,
        questionId: question.id,
        answer: JSON.stringify(this.answer(question, ability)),
        checks: 0,
        score: null,
        maxScore: null,
        feedback: null,
        updatedAt: new Date(clock),
      });
    }
    this.out.attempts.push({
      id,
      userId: this.userId,
      quizSlug: quiz.lesson,
      kind: "lesson",
      questionIds: JSON.stringify(quiz.questions.map((question) => question.id)),
      mode,
      status: "open",
      seed: this.rng.int(0, 2 ** 31 - 1),
      score: null,
      maxScore: null,
      startedAt: new Date(startedAt),
      updatedAt: new Date(clock),
      submittedAt: null,
    });
    return clock;
  }

  /**
   * A submitted attempt, graded as submitQuiz grades it: every question gets a
   * response with the real grader's score and feedback; practice mode lets a
   * wrong answer be checked again (and usually improved) before submitting.
   */
  private submittedAttempt(
    quiz: { lesson: string; questions: readonly Question[] },
    ability: number,
    startedAt: number,
    mode: "check" | "practice",
    kind: "lesson" | "review" = "lesson",
  ) {
    const id = this.nextAttemptId();
    const perQuestion = mode === "practice" ? [40_000, 110_000] : [25_000, 90_000];
    const submittedAt = Math.min(
      startedAt + quiz.questions.length * this.rng.between(perQuestion[0]!, perQuestion[1]!),
      this.context.now - MINUTE,
    );
    const responses = quiz.questions.map((question, index): PlannedResponse => {
      let answer = this.answer(question, ability);
      let graded = this.grade(question, answer);
      let checks = mode === "practice" ? 1 : 0;
      if (mode === "practice" && graded.score < 1 && this.rng.chance(0.6)) {
        answer = this.answer(question, ability + 1);
        graded = this.grade(question, answer);
        checks += 1;
      }
      return {
        ...emptyReview,
        id: `${id}-q${String(index + 1).padStart(2, "0")}`,
        attemptId: id,
        questionId: question.id,
        answer: graded.answer,
        checks,
        score: graded.score,
        maxScore: 1,
        feedback: graded.feedback,
        updatedAt: new Date(submittedAt),
      };
    });
    const attempt: PlannedAttempt = {
      id,
      userId: this.userId,
      quizSlug: quiz.lesson,
      kind,
      questionIds: JSON.stringify(quiz.questions.map((question) => question.id)),
      mode,
      status: "submitted",
      seed: this.rng.int(0, 2 ** 31 - 1),
      score: responses.reduce((sum, response) => sum + (response.score ?? 0), 0),
      maxScore: responses.length,
      startedAt: new Date(startedAt),
      updatedAt: new Date(submittedAt),
      submittedAt: new Date(submittedAt),
    };
    this.out.attempts.push(attempt);
    this.out.responses.push(...responses);
    const entry = { attempt, responses };
    this.graded.push(entry);
    return entry;
  }

  /**
   * Replays every submitted attempt in time order through the real scheduler,
   * with review sessions (attempts of kind "review") on the days the learner
   * comes back, so cards, reps and lapses are what the app would have stored.
   */
  replayCards(model: LearnerModel, activeUntil: number): void {
    const cards = new Map<string, CardHistory>();
    const lessonAttempts = [...this.graded].sort(
      (a, b) => a.attempt.submittedAt!.getTime() - b.attempt.submittedAt!.getTime(),
    );
    const apply = (entry: { attempt: PlannedAttempt; responses: PlannedResponse[] }) => {
      const at = entry.attempt.submittedAt!;
      for (const response of entry.responses) {
        const history = cards.get(response.questionId);
        const next = nextCardState(history?.state ?? null, response.score ?? 0, at);
        if (!next) continue;
        cards.set(response.questionId, {
          state: next,
          createdAt: history?.createdAt ?? at.getTime(),
          updatedAt: at.getTime(),
        });
      }
    };
    // A few learners make a daily habit of the review queue; the rest come back now and then.
    const sessionChance =
      this.context.input.reviewSessions === false
        ? 0
        : model.persona !== "dropped-out" && this.rng.chance(0.2)
          ? 0.85
          : 0.05 + 0.3 * model.engagement;
    let day = lessonAttempts[0]
      ? startOfDay(lessonAttempts[0].attempt.submittedAt!.getTime()) + DAY
      : Infinity;
    let next = 0;
    for (; day < activeUntil; day += DAY) {
      const sessionAt = day + this.rng.between(8 * HOUR, 22 * HOUR);
      while (
        next < lessonAttempts.length &&
        lessonAttempts[next]!.attempt.submittedAt!.getTime() <= sessionAt
      )
        apply(lessonAttempts[next++]!);
      if (sessionAt >= Math.min(activeUntil, this.context.now - HOUR) || !this.rng.chance(sessionChance))
        continue;
      const due = [...cards.entries()]
        .filter(
          ([questionId, card]) =>
            card.state.due.getTime() <= sessionAt && this.context.questions.has(questionId),
        )
        .sort((a, b) => a[1].state.due.getTime() - b[1].state.due.getTime())
        .slice(0, 12)
        .map(([questionId]) => this.context.questions.get(questionId)!.question);
      if (due.length === 0) continue;
      apply(
        this.submittedAttempt(
          { lesson: "review", questions: due },
          model.ability + 0.3,
          sessionAt,
          "practice",
          "review",
        ),
      );
    }
    while (next < lessonAttempts.length) apply(lessonAttempts[next++]!);
    for (const [questionId, card] of cards) {
      this.out.reviewCards.push({
        userId: this.userId,
        questionId,
        ...card.state,
        createdAt: new Date(card.createdAt),
        updatedAt: new Date(card.updatedAt),
      });
    }
  }

  /**
   * An instructor has reviewed a few interview answers (not recent ones); the
   * rest wait in the grading queue. Attempt totals use the override, as
   * overrideResponseScore computes them.
   */
  instructorReviews(reviewerId: string): void {
    const { now } = this.context;
    for (const { attempt, responses } of this.graded) {
      if (attempt.kind !== "lesson" || attempt.submittedAt!.getTime() > now - 36 * HOUR) continue;
      let changed = false;
      for (const response of responses) {
        const found = this.context.questions.get(response.questionId);
        if (found?.question.type !== "interview" || !this.rng.chance(0.18)) continue;
        const text = (JSON.parse(response.answer) as { text: string }).text;
        const reviewedAt = Math.min(
          attempt.submittedAt!.getTime() + this.rng.between(2 * HOUR, 30 * HOUR),
          now - MINUTE,
        );
        Object.assign(response, reviewInterviewAnswer(found.question, text, this.rng), {
          reviewedAt: new Date(reviewedAt),
          reviewedById: reviewerId,
          updatedAt: new Date(reviewedAt),
        });
        changed = true;
      }
      if (changed)
        attempt.score = responses.reduce(
          (sum, response) => sum + (response.overrideScore ?? response.score ?? 0),
          0,
        );
    }
  }
}

const emptyReview = {
  overrideScore: null,
  instructorFeedback: null,
  reviewedAt: null,
  rubricGrades: null,
  reviewedById: null,
} as const;

function startOfDay(ms: number): number {
  return ms - (ms % DAY);
}
