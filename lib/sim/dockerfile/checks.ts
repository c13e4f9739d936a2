import { imageFacts } from "./images";
import { cleanPath, globMatches, isIgnored, parseDockerignore } from "./dockerignore";
import {
  baseOf,
  parseDockerfile,
  stageChain,
  substitute,
  type ParsedDockerfile,
  type Stage,
  type Step,
} from "./parse";
import {
  DockerfileScenarioSchema,
  type CheckId,
  type CheckResult,
  type DockerfileScenario,
  type DockerfileScenarioInput,
} from "./schema";

type Ctx = {
  parsed: ParsedDockerfile;
  chain: Stage[];
  /** The final image's steps, root stage first. */
  steps: Step[];
  /** ENV in effect at the end of the final stage (with the line that set each). */
  env: Record<string, { value: string; line: number }>;
  scenario: DockerfileScenario;
};

const TITLES: Record<CheckId, string> = {
  "non-root-user": "Runs as a non-root user",
  "no-secret-build-values": "No secrets in ARG or ENV",
  "no-secret-files": "No secret files copied into the image",
  "pinned-base": "Base images pinned",
  "no-build-tools": "No build tools in the final image",
  "exec-form": "Exec-form CMD / ENTRYPOINT",
  healthcheck: "Has a HEALTHCHECK",
  "read-only": "Works with --read-only",
  "port-binding": "Can bind its port with capabilities dropped",
};

const result = (id: CheckId, pass: boolean, line: number | null, message: string): CheckResult => ({
  id,
  title: TITLES[id],
  pass,
  line,
  message,
});

function envAt(chain: Stage[], globalArgs: Record<string, string>) {
  const env: Ctx["env"] = {};
  const vars = (): Record<string, string> => ({
    ...globalArgs,
    ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.value])),
  });
  for (const stage of chain)
    for (const step of stage.steps)
      if (step.keyword === "ENV")
        for (const p of step.pairs)
          env[p.name] = { value: substitute(p.value ?? "", vars()), line: step.line };
  return env;
}

// ── USER ────────────────────────────────────────────────────────────────────────────────────────

const isRoot = (user: string) => ["root", "0"].includes(user.split(":")[0]!.trim().toLowerCase());

function checkUser(ctx: Ctx): CheckResult {
  const base = baseOf(ctx.chain);
  const facts = imageFacts(base.name, base.tag);
  const users = ctx.steps.filter((s) => s.keyword === "USER");
  const last = users.at(-1);
  if (!last) {
    if (!isRoot(facts.user))
      return result(
        "non-root-user",
        true,
        null,
        `No USER instruction, but ${base.image} already runs as ${facts.user}.`,
      );
    return result(
      "non-root-user",
      false,
      ctx.chain.at(-1)!.from.line,
      `No USER in the final stage: the container runs as root, the default of ${base.image}. Add USER with a non-root name or uid.`,
    );
  }
  const user = substitute(last.words[0] ?? "", ctx.parsed.globalArgs);
  if (isRoot(user)) {
    const earlier = users.slice(0, -1).find((s) => !isRoot(s.words[0] ?? ""));
    return result(
      "non-root-user",
      false,
      last.line,
      earlier
        ? `USER ${user} on line ${last.line} switches back to root after line ${earlier.line}; the last USER is the one the container runs as.`
        : `USER ${user} runs the container as root. Use a non-root user (a name created in the image, or a uid such as 1000).`,
    );
  }
  const name = user.split(":")[0]!;
  if (/^\d+$/.test(name))
    return result("non-root-user", true, last.line, `Runs as uid ${name}, which is not root.`);
  const created = ctx.steps.some(
    (s) =>
      s.keyword === "RUN" &&
      new RegExp(`\\b(useradd|adduser)\\b[^;&|]*\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(
        s.text,
      ),
  );
  if (!created && !facts.users.includes(name))
    return result(
      "non-root-user",
      false,
      last.line,
      `USER ${name}: no such user in ${base.image} and none is created with useradd/adduser, so the container would fail to start ("unable to find user ${name}").`,
    );
  return result("non-root-user", true, last.line, `Runs as ${name}, a non-root user.`);
}

// ── Secrets in ARG / ENV ────────────────────────────────────────────────────────────────────────

// BuildKit's SecretsUsedInArgOrEnv rule: a name whose first/last underscore-separated word (or the
// whole name) is one of these tokens, unless a word is public, file or version.
const SECRET_NAME =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_NAME = /(?:_|^)(?:public|file|version)(?:_|$)/i;
const SECRET_VALUE: [RegExp, string][] = [
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/, "a GitHub token"],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, "a GitLab token"],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}/, "a Stripe live key"],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, "a Slack token"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i, "a URL with a password in it"],
  [/\bnpm_[A-Za-z0-9]{30,}/, "an npm token"],
];

export const secretNameLike = (name: string) => SECRET_NAME.test(name) && !ALLOWED_NAME.test(name);
export const secretValueLike = (value: string) => SECRET_VALUE.find(([re]) => re.test(value))?.[1] ?? null;

function checkBuildValues(ctx: Ctx): CheckResult {
  const problems: { line: number; text: string }[] = [];
  for (const steps of [ctx.parsed.globalSteps, ...ctx.parsed.stages.map((s) => s.steps)])
    for (const step of steps) {
      if (step.keyword !== "ARG" && step.keyword !== "ENV") continue;
      for (const { name, value } of step.pairs) {
        const kind = value ? secretValueLike(value) : null;
        if (kind)
          problems.push({ line: step.line, text: `${step.keyword} ${name} holds what looks like ${kind}` });
        else if (secretNameLike(name))
          problems.push({
            line: step.line,
            text: `${step.keyword} ${name} is named like a secret; build arguments and ENV are kept in the image's history and config`,
          });
      }
    }
  if (problems.length === 0)
    return result(
      "no-secret-build-values",
      true,
      null,
      "No ARG or ENV is named like a secret or holds a secret-looking value.",
    );
  problems.sort((a, b) => a.line - b.line);
  const first = problems[0]!;
  return result(
    "no-secret-build-values",
    false,
    first.line,
    `${first.text}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}. Pass secrets at build time with RUN --mount=type=secret and at run time as files.`,
  );
}

// ── Secret files in layers ──────────────────────────────────────────────────────────────────────

const SECRET_FILE =
  /(^|\/)(\.env(\.(?!example$|sample$|template$)[^/]+)?|id_(rsa|dsa|ecdsa|ed25519)|[^/]+\.(pem|key|p12|pfx)|\.npmrc|\.netrc|\.git-credentials|credentials(\.json)?)$/i;
export const isSecretFile = (path: string) => SECRET_FILE.test(path);

type Carried = { path: string; from: string; line: number };

function resolveDest(dest: string, workdir: string): string {
  return cleanPath(dest.startsWith("/") ? dest : `${workdir}/${dest}`);
}

/** Secret files each stage's image holds (in-image path, the context file, the line that copied it). */
function secretFilesByStage(ctx: Ctx): Map<number, Carried[]> {
  const ignore = parseDockerignore(ctx.scenario.dockerignore);
  // Only secret-looking files matter, so filter by name before the (costlier) ignore matching.
  const context = ctx.scenario.context.map(cleanPath).filter((f) => isSecretFile(f) && !isIgnored(ignore, f));
  const byStage = new Map<number, Carried[]>();
  for (const stage of ctx.parsed.stages) {
    const held: Carried[] = stage.from.stageRef === null ? [] : [...(byStage.get(stage.from.stageRef) ?? [])];
    let workdir = "/";
    for (const step of stage.steps) {
      if (step.keyword === "WORKDIR") workdir = resolveDest(step.words[0] ?? "/", workdir);
      if (step.keyword !== "COPY" && step.keyword !== "ADD") continue;
      let words = step.words;
      if (words[0]?.startsWith("[")) {
        try {
          words = JSON.parse(step.text) as string[];
        } catch {
          /* shell-form words stand */
        }
      }
      if (words.length < 2) continue;
      const sources = words.slice(0, -1);
      const destRaw = words.at(-1)!;
      const dest = resolveDest(destRaw, workdir);
      const intoDir = destRaw.endsWith("/") || sources.length > 1;
      const fromStage = step.flags.from;
      if (fromStage !== undefined && fromStage !== null) {
        const ref = ctx.parsed.stages.find(
          (s) => s.name === fromStage.toLowerCase() || String(s.index) === fromStage,
        );
        for (const file of ref ? (byStage.get(ref.index) ?? []) : [])
          for (const source of sources) {
            const src = cleanPath(source.startsWith("/") ? source : `/${source}`);
            if (file.path === src || file.path.startsWith(src === "/" ? "/" : `${src}/`))
              held.push({
                ...file,
                path: cleanPath(`${dest}/${file.path.slice(src.length)}`),
                line: step.line,
              });
          }
        continue;
      }
      for (const source of sources) {
        const src = cleanPath(source);
        for (const file of context) {
          let inside: string | null = null;
          if (src === ".") inside = file;
          else if (file.startsWith(`${src}/`)) inside = file.slice(src.length + 1);
          else if (file === src || globMatches(src, file))
            inside = intoDir || sources.length > 1 || dest.endsWith("/") ? file.split("/").at(-1)! : "";
          if (inside === null) continue;
          held.push({
            path: inside === "" ? dest : cleanPath(`${dest}/${inside}`),
            from: file,
            line: step.line,
          });
        }
      }
    }
    byStage.set(stage.index, held);
  }
  return byStage;
}

function checkSecretFiles(ctx: Ctx): CheckResult {
  const finalIndex = ctx.chain.at(-1)!.index;
  const held = secretFilesByStage(ctx).get(finalIndex) ?? [];
  if (held.length === 0)
    return result(
      "no-secret-files",
      true,
      null,
      "No .env, private key or credentials file from the build context ends up in the final image.",
    );
  const first = held.sort((a, b) => a.line - b.line)[0]!;
  const names = [...new Set(held.map((h) => h.from))].join(", ");
  return result(
    "no-secret-files",
    false,
    first.line,
    `${names} from the build context end${held.length === 1 ? "s" : ""} up in the image (as ${first.path}); anyone who pulls it can read ${held.length === 1 ? "it" : "them"}. List ${held.length === 1 ? "it" : "them"} in .dockerignore (with **/ to cover subdirectories) or copy only what the app needs.`,
  );
}

// ── Pinned base ─────────────────────────────────────────────────────────────────────────────────

function checkPinned(ctx: Ctx): CheckResult {
  for (const stage of ctx.parsed.stages) {
    const from = stage.from;
    if (from.stageRef !== null || from.name === "scratch" || from.digest) continue;
    if (!from.tag || from.tag === "latest")
      return result(
        "pinned-base",
        false,
        from.line,
        `FROM ${from.image} ${from.tag ? "uses latest" : "has no tag, so it means latest"}: each build can pull a different image. Pin a version tag (node:24.11-slim) or a digest (@sha256:…).`,
      );
  }
  return result("pinned-base", true, null, "Every base image has a version tag or a digest.");
}

// ── Build tools ─────────────────────────────────────────────────────────────────────────────────

const TOOL_PACKAGES = [
  "build-essential",
  "gcc",
  "g++",
  "make",
  "python3",
  "python3-dev",
  "python3-pip",
  "clang",
  "cmake",
  "libc6-dev",
  "musl-dev",
  "git",
];
const INSTALL = /\b(apt-get|apt|apk|yum|dnf|microdnf)\s+(?:-\S+\s+)*(install|add)\b([^;&|]*)/g;
const REMOVE = /\b(apt-get|apt|apk|yum|dnf)\s+(?:-\S+\s+)*(purge|remove|del|autoremove)\b([^;&|]*)/g;

function checkBuildTools(ctx: Ctx): CheckResult {
  const base = baseOf(ctx.chain);
  const facts = imageFacts(base.name, base.tag);
  if (facts.buildTools.length > 0)
    return result(
      "no-build-tools",
      false,
      ctx.chain.at(-1)!.from.line,
      `The final stage is built on ${base.image}, which ships ${facts.buildTools.join(", ")}. Build in an earlier stage and start the final one from a slim, alpine or distroless image.`,
    );
  const installed = new Map<string, number>();
  let nodeEnv = "";
  let devDeps: number | null = null;
  for (const step of ctx.steps) {
    if (step.keyword === "ENV")
      for (const p of step.pairs) if (p.name === "NODE_ENV") nodeEnv = p.value ?? "";
    if (step.keyword !== "RUN") continue;
    for (const m of step.text.matchAll(INSTALL)) {
      const words = m[3]!.split(/\s+/).filter(Boolean);
      const virtual = words.findIndex((w) => w === "--virtual" || w === "-t");
      const virtualName = virtual >= 0 ? words[virtual + 1] : undefined;
      const removed = [...step.text.matchAll(REMOVE)].flatMap((r) => r[3]!.split(/\s+/).filter(Boolean));
      if (virtualName && removed.includes(virtualName)) continue;
      for (const w of words)
        if (TOOL_PACKAGES.includes(w) && !removed.includes(w)) installed.set(w, step.line);
    }
    for (const m of step.text.matchAll(/\bnpm\s+(ci|install|i)\b([^;&|]*)/g)) {
      const opts = m[2]!;
      const prodOnly =
        /--omit[= ]dev\b|--only[= ]prod(uction)?\b|--production\b/.test(opts) || nodeEnv === "production";
      if (!prodOnly) devDeps = step.line;
      else devDeps = null;
    }
    if (/\bnpm\s+prune\b[^;&|]*(--omit[= ]dev|--production)/.test(step.text)) devDeps = null;
  }
  if (installed.size > 0) {
    const [first, line] = [...installed.entries()].sort((a, b) => a[1] - b[1])[0]!;
    return result(
      "no-build-tools",
      false,
      line,
      `${[...installed.keys()].join(", ")} ${installed.size === 1 ? "is" : "are"} installed in the final image (${first} on line ${line}). Compile in a build stage and COPY --from it only the output.`,
    );
  }
  if (devDeps !== null)
    return result(
      "no-build-tools",
      false,
      devDeps,
      `npm on line ${devDeps} installs devDependencies into the final image. Use npm ci --omit=dev here (or set NODE_ENV=production first), and build in an earlier stage.`,
    );
  return result(
    "no-build-tools",
    true,
    null,
    "The final image installs no compilers, build tools or devDependencies.",
  );
}

// ── Exec form ───────────────────────────────────────────────────────────────────────────────────

export function isExecForm(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith("[")) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string");
  } catch {
    return false;
  }
}

function formProblem(step: Step): string {
  const text = step.text.trim();
  if (text.startsWith("["))
    return `${step.keyword} ${text} is not valid JSON (strings need double quotes), so Docker runs it as a shell command`;
  return `${step.keyword} ${text} is shell form: /bin/sh -c becomes PID 1 and does not pass SIGTERM on to the app`;
}

function checkExecForm(ctx: Ctx): CheckResult {
  const entry = ctx.steps.filter((s) => s.keyword === "ENTRYPOINT").at(-1);
  const cmd = ctx.steps.filter((s) => s.keyword === "CMD").at(-1);
  if (!entry && !cmd)
    return result(
      "exec-form",
      false,
      null,
      'No CMD or ENTRYPOINT: the image starts whatever its base image runs. Add CMD ["node", "server.js"].',
    );
  for (const step of [entry, cmd])
    if (step && !isExecForm(step.text))
      return result(
        "exec-form",
        false,
        step.line,
        `${formProblem(step)}. Write it as a JSON array, e.g. CMD ["node", "server.js"].`,
      );
  return result(
    "exec-form",
    true,
    (cmd ?? entry)!.line,
    "The process starts in exec form, so it is PID 1 and receives SIGTERM itself.",
  );
}

// ── HEALTHCHECK ─────────────────────────────────────────────────────────────────────────────────

function checkHealthcheck(ctx: Ctx): CheckResult {
  const step = ctx.steps.filter((s) => s.keyword === "HEALTHCHECK").at(-1);
  if (!step)
    return result(
      "healthcheck",
      false,
      null,
      "No HEALTHCHECK: Docker reports the container as running even when the app stopped answering.",
    );
  const sub = (step.words[0] ?? "").toUpperCase();
  if (sub === "NONE")
    return result("healthcheck", false, step.line, "HEALTHCHECK NONE turns off the health check.");
  const command = step.text.replace(/^\s*CMD\s+/i, "");
  const base = baseOf(ctx.chain);
  const facts = imageFacts(base.name, base.tag);
  const exec = isExecForm(command);
  if (!exec && !facts.hasShell)
    return result(
      "healthcheck",
      false,
      step.line,
      `${base.image} has no /bin/sh, so a shell-form HEALTHCHECK cannot run. Use the exec form, e.g. HEALTHCHECK CMD ["node", "healthcheck.js"].`,
    );
  const program = exec ? (JSON.parse(command) as string[])[0]! : (command.trim().split(/\s+/)[0] ?? "");
  const installs = (tool: string) =>
    ctx.steps.some(
      (s) => s.keyword === "RUN" && new RegExp(`\\b(install|add)\\b[^;&|]*\\b${tool}\\b`).test(s.text),
    );
  for (const tool of ["curl", "wget"] as const) {
    const has = tool === "curl" ? facts.hasCurl : facts.hasWget;
    if (program.endsWith(tool) && !has && !installs(tool))
      return result(
        "healthcheck",
        false,
        step.line,
        `The HEALTHCHECK runs ${tool}, which ${base.image} does not include, so every check fails and the container turns unhealthy. Probe with node (a small script) or install ${tool}.`,
      );
  }
  return result("healthcheck", true, step.line, "A HEALTHCHECK probes the app with a tool the image has.");
}

// ── --read-only ─────────────────────────────────────────────────────────────────────────────────

const under = (path: string, dir: string) => path === dir || path.startsWith(dir === "/" ? "/" : `${dir}/`);

function checkReadOnly(ctx: Ctx): CheckResult {
  if (!ctx.scenario.run.readOnly)
    return result("read-only", true, null, "The container is not run with --read-only.");
  const volumes = ctx.steps
    .filter((s) => s.keyword === "VOLUME")
    .flatMap((s) =>
      (isExecForm(s.text) ? (JSON.parse(s.text) as string[]) : s.words).map((p) => ({
        path: cleanPath(p),
        line: s.line,
      })),
    );
  const writable = [...ctx.scenario.run.writable.map(cleanPath), ...volumes.map((v) => v.path)];
  for (const write of ctx.scenario.app.writes) {
    const moved = write.env ? ctx.env[write.env] : undefined;
    const path = cleanPath(moved?.value || write.path);
    if (!writable.some((dir) => under(path, dir)))
      return result(
        "read-only",
        false,
        moved?.line ?? null,
        `The app writes to ${path}${moved ? ` (${write.env} on line ${moved.line})` : ""}, which is read-only under --read-only. Point it at a --tmpfs or volume path (${writable.join(", ") || "none is given"})${write.env && !moved ? ` with ENV ${write.env}` : ""}.`,
      );
  }
  return result("read-only", true, null, "Everything the app writes goes to a tmpfs or volume path.");
}

// ── Port binding without capabilities ───────────────────────────────────────────────────────────

function checkPort(ctx: Ctx): CheckResult {
  const listen = ctx.scenario.app.listen;
  if (!listen) return result("port-binding", true, null, "The app listens on no port.");
  const moved = listen.env ? ctx.env[listen.env] : undefined;
  const port = moved && /^\d+$/.test(moved.value) ? Number(moved.value) : listen.port;
  const expose = ctx.steps.filter((s) => s.keyword === "EXPOSE").at(-1);
  const line = moved?.line ?? expose?.line ?? null;
  if (port >= ctx.scenario.run.unprivilegedPortStart)
    return result(
      "port-binding",
      true,
      line,
      `Port ${port} is not a privileged port here, so no capability is needed.`,
    );
  const userCheck = checkUser(ctx);
  const caps = new Set(ctx.scenario.run.capAdd.map((c) => c.toUpperCase().replace(/^CAP_/, "")));
  const dropsAll = ctx.scenario.run.capDrop.some((c) => c.toUpperCase() === "ALL");
  const dropsBind =
    dropsAll ||
    ctx.scenario.run.capDrop.some((c) => c.toUpperCase().replace(/^CAP_/, "") === "NET_BIND_SERVICE");
  const hasBind = caps.has("NET_BIND_SERVICE") || caps.has("ALL") || !dropsBind;
  if (userCheck.pass)
    return result(
      "port-binding",
      false,
      line,
      `A non-root process cannot bind port ${port} (below ${ctx.scenario.run.unprivilegedPortStart}) even with --cap-add NET_BIND_SERVICE, since Docker gives non-root users no effective capabilities. Listen on a port ≥ ${ctx.scenario.run.unprivilegedPortStart}${listen.env ? ` (ENV ${listen.env})` : ""} and publish it as -p 80:${Math.max(8080, ctx.scenario.run.unprivilegedPortStart)}.`,
    );
  if (!hasBind)
    return result(
      "port-binding",
      false,
      line,
      `Binding port ${port} needs CAP_NET_BIND_SERVICE, which --cap-drop=ALL removed.`,
    );
  return result(
    "port-binding",
    true,
    line,
    `Runs as root with NET_BIND_SERVICE, so port ${port} binds (but root is the bigger problem).`,
  );
}

/**
 * Runs every check on a learner's Dockerfile in the scenario. Each result says pass or fail, the
 * offending line and one sentence. Throws a ZodError on a malformed scenario.
 */
export function checkDockerfile(input: DockerfileScenarioInput): CheckResult[] {
  const scenario = DockerfileScenarioSchema.parse(input);
  const parsed = parseDockerfile(scenario.dockerfile);
  if (parsed.stages.length === 0)
    return [
      result(
        "pinned-base",
        false,
        null,
        "There is no FROM instruction, so this is not a Dockerfile Docker can build.",
      ),
    ];
  const chain = stageChain(parsed);
  const ctx: Ctx = {
    parsed,
    chain,
    steps: chain.flatMap((s) => s.steps),
    env: envAt(chain, parsed.globalArgs),
    scenario,
  };
  return [
    checkUser,
    checkBuildValues,
    checkSecretFiles,
    checkPinned,
    checkBuildTools,
    checkExecForm,
    checkHealthcheck,
    checkReadOnly,
    checkPort,
  ].map((check) => check(ctx));
}
