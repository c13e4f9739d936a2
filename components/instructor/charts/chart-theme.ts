/**
 * Chart colours are the CSS tokens from app/globals.css, passed to recharts as `var(--…)` strings:
 * the SVG picks up the light or dark value of the token, so a theme switch needs no re-render.
 * Each token is at least 3:1 against the page background in both themes (WCAG non-text contrast).
 */
export const CHART_COLOURS = {
  primary: "var(--accent)",
  completed: "var(--success)",
  inProgress: "var(--warning)",
  notStarted: "var(--fg-muted)",
  secondary: "var(--fg-muted)",
  grid: "var(--border)",
  text: "var(--fg-muted)",
  background: "var(--bg)",
} as const;

export const AXIS_TICK = { fill: CHART_COLOURS.text, fontSize: 12 } as const;

export const TOOLTIP_STYLE = {
  contentStyle: {
    background: "var(--bg)",
    border: "1px solid var(--border)",
    borderRadius: 8,
    color: "var(--fg)",
    fontSize: 13,
  },
  labelStyle: { color: "var(--fg)", fontWeight: 600 },
  itemStyle: { color: "var(--fg)" },
  cursor: { fill: "var(--bg-muted)" },
} as const;

export const CHART_STYLE = { width: "100%", height: 260 } as const;
