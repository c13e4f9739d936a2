"use client";
import { create } from "zustand";
import type { Answer } from "@/lib/grading/answer-schema";
import type { PracticeFeedback } from "@/lib/questions/practice";
import { saveAnswer } from "./actions";

export type SaveState = "saved" | "pending" | "saving" | "retrying" | "failed";

type AttemptState = {
  attemptId: string;
  answers: Record<string, Answer>;
  saveState: Record<string, SaveState>;
  saveError: Record<string, string>;
  feedback: Record<string, PracticeFeedback>;
  init: (
    attemptId: string,
    saved: Record<string, Answer>,
    feedback: Record<string, PracticeFeedback>,
  ) => void;
  setAnswer: (questionId: string, answer: Answer, options?: { immediate?: boolean }) => void;
  setFeedback: (questionId: string, feedback: PracticeFeedback) => void;
  flush: () => Promise<boolean>;
};

const DEBOUNCE_MS = 400;
const MAX_BACKOFF_MS = 15_000;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const backoff = new Map<string, number>();

function storageKey(attemptId: string) {
  return `shipshape.unsaved.${attemptId}`;
}

/** Unsaved answers survive a reload or a closed tab: they are kept locally until the server has them. */
function keepLocally(attemptId: string, unsaved: Record<string, Answer>) {
  try {
    if (Object.keys(unsaved).length === 0) window.localStorage.removeItem(storageKey(attemptId));
    else window.localStorage.setItem(storageKey(attemptId), JSON.stringify(unsaved));
  } catch {
    // Private mode or full storage: the in-memory queue still retries.
  }
}

function readLocal(attemptId: string): Record<string, Answer> {
  try {
    return JSON.parse(window.localStorage.getItem(storageKey(attemptId)) ?? "{}") as Record<string, Answer>;
  } catch {
    return {};
  }
}

export const useAttempt = create<AttemptState>((set, get) => {
  function unsaved(): Record<string, Answer> {
    const { answers, saveState } = get();
    return Object.fromEntries(Object.entries(answers).filter(([id]) => saveState[id] !== "saved"));
  }

  async function send(questionId: string) {
    timers.delete(questionId);
    const { attemptId, answers } = get();
    const answer = answers[questionId];
    if (!answer) return;
    set((state) => ({ saveState: { ...state.saveState, [questionId]: "saving" } }));
    try {
      const result = await saveAnswer({ attemptId, questionId, answer });
      // A newer answer may have been typed while this one was in flight: it has its own save queued.
      if (get().answers[questionId] !== answer) return;
      if (result.ok) {
        backoff.delete(questionId);
        set((state) => ({ saveState: { ...state.saveState, [questionId]: "saved" } }));
      } else if (result.retryable) {
        // "Saving paused" (database away): same path as a network failure below.
        throw new Error(result.error);
      } else {
        set((state) => ({
          saveState: { ...state.saveState, [questionId]: "failed" },
          saveError: { ...state.saveError, [questionId]: result.error },
        }));
      }
    } catch {
      // Network or server down: keep the answer and try again later.
      const delay = Math.min((backoff.get(questionId) ?? 500) * 2, MAX_BACKOFF_MS);
      backoff.set(questionId, delay);
      set((state) => ({ saveState: { ...state.saveState, [questionId]: "retrying" } }));
      timers.set(
        questionId,
        setTimeout(() => void send(questionId), delay),
      );
    }
    keepLocally(get().attemptId, unsaved());
  }

  function schedule(questionId: string, delay: number) {
    clearTimeout(timers.get(questionId));
    timers.set(
      questionId,
      setTimeout(() => void send(questionId), delay),
    );
  }

  if (typeof window !== "undefined") {
    window.addEventListener("online", () => {
      for (const [questionId, state] of Object.entries(get().saveState)) {
        if (state === "retrying") schedule(questionId, 0);
      }
    });
  }

  return {
    attemptId: "",
    answers: {},
    saveState: {},
    saveError: {},
    feedback: {},

    init(attemptId, saved, feedback) {
      if (get().attemptId === attemptId) return;
      const local = readLocal(attemptId);
      const answers = { ...saved, ...local };
      const saveState = Object.fromEntries(
        Object.keys(answers).map((id) => [id, id in local ? ("pending" as const) : ("saved" as const)]),
      );
      set({ attemptId, answers, saveState, saveError: {}, feedback });
      for (const questionId of Object.keys(local)) schedule(questionId, 0);
    },

    setAnswer(questionId, answer, options) {
      set((state) => ({
        answers: { ...state.answers, [questionId]: answer },
        saveState: { ...state.saveState, [questionId]: "pending" },
      }));
      keepLocally(get().attemptId, unsaved());
      schedule(questionId, options?.immediate ? 0 : DEBOUNCE_MS);
    },

    setFeedback(questionId, feedback) {
      set((state) => ({ feedback: { ...state.feedback, [questionId]: feedback } }));
    },

    /** Sends everything still pending now; true when the server has every answer. */
    async flush() {
      const waiting = Object.entries(get().saveState).filter(
        ([, state]) => state !== "saved" && state !== "failed",
      );
      await Promise.all(waiting.map(([questionId]) => send(questionId)));
      return Object.values(get().saveState).every((state) => state === "saved");
    },
  };
});

export function saveSummary(saveState: Record<string, SaveState>): {
  text: string;
  tone: "ok" | "busy" | "warn";
} {
  const states = Object.values(saveState);
  const retrying = states.filter((state) => state === "retrying").length;
  const failed = states.filter((state) => state === "failed").length;
  if (failed > 0)
    return {
      text: `${failed} answer${failed === 1 ? "" : "s"} could not be saved — see the message by the question.`,
      tone: "warn",
    };
  if (retrying > 0)
    return {
      text: `Offline? ${retrying} answer${retrying === 1 ? "" : "s"} waiting to save; retrying automatically.`,
      tone: "warn",
    };
  if (states.some((state) => state === "pending" || state === "saving"))
    return { text: "Saving…", tone: "busy" };
  return { text: states.length ? "All answers saved" : "Answers save as you go", tone: "ok" };
}
