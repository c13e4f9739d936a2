"use client";
import { useEffect, useId, useRef, useState } from "react";
import type { CommandEntry } from "@/lib/labs/text/result";

type Props = {
  /** The prompt's text, e.g. learner@db-host:~$ */
  prompt: string;
  entries: readonly CommandEntry[];
  busy: boolean;
  onCommand: (line: string) => void;
  /** Says what the prompt is for, for screen readers. */
  label: string;
};

/**
 * A terminal-like prompt: type a command, Enter runs it against the lab's simulated host and its
 * output appears above; ↑ and ↓ walk through the commands typed so far. The commands are the
 * learner's submission, replayed the same way by the server.
 */
export function CommandPrompt({ prompt, entries, busy, onCommand, label }: Props) {
  const [line, setLine] = useState("");
  // Position while walking the history with the arrow keys; null while typing a new line.
  const [cursor, setCursor] = useState<number | null>(null);
  const logRef = useRef<HTMLDivElement | null>(null);
  const id = useId();
  const history = entries.map((entry) => entry.line);

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [entries]);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      if (busy || line.trim() === "") return;
      onCommand(line.trim());
      setLine("");
      setCursor(null);
    } else if (event.key === "ArrowUp" && history.length > 0) {
      event.preventDefault();
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setLine(history[next]!);
    } else if (event.key === "ArrowDown" && cursor !== null) {
      event.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setLine("");
      } else {
        setCursor(next);
        setLine(history[next]!);
      }
    }
  }

  return (
    <div className="rounded-md border border-border bg-bg font-mono text-sm" data-testid="command-prompt">
      <div
        ref={logRef}
        role="log"
        aria-label={`${label}: output`}
        tabIndex={0}
        className="max-h-96 overflow-auto p-3"
      >
        {entries.length === 0 && <p className="text-fg-muted">No commands yet. Type one below and press Enter.</p>}
        {entries.map((entry, index) => (
          <div key={index} className="mb-2" data-testid="command-entry">
            <p className="break-all">
              <span className="text-fg-muted">{prompt}</span> {entry.line}
            </p>
            {entry.output !== "" && (
              <pre className={`whitespace-pre-wrap break-all ${entry.ok ? "" : "text-danger"}`}>{entry.output}</pre>
            )}
          </div>
        ))}
        {busy && <p className="text-fg-muted">Running…</p>}
      </div>
      <div className="flex items-center gap-2 border-t border-border p-2">
        <label htmlFor={`${id}-command`} className="shrink-0 text-fg-muted">
          <span aria-hidden="true" className="hidden sm:inline">
            {prompt}
          </span>
          <span aria-hidden="true" className="sm:hidden">
            {prompt.slice(-1)}
          </span>
          <span className="sr-only">Command</span>
        </label>
        <input
          id={`${id}-command`}
          value={line}
          onChange={(event) => {
            setLine(event.target.value);
            setCursor(null);
          }}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-help`}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          className="min-w-0 flex-1 rounded border border-border bg-bg px-2 py-1"
          data-testid="command-input"
        />
      </div>
      <p id={`${id}-help`} className="px-3 pb-2 font-sans text-xs text-fg-muted">
        Enter runs the command; ↑ and ↓ bring back earlier ones.
      </p>
    </div>
  );
}
