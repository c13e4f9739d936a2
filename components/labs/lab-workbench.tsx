"use client";
// Before any zod parse in the browser: no eval probe under the CSP (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import dynamic from "next/dynamic";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { parseExperiment, type Experiment } from "@/lib/labs/experiment-schema";
import { valueProblem } from "@/lib/labs/params-schema";
import { revealSolution, submitLabSolution } from "./actions";
import type { EditorHandle } from "./code-editor";
import { ExperimentPanel } from "./experiment-panel";
import { LabHelp, type RevealState } from "./lab-help";
import { LabMessage, type LabNotice } from "./lab-message";
import { encodeLabState, type LabState } from "./lab-state";
import type { PublicLab } from "./public-lab";
import { errorLineOf, ResultsPanel, sourceLabel, type ShownResult } from "./results-panel";
import { RUN_BACKSTOP_MS, runInWorker } from "./run-in-worker";
import { SettingsForm } from "./settings-form";
import { TextInput, type Answer } from "./text-input";
import { textNoun } from "./public-text";
import type { LabSubmission } from "./worker-protocol";

const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-fg-muted">Loading the editor…</p>,
});

export { RUN_BACKSTOP_MS };

type Props = {
  lab: PublicLab;
  initial: LabState | null;
  /** Level of the workbench's own section headings: 2 on the lab page, lower inside a lesson. */
  headingLevel?: number;
  /** Embedded in a lesson: leave the page's URL alone (the full-screen page keeps `?state=`). */
  syncUrl?: boolean;
};

function startingParams(lab: PublicLab, initial: LabState | null): Record<string, string> {
  const fromUrl = initial && "params" in initial ? initial.params : {};
  return Object.fromEntries(
    (lab.params ?? []).map((param) => [param.key, String(fromUrl[param.key] ?? param.default)]),
  );
}

/** The experiment from a link when it fits this lab, else the lab's own scenario (and say so). */
function startingExperiment(
  lab: PublicLab,
  initial: LabState | null,
): { value: Experiment | null; open: boolean; rejected: boolean } {
  if (!lab.experiment) return { value: null, open: false, rejected: false };
  const fromUrl = initial && "experiment" in initial ? initial.experiment : undefined;
  const parsed = fromUrl === undefined ? null : parseExperiment(lab.experiment.target, fromUrl);
  return parsed?.ok
    ? { value: parsed.experiment, open: true, rejected: false }
    : { value: lab.experiment.defaults, open: false, rejected: parsed !== null };
}

const button =
  "rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-bg-muted disabled:opacity-60";
const primary =
  "rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60";

export function LabWorkbench({ lab, initial, headingLevel = 2, syncUrl = true }: Props) {
  const isCode = lab.starterCode !== null;
  // Text labs (a rule, a query, a Dockerfile, commands): see text-input.tsx.
  const isText = lab.text !== null;
  const words = lab.text ? textNoun(lab.text) : { noun: isCode ? "code" : "settings", plural: !isCode };
  const [text, setText] = useState(() => (initial && "text" in initial ? initial.text : (lab.text?.starter ?? "")));
  const [answer, setAnswer] = useState<Answer>(() =>
    initial && "text" in initial && initial.answer ? initial.answer : { cause: "", fix: "" },
  );
  const [code, setCode] = useState(() =>
    initial && "code" in initial ? initial.code : (lab.starterCode ?? ""),
  );
  const [params, setParams] = useState<Record<string, string>>(() => startingParams(lab, initial));
  const [start] = useState(() => startingExperiment(lab, initial));
  const [experiment, setExperiment] = useState(start.value);
  const [experimentOpen, setExperimentOpen] = useState(start.open);
  const [shown, setShown] = useState<ShownResult | null>(null);
  const [busy, setBusy] = useState<"run" | "experiment" | "submit" | null>(null);
  const [message, setMessage] = useState<LabNotice | null>(
    start.rejected
      ? {
          kind: "error",
          text: "The experiment in this link does not fit this lab, so the lab's own scenario is shown instead.",
        }
      : null,
  );
  const [announcement, setAnnouncement] = useState("");
  const [hintsShown, setHintsShown] = useState(0);
  const [reveal, setReveal] = useState<RevealState>("idle");
  const workerRef = useRef<Worker | null>(null);
  const runIdRef = useRef(0);
  const editorRef = useRef<EditorHandle | null>(null);
  const ids = useId();

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  const paramProblems = Object.fromEntries(
    (lab.params ?? []).map((param) => {
      const raw = params[param.key] ?? "";
      const value = Number(raw);
      return [
        param.key,
        raw.trim() === "" || Number.isNaN(value) ? "enter a whole number" : valueProblem(param, value),
      ];
    }),
  );
  const hasProblems = Object.values(paramProblems).some(Boolean);
  // Not on every keystroke in the editor: only when the experiment changes.
  const experimentCheck = useMemo(
    () => (lab.experiment && experiment ? parseExperiment(lab.experiment.target, experiment) : null),
    [lab.experiment, experiment],
  );
  const experimentProblems = experimentCheck && !experimentCheck.ok ? experimentCheck.problems : [];

  const numericParams = () =>
    Object.fromEntries(Object.entries(params).map(([key, raw]) => [key, Number(raw)]));

  function currentState(): LabState {
    if (isText) return answer.cause || answer.fix ? { text, answer } : { text };
    if (!isCode) return { params: numericParams() };
    return experimentOpen && experiment ? { code, experiment } : { code };
  }

  // What is graded and what the server sees: never the experiment.
  function submission(): LabSubmission {
    if (isText) return { labSlug: lab.slug, text, ...(answer.cause && answer.fix ? { answer } : {}) };
    return isCode ? { labSlug: lab.slug, code } : { labSlug: lab.slug, params: numericParams() };
  }

  /** The prompt's commands through the lab worker: the same evaluation as Run, for their output. */
  async function runText(next: string) {
    const submitted = { labSlug: lab.slug, text: next };
    const reply = await runInWorker(workerRef, { id: ++runIdRef.current, labSlug: lab.slug, submission: submitted });
    if (reply === "timeout") return "The command did not finish; try again.";
    return reply.ok ? reply.result : `The command could not run: ${reply.error}`;
  }

  function show(next: ShownResult) {
    setShown(next);
    setMessage(null);
    const verdict =
      next.source === "experiment"
        ? next.result.experiment?.ok
          ? next.result.experiment.headline
          : "it could not run"
        : `${next.result.passed ? "passed" : "not passed"}. ${next.result.headline}`;
    setAnnouncement(`${sourceLabel(next)}: ${verdict}`);
  }

  function fail(text: string, kind: LabNotice["kind"] = "error") {
    setMessage({ kind, text });
    setAnnouncement("");
  }

  function rememberInUrl(state: LabState | null) {
    if (!syncUrl) return;
    const url = new URL(window.location.href);
    if (state) url.searchParams.set("state", encodeLabState(state));
    else url.searchParams.delete("state");
    window.history.replaceState(window.history.state, "", url);
  }

  async function run(mode: "run" | "experiment") {
    if (busy) return;
    if (!isCode && !isText && hasProblems) {
      fail("Fix the settings marked above, then run again.");
      return;
    }
    if (mode === "experiment" && experimentProblems.length > 0) {
      fail("Fix the experiment's settings marked above, then run it again.");
      return;
    }
    rememberInUrl(currentState());
    setBusy(mode);
    setAnnouncement(
      mode === "experiment" ? "Running your experiment in your browser…" : "Running in your browser…",
    );
    const id = ++runIdRef.current;
    const reply = await runInWorker(workerRef, {
      id,
      labSlug: lab.slug,
      submission: submission(),
      ...(mode === "experiment" ? { experiment } : {}),
    });
    setBusy(null);
    if (reply === "timeout") {
      fail(
        `The run was stopped after ${RUN_BACKSTOP_MS / 1000} seconds of real time. Look for an endless loop or a very large allocation in your code, then run again.`,
      );
      return;
    }
    if (!reply.ok) {
      fail(`The lab could not run in your browser: ${reply.error}`);
      return;
    }
    show({ source: mode === "experiment" ? "experiment" : "browser", result: reply.result });
  }

  async function submit() {
    if (busy) return;
    if (!isCode && !isText && hasProblems) {
      fail("Fix the settings marked above, then submit.");
      return;
    }
    // Keep the work in the link, so signing in (which leaves the page) brings it back.
    rememberInUrl(currentState());
    setBusy("submit");
    setAnnouncement("Sending your solution to the server…");
    const outcome = await submitLabSolution(submission()).catch(() => null);
    setBusy(null);
    if (!outcome) {
      fail("Could not reach the server. Your work is still here; try submitting again.");
      return;
    }
    if (!outcome.ok) {
      fail(
        outcome.error,
        outcome.reason === "sign-in" || outcome.reason === "busy" || outcome.reason === "rate-limited"
          ? outcome.reason
          : "error",
      );
      return;
    }
    show({ source: "server", result: outcome.result, afterReveal: outcome.afterReveal });
  }

  function reset() {
    setCode(lab.starterCode ?? "");
    setText(lab.text?.starter ?? "");
    setAnswer({ cause: "", fix: "" });
    setParams(startingParams(lab, null));
    setExperiment(lab.experiment?.defaults ?? null);
    setShown(null);
    setMessage(null);
    rememberInUrl(null);
    setAnnouncement(
      isText ? `The starting ${words.noun} ${words.plural ? "are" : "is"} back.` : isCode ? "The starter code is back." : "Every setting is back at its default.",
    );
  }

  async function loadSolution() {
    setReveal("loading");
    const solution = await revealSolution(lab.slug).catch(() => null);
    if (!solution || !solution.ok) {
      setReveal("idle");
      fail(solution ? solution.error : "Could not load the solution; try again.");
      return;
    }
    if (solution.code !== null) setCode(solution.code);
    if (solution.text) {
      setText(solution.text.text);
      setAnswer(solution.text.answer ?? { cause: "", fix: "" });
    }
    if (solution.params)
      setParams(Object.fromEntries(Object.entries(solution.params).map(([k, v]) => [k, String(v)])));
    setShown(null);
    setReveal({ explanation: solution.explanation });
    setAnnouncement(
      `The worked solution is now in the ${isText ? words.noun : isCode ? "editor" : "settings"}. Its explanation follows the buttons.`,
    );
  }

  const errorLine = shown ? errorLineOf(shown.result) : null;

  return (
    <div
      className="mt-6"
      onKeyDown={(event) => {
        if (!isCode && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void run("run");
        }
      }}
    >
      {isText && lab.text ? (
        <TextInput
          title={lab.title}
          spec={lab.text}
          text={text}
          onText={setText}
          answer={answer}
          onAnswer={setAnswer}
          onRun={() => void run("run")}
          runText={runText}
          editorRef={editorRef}
        />
      ) : isCode ? (
        <div>
          <p id={`${ids}-editor-label`} className="font-semibold">
            Your code (JavaScript)
          </p>
          <p id={`${ids}-editor-help`} className="mt-1 text-sm text-fg-muted">
            Ctrl+Enter (⌘+Enter) runs it. Tab moves to the next control; press Ctrl+M (⌃+⇧+M on a Mac) to make
            Tab indent instead, and again to switch back.
          </p>
          <div className="mt-2 overflow-hidden rounded-md border border-border" data-testid="code-editor">
            <CodeEditor
              value={code}
              onChange={setCode}
              onRun={() => void run("run")}
              label={`Your code for the lab “${lab.title}”, JavaScript. Ctrl+Enter runs it; Tab leaves the editor, Ctrl+M toggles Tab indenting.`}
              errorLine={
                errorLine && errorLine.line !== null
                  ? { line: errorLine.line, message: errorLine.message }
                  : null
              }
              handleRef={editorRef}
            />
          </div>
        </div>
      ) : (
        <SettingsForm
          params={lab.params ?? []}
          values={params}
          problems={paramProblems}
          onChange={(key, value) => setParams((state) => ({ ...state, [key]: value }))}
          onRun={() => void run("run")}
        />
      )}

      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={() => void run("run")} disabled={busy !== null} className={primary}>
          {busy === "run" ? "Running…" : "Run"}
        </button>
        <button type="button" onClick={() => void submit()} disabled={busy !== null} className={button}>
          {busy === "submit" ? "Submitting…" : "Submit solution"}
        </button>
        {lab.experiment && (
          <button
            type="button"
            onClick={() => setExperimentOpen((open) => !open)}
            className={button}
            aria-expanded={experimentOpen}
            aria-controls={`${ids}-experiment`}
          >
            {experimentOpen ? "Hide the experiment" : "Experiment"}
          </button>
        )}
        <button
          type="button"
          onClick={() => setHintsShown((count) => Math.min(lab.hints.length, count + 1))}
          disabled={hintsShown >= lab.hints.length}
          className={button}
        >
          {hintsShown >= lab.hints.length
            ? "No more hints"
            : `Hint (${hintsShown + 1} of ${lab.hints.length})`}
        </button>
        <button
          type="button"
          onClick={() => setReveal("confirm")}
          disabled={reveal !== "idle"}
          className={button}
          aria-expanded={reveal === "confirm"}
        >
          Reveal solution
        </button>
        <button type="button" onClick={reset} disabled={busy !== null} className={button}>
          Reset
        </button>
      </div>
      <p className="mt-2 text-sm text-fg-muted">
        Run checks your {words.noun} against the lab&rsquo;s own scenario here in your
        browser, signed in or not. Submit solution (with an account) sends {words.plural ? "them" : "it"} to the
        server, which runs the same simulation again, gives the verdict that counts and saves it.
        {lab.experiment
          ? " Experiment lets you change the scenario to see what happens; it is never graded."
          : ""}
      </p>

      <div id={`${ids}-experiment`} hidden={!experimentOpen}>
        {lab.experiment && experiment && experimentOpen && (
          <ExperimentPanel
            target={lab.experiment.target}
            value={experiment}
            onChange={setExperiment}
            defaults={lab.experiment.defaults}
            problems={experimentProblems}
            onRun={() => void run("experiment")}
            busy={busy !== null}
            headingLevel={headingLevel}
          />
        )}
      </div>

      <LabHelp
        hints={lab.hints.slice(0, hintsShown)}
        reveal={reveal}
        what={words.noun}
        headingLevel={headingLevel}
        onConfirm={() => void loadSolution()}
        onCancel={() => setReveal("idle")}
      />

      <p aria-live="polite" className="sr-only" data-testid="lab-announcer">
        {announcement}
      </p>
      {message && <LabMessage notice={message} />}
      {shown && (
        <ResultsPanel
          shown={shown}
          isCode={isCode}
          headingLevel={headingLevel}
          onGoToLine={isCode || lab.text?.mode === "editor" ? (line) => editorRef.current?.focusLine(line) : undefined}
        />
      )}
    </div>
  );
}
