import type { TextLab } from "@/lib/labs/schema";
import { FIXES, ROOT_CAUSES } from "@/lib/sim/incident/score";
import { COMMAND_KINDS } from "@/lib/labs/text/schema";

export type EditorLanguage = "yaml" | "promql" | "dockerfile";

/** What the workbench needs to show a text lab's input. */
export type PublicText =
  | { mode: "editor"; language: EditorLanguage; languageName: string; starter: string }
  | {
      mode: "prompt";
      starter: string;
      prompt: string;
      /** The incident lab: the lists the learner names a cause and a fix from. */
      answer: { causes: Array<{ id: string; label: string }>; fixes: Array<{ id: string; label: string }> } | null;
    };

const EDITORS = {
  "promql-alert": { language: "yaml", languageName: "alerting rule (YAML, as in a Prometheus rules file)" },
  "promql-query": { language: "promql", languageName: "PromQL" },
  dockerfile: { language: "dockerfile", languageName: "Dockerfile" },
} as const;

const list = (items: Record<string, string>) => Object.entries(items).map(([id, label]) => ({ id, label }));

export function publicTextOf(lab: TextLab): PublicText {
  if (COMMAND_KINDS.has(lab.kind) || !(lab.kind in EDITORS))
    return {
      mode: "prompt",
      starter: lab.input.starterText,
      prompt: lab.kind === "incident" ? "root@shop-host:~#" : "learner@db-host:~$",
      answer: lab.kind === "incident" ? { causes: list(ROOT_CAUSES), fixes: list(FIXES) } : null,
    };
  const editor = EDITORS[lab.kind as keyof typeof EDITORS];
  return { mode: "editor", ...editor, starter: lab.input.starterText };
}

/** How the workbench's sentences name the learner's work ("Run checks your rule …"). */
export function textNoun(spec: PublicText): { noun: string; plural: boolean } {
  if (spec.mode === "prompt") return { noun: spec.answer ? "commands and answer" : "commands", plural: true };
  return { noun: { yaml: "rule", promql: "query", dockerfile: "Dockerfile" }[spec.language], plural: false };
}
