"use client";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";

// The dialog, its index and the search library load on first use, not with every page.
const SearchDialog = lazy(() => import("./search-dialog"));

/** The search button and its shortcuts (`/`, Ctrl-K or ⌘K). */
export function SearchLauncher() {
  const [openCount, setOpenCount] = useState(0);
  // Marked once the shortcuts listen (for tests): a key pressed before hydration finds no listener.
  const buttonRef = useRef<HTMLButtonElement>(null);
  const open = useCallback(() => setOpenCount((count) => count + 1), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable='true'], .monaco-editor");
      if ((event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        open();
      } else if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
    };
    document.addEventListener("keydown", onKey);
    buttonRef.current?.setAttribute("data-ready", "true");
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        onClick={open}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-2 text-sm text-fg-muted hover:bg-bg-muted hover:text-fg"
        aria-keyshortcuts="/ Control+K"
        data-testid="search-button"
      >
        <svg
          aria-hidden="true"
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="hidden sm:inline">Search</span>
        <kbd className="hidden rounded border border-border px-1 font-mono text-xs md:inline">/</kbd>
        <span className="sr-only sm:hidden">Search lessons</span>
      </button>
      {openCount > 0 && (
        <Suspense fallback={null}>
          <SearchDialog openCount={openCount} />
        </Suspense>
      )}
    </>
  );
}
