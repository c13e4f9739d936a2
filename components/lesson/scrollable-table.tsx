import type { ComponentProps } from "react";

/**
 * Lesson tables scroll sideways on narrow screens; the wrapper is focusable so keyboard users can
 * scroll them too (axe: scrollable-region-focusable).
 */
export function ScrollableTable(props: ComponentProps<"table">) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table {...props} />
    </div>
  );
}
