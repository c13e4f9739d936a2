import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { beforeAll, describe, expect, it } from "vitest";
import { LAB_FILES, LABS } from "@/content/labs";
import { lessonSections } from "@/lib/content/search-sections";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { getLab, labsForLesson, listLabs } from "./catalog";
import { CODE_CHECK_LABEL, evaluateLab } from "./evaluate";
import { isCodeLab, isTextLab, LabSchema } from "./schema";
import { TEXT_KINDS } from "./text/schema";
import { solutionSubmission, starterSubmission } from "./test-helpers";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("lab files", () => {
  it.each(LAB_FILES.map((file) => [file.slug, file] as const))("%s is a valid lab", (_slug, file) => {
    const parsed = LabSchema.safeParse(file);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(problems).toEqual([]);
  });

  it("are at least 8, with unique slugs, and every file in content/labs is exported", async () => {
    expect(LABS.length).toBeGreaterThanOrEqual(8);
    const slugs = LABS.map((lab) => lab.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const files = (await readdir(path.join(ROOT, "content/labs"))).filter(
      (name) => name.endsWith(".ts") && name !== "index.ts" && !name.endsWith(".test.ts"),
    );
    // One lab per file, named after its slug.
    expect(files.map((name) => name.replace(/\.ts$/, "")).sort()).toEqual([...slugs].sort());
  });

  it("are found by slug and by lesson", () => {
    expect(listLabs()).toBe(LABS);
    expect(getLab("prestop-sleep")?.kind).toBe("shutdown-config");
    expect(getLab("no-such-lab")).toBeNull();
    expect(labsForLesson("health-checks").map((lab) => lab.slug)).toContain("keep-liveness-shallow");
  });

  it("cover every kind of lab", () => {
    expect(new Set(LABS.map((lab) => lab.kind))).toEqual(
      new Set([
        "health-code",
        "shutdown-code",
        "healthcheck-flags",
        "shutdown-config",
        "rollout-config",
        "memory-config",
        "cpu-config",
        "logging-config",
        "secrets-code",
        ...TEXT_KINDS,
      ]),
    );
  });

  it.each(LABS.map((lab) => [lab.slug, lab] as const))(
    "%s links to a heading its lesson really has",
    async (_slug, lab) => {
      const lessonFiles = await readdir(path.join(ROOT, "content/lessons"));
      const file = lessonFiles.find((name) => name.endsWith(`-${lab.lesson}.mdx`));
      expect(file, `a lesson file for ${lab.lesson}`).toBeDefined();
      const source = await readFile(path.join(ROOT, "content/lessons", file!), "utf8");
      const anchors = lessonSections({
        slug: lab.lesson,
        title: lab.title,
        body: matter(source).content,
      }).map((section) => section.anchor);
      expect(anchors).toContain(lab.lessonSection);
    },
  );
});

describe("the key guarantee: every starter fails and every solution passes", () => {
  it.each(LABS.map((lab) => [lab.slug, lab] as const))("%s", (_slug, lab) => {
    const starter = evaluateLab(lab, starterSubmission(lab), quickjs);
    expect(starter.passed).toBe(false);
    // The starter must run and fail on the lab's own criteria, not on an error.
    if (isCodeLab(lab)) expect(starter.checks[0]).toMatchObject({ label: CODE_CHECK_LABEL, passed: true });
    expect(starter.checks.some((check) => !check.passed)).toBe(true);
    // Text labs show their own details (commands, alert states, query values) instead of a timeline.
    if (isTextLab(lab)) expect(starter.text).toBeDefined();
    else expect(starter.timeline).not.toBeNull();

    const solution = evaluateLab(lab, solutionSubmission(lab), quickjs);
    expect(solution.checks.filter((check) => !check.passed)).toEqual([]);
    expect(solution.passed).toBe(true);
    expect(solution.checks.length).toBe(lab.checks.length + (isCodeLab(lab) ? 1 : 0));
  });
});
