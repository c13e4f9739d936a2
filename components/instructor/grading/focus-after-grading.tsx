"use client";
import { useEffect } from "react";

/** The element that receives focus when the next answer opens (its heading, or the "all done" heading). */
export const GRADING_FOCUS_ID = "grading-focus-target";

// Set just before "Save and next" or "Skip" navigates, so focus moves only after those and not on a
// first visit (which should start at the top of the page like any other).
let focusPending = false;

export function requestFocusAfterNavigation() {
  focusPending = true;
}

/** Render keyed by the open answer: on mount after a save or skip, moves focus to the new answer. */
export function FocusAfterGrading() {
  useEffect(() => {
    if (!focusPending) return;
    focusPending = false;
    const target = document.getElementById(GRADING_FOCUS_ID);
    target?.focus();
    target?.scrollIntoView({ block: "start" });
  }, []);
  return null;
}
