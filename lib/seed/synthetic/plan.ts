import type { Question, QuizFile } from "@/lib/questions/schema";
import { answerContext } from "./answer";
import { AttemptBuilder, DAY, HOUR, MINUTE, type Context, type LearnerPlan } from "./attempt-builder";
import type { LabOutcome } from "./lab-verdicts";
import { COHORT_PERSONA_WEIGHTS, drawLearner, type LearnerModel, type PersonaWeights } from "./learner-model";
import { learnerIdentities } from "./names";
import { createRng, type Rng } from "./prng";
import type { CohortPlan, PlannedLabRun, PlannedLearner, PlannedLessonProgress } from "./types";

export type PlanInput = {
  seed: number;
  learnerCount: number;
  /** The plan's "today": every record is dated before it. */
  now: Date;
  /** Makes ids unique per cohort: users are `syn-<prefix>-u0001`, their attempts `…-a01`. */
  idPrefix: string;
  /** Lessons in course order; a lesson without a quiz is still visited. */
  lessonSlugs: readonly string[];
  /** Question sets by lesson (a set may hold only some of its lesson's questions, as the bench does). */
  quizzes: readonly QuizFile[];
  labs: readonly LabOutcome[];
  /** The instructor who has reviewed some interview answers; null leaves every one waiting. */
  reviewerId: string | null;
  weeks?: number;
  personaWeights?: PersonaWeights;
  /** Every learner who completes a lesson takes its quiz (the bench wants every question answered). */
  everyQuiz?: boolean;
  /** Review-queue sessions (attempts of kind "review"); on unless turned off. */
  reviewSessions?: boolean;
};

/**
 * The activity of a synthetic cohort over the past weeks: who visited and
 * completed which lessons, every quiz attempt with real answers graded by the
 * real grader, review cards moved by the real scheduler, lab runs with real
 * verdicts, and some interview answers reviewed by an instructor.
 * Pure and deterministic: the same input gives the same plan.
 */
export function planCohortActivity(input: PlanInput): CohortPlan {
  const rng = createRng(input.seed);
  const questions = new Map<string, { question: Question; lesson: string }>();
  for (const quiz of input.quizzes)
    for (const question of quiz.questions) questions.set(question.id, { question, lesson: quiz.lesson });
  const context: Context = {
    input,
    now: input.now.getTime(),
    windowStart: input.now.getTime() - (input.weeks ?? 5) * 7 * DAY,
    questions,
    answers: answerContext([...questions.values()].map((entry) => entry.question)),
    graded: new Map(),
  };
  const identities = learnerIdentities(rng.fork("names"), input.learnerCount);
  const plan: CohortPlan = {
    learners: [],
    lessonProgress: [],
    attempts: [],
    responses: [],
    reviewCards: [],
    labRuns: [],
  };
  identities.forEach((identity, index) => {
    const id = `syn-${input.idPrefix}-u${String(index + 1).padStart(4, "0")}`;
    const { learner, activity } = planLearner(context, id, identity, rng.fork(`learner:${index}`));
    plan.learners.push(learner);
    plan.lessonProgress.push(...activity.lessonProgress);
    plan.attempts.push(...activity.attempts);
    plan.responses.push(...activity.responses);
    plan.reviewCards.push(...activity.reviewCards);
    plan.labRuns.push(...activity.labRuns);
  });
  return plan;
}

function planLearner(
  context: Context,
  userId: string,
  identity: { name: string; email: string },
  rng: Rng,
): { learner: PlannedLearner; activity: LearnerPlan } {
  const { input, now } = context;
  const model = drawLearner(rng, input.lessonSlugs.length, input.personaWeights ?? COHORT_PERSONA_WEIGHTS);
  const joinedAt = Math.min(context.windowStart + rng.between(0, 6 * DAY), now - HOUR);
  const learner: PlannedLearner = {
    id: userId,
    ...identity,
    createdAt: new Date(joinedAt - rng.between(5 * MINUTE, 2 * DAY)),
    joinedAt: new Date(joinedAt),
    persona: model.persona,
    ability: model.ability,
    engagement: model.engagement,
  };
  const activity: LearnerPlan = {
    lessonProgress: [],
    attempts: [],
    responses: [],
    reviewCards: [],
    labRuns: [],
  };
  if (model.lessonsToReach === 0) return { learner, activity };

  const builder = new AttemptBuilder(context, userId, rng, activity);
  const progress = new Map<string, PlannedLessonProgress>();
  let clock = joinedAt + rng.between(10 * MINUTE, 30 * HOUR);
  let lastActive = clock;
  const gaps = lessonGaps(model, now - clock, rng);
  for (let index = 0; index < model.lessonsToReach; index += 1) {
    if (index > 0) clock += gaps[index - 1]!;
    if (clock > now - 20 * MINUTE) break;
    const slug = input.lessonSlugs[index]!;
    const isLast = index === model.lessonsToReach - 1;
    const completes = !isLast || model.persona === "finisher" || rng.chance(0.5);
    const completedAt = completes
      ? Math.min(clock + rng.between(12 * MINUTE, 70 * MINUTE), now - MINUTE)
      : null;
    const revisit = completedAt !== null && rng.chance(0.15) ? completedAt + rng.between(1, 10) * DAY : 0;
    const lastSeenAt = Math.max(completedAt ?? clock, revisit < now ? revisit : 0);
    progress.set(slug, {
      userId,
      lessonSlug: slug,
      lastSeenAt: new Date(lastSeenAt),
      completedAt: completedAt === null ? null : new Date(completedAt),
    });
    lastActive = Math.max(lastActive, completedAt ?? clock);

    const quiz = input.quizzes.find((candidate) => candidate.lesson === slug);
    const quizChance = input.everyQuiz ? 1 : 0.55 + 0.4 * model.engagement;
    if (quiz && completedAt !== null && rng.chance(quizChance)) {
      const leaveOpen = isLast && model.persona !== "finisher" && !input.everyQuiz && rng.chance(0.4);
      lastActive = Math.max(lastActive, builder.lessonQuiz(quiz, model, completedAt, leaveOpen));
    }
    for (const lab of new Set(
      input.labs.filter((outcome) => outcome.lesson === slug).map((outcome) => outcome.labSlug),
    )) {
      if (rng.chance(0.35 + 0.55 * model.engagement))
        lastActive = Math.max(
          lastActive,
          planLabRuns(context, userId, lab, model, clock, rng, activity.labRuns),
        );
    }
  }
  // Some learners look ahead at a lesson they never get to properly.
  if (model.lessonsToReach < input.lessonSlugs.length && rng.chance(0.12)) {
    const ahead =
      input.lessonSlugs[Math.min(input.lessonSlugs.length - 1, model.lessonsToReach + rng.int(0, 2))]!;
    const at = Math.min(lastActive + rng.between(HOUR, 3 * DAY), now - MINUTE);
    if (!progress.has(ahead))
      progress.set(ahead, { userId, lessonSlug: ahead, lastSeenAt: new Date(at), completedAt: null });
  }
  activity.lessonProgress.push(...progress.values());

  const activeUntil =
    model.persona === "dropped-out" ? Math.min(now, lastActive + rng.between(1, 6) * DAY) : now;
  builder.replayCards(model, activeUntil);
  if (input.reviewerId) builder.instructorReviews(input.reviewerId);
  return { learner, activity };
}

/**
 * Time between one lesson and the next. Each persona spreads its lessons over a
 * share of the time left, so the cohort keeps completing lessons up to today:
 * finishers finish some time before now, steady learners are cut off by today
 * (still in progress), drop-outs stop within the first days.
 */
function lessonGaps(model: LearnerModel, timeLeft: number, rng: Rng): number[] {
  const share = {
    "never-started": 0,
    "dropped-out": rng.between(0.08, 0.3),
    steady: rng.between(0.6, 1.2),
    finisher: rng.between(0.45, 0.9),
  }[model.persona];
  const weights = Array.from({ length: Math.max(0, model.lessonsToReach - 1) }, () => rng.between(0.4, 1.6));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (share * timeLeft * weight) / total);
}

function planLabRuns(
  context: Context,
  userId: string,
  labSlug: string,
  model: LearnerModel,
  visitedAt: number,
  rng: Rng,
  out: PlannedLabRun[],
): number {
  const variants = context.input.labs.filter((outcome) => outcome.labSlug === labSlug);
  const starter = variants.find((outcome) => outcome.variant === "starter");
  const halfway = variants.find((outcome) => outcome.variant === "halfway");
  const solution = variants.find((outcome) => outcome.variant === "solution");
  const tries: LabOutcome[] = [];
  if (starter) for (let count = rng.int(1, 2); count > 0; count -= 1) tries.push(starter);
  if (halfway && rng.chance(0.7)) tries.push(halfway);
  const solves = model.ability + rng.normal() * 0.8 > -0.5;
  if (solution && solves) tries.push(solution);
  let clock = visitedAt + rng.between(20 * MINUTE, 2 * HOUR);
  let last = visitedAt;
  for (const outcome of tries) {
    if (clock > context.now - MINUTE) break;
    out.push({
      userId,
      labSlug,
      code: outcome.code,
      params: JSON.stringify(outcome.params),
      passed: outcome.passed,
      verdict: outcome.verdict,
      createdAt: new Date(clock),
    });
    last = clock;
    if (outcome.passed) break;
    clock += rng.between(2 * MINUTE, 30 * MINUTE);
  }
  return last;
}
