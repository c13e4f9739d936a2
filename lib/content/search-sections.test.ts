import { describe, expect, it } from "vitest";
import { lessonSections, plainText } from "./search-sections";

describe("plainText", () => {
  it("keeps words and code text, drops markup", () => {
    expect(plainText("Use `--start-period` and **never** [curl](https://x.dev) <Callout type=\"note\">here</Callout>")).toBe(
      "Use --start-period and never curl here",
    );
  });

  it("keeps the contents of fenced code (people search for flags) without the fences", () => {
    expect(plainText("```bash title=\"t\"\ndocker stop -t 30 api\n```")).toBe("docker stop -t 30 api");
  });

  it("keeps underscores inside identifiers", () => {
    expect(plainText("`service_healthy`")).toBe("service_healthy");
  });
});

describe("lessonSections", () => {
  const body = [
    "Intro text.",
    "## The `HEALTHCHECK` instruction",
    "Options.",
    "```bash",
    "## not a heading inside code",
    "```",
    "### Exit codes",
    "Zero is healthy.",
    "## Summary",
    "- done",
  ].join("\n");

  it("splits at ## and ### headings with the ids rehype-slug gives them", () => {
    const sections = lessonSections({ slug: "health-checks", title: "Health checks", body });
    expect(sections.map((section) => [section.heading, section.anchor])).toEqual([
      ["Health checks", ""],
      ["The HEALTHCHECK instruction", "the-healthcheck-instruction"],
      ["Exit codes", "exit-codes"],
      ["Summary", "summary"],
    ]);
    expect(sections[1]!.text).toContain("not a heading inside code");
    expect(new Set(sections.map((section) => section.id)).size).toBe(sections.length);
  });

  it("gives repeated headings distinct ids like the page does", () => {
    const sections = lessonSections({ slug: "x", title: "X", body: "## Example\na\n## Example\nb" });
    expect(sections.map((section) => section.anchor)).toEqual(["example", "example-1"]);
  });
});
