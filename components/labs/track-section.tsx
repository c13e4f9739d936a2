"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Heading } from "./heading";
import { TrackTimeline } from "./track-timeline";
import type { Track } from "./timeline-data";

const NARRATION_LIMIT = 300;

type Props = {
  track: Track;
  /** The section's heading text. */
  title: string;
  level: number;
  showConsole: boolean;
  /** Sentences shown before the engine's narration (an experiment's set-up). */
  preface?: string[];
};

/** One run's timeline, console output and narration; the chart and the narration point at each other. */
export function TrackSection({ track, title, level, showConsole, preface = [] }: Props) {
  const headingId = useId();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [fromNarration, setFromNarration] = useState(false);
  const activeMark = track.chart.marks.find((mark) => mark.id === activeId) ?? null;
  const activeEvents = new Set(activeMark?.events ?? []);
  const markOfEvent = new Map<number, string>();
  for (const mark of track.chart.marks) for (const index of mark.events) markOfEvent.set(index, mark.id);
  const narrationRef = useRef<HTMLOListElement>(null);
  // A mark picked on the chart brings its narration line into view inside the list (not the page).
  useEffect(() => {
    const list = narrationRef.current;
    const line = list?.querySelector<HTMLElement>('li[data-active="true"]');
    if (!list || !line || fromNarration) return;
    list.scrollTop = line.offsetTop - list.offsetTop - list.clientHeight / 2;
  }, [activeId, fromNarration]);
  const pointAt = (index: number) => {
    const id = markOfEvent.get(index);
    if (id === undefined) return;
    setFromNarration(true);
    setActiveId(id);
  };
  // Keyboard: the list is one Tab stop; the arrow keys, Home and End move between its lines, and a
  // focused line lights up its mark as hovering does.
  const stepThroughLines = (event: KeyboardEvent<HTMLOListElement>) => {
    const lines = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("li[data-event]"));
    if (lines.length === 0) return;
    const current = lines.indexOf(document.activeElement as HTMLElement);
    const last = lines.length - 1;
    const next =
      event.key === "ArrowDown"
        ? Math.min(current + 1, last)
        : event.key === "ArrowUp"
          ? Math.max(current - 1, 0)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    lines[next]?.focus();
  };
  const narrationCount = preface.length + track.events.length;
  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-border pt-4">
      <Heading level={level} id={headingId} className="font-semibold">
        {title}
      </Heading>
      <TrackTimeline
        track={track}
        activeMark={activeMark}
        onActivate={(id) => {
          setFromNarration(false);
          setActiveId(id);
        }}
      />

      {showConsole && (
        <Heading level={level + 1} className="mt-4 text-sm font-semibold">
          Console output
        </Heading>
      )}
      {!showConsole ? null : track.logs.length === 0 ? (
        <p className="text-sm text-fg-muted">Your code wrote nothing to the console.</p>
      ) : (
        <ol
          className="mt-1 overflow-x-auto rounded-md border border-border bg-bg-subtle p-2 font-mono text-xs"
          data-testid="console-output"
        >
          {track.logs.map((log, index) => (
            <li key={index} className="flex gap-3 whitespace-pre-wrap">
              <span className="w-8 shrink-0 select-none text-right text-fg-muted">{index + 1}</span>
              <span>
                <span className="text-fg-muted">
                  t={Number((log.atMs / 1000).toFixed(3))}s {log.level}
                  {log.line !== null ? ` (line ${log.line})` : ""}:
                </span>{" "}
                {log.message}
              </span>
            </li>
          ))}
          {track.omittedLogs > 0 && (
            <li className="text-fg-muted">… {track.omittedLogs} more lines left out</li>
          )}
        </ol>
      )}

      <details className="mt-4" open={narrationCount <= 40}>
        <summary className="cursor-pointer text-sm font-semibold">
          Narration ({track.events.length} events
          {track.omittedEvents ? `, ${track.omittedEvents} more left out` : ""})
        </summary>
        <p className="mt-1 text-xs text-fg-muted">
          Point at a line, or Tab into the list and use the arrow keys, to light up its mark on the chart.
        </p>
        <ol
          ref={narrationRef}
          className="relative mt-2 max-h-96 list-decimal space-y-0.5 overflow-y-auto pl-8 text-sm"
          tabIndex={0}
          aria-label={`Narration of ${track.title}`}
          data-testid="narration"
          onKeyDown={stepThroughLines}
        >
          {preface.map((line) => (
            <li key={line} className="font-semibold">
              {line}
            </li>
          ))}
          {track.events.slice(0, NARRATION_LIMIT).map((event, index) => (
            <li
              key={index}
              data-event={index}
              data-active={activeEvents.has(index) ? "true" : undefined}
              className={
                activeEvents.has(index)
                  ? "rounded bg-accent-soft font-semibold"
                  : markOfEvent.has(index)
                    ? "cursor-pointer hover:bg-bg-muted"
                    : undefined
              }
              tabIndex={-1}
              onMouseEnter={() => pointAt(index)}
              onClick={() => pointAt(index)}
              onFocus={() => pointAt(index)}
            >
              {event.text}
            </li>
          ))}
        </ol>
        {track.events.length > NARRATION_LIMIT && (
          <p className="mt-1 text-sm text-fg-muted">
            … and {track.events.length - NARRATION_LIMIT} more events (the timeline above shows them all).
          </p>
        )}
      </details>
    </section>
  );
}
