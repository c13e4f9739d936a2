import { base64Cores, findEncoded, type Encoding } from "./encodings";
import type { SimContainer } from "./container";

export type Surface = "inspect" | "proc-environ" | "history" | "image-file" | "logs" | "secret-file";

export type Finding = {
  surface: Surface;
  /** Where exactly: the env entry, layer command, file path or log line number. */
  where: string;
  encoding: Encoding;
  /** Secret files under /run/secrets (or their target) are where the value belongs. */
  expected: boolean;
};

/** Where the value shows in every surface someone with `docker` access (or a log reader) can see. */
export function scanContainer(container: SimContainer, value: string): Finding[] {
  const findings: Finding[] = [];
  const cores = base64Cores(value);
  const add = (surface: Surface, where: string, text: string, expected = false) => {
    const encoding = findEncoded(text, value, cores);
    if (encoding) findings.push({ surface, where, encoding, expected });
  };
  const inspect = JSON.parse(container.inspect()) as [
    { Config: { Env: string[]; Cmd: string[]; Labels: Record<string, string> } },
  ];
  for (const entry of inspect[0].Config.Env) add("inspect", `Config.Env ${entry.split("=")[0]}`, entry);
  add("inspect", "Config.Cmd", inspect[0].Config.Cmd.join(" "));
  for (const [k, v] of Object.entries(inspect[0].Config.Labels)) add("inspect", `Config.Labels ${k}`, v);
  for (const entry of container.procEnviron().split("\0").filter(Boolean))
    add("proc-environ", entry.split("=")[0]!, entry);
  container.spec.history.forEach((layer, i) => {
    // Name the layer by its instruction only: a finding must never repeat the value it found.
    add("history", `layer ${i + 1} (${layer.createdBy.split(/\s+/)[0]})`, layer.createdBy);
    for (const [path, content] of Object.entries(layer.files))
      add("image-file", `${path} (layer ${i + 1})`, content);
  });
  const secretPaths = new Set(container.spec.secrets.map((s) => s.target ?? `/run/secrets/${s.name}`));
  for (const path of secretPaths)
    add("secret-file", path, container.listFiles().find(([p]) => p === path)?.[1] ?? "", true);
  container.jsonFileLog().forEach((line, i) => add("logs", `line ${i + 1}`, line));
  return findings;
}

/** The findings that are leaks (everything but the secret file itself). */
export const leaks = (findings: Finding[]) => findings.filter((f) => !f.expected);

const SURFACE_WORDS: Record<Surface, string> = {
  inspect: "docker inspect",
  "proc-environ": "/proc/1/environ",
  history: "docker history",
  "image-file": "a file in the image",
  logs: "docker logs",
  "secret-file": "the secret file",
};

export function describeFinding(f: Finding): string {
  const form = f.encoding === "plain" ? "" : f.encoding === "base64" ? " (base64-encoded)" : " (URL-encoded)";
  return `${SURFACE_WORDS[f.surface]}, ${f.where}${form}`;
}
