import type { Rng } from "./prng";

/**
 * How far a learner goes: never starts, drops out early, keeps going at their
 * own pace (and is somewhere mid-course today), or finishes everything.
 */
export type Persona = "never-started" | "dropped-out" | "steady" | "finisher";

export const PERSONAS: readonly Persona[] = ["never-started", "dropped-out", "steady", "finisher"];

export type PersonaWeights = Readonly<Record<Persona, number>>;

export const COHORT_PERSONA_WEIGHTS: PersonaWeights = {
  "never-started": 0.08,
  "dropped-out": 0.22,
  steady: 0.45,
  finisher: 0.25,
};

export type LearnerModel = {
  persona: Persona;
  /** Knowledge on the question-difficulty scale, about −2.5…2.5 (0 is typical). */
  ability: number;
  /** 0…1: how regularly they come back (pace, quiz and lab take-up, review sessions). */
  engagement: number;
  /** How many lessons, in course order, they get to at most. */
  lessonsToReach: number;
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function drawLearner(rng: Rng, lessonCount: number, weights: PersonaWeights): LearnerModel {
  const persona = rng.weighted(
    PERSONAS,
    PERSONAS.map((name) => weights[name]),
  );
  const shift = { "never-started": -0.2, "dropped-out": -0.35, steady: 0, finisher: 0.35 }[persona];
  const ability = clamp(rng.normal() * 0.9 + shift, -2.5, 2.5);
  const engagement = {
    "never-started": 0,
    "dropped-out": rng.between(0.1, 0.45),
    steady: rng.between(0.35, 0.8),
    finisher: rng.between(0.7, 1),
  }[persona];
  const lessonsToReach = {
    "never-started": 0,
    "dropped-out": rng.int(1, Math.min(3, lessonCount)),
    steady: rng.int(Math.min(3, lessonCount), Math.max(Math.min(3, lessonCount), lessonCount - 1)),
    finisher: lessonCount,
  }[persona];
  return { persona, ability, engagement, lessonsToReach };
}
