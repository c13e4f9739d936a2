"use client";
import { useId, useRef, useState } from "react";
import type { CommentBankEntry } from "@/lib/instructor/comment-bank";

type Props = { entries: CommentBankEntry[]; fieldLabel: string; onPick: (entry: CommentBankEntry) => void };

/**
 * "Insert saved comment" next to a comment box: a disclosure with the bank's comments as buttons, most
 * used first. Escape closes it and returns focus to the toggle; picking one hands focus to the box.
 */
export function BankPicker({ entries, fieldLabel, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  if (entries.length === 0) return null;
  return (
    // display: contents lets the parent's flex-wrap row place the list on its own line (basis-full).
    <div
      className="contents"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="rounded border border-border px-2 py-0.5 text-xs text-fg-muted hover:bg-bg-muted hover:text-fg"
      >
        Insert saved comment <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      {open && (
        <ul
          id={listId}
          aria-label={`Saved comments to insert into ${fieldLabel}`}
          className="max-h-48 basis-full space-y-1 overflow-y-auto rounded-md border border-border bg-bg p-1"
        >
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onPick(entry);
                }}
                className="block w-full rounded px-2 py-1 text-left text-sm break-words whitespace-pre-wrap hover:bg-accent-soft focus:bg-accent-soft"
              >
                {entry.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
