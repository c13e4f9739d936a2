"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SearchSection } from "@/lib/content/search-sections";

type Hit = { id: string; lessonTitle: string; heading: string; href: string; excerpt: string };
type Searcher = (query: string) => Hit[];

const MAX_HITS = 8;

function excerpt(text: string, query: string): string {
  const first = query.toLowerCase().split(/\s+/).find(Boolean) ?? "";
  const at = first ? text.toLowerCase().indexOf(first) : -1;
  const start = Math.max(0, at - 60);
  const slice = text.slice(start, start + 160);
  return `${start > 0 ? "…" : ""}${slice}${start + 160 < text.length ? "…" : ""}`;
}

/** Loads the index and the search library only when search is first opened. */
async function loadSearcher(): Promise<Searcher> {
  const [{ default: MiniSearch }, response] = await Promise.all([
    import("minisearch"),
    fetch("/search-index.json"),
  ]);
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  const { sections } = (await response.json()) as { sections: SearchSection[] };
  const index = new MiniSearch<SearchSection>({
    fields: ["heading", "text", "lessonTitle"],
    storeFields: ["lesson", "lessonTitle", "heading", "anchor", "text"],
    searchOptions: { boost: { heading: 3, lessonTitle: 2 }, prefix: true, fuzzy: 0.15, combineWith: "AND" },
  });
  index.addAll(sections);
  return (query) =>
    index
      .search(query)
      .slice(0, MAX_HITS)
      .map((result) => {
        const section = result as unknown as SearchSection;
        return {
          id: result.id as string,
          lessonTitle: section.lessonTitle,
          heading: section.heading,
          href: `/learn/${section.lesson}${section.anchor ? `#${section.anchor}` : ""}`,
          excerpt: excerpt(section.text, query),
        };
      });
}

/** The search dialog and its index: loaded by SearchLauncher the first time search is opened. */
export default function SearchDialog({ openCount }: { openCount: number }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const searcherRef = useRef<Promise<Searcher> | null>(null);
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "loading" | "ready" | "error">("idle");
  const listId = useId();
  const router = useRouter();

  const open = useCallback(() => {
    dialogRef.current?.showModal();
    inputRef.current?.select();
    if (!searcherRef.current) {
      setStatus("loading");
      searcherRef.current = loadSearcher();
      searcherRef.current.then(
        () => setStatus("ready"),
        () => {
          searcherRef.current = null;
          setStatus("error");
        },
      );
    }
  }, []);

  // Each request to open (a click or a shortcut in SearchLauncher) bumps `openCount`.
  useEffect(() => {
    if (openCount > 0) open();
  }, [openCount, open]);

  useEffect(() => {
    let cancelled = false;
    const trimmed = query.trim();
    if (!trimmed || status !== "ready" || !searcherRef.current) {
      queueMicrotask(() => !cancelled && setHits([]));
      return () => {
        cancelled = true;
      };
    }
    searcherRef.current.then((search) => {
      if (cancelled) return;
      setHits(search(trimmed));
      setActive(0);
    });
    return () => {
      cancelled = true;
    };
  }, [query, status]);

  function go(hit: Hit) {
    dialogRef.current?.close();
    router.push(hit.href);
  }

  function onInputKey(event: KeyboardEvent<HTMLInputElement>) {
    // A search field's own Escape only clears the text; here Escape closes the dialog.
    if (event.key === "Escape") {
      event.preventDefault();
      dialogRef.current?.close();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter" && hits[active]) {
      event.preventDefault();
      go(hits[active]);
    }
  }

  const activeHit = hits[active];
  const trimmed = query.trim();

  return (
    <>
      <dialog
        ref={dialogRef}
        aria-label="Search lessons"
        className="m-auto mt-[10vh] w-[min(40rem,calc(100vw-1.5rem))] rounded-xl border border-border bg-bg p-0 text-fg shadow-2xl backdrop:bg-black/50"
        onClose={() => setQuery("")}
        onClick={(event) => event.target === dialogRef.current && dialogRef.current?.close()}
      >
        <div className="border-b border-border p-3">
          <label htmlFor={`${listId}-input`} className="sr-only">
            Search the lessons
          </label>
          <input
            ref={inputRef}
            id={`${listId}-input`}
            type="search"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeHit ? `${listId}-${activeHit.id}` : undefined}
            aria-autocomplete="list"
            autoComplete="off"
            placeholder="Search lessons: e.g. start-period, SIGTERM, OOM"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onInputKey}
            className="w-full rounded-md border border-border bg-bg px-3 py-2 text-base"
            data-testid="search-input"
          />
        </div>
        <div className="max-h-[60vh] overflow-y-auto p-2">
          <p aria-live="polite" className="px-2 py-1 text-sm text-fg-muted">
            {status === "loading" && "Loading the index…"}
            {status === "error" && "Search could not load. Check your connection and open it again."}
            {status === "ready" && trimmed && hits.length === 0 && `No section mentions “${trimmed}”.`}
            {status === "ready" &&
              hits.length > 0 &&
              `${hits.length} result${hits.length === 1 ? "" : "s"}. Use arrow keys, Enter to open.`}
          </p>
          <ul id={listId} role="listbox" aria-label="Results">
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={`${listId}-${hit.id}`}
                role="option"
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                onClick={() => go(hit)}
                className={`cursor-pointer rounded-md px-3 py-2 ${index === active ? "bg-accent-soft" : ""}`}
              >
                <span className="block text-xs text-fg-muted">{hit.lessonTitle}</span>
                <span className="block font-medium">{hit.heading}</span>
                <span className="mt-0.5 block text-sm text-fg-muted">{hit.excerpt}</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="border-t border-border px-4 py-2 text-xs text-fg-muted">
          <kbd className="font-mono">↑</kbd> <kbd className="font-mono">↓</kbd> to move ·{" "}
          <kbd className="font-mono">Enter</kbd> to open · <kbd className="font-mono">Esc</kbd> to close
        </p>
      </dialog>
    </>
  );
}
