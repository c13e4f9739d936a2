import { QuestionSchema, type Question } from "@/lib/questions/schema";
import type { ExportCatalog } from "./exports-rows";

// A two-lesson catalog with one question of each type, shared by the exports tests.

const base = { section: "intro", explanation: "Because the chapter says so." };
const questions: Question[] = [
  QuestionSchema.parse({
    ...base,
    id: "fill",
    type: "fill-in",
    prompt: "Send ___ then ___",
    blanks: [{ accept: ["SIGTERM"] }, { accept: ["SIGKILL"] }],
  }),
  QuestionSchema.parse({
    ...base,
    id: "choice",
    type: "multiple-choice",
    prompt: "Pick the probes",
    options: [
      { id: "a", text: "liveness", correct: true, why: "It restarts." },
      { id: "b", text: "readiness", correct: true, why: "It routes." },
      { id: "c", text: "=1+1 vanity", why: "Not a probe." },
    ],
  }),
  QuestionSchema.parse({
    ...base,
    id: "truth",
    type: "true-false",
    statement: "PID 1 is special.",
    answer: true,
  }),
  QuestionSchema.parse({
    ...base,
    id: "talk",
    type: "interview",
    prompt: "Explain graceful shutdown.",
    rubric: [
      { id: "signal", point: "Handles SIGTERM", weight: 1, phrases: ["sigterm"] },
      { id: "drain", point: "Drains requests", weight: 1, phrases: ["drain"] },
      { id: "exit", point: "Exits", weight: 1, phrases: ["exit"] },
    ],
    modelAnswer: "Catch SIGTERM, drain, exit.",
  }),
];

export const catalog: ExportCatalog = {
  lessons: [
    { slug: "alpha", title: "Alpha lesson" },
    { slug: "beta", title: "Beta lesson" },
  ],
  labSlugs: ["lab-one", "lab-two"],
  questions: new Map(questions.map((question) => [question.id, question])),
};
