import { MAX_CODE_LENGTH } from "@/lib/labs/schema";

/**
 * What the learner has in the workbench, as it travels in the URL (`?state=`, base64url JSON), so a
 * link reproduces a lab exactly. Works in the browser and in Node (server components decode it).
 * A code lab's `experiment` is kept as plain JSON here; the workbench validates it against the lab.
 */
export type LabState =
  | { code: string; experiment?: unknown }
  | { params: Record<string, number> }
  | { text: string; answer?: { cause: string; fix: string } };

export function encodeLabState(state: LabState): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The state in a `?state=` value, or null when it is missing or not ours (never throws). */
export function decodeLabState(value: string | undefined | null): LabState | null {
  if (!value || value.length > MAX_CODE_LENGTH * 3 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof parsed !== "object" || parsed === null) return null;
    if ("code" in parsed && typeof parsed.code === "string" && parsed.code.length <= MAX_CODE_LENGTH) {
      const experiment = "experiment" in parsed ? parsed.experiment : undefined;
      return typeof experiment === "object" && experiment !== null && !Array.isArray(experiment)
        ? { code: parsed.code, experiment }
        : { code: parsed.code };
    }
    if ("text" in parsed && typeof parsed.text === "string" && parsed.text.length <= MAX_CODE_LENGTH) {
      const answer = "answer" in parsed ? parsed.answer : undefined;
      const ok = typeof answer === "object" && answer !== null && "cause" in answer && "fix" in answer;
      return ok ? { text: parsed.text, answer: { cause: String(answer.cause), fix: String(answer.fix) } } : { text: parsed.text };
    }
    if ("params" in parsed && typeof parsed.params === "object" && parsed.params !== null) {
      const entries = Object.entries(parsed.params).filter(
        (entry): entry is [string, number] => typeof entry[1] === "number" && Number.isFinite(entry[1]),
      );
      return { params: Object.fromEntries(entries.slice(0, 20)) };
    }
    return null;
  } catch {
    return null;
  }
}
