"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PublicLab } from "./public-lab";

// The workbench (and Monaco behind it) is a separate chunk, fetched only once the lab is wanted.
const LabWorkbench = dynamic(() => import("./lab-workbench").then((module) => module.LabWorkbench), {
  ssr: false,
  loading: () => (
    <p className="mt-4 text-sm text-fg-muted" role="status">
      Loading the lab…
    </p>
  ),
});

const noSubscription = () => () => {};

/**
 * Keeps a lesson page light: nothing of the workbench loads until the lab scrolls near the
 * viewport or the learner presses the button (which also works without IntersectionObserver).
 */
export function LabEmbedLoader({ lab, headingLevel }: { lab: PublicLab; headingLevel: number }) {
  const [open, setOpen] = useState(false);
  // The button is static HTML until React takes over; until then a press would do nothing.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const placeholder = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const element = placeholder.current;
    if (open || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setOpen(true);
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [open]);

  if (open) return <LabWorkbench lab={lab} initial={null} headingLevel={headingLevel} syncUrl={false} />;
  return (
    <div ref={placeholder} className="mt-4">
      <button
        type="button"
        onClick={() => setOpen(true)}
        disabled={!hydrated}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
      >
        Open the lab here
      </button>
    </div>
  );
}
