"use client";
import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";
import type { LabResult } from "@/lib/labs/result-types";
import type { CommandEntry } from "@/lib/labs/text/result";
import type { EditorHandle } from "./code-editor";
import { CommandPrompt } from "./command-prompt";
import type { PublicText } from "./public-text";

const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-fg-muted">Loading the editor…</p>,
});

export type Answer = { cause: string; fix: string };

type Props = {
  title: string;
  spec: PublicText;
  text: string;
  onText: (text: string) => void;
  answer: Answer;
  onAnswer: (answer: Answer) => void;
  onRun: () => void;
  /** Runs the text through the lab worker (the same evaluation as Run) for the prompt's output. */
  runText: (text: string) => Promise<LabResult | string>;
  editorRef: React.RefObject<EditorHandle | null>;
};

const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

/** A text lab's input: Monaco in the lab's language, or a command prompt (and the incident's answer). */
export function TextInput({ title, spec, text, onText, answer, onAnswer, onRun, runText, editorRef }: Props) {
  const ids = useId();
  if (spec.mode === "editor")
    return (
      <div>
        <p className="font-semibold">Your {spec.languageName}</p>
        <p className="mt-1 text-sm text-fg-muted">
          Ctrl+Enter (⌘+Enter) runs it. Tab moves to the next control; press Ctrl+M (⌃+⇧+M on a Mac) to make Tab
          indent instead, and again to switch back.
        </p>
        <div className="mt-2 overflow-hidden rounded-md border border-border" data-testid="code-editor">
          <CodeEditor
            value={text}
            onChange={onText}
            onRun={onRun}
            language={spec.language}
            label={`Your ${spec.languageName} for the lab “${title}”. Ctrl+Enter runs it; Tab leaves the editor, Ctrl+M toggles Tab indenting.`}
            errorLine={null}
            handleRef={editorRef}
          />
        </div>
      </div>
    );
  return (
    <div>
      <p className="font-semibold" id={`${ids}-prompt`}>
        The host&rsquo;s terminal
      </p>
      <PromptSession title={title} prompt={spec.prompt} text={text} onText={onText} runText={runText} />
      {spec.answer && (
        <fieldset className="mt-4 grid gap-3 sm:grid-cols-2">
          <legend className="font-semibold">Your answer</legend>
          <AnswerSelect
            label="Root cause"
            value={answer.cause}
            options={spec.answer.causes}
            onChange={(cause) => onAnswer({ ...answer, cause })}
          />
          <AnswerSelect
            label="Fix"
            value={answer.fix}
            options={spec.answer.fixes}
            onChange={(fix) => onAnswer({ ...answer, fix })}
          />
        </fieldset>
      )}
    </div>
  );
}

/** Keeps the prompt's output in step with the commands: any change of text (typed, reset, revealed) replays them. */
function PromptSession({
  title,
  prompt,
  text,
  onText,
  runText,
}: Pick<Props, "title" | "text" | "onText" | "runText"> & { prompt: string }) {
  // The output of the last replay, and the text it was for: busy while the two differ.
  const [session, setSession] = useState<{ text: string; entries: CommandEntry[]; error: string | null }>({
    text: "",
    entries: [],
    error: null,
  });
  const latest = useRef(text);
  const empty = lines(text).length === 0;
  const busy = !empty && session.text !== text;
  const entries = empty ? [] : session.entries;
  const error = empty ? null : session.error;

  useEffect(() => {
    latest.current = text;
    if (lines(text).length === 0) return;
    void runText(text).then((result) => {
      if (latest.current !== text) return;
      setSession(
        typeof result === "string"
          ? { text, entries: [], error: result }
          : { text, entries: result.text?.kind === "commands" ? result.text.entries : [], error: null },
      );
    });
    // runText is a fresh closure each render; the text alone decides when to replay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  return (
    <>
      <CommandPrompt
        prompt={prompt}
        entries={entries}
        busy={busy}
        label={`Terminal for the lab “${title}”`}
        onCommand={(line) => onText([...lines(text), line].join("\n"))}
      />
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
    </>
  );
}

function AnswerSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Array<{ id: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 w-full rounded-md border border-border bg-bg px-2 py-2 text-sm"
      >
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
