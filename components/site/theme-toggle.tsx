"use client";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const ORDER = ["system", "light", "dark"] as const;
type ThemeChoice = (typeof ORDER)[number];
const LABEL: Record<ThemeChoice, string> = {
  system: "System theme",
  light: "Light theme",
  dark: "Dark theme",
};
const ICON: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

const subscribeNever = () => () => {};

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // The stored choice is only known in the browser; render a neutral button on the server.
  const mounted = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const current: ThemeChoice =
    mounted && ORDER.includes(theme as ThemeChoice) ? (theme as ThemeChoice) : "system";
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;

  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      className="inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md border border-border px-2 text-sm hover:bg-bg-muted"
      aria-label={`${LABEL[current]}. Switch to ${LABEL[next].toLowerCase()}`}
      title={`${LABEL[current]} (click for ${LABEL[next].toLowerCase()})`}
      data-testid="theme-toggle"
      data-theme-choice={current}
    >
      <span aria-hidden="true">{ICON[current]}</span>
    </button>
  );
}
