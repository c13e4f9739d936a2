"use client";
import type { CommentBankEntry } from "@/lib/instructor/comment-bank";

type Props = { entries: CommentBankEntry[]; busy: boolean; onRemove: (entry: CommentBankEntry) => void };

/** The instructor's saved comments with how often each was used; inserting happens at each comment box. */
export function CommentBankPanel({ entries, busy, onRemove }: Props) {
  return (
    <details className="rounded-xl border border-border bg-bg-subtle p-3">
      <summary className="cursor-pointer font-semibold">
        Your comment bank <span className="font-normal text-fg-muted">({entries.length} saved)</span>
      </summary>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-fg-muted">
          Nothing saved yet. Write a comment and choose &ldquo;Save to my bank&rdquo; to reuse it on other
          answers.
        </p>
      ) : (
        <ul className="mt-2 max-h-64 space-y-2 overflow-y-auto" data-testid="comment-bank">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="flex items-start gap-2 rounded-md border border-border bg-bg p-2 text-sm"
            >
              <span className="min-w-0 flex-1 break-words whitespace-pre-wrap">{entry.text}</span>
              <span className="shrink-0 text-xs text-fg-muted tabular-nums">
                {entry.uses} {entry.uses === 1 ? "use" : "uses"}
              </span>
              <button
                type="button"
                disabled={busy}
                onClick={() => onRemove(entry)}
                aria-label={`Remove "${entry.text}" from your bank`}
                className="shrink-0 rounded border border-border px-2 py-0.5 text-fg-muted hover:bg-bg-muted hover:text-fg disabled:opacity-60"
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
