// How closely the automatic interview grader agrees with the human scores of the calibration set
// (content/questions/calibration), per question, before (whole-word phrase matching, the grader this
// replaced) and after (lib/grading/interview.ts).
//   npm run bench:interview-agreement            the table
//   npm run bench:interview-agreement -- --rows  plus every answer that misses its target
import { gradeInterview } from "../lib/grading/interview";
import { agreement, type Agreement, type ScoredAnswer } from "../lib/grading/calibration";
import { loadCalibrationFiles } from "../lib/questions/calibration-files";
import type { InterviewQuestion } from "../lib/questions/schema";
import { loadQuizFiles } from "../lib/seed/course-content";
import { legacyScore } from "./legacy-phrase-grader";

const showRows = process.argv.includes("--rows");
const questions = new Map<string, InterviewQuestion>();
for (const quiz of await loadQuizFiles())
  for (const question of quiz.questions)
    if (question.type === "interview") questions.set(question.id, question);

const fmt = (value: number | null) => (value === null ? "  –  " : value.toFixed(2).padStart(5));
const line = (label: string, a: Agreement) =>
  `${label.padEnd(6)} ${a.meanAbsoluteError.toFixed(3).padStart(6)} ${fmt(a.worstWrongAdvice)} ${fmt(a.worstKeywordList)} ${fmt(a.worstParaphrase)}  ${a.failures.length === 0 ? "pass" : `FAIL (${a.failures.length})`}`;

console.log(
  "targets: MAE ≤ 0.15 · max wrong-advice ≤ 0.35 · max keyword-list ≤ 0.40 · min paraphrase ≥ 0.70\n",
);
console.log(`${"question".padEnd(38)} ${"n".padStart(3)} grader    MAE  wrong  list  para  verdict`);
const totals = { before: [] as ScoredAnswer[], after: [] as ScoredAnswer[] };
const started = performance.now();
let graded = 0;
for (const file of await loadCalibrationFiles()) {
  const question = questions.get(file.question);
  if (!question) throw new Error(`calibration file for unknown interview question ${file.question}`);
  const before = file.answers.map((answer) => ({
    id: answer.id,
    style: answer.style,
    human: answer.score,
    machine: legacyScore(question, answer.text),
  }));
  const after = file.answers.map((answer) => ({
    id: answer.id,
    style: answer.style,
    human: answer.score,
    machine: gradeInterview(question, answer.text).score,
  }));
  graded += file.answers.length;
  totals.before.push(...before);
  totals.after.push(...after);
  const a = agreement(file.question, after);
  console.log(
    `${file.question.padEnd(38)} ${String(file.answers.length).padStart(3)} ${line("before", agreement(file.question, before))}`,
  );
  console.log(`${"".padEnd(38)}     ${line("after", a)}`);
  if (showRows) for (const failure of a.failures) console.log(`${"".padEnd(44)}- ${failure}`);
  if (showRows)
    for (const row of after)
      if (Math.abs(row.machine - row.human) > 0.2)
        console.log(
          `${"".padEnd(44)}~ ${row.id} (${row.style}) machine ${row.machine.toFixed(2)} human ${row.human.toFixed(2)}`,
        );
}
const elapsed = performance.now() - started;
console.log(
  `\n${"all questions".padEnd(38)} ${String(totals.after.length).padStart(3)} ${line("before", agreement("all", totals.before))}`,
);
console.log(`${"".padEnd(38)}     ${line("after", agreement("all", totals.after))}`);
console.log(
  `\n${graded} answers graded twice in ${elapsed.toFixed(0)} ms (includes loading the language model once)`,
);
