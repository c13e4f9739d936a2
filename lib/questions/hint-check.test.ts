import { describe, expect, it } from "vitest";
import { hintProblems, hintTokens } from "./hint-check";
import { QuestionSchema, type Question } from "./schema";

const explanation = "SIGKILL is signal 9, and a process killed by a signal exits with 128 plus its number.";

function question(fields: Record<string, unknown>): Question {
  return QuestionSchema.parse({ id: "q", section: "s", explanation, ...fields });
}

const fillIn = (hint?: string) =>
  question({
    type: "fill-in",
    prompt: "An OOM-killed container exits with ___ and `docker compose down` deletes volumes with ___.",
    blanks: [{ accept: ["137"] }, { accept: ["-v", "--volumes", "v"] }],
    hint,
  });
const trueFalse = (hint: string) => question({ type: "true-false", statement: "137 proves an OOM kill.", answer: false, hint });
const choice = (hint: string) =>
  question({
    type: "multiple-choice",
    prompt: "What does --memory=512m do?",
    options: [
      { id: "a", text: "Sets the maximum (hard limit) of RAM the container may use", correct: true, why: "It is a cap." },
      { id: "b", text: "Reserves memory", why: "That is not it." },
      { id: "c", text: "Nothing", why: "It does something." },
    ],
    hint,
  });
const interview = (hint: string) =>
  question({
    type: "interview",
    prompt: "How do you back up Postgres?",
    rubric: [1, 2, 3].map((n) => ({ id: `p${n}`, point: `Point ${n}`, weight: 1, phrases: [`phrase ${n}`] })),
    modelAnswer: "I take logical backups with pg_dump in the custom format every night and test restores weekly.",
    hint,
  });

describe("hintProblems", () => {
  it("accepts a hint that points the way without the answer", () => {
    expect(hintProblems(fillIn("Add 128 to the signal's number; the flag is named after what it deletes."))).toEqual([]);
    expect(hintProblems(trueFalse("List everything that can send SIGKILL to a process."))).toEqual([]);
    expect(hintProblems(choice("What happens when the processes try to allocate more than that?"))).toEqual([]);
    expect(hintProblems(interview("Cover how the copy is taken, where it is kept and how you know it restores."))).toEqual([]);
  });

  it("requires a hint of a useful length", () => {
    expect(hintProblems(fillIn())).toEqual(["has no hint"]);
    expect(hintProblems(fillIn("Think."))).toEqual(["hint is shorter than 20 characters"]);
    expect(hintProblems(fillIn(`${"Think about signals. ".repeat(13)}`))[0]).toMatch(/longer than 240/);
  });

  it("rejects a fill-in hint that contains an accepted answer, whatever its marks", () => {
    expect(hintProblems(fillIn("The exit code is 137 for SIGKILL."))).toEqual([
      'hint contains "137", an accepted answer for blank 1',
    ]);
    expect(hintProblems(fillIn("Use `--volumes` on the command line."))).toEqual([
      'hint contains "--volumes", an accepted answer for blank 2',
      // "--volumes" and "volumes" normalise alike; "-v" is a single letter, too common to check as a word.
    ]);
  });

  it("rejects a true/false hint that states the verdict", () => {
    expect(hintProblems(trueFalse("This is false: other senders exist."))).toEqual(['hint says "false"']);
  });

  it("rejects a multiple-choice hint that quotes a correct option or names a letter", () => {
    expect(hintProblems(choice("It sets the maximum (hard limit) of RAM for the container."))).toEqual([
      'hint quotes correct option a: "sets the maximum hard limit"',
    ]);
    expect(hintProblems(choice("Think about it, then pick option a of the three."))).toEqual([
      "hint points at an option by its letter",
    ]);
  });

  it("rejects a hint copied from the model answer or the explanation", () => {
    expect(hintProblems(interview("Say you take logical backups with pg_dump in the custom format."))[0]).toMatch(
      /copies the model answer/,
    );
    expect(hintProblems(trueFalse("Remember: a process killed by a signal exits with 128 plus its number."))[0]).toMatch(
      /copies the explanation/,
    );
  });
});

describe("hintTokens", () => {
  it("drops code marks and punctuation, keeps words and numbers", () => {
    expect(hintTokens("`--cpus=1.5` and State.OOMKilled!")).toEqual(["cpus", "1", "5", "and", "state", "oomkilled"]);
  });
});
