export type Tone = "success" | "warning" | "danger" | "neutral";

const TONE: Record<Tone, string> = {
  success: "border-success bg-success-soft",
  warning: "border-warning bg-warning-soft",
  danger: "border-danger bg-danger-soft",
  neutral: "border-border bg-bg-muted",
};

/** A verdict in a word and a symbol as well as a colour, so nothing is told by colour alone. */
export function StatusPill({
  tone,
  icon,
  label,
  as: Tag = "span",
}: {
  tone: Tone;
  icon: string;
  label: string;
  as?: "span" | "p";
}) {
  return (
    <Tag
      className={`inline-flex items-center gap-1 rounded border px-1.5 text-sm font-semibold whitespace-nowrap ${TONE[tone]}`}
    >
      <span aria-hidden="true">{icon}</span>
      {label}
    </Tag>
  );
}
