"use client";
import { useState, type MouseEvent } from "react";

/**
 * Copies `text`, or else the code of its figure as the reader sees it (notation comments are
 * stripped at build), so lesson code is not sent to the browser a second time as a prop.
 */
export function CopyButton({ text, label }: { text?: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy(event: MouseEvent<HTMLButtonElement>) {
    const value = text ?? event.currentTarget.closest("figure")?.querySelector("pre")?.textContent;
    try {
      if (value == null) throw new Error("nothing to copy");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button
      type="button"
      onClick={copy}
      className="copy-button rounded border border-border bg-bg px-2 py-0.5 text-xs text-fg hover:bg-bg-muted"
      aria-label={`Copy ${label}`}
    >
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
      </span>
    </button>
  );
}
