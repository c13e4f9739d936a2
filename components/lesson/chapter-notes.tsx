import type { ReactNode } from "react";

/**
 * Notes on where the source chapter's wording differs from what the lesson teaches, for learners
 * who read it. Collapsed, so the lesson teaches the right way first; a native <details>, so it
 * opens with Enter or Space and needs no JavaScript.
 */
export function ChapterNotes({ children }: { children: ReactNode }) {
  return (
    <details data-chapter-notes className="not-prose group my-8 rounded-lg border border-border bg-bg-subtle">
      <summary className="cursor-pointer rounded-lg px-4 py-3 font-semibold">If you read the original chapter</summary>
      <div className="chapter-notes space-y-3 border-t border-border px-4 py-3 text-[0.975rem] [&_a]:underline [&_code]:rounded [&_code]:bg-bg-muted [&_code]:px-1 [&_ul]:list-disc [&_ul]:pl-5">
        {children}
      </div>
    </details>
  );
}
