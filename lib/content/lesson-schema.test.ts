import { describe, expect, it } from "vitest";
import { countProseWords, parseLessonFrontmatter, readingMinutes, slugFromFileName } from "./lesson-schema";

const FILE = "content/lessons/01-health-checks.mdx";

const valid = {
  title: "Health checks",
  description: "Make containers report whether they actually work.",
  order: 1,
  objectives: ["Configure a Docker HEALTHCHECK", "Write a probe that works in slim images"],
};

function errorFor(data: unknown): string {
  try {
    parseLessonFrontmatter(FILE, data);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the frontmatter to be rejected");
}

describe("parseLessonFrontmatter", () => {
  it("returns valid frontmatter as it is", () => {
    expect(parseLessonFrontmatter(FILE, valid)).toEqual(valid);
  });

  it.each([
    ["the shortest title", { title: "abc" }],
    ["the longest title", { title: "t".repeat(80) }],
    ["the shortest description", { description: "d".repeat(20) }],
    ["the longest description", { description: "d".repeat(160) }],
    ["eight objectives", { objectives: Array.from({ length: 8 }, (_, i) => `Objective number ${i}`) }],
    ["a large order", { order: 99 }],
  ])("accepts %s", (_what, patch) => {
    expect(() => parseLessonFrontmatter(FILE, { ...valid, ...patch })).not.toThrow();
  });

  it.each([
    ["title", "a title under 3 characters", { title: "ab" }],
    ["title", "a title over 80 characters", { title: "t".repeat(81) }],
    ["title", "a numeric title", { title: 42 }],
    ["description", "a description under 20 characters", { description: "Too short." }],
    ["description", "a description over 160 characters", { description: "d".repeat(161) }],
    ["order", "order 0", { order: 0 }],
    ["order", "a fractional order", { order: 1.5 }],
    ["order", "order as a string", { order: "1" }],
    ["objectives", "one objective", { objectives: ["Only one objective here"] }],
    ["objectives", "nine objectives", { objectives: Array.from({ length: 9 }, (_, i) => `Objective number ${i}`) }],
    ["objectives.1", "an objective under 10 characters", { objectives: ["A long enough objective", "short"] }],
    ["objectives", "objectives as a string", { objectives: "Configure a HEALTHCHECK" }],
  ])("rejects %s field: %s", (field, _what, patch) => {
    const message = errorFor({ ...valid, ...patch });
    expect(message).toContain(`Invalid lesson frontmatter in ${FILE}`);
    expect(message).toMatch(new RegExp(`^  - ${field.replace(".", "\\.")}: `, "m"));
  });

  it.each([
    ["title", { title: undefined }],
    ["description", { description: undefined }],
    ["order", { order: undefined }],
    ["objectives", { objectives: undefined }],
  ])("rejects frontmatter missing %s", (field, patch) => {
    expect(errorFor({ ...valid, ...patch })).toMatch(new RegExp(`^  - ${field}: `, "m"));
  });

  it("rejects unknown keys (a typo must not be silently ignored) and names them", () => {
    const message = errorFor({ ...valid, titel: "Health checks" });
    expect(message).toContain("(frontmatter)");
    expect(message).toContain('"titel"');
  });

  it("names the file and every bad field in one message", () => {
    const message = errorFor({ title: "ab", order: 0, objectives: ["short"], draft: true });
    const lines = message.split("\n");
    expect(lines[0]).toBe(`Invalid lesson frontmatter in ${FILE}:`);
    const fields = lines.slice(1).map((line) => /^  - ([^:]+):/.exec(line)?.[1]);
    expect(fields).toEqual(
      expect.arrayContaining(["title", "description", "order", "objectives", "objectives.0", "(frontmatter)"]),
    );
    expect(message).toContain('"draft"');
  });

  it.each([null, undefined, "title: x", 42, []])("rejects frontmatter that is not an object: %j", (data) => {
    expect(errorFor(data)).toContain(`Invalid lesson frontmatter in ${FILE}:\n  - (frontmatter): `);
  });
});

describe("slugFromFileName", () => {
  it.each([
    ["01-health-checks.mdx", "health-checks"],
    ["12-intro.mdx", "intro"],
    ["02-what-is-a-container.mdx", "what-is-a-container"],
    ["03-k8s-probes-101.mdx", "k8s-probes-101"],
  ])("takes the slug of %s", (file, slug) => {
    expect(slugFromFileName(file)).toBe(slug);
  });

  it.each([
    "health-checks.mdx", // no order prefix
    "1-health-checks.mdx", // one digit
    "001-health-checks.mdx", // three digits
    "01-Health-Checks.mdx", // upper case
    "01-health_checks.mdx", // underscore
    "01-health--checks.mdx", // empty word
    "01-health-checks-.mdx", // trailing dash
    "01--health-checks.mdx",
    "01-health-checks.md",
    "01-health-checks.mdx.bak",
    "01-.mdx",
    "01-health checks.mdx",
    "lessons/01-health-checks.mdx", // a file name, not a path
  ])("refuses %s", (file) => {
    expect(slugFromFileName(file)).toBeNull();
  });
});

describe("countProseWords", () => {
  it("counts words separated by any whitespace", () => {
    expect(countProseWords("One two  three\nfour\tfive")).toBe(5);
    expect(countProseWords("")).toBe(0);
  });

  it("leaves out the frontmatter", () => {
    const body = "---\ntitle: Health checks with many words in it\norder: 1\n---\nOnly these four words.";
    expect(countProseWords(body)).toBe(4);
  });

  it("leaves out fenced code blocks, however long", () => {
    const code = Array.from({ length: 50 }, (_, i) => `RUN echo line ${i}`).join("\n");
    const body = `Before the code.\n\n\`\`\`dockerfile\n${code}\n\`\`\`\n\nAfter the code.\n\n\`\`\`sh\ndocker ps\n\`\`\`\nEnd.`;
    expect(countProseWords(body)).toBe(7);
  });

  it("leaves out JSX tags and their attributes but counts the prose inside them", () => {
    const body = '<Callout type="note" title="Thirty seconds is a default">\nWait for it.\n</Callout>\n<details>\n<summary>Show answer</summary>\nYes.\n</details>';
    expect(countProseWords(body)).toBe(6);
  });

  it("does not count punctuation or markup on its own as words", () => {
    expect(countProseWords("## Heading here\n\n- item — one\n\n---\n\n> quote * **bold**")).toBe(6);
  });

  it("keeps a thematic break in the middle of the text from swallowing prose", () => {
    expect(countProseWords("First part.\n\n---\n\nSecond part.\n\n---\n\nThird part.")).toBe(6);
  });
});

describe("readingMinutes", () => {
  it.each([
    [0, 1],
    [1, 1],
    [109, 1],
    [220, 1],
    [329, 1],
    [330, 2],
    [440, 2],
    [1_000, 5],
    [2_200, 10],
  ])("%i words take %i minute(s) at 220 words a minute, never less than 1", (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});
