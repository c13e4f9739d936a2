import type { ItemFlag } from "@/lib/analytics/flags";
import { InlineText } from "@/components/ui/inline-text";

/** Flags as a list; warnings carry a visible word too, so colour is not the only signal. */
export function FlagList({ flags }: { flags: readonly ItemFlag[] }) {
  if (flags.length === 0) return <span className="text-fg-muted">None</span>;
  return (
    <ul className="space-y-1">
      {flags.map((flag) => (
        <li
          key={flag.kind + flag.message}
          className={
            flag.severity === "warning"
              ? "rounded border-l-4 border-warning bg-warning-soft px-2 py-1"
              : "rounded border-l-4 border-border bg-bg-subtle px-2 py-1"
          }
          data-testid={`flag-${flag.kind}`}
        >
          {flag.severity === "warning" && <span className="font-semibold">Check: </span>}
          <InlineText text={flag.message} />
        </li>
      ))}
    </ul>
  );
}
