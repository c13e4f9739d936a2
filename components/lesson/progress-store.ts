"use client";
import { createStore } from "./small-store";
import type { ProgressEntryDto } from "@/lib/progress/progress-schema";
import { mergeLocalProgress, recordLessonEvent, type ProgressResult } from "./progress-actions";

const STORAGE_KEY = "shipshape.lessonProgress.v1";

type Entry = { completedAt: string | null; lastSeenAt: string };
type Entries = Record<string, Entry>;
type Status = "idle" | "loading" | "ready";

type ProgressState = {
  status: Status;
  signedIn: boolean;
  entries: Entries;
  error: string | null;
  /** Writes sent to the server and not yet answered. */
  saving: number;
  load: () => Promise<void>;
  visit: (slug: string) => Promise<void>;
  complete: (slug: string) => Promise<void>;
};

function readLocal(): Entries {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Entries) : {};
  } catch {
    return {};
  }
}

function writeLocal(entries: Entries) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or disabled: progress simply is not kept for anonymous readers.
  }
}

function fromDtos(dtos: ProgressEntryDto[]): Entries {
  return Object.fromEntries(
    dtos.map((dto) => [dto.lessonSlug, { completedAt: dto.completedAt, lastSeenAt: dto.lastSeenAt }]),
  );
}

function toDtos(entries: Entries): ProgressEntryDto[] {
  return Object.entries(entries).map(([lessonSlug, entry]) => ({ lessonSlug, ...entry }));
}

let loading: Promise<void> | null = null;

/**
 * Lesson progress in the browser: from the account when signed in, from
 * localStorage otherwise. Local progress is merged into the account (and then
 * cleared) the first time the reader is seen signed in.
 */
export const useLessonProgress = createStore<ProgressState>((set, get) => {
  async function send(call: () => Promise<ProgressResult>, fallback: Entries) {
    set((state) => ({ saving: state.saving + 1 }));
    try {
      const result = await call();
      if (result.ok) set({ entries: fromDtos(result.entries), error: null });
      else set({ entries: fallback, error: result.error });
    } catch {
      set({
        entries: fallback,
        error: "Could not reach the server; your progress was not saved. Try again.",
      });
    } finally {
      set((state) => ({ saving: state.saving - 1 }));
    }
  }

  function applyLocally(slug: string, complete: boolean): Entries {
    const now = new Date().toISOString();
    const previous = get().entries[slug];
    const entries = {
      ...get().entries,
      [slug]: { completedAt: previous?.completedAt ?? (complete ? now : null), lastSeenAt: now },
    };
    set({ entries });
    return entries;
  }

  return {
    status: "idle",
    signedIn: false,
    entries: {},
    error: null,
    saving: 0,

    load() {
      loading ??= (async () => {
        set({ status: "loading" });
        const local = readLocal();
        try {
          const response = await fetch("/api/progress", { cache: "no-store" });
          const body = (await response.json()) as { signedIn: boolean; entries: ProgressEntryDto[] };
          if (!body.signedIn) {
            set({ status: "ready", signedIn: false, entries: local });
            return;
          }
          set({ status: "ready", signedIn: true, entries: fromDtos(body.entries) });
          if (Object.keys(local).length > 0) {
            const result = await mergeLocalProgress(toDtos(local));
            if (result.ok) {
              window.localStorage.removeItem(STORAGE_KEY);
              set({ entries: fromDtos(result.entries) });
            }
          }
        } catch {
          set({ status: "ready", signedIn: false, entries: local });
        }
      })();
      return loading;
    },

    async visit(slug) {
      await get().load();
      const before = get().entries;
      const entries = applyLocally(slug, false);
      if (get().signedIn) await send(() => recordLessonEvent({ lessonSlug: slug, event: "visit" }), before);
      else writeLocal(entries);
    },

    async complete(slug) {
      await get().load();
      const before = get().entries;
      const entries = applyLocally(slug, true);
      if (get().signedIn)
        await send(() => recordLessonEvent({ lessonSlug: slug, event: "complete" }), before);
      else writeLocal(entries);
    },
  };
});
