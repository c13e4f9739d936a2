import { DockerfileParser, type Instruction } from "dockerfile-ast";

/** One instruction, reduced to what the checks read. Lines are 1-based, as an editor shows them. */
export type Step = {
  keyword: string;
  line: number;
  /** The arguments after any --flags, continuation lines joined (what a shell would run). */
  text: string;
  /** The arguments split into words (quotes kept, as dockerfile-ast gives them). */
  words: string[];
  flags: Record<string, string | null>;
  /** ENV and ARG: name = value pairs, values unquoted; null when an ARG has no default. */
  pairs: { name: string; value: string | null }[];
};

export type Stage = {
  index: number;
  /** The name after AS, lower-cased as BuildKit compares it; null when unnamed. */
  name: string | null;
  from: {
    line: number;
    image: string;
    stageRef: number | null;
    tag: string | null;
    digest: string | null;
    name: string;
  };
  steps: Step[];
};

/** `globalSteps`: the ARGs before the first FROM (only those may be used in FROM). */
export type ParsedDockerfile = { globalArgs: Record<string, string>; globalSteps: Step[]; stages: Stage[] };

/** `${NAME}`, `$NAME` and `${NAME:-default}` against known values; unknown names become "". */
export function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, braced, fallback, bare) => {
      const name = (braced ?? bare) as string;
      const value = vars[name];
      if (value !== undefined && value !== "") return value;
      return (fallback as string | undefined) ?? "";
    },
  );
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]
    ? value.slice(1, -1)
    : value;
}

function toStep(instruction: Instruction): Step {
  const keyword = instruction.getKeyword().toUpperCase();
  const flags: Record<string, string | null> = {};
  const withFlags = instruction as unknown as {
    getFlags?: () => { getName(): string; getValue(): string | null }[];
  };
  for (const flag of withFlags.getFlags?.() ?? []) flags[flag.getName().toLowerCase()] = flag.getValue();
  const pairs: Step["pairs"] = [];
  const withProps = instruction as unknown as {
    getProperties?: () => { getName(): string; getValue(): string | null }[];
    getProperty?: () => { getName(): string; getValue(): string | null } | null;
  };
  if (keyword === "ENV" && withProps.getProperties)
    for (const p of withProps.getProperties())
      pairs.push({ name: p.getName(), value: unquote(p.getValue() ?? "") });
  if (keyword === "ARG" && withProps.getProperty) {
    const p = withProps.getProperty();
    if (p) pairs.push({ name: p.getName(), value: p.getValue() === null ? null : unquote(p.getValue()!) });
  }
  return {
    keyword,
    line: instruction.getRange().start.line + 1,
    text: instruction.getArgumentsContent() ?? "",
    words: instruction.getArguments().map((a) => a.getValue()),
    flags,
    pairs,
  };
}

/**
 * Parses a Dockerfile with dockerfile-ast (the parser behind the Docker VS Code language server)
 * and groups its instructions into build stages. A FROM naming an earlier stage (by AS name or
 * index) records it in `stageRef`; global ARG defaults are substituted into FROM as BuildKit does.
 */
export function parseDockerfile(source: string): ParsedDockerfile {
  const document = DockerfileParser.parse(source);
  const globalArgs: Record<string, string> = {};
  const globalSteps: Step[] = [];
  const stages: Stage[] = [];
  for (const instruction of document.getInstructions()) {
    const step = toStep(instruction);
    if (step.keyword === "FROM") {
      const image = substitute(step.words[0] ?? "", globalArgs);
      const asIndex = step.words.findIndex((w) => w.toUpperCase() === "AS");
      const name = asIndex >= 0 ? (step.words[asIndex + 1] ?? "").toLowerCase() : null;
      const byName = stages.find((s) => s.name === image.toLowerCase());
      const byIndex = /^\d+$/.test(image) && Number(image) < stages.length ? Number(image) : null;
      const stageRef = byName ? byName.index : byIndex;
      const [withoutDigest, digest = null] = image.split("@") as [string, string?];
      const lastSlash = withoutDigest.lastIndexOf("/");
      const colon = withoutDigest.indexOf(":", lastSlash + 1);
      const tag = colon >= 0 ? withoutDigest.slice(colon + 1) : null;
      const imageName = colon >= 0 ? withoutDigest.slice(0, colon) : withoutDigest;
      stages.push({
        index: stages.length,
        name,
        from: { line: step.line, image, stageRef, tag, digest, name: imageName },
        steps: [],
      });
      continue;
    }
    const current = stages.at(-1);
    if (!current) {
      globalSteps.push(step);
      if (step.keyword === "ARG") for (const p of step.pairs) globalArgs[p.name] = p.value ?? "";
      continue;
    }
    current.steps.push(step);
  }
  return { globalArgs, globalSteps, stages };
}

/** The stages an image is built on, root first: the final stage's FROM chain through earlier stages. */
export function stageChain(parsed: ParsedDockerfile, index = parsed.stages.length - 1): Stage[] {
  const chain: Stage[] = [];
  let stage: Stage | undefined = parsed.stages[index];
  while (stage) {
    chain.unshift(stage);
    stage = stage.from.stageRef === null ? undefined : parsed.stages[stage.from.stageRef];
  }
  return chain;
}

/** The external image at the root of a chain (after following stage references). */
export const baseOf = (chain: Stage[]) => chain[0]!.from;
