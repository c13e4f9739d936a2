import type { ResponseAnalysis } from "./response-analysis";

export const MIN_RESPONSES = 5;
export const VERY_EASY_ABOVE = 0.9;
export const VERY_HARD_BELOW = 0.2;
/** A wrong answer given by at least this share of the responses (and by two learners or more) is "many". */
export const POPULAR_WRONG_SHARE = 0.3;

export type FlagKind =
  | "too-few-responses"
  | "negative-discrimination"
  | "popular-wrong-answer"
  | "very-easy"
  | "very-hard"
  | "unused-distractor";

/** warning: something may be wrong with the question or the teaching; info: worth a look. */
export type ItemFlag = { kind: FlagKind; severity: "warning" | "info"; message: string };

export type FlagInput = {
  responses: number;
  facility: number | null;
  discrimination: number | null;
  /** Used when the discrimination index cannot be computed. */
  correctedItemTotal: number | null;
  analysis: ResponseAnalysis;
};

const percent = (share: number) => `${Math.round(share * 100)} %`;
const signed = (value: number) => (value < 0 ? `−${Math.abs(value).toFixed(2)}` : value.toFixed(2));

/**
 * Plain-language flags for one question, warnings first. With fewer than MIN_RESPONSES responses the
 * figures are noise, so that is the only flag given.
 */
export function itemFlags(input: FlagInput): ItemFlag[] {
  const { responses, facility, discrimination, correctedItemTotal, analysis } = input;
  if (responses < MIN_RESPONSES)
    return [
      {
        kind: "too-few-responses",
        severity: "info",
        message: `Too few responses to judge (n = ${responses}; the figures mean little below ${MIN_RESPONSES}).`,
      },
    ];
  const flags: ItemFlag[] = [];
  const direction = discrimination ?? correctedItemTotal;
  if (direction !== null && direction < 0)
    flags.push({
      kind: "negative-discrimination",
      severity: "warning",
      message: `Negative discrimination (${signed(direction)}): learners with high totals did worse on this than learners with low totals. Check the key.`,
    });
  flags.push(...popularWrongAnswers(analysis));
  if (facility !== null && facility > VERY_EASY_ABOVE)
    flags.push({
      kind: "very-easy",
      severity: "info",
      message: `Very easy (facility ${facility.toFixed(2)} > ${VERY_EASY_ABOVE}): it tells strong and weak learners apart little.`,
    });
  if (facility !== null && facility < VERY_HARD_BELOW)
    flags.push({
      kind: "very-hard",
      severity: "info",
      message: `Very hard (facility ${facility.toFixed(2)} < ${VERY_HARD_BELOW}): check the key and the wording, or re-teach the section.`,
    });
  if (analysis.type === "multiple-choice")
    for (const row of analysis.rows)
      if (!row.scores && row.count === 0)
        flags.push({
          kind: "unused-distractor",
          severity: "info",
          message: `A distractor nobody picks: option ${row.key} (“${row.label}”). Replace it with a likelier mistake or drop it.`,
        });
  return flags.sort((a, b) => rank(a) - rank(b));
}

const rank = (flag: ItemFlag) => (flag.severity === "warning" ? 0 : 1);

function popularWrongAnswers(analysis: ResponseAnalysis): ItemFlag[] {
  const many = (row: { count: number; share: number }) => row.count >= 2 && row.share >= POPULAR_WRONG_SHARE;
  const given = (row: { count: number; share: number }) =>
    `${row.count} of ${analysis.responses}, ${percent(row.share)}`;
  switch (analysis.type) {
    case "fill-in":
      return analysis.blanks.flatMap(({ blankIndex, rows }) =>
        rows
          .filter((row) => row.key !== "" && !row.scores && many(row))
          .map((row) => ({
            kind: "popular-wrong-answer" as const,
            severity: "warning" as const,
            message: `A wrong answer given by many: “${row.label}” in blank ${blankIndex + 1} (${given(row)}). Accept it for everyone if it is right, or re-teach.`,
          })),
      );
    case "multiple-choice":
      return analysis.rows
        .filter((row) => !row.scores && many(row))
        .map((row) => ({
          kind: "popular-wrong-answer" as const,
          severity: "warning" as const,
          message: `A wrong option picked by many: ${row.key} (“${row.label}”, ${given(row)}). Check the key, or re-teach.`,
        }));
    case "true-false":
      return analysis.rows
        .filter((row) => !row.scores && many(row))
        .map((row) => ({
          kind: "popular-wrong-answer" as const,
          severity: "warning" as const,
          message: `Many answered “${row.label}”, which is marked wrong (${given(row)}). Check the statement and the key, or re-teach.`,
        }));
    case "interview":
      return [];
  }
}
