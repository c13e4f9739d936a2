import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDockerfile, type Stage, type Step } from "@/lib/sim/dockerfile/parse";

// The image test builds scripts/image/Dockerfile.prebuilt (the host's build output in the
// Dockerfile's runtime stage) because building from source takes 10-30 minutes here. That
// only proves the real image if both runtime stages are the same apart from where their
// files come from: this test fails when they drift. Needs no podman.
const source = parseDockerfile(readFileSync("Dockerfile", "utf8"));
const prebuilt = parseDockerfile(readFileSync("scripts/image/Dockerfile.prebuilt", "utf8"));
const runtime = (stages: Stage[]) => stages.at(-1)!;
const squash = (text: string) => text.replace(/\\\n/g, " ").replace(/\s+/g, " ").trim();
/** COPY sources as paths inside the app directory, whether from a stage (/app/x) or the context (x). */
const copies = (steps: Step[]) =>
  steps.filter((s) => s.keyword === "COPY").map((s) => s.words.map((w) => w.replace(/^\/app\//, "")));
const others = (steps: Step[]) =>
  steps.filter((s) => s.keyword !== "COPY").map((s) => `${s.keyword} ${squash(s.text)}`);

describe("Dockerfile and scripts/image/Dockerfile.prebuilt", () => {
  it("the Dockerfile stays a multi-stage build from source on the official Node 24 image", () => {
    expect(source.globalArgs.BASE_IMAGE).toBe("node:24-bookworm-slim");
    const build = source.stages.find((s) => s.name === "build")!;
    expect(build.from.image).toBe("node:24-bookworm-slim");
    expect(build.steps.map((s) => s.text).join("\n")).toMatch(
      /npm ci[\s\S]*npm run build[\s\S]*npm prune --omit=dev/,
    );
    expect(runtime(source.stages).from.image).toBe("node:24-bookworm-slim");
    for (const step of runtime(source.stages).steps.filter((s) => s.keyword === "COPY"))
      expect(step.flags.from).toBe("build");
  });

  it("both runtime stages run the same instructions on the same base", () => {
    expect(prebuilt.globalArgs.BASE_IMAGE).toBe(source.globalArgs.BASE_IMAGE);
    expect(prebuilt.stages).toHaveLength(1);
    expect(runtime(prebuilt.stages).from.image).toBe(runtime(source.stages).from.image);
    expect(others(runtime(prebuilt.stages).steps)).toEqual(others(runtime(source.stages).steps));
    expect(others(runtime(source.stages).steps)).toContainEqual("USER node");
  });

  it("both copy the same files to the same places", () => {
    const fromContext = runtime(prebuilt.stages).steps.filter((s) => s.keyword === "COPY");
    for (const step of fromContext) expect(step.flags.from).toBeUndefined();
    expect(copies(runtime(prebuilt.stages).steps)).toEqual(copies(runtime(source.stages).steps));
  });
});
