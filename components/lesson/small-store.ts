"use client";
import { useSyncExternalStore } from "react";

type SetState<T> = (partial: Partial<T> | ((state: T) => Partial<T>)) => void;

/**
 * The few lines of zustand's `create` that lesson pages use, so every lesson does not ship the
 * library (quizzes and labs, which need more, still use zustand). Selectors must return stored
 * values (or primitives), not new objects, as with zustand without `useShallow`.
 */
export function createStore<T extends object>(init: (set: SetState<T>, get: () => T) => T) {
  let state: T;
  const listeners = new Set<() => void>();
  const get = () => state;
  const set: SetState<T> = (partial) => {
    const next = typeof partial === "function" ? partial(state) : partial;
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  state = init(set, get);
  const initial = state;
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return function useStore<U>(selector: (state: T) => U): U {
    return useSyncExternalStore(
      subscribe,
      () => selector(state),
      () => selector(initial),
    );
  };
}
