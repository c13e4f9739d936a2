"use client";
import { useEffect, useRef, useState } from "react";
import { createCsvRowCounter, downloadErrorMessage, fileNameFromDisposition } from "./csv-row-counter";

type State =
  | { phase: "idle" }
  | { phase: "downloading"; rows: number; total: number | null; bytes: number }
  | { phase: "done"; rows: number; fileName: string }
  | { phase: "failed"; message: string }
  | { phase: "cancelled" };

const count = new Intl.NumberFormat("en-GB");
const SAVE_AS_FALLBACK = "export.csv";
/** Progress text updates at most this often, so a screen reader is not flooded with numbers. */
const ANNOUNCE_EVERY_MS = 1_000;

/**
 * Downloads one CSV with fetch instead of a plain link, to show progress: it reads the stream, counts
 * rows against the server's X-Total-Rows, then saves the bytes through a Blob link. Cancel aborts the
 * request (the server stops reading batches). Focus moves to Cancel while downloading and back after.
 */
export function CsvDownload({ href, label, testId }: { href: string; label: string; testId: string }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const downloading = state.phase === "downloading";

  // Keyboard users keep their place: Cancel takes focus while the download runs (the start button is
  // disabled), and the start button gets it back when the download ends, however it ends.
  const wasDownloading = useRef(false);
  useEffect(() => {
    if (downloading) cancelRef.current?.focus();
    else if (wasDownloading.current) startRef.current?.focus();
    wasDownloading.current = downloading;
  }, [downloading]);
  useEffect(() => () => abortRef.current?.abort(), []);

  async function start() {
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: "downloading", rows: 0, total: null, bytes: 0 });
    try {
      const response = await fetch(href, { signal: controller.signal, cache: "no-store" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
        const serverMessage = typeof body?.error === "string" ? body.error : null;
        finish({ phase: "failed", message: downloadErrorMessage(response.status, serverMessage) });
        return;
      }
      const totalHeader = Number(response.headers.get("X-Total-Rows"));
      const total = Number.isFinite(totalHeader) && totalHeader >= 0 ? totalHeader : null;
      const fileName = fileNameFromDisposition(response.headers.get("Content-Disposition"), SAVE_AS_FALLBACK);
      const reader = response.body?.getReader();
      if (!reader) throw new TypeError("no response body");
      const decoder = new TextDecoder();
      const counter = createCsvRowCounter();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let rows = 0;
      let bytes = 0;
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        rows = counter.push(decoder.decode(value, { stream: true }));
        if (performance.now() - shownAt >= ANNOUNCE_EVERY_MS) {
          shownAt = performance.now();
          setState({ phase: "downloading", rows, total, bytes });
        }
      }
      save(new Blob(chunks, { type: "text/csv;charset=utf-8" }), fileName);
      finish({ phase: "done", rows, fileName });
    } catch {
      finish(
        controller.signal.aborted
          ? { phase: "cancelled" }
          : {
              phase: "failed",
              message:
                "The download was interrupted. Check your connection and try again; nothing was saved.",
            },
      );
    }
  }

  function finish(next: State) {
    abortRef.current = null;
    setState(next);
  }

  return (
    <div className="mt-4" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-3">
        <button
          ref={startRef}
          type="button"
          onClick={start}
          disabled={downloading}
          className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {label}
        </button>
        {downloading && (
          <button
            ref={cancelRef}
            type="button"
            onClick={() => abortRef.current?.abort()}
            className="rounded-lg border border-border px-4 py-2 font-semibold hover:bg-bg-muted"
          >
            Cancel
          </button>
        )}
      </div>
      {downloading && (
        <progress
          className="mt-3 block h-2.5 w-full max-w-md appearance-none overflow-hidden rounded-full border border-border bg-bg-muted [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-bg-muted [&::-webkit-progress-value]:bg-accent"
          aria-label={`${label}: progress`}
          value={state.total ? Math.min(state.rows, state.total) : undefined}
          max={state.total || undefined}
        />
      )}
      <p
        role="status"
        aria-live="polite"
        className={`mt-2 text-sm ${state.phase === "failed" ? "font-medium text-danger" : "text-fg-muted"}`}
        data-testid={`${testId}-status`}
      >
        {statusText(state)}
      </p>
    </div>
  );
}

function statusText(state: State): string {
  switch (state.phase) {
    case "idle":
      return "";
    case "downloading":
      return state.total === null
        ? `${count.format(state.rows)} rows so far (${formatBytes(state.bytes)})`
        : `${count.format(state.rows)} of ${count.format(state.total)} rows (${formatBytes(state.bytes)})`;
    case "done":
      return `Done: ${count.format(state.rows)} ${state.rows === 1 ? "row" : "rows"} saved as ${state.fileName}.`;
    case "failed":
      return state.message;
    case "cancelled":
      return "Download cancelled. Nothing was saved.";
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
