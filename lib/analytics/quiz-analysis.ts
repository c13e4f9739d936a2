import type { Answer } from "@/lib/grading/answer-schema";
import type { Question } from "@/lib/questions/schema";
import { mean, median, sampleStandardDeviation } from "./descriptive";
import { itemFlags, type ItemFlag } from "./flags";
import {
  correctedItemTotal,
  discriminationIndex,
  facility,
  itemScores,
  learnerTotals,
  rowSums,
  type ScoreMatrix,
} from "./item-statistics";
import { cronbachAlpha, type AlphaResult } from "./reliability";
import { analyseResponses, type ResponseAnalysis } from "./response-analysis";

/** One learner's response to one question; null when the question was not in their attempt. */
export type ItemResponse = { score: number; answer: Answer | null } | null;

export type QuizResponses = {
  /** The quiz's questions (with accepted answers merged in), in the order of the columns. */
  questions: readonly Question[];
  /** One row per learner, one entry per question. */
  rows: ReadonlyArray<ReadonlyArray<ItemResponse>>;
};

export type ItemAnalysis = {
  questionId: string;
  type: Question["type"];
  responses: number;
  facility: number | null;
  discrimination: number | null;
  correctedItemTotal: number | null;
  analysis: ResponseAnalysis;
  flags: ItemFlag[];
};

export type QuizAnalysis = {
  learners: number;
  /** Of each learner's total as a share of the questions they had (0–1); SD is the sample SD. */
  mean: number | null;
  median: number | null;
  standardDeviation: number | null;
  alpha: AlphaResult;
  items: ItemAnalysis[];
};

export function analyseQuiz({ questions, rows }: QuizResponses): QuizAnalysis {
  const matrix: ScoreMatrix = rows.map((row) => questions.map((_, item) => row[item]?.score ?? null));
  const sums = rowSums(matrix);
  const shares = learnerTotals(matrix);
  const totals = shares.filter((total): total is number => total !== null);
  const items = questions.map((question, item): ItemAnalysis => {
    const scores = itemScores(matrix, item);
    const answers = rows.flatMap((row) => (row[item] ? [row[item].answer] : []));
    const stats = {
      responses: scores.length,
      facility: facility(scores),
      discrimination: discriminationIndex(matrix, item, 1, shares),
      correctedItemTotal: correctedItemTotal(matrix, item, sums),
      analysis: analyseResponses(question, answers),
    };
    return { questionId: question.id, type: question.type, ...stats, flags: itemFlags(stats) };
  });
  return {
    learners: totals.length,
    mean: mean(totals),
    median: median(totals),
    standardDeviation: sampleStandardDeviation(totals),
    alpha: cronbachAlpha(matrix),
    items,
  };
}

/** Questions with warnings first, then those with other flags, then the rest; bank order within each. */
export function flaggedFirst<T extends { flags: readonly ItemFlag[] }>(items: readonly T[]): T[] {
  const rank = (item: T) =>
    item.flags.some((flag) => flag.severity === "warning") ? 0 : item.flags.length > 0 ? 1 : 2;
  return [...items].sort((a, b) => rank(a) - rank(b));
}
