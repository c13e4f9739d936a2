import { describe, expect, it } from "vitest";
import { MINUTES_PER_LAB, MINUTES_PER_QUESTION, countLabs, countSelfCheckQuestions, studyMinutes, withoutChapterNotes } from "./study-time";

const lesson = [
  "## Intro",
  "Words here.",
  '<Lab slug="drain-under-docker-stop" />',
  '<LabEmbed slug="prestop-sleep" height="tall" />',
  "```mdx",
  '<Lab slug="only-an-example" />',
  "<details>",
  "```",
  "<details>",
  "<summary>Diagram as text</summary>",
  "</details>",
  "## Check yourself",
  "**1.** Why?",
  "<details>\n<summary>Show answer</summary>\nBecause.\n</details>",
  "**2.** How?",
  "<details>\n<summary>Show answer</summary>\nSo.\n</details>",
  "## Summary",
  "<details><summary>If you read the original chapter</summary></details>",
].join("\n");

describe("countLabs", () => {
  it("counts <Lab> and <LabEmbed> tags but not examples inside code fences", () => {
    expect(countLabs(lesson)).toBe(2);
  });
  it("does not mistake other components that start with Lab for labs", () => {
    expect(countLabs("<LabLegend /> <Label />")).toBe(0);
  });
});

describe("countSelfCheckQuestions", () => {
  it("counts only the answers hidden in the Check yourself section", () => {
    expect(countSelfCheckQuestions(lesson)).toBe(2);
  });
  it("is 0 for a lesson without a self-check", () => {
    expect(countSelfCheckQuestions("## Intro\n<details>x</details>\n## Summary")).toBe(0);
  });
  it("counts to the end when the self-check is the last section", () => {
    expect(countSelfCheckQuestions("## Check yourself\n<details>a</details>\n<details>b</details>\n<details>c</details>")).toBe(3);
  });
});

describe("studyMinutes", () => {
  it("adds minutes per lab and per question to the prose reading time", () => {
    // 2,860 words is 13 minutes of prose; the example lesson has four labs.
    expect(studyMinutes({ words: 2_860, labs: 0, questions: 0 })).toBe(13);
    expect(studyMinutes({ words: 2_860, labs: 4, questions: 4 })).toBe(13 + 4 * MINUTES_PER_LAB + 4 * MINUTES_PER_QUESTION);
  });
  it("rounds the sum, not each part", () => {
    // 110 words is half a minute: alone it rounds to 1 (the floor), with a question 1.5 rounds to 2.
    expect(studyMinutes({ words: 110, labs: 0, questions: 1 })).toBe(2);
  });
  it("is never less than a minute", () => {
    expect(studyMinutes({ words: 0, labs: 0, questions: 0 })).toBe(1);
  });
});

describe("withoutChapterNotes", () => {
  it("leaves the optional chapter notes out of the words to read", () => {
    const body = "Read this.\n\n<ChapterNotes>\n\n**The chapter says: x.** Long notes.\n\n</ChapterNotes>\n";
    expect(withoutChapterNotes(body).trim()).toBe("Read this.");
  });
});
