"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { valueProblem } from "@/lib/labs/params-schema";
import { revealSolution, submitLabSolution } from "./actions";
import type { EditorHandle } from "./code-editor";
import { encodeLabState, type LabState } from "./lab-state";
import type { PublicLab } from "./public-lab";
import { errorLineOf, ResultsPanel, sourceLabel, type ShownResult } from "./results-panel";
import type { LabSubmission, WorkerReply } from "./worker-protocol";

const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-fg-muted">Loading the editor…</p>,
});

/** Wall-clock backstop: a run that has not answered by then is stopped by terminating the worker. */
export const RUN_BACKSTOP_MS = 10_000;

function createWorker(): Worker {
  return new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" });
}

type Props = { lab: PublicLab; initial: LabState | null };

function startingParams(lab: PublicLab, initial: LabState | null): Record<string, string> {
  const fromUrl = initial && "params" in initial ? initial.params : {};
  return Object.fromEntries(
    (lab.params ?? []).map((param) => [param.key, String(fromUrl[param.key] ?? param.default)]),
  );
}

const button =
  "rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-bg-muted disabled:opacity-60";
const primary =
  "rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60";

export function LabWorkbench({ lab, initial }: Props) {
  const isCode = lab.starterCode !== null;
  const [code, setCode] = useState(() =>
    initial && "code" in initial ? initial.code : (lab.starterCode ?? ""),
  );
  const [params, setParams] = useState<Record<string, string>>(() => startingParams(lab, initial));
  const [shown, setShown] = useState<ShownResult | null>(null);
  const [busy, setBusy] = useState<"run" | "submit" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [hintsShown, setHintsShown] = useState(0);
  const [reveal, setReveal] = useState<"idle" | "confirm" | "loading" | { explanation: string }>("idle");
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
      return [param.key, raw.trim() === "" || Number.isNaN(value) ? "enter a whole number" : valueProblem(param, value)];
    }),
  );
  const hasProblems = Object.values(paramProblems).some(Boolean);

  const currentState = useCallback((): LabState => {
    if (isCode) return { code };
    return { params: Object.fromEntries(Object.entries(params).map(([key, raw]) => [key, Number(raw)])) };
  }, [isCode, code, params]);

  const submission = useCallback((): LabSubmission => ({ labSlug: lab.slug, ...currentState() }), [lab.slug, currentState]);

  function show(next: ShownResult) {
    setShown(next);
    setMessage(null);
    const verdict = next.result.passed ? "passed" : "not passed";
    setAnnouncement(`${sourceLabel(next)}: ${verdict}. ${next.result.headline}`);
  }

  function fail(text: string) {
    setMessage(text);
    setAnnouncement("");
  }

  const run = useCallback(async () => {
    if (busy) return;
    if (!isCode && hasProblems) {
      fail("Fix the settings marked above, then run again.");
      return;
    }
    const state = currentState();
    const url = new URL(window.location.href);
    url.searchParams.set("state", encodeLabState(state));
    window.history.replaceState(window.history.state, "", url);

    setBusy("run");
    setAnnouncement("Running in your browser…");
    const id = ++runIdRef.current;
    const worker = (workerRef.current ??= createWorker());
    const reply = await new Promise<WorkerReply | "timeout">((resolve) => {
      const stop = () => {
        worker.terminate();
        if (workerRef.current === worker) workerRef.current = null;
      };
      const timer = setTimeout(() => {
        stop();
        resolve("timeout");
      }, RUN_BACKSTOP_MS);
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (event.data.id !== id) return;
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.onerror = (event) => {
        clearTimeout(timer);
        stop();
        resolve({ id, ok: false, error: event.message || "The lab runner could not start." });
      };
      worker.postMessage({ id, labSlug: lab.slug, submission: submission() });
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
    show({ source: "browser", result: reply.result });
  }, [busy, isCode, hasProblems, currentState, lab.slug, submission]);

  async function submit() {
    if (busy) return;
    if (!isCode && hasProblems) {
      fail("Fix the settings marked above, then submit.");
      return;
    }
    setBusy("submit");
    setAnnouncement("Sending your solution to the server…");
    const outcome = await submitLabSolution(submission()).catch(() => null);
    setBusy(null);
    if (!outcome) {
      fail("Could not reach the server. Your work is still here; try submitting again.");
      return;
    }
    if (!outcome.ok) {
      fail(outcome.error);
      return;
    }
    show({ source: "server", result: outcome.result, recorded: outcome.recorded });
  }

  function reset() {
    setCode(lab.starterCode ?? "");
    setParams(startingParams(lab, null));
    setShown(null);
    setMessage(null);
    const url = new URL(window.location.href);
    url.searchParams.delete("state");
    window.history.replaceState(window.history.state, "", url);
    setAnnouncement(isCode ? "The starter code is back." : "Every setting is back at its default.");
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
    if (solution.params) setParams(Object.fromEntries(Object.entries(solution.params).map(([k, v]) => [k, String(v)])));
    setShown(null);
    setReveal({ explanation: solution.explanation });
    setAnnouncement(`The worked solution is now in the ${isCode ? "editor" : "settings"}. Its explanation follows the buttons.`);
  }

  const errorLine = shown ? errorLineOf(shown.result) : null;

  return (
    <div
      className="mt-6"
      onKeyDown={(event) => {
        if (!isCode && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void run();
        }
      }}
    >
      {isCode ? (
        <div>
          <p id={`${ids}-editor-label`} className="font-semibold">
            Your code (JavaScript)
          </p>
          <p id={`${ids}-editor-help`} className="mt-1 text-sm text-fg-muted">
            Ctrl+Enter (⌘+Enter) runs it. Tab moves to the next control; press Ctrl+M (⌃+⇧+M on a Mac) to make Tab indent
            instead, and again to switch back.
          </p>
          <div className="mt-2 overflow-hidden rounded-md border border-border" data-testid="code-editor">
            <CodeEditor
              value={code}
              onChange={setCode}
              onRun={() => void run()}
              label={`Your code for the lab “${lab.title}”, JavaScript. Ctrl+Enter runs it; Tab leaves the editor, Ctrl+M toggles Tab indenting.`}
              errorLine={errorLine && errorLine.line !== null ? { line: errorLine.line, message: errorLine.message } : null}
              handleRef={editorRef}
            />
          </div>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
          aria-label="Settings"
        >
          <fieldset>
            <legend className="font-semibold">Your settings</legend>
            <p className="mt-1 text-sm text-fg-muted">Whole numbers within the limits shown. Enter or Ctrl+Enter runs them.</p>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {(lab.params ?? []).map((param) => {
                const id = `${ids}-param-${param.key}`;
                const problem = paramProblems[param.key];
                return (
                  <div key={param.key}>
                    <label htmlFor={id} className="block font-mono text-sm font-semibold">
                      {param.label} <span className="font-sans font-normal text-fg-muted">({param.unit})</span>
                    </label>
                    <input
                      id={id}
                      type="number"
                      inputMode="numeric"
                      min={param.min}
                      max={param.max}
                      step={param.step}
                      value={params[param.key] ?? ""}
                      onChange={(event) => setParams((state) => ({ ...state, [param.key]: event.target.value }))}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ""}`}
                      className="mt-1 w-full rounded-md border border-border bg-bg px-3 py-2 text-fg"
                    />
                    <p id={`${id}-help`} className="mt-1 text-xs text-fg-muted">
                      {param.min}–{param.max} {param.unit}, default {param.default}. {param.help}
                    </p>
                    {problem && (
                      <p id={`${id}-problem`} className="mt-1 text-sm font-semibold text-danger">
                        {param.label} {problem}.
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        </form>
      )}

      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={() => void run()} disabled={busy !== null} className={primary}>
          {busy === "run" ? "Running…" : "Run"}
        </button>
        <button type="button" onClick={() => void submit()} disabled={busy !== null} className={button}>
          {busy === "submit" ? "Submitting…" : "Submit solution"}
        </button>
        <button
          type="button"
          onClick={() => setHintsShown((count) => Math.min(lab.hints.length, count + 1))}
          disabled={hintsShown >= lab.hints.length}
          className={button}
        >
          {hintsShown >= lab.hints.length ? "No more hints" : `Hint (${hintsShown + 1} of ${lab.hints.length})`}
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
        Run tries your {isCode ? "code" : "settings"} here in your browser. Submit solution sends {isCode ? "it" : "them"} to the server,
        which runs the same simulation again and gives the verdict that counts.
      </p>

      {reveal === "confirm" && (
        <div role="group" aria-labelledby={`${ids}-reveal`} className="mt-4 rounded-md border border-warning bg-warning-soft p-3">
          <p id={`${ids}-reveal`}>
            Reveal the worked solution? It replaces your {isCode ? "code" : "settings"} (a link with ?state= keeps your own
            version if you ran it).
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={primary} onClick={() => void loadSolution()} autoFocus>
              Yes, show the solution
            </button>
            <button type="button" className={button} onClick={() => setReveal("idle")}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {hintsShown > 0 && (
        <section aria-labelledby={`${ids}-hints`} className="mt-4">
          <h2 id={`${ids}-hints`} className="font-semibold">
            Hints
          </h2>
          <ol className="mt-2 list-decimal space-y-2 pl-6">
            {lab.hints.slice(0, hintsShown).map((hint) => (
              <li key={hint} className="rounded border-l-4 border-accent bg-accent-soft p-2 text-sm">
                {hint}
              </li>
            ))}
          </ol>
        </section>
      )}

      {typeof reveal === "object" && (
        <section aria-labelledby={`${ids}-solution`} className="mt-4 rounded-md border border-border bg-bg-subtle p-3" data-testid="solution">
          <h2 id={`${ids}-solution`} className="font-semibold">
            Why the solution works
          </h2>
          <p className="mt-1 text-sm">{reveal.explanation}</p>
        </section>
      )}

      <p aria-live="polite" className="sr-only" data-testid="lab-announcer">
        {announcement}
      </p>
      {message && (
        <p role="alert" className="mt-4 rounded-md border border-danger bg-danger-soft p-3 text-danger" data-testid="lab-message">
          {message}
        </p>
      )}
      {shown && <ResultsPanel shown={shown} isCode={isCode} onGoToLine={isCode ? (line) => editorRef.current?.focusLine(line) : undefined} />}
    </div>
  );
}
