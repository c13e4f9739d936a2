"use client";
import { useEffect } from "react";
import type { Grade } from "ts-fsrs";

/** Keys typed into these stay theirs: Space there types or toggles, it does not reveal or rate. */
function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.tagName === "SUMMARY"
  )
    return true;
  if (target instanceof HTMLInputElement) return target.type !== "radio";
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !["radio", "checkbox"].includes(target.type))
  );
}

/**
 * Anki's keys, anywhere on the page: Space shows the answer, then rates the default;
 * 1–4 rate once the answer is shown. Text boxes, checkboxes, buttons and links keep their own keys.
 */
export function useReviewKeys({
  active,
  revealed,
  defaultRating,
  rate,
  reveal,
}: {
  active: boolean;
  revealed: boolean;
  defaultRating: Grade | undefined;
  rate: (rating: Grade) => void;
  reveal: () => void;
}) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || !active) return;
      if (event.key === " " && !ownsSpace(event.target)) {
        event.preventDefault();
        if (revealed && defaultRating) rate(defaultRating);
        else reveal();
        return;
      }
      if (revealed && /^[1-4]$/.test(event.key) && !typing(event.target)) {
        event.preventDefault();
        rate(Number(event.key) as Grade);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [active, revealed, defaultRating, rate, reveal]);
}
