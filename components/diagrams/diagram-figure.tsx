import type { ReactNode } from "react";

/**
 * Every lesson diagram: an SVG with role="img", named by its <title> and described by its <desc>,
 * a caption, and the same facts as text in a collapsed section for anyone who cannot see it.
 */
export function DiagramFigure({
  id,
  title,
  description,
  caption,
  width,
  height,
  text,
  children,
}: {
  id: string;
  title: string;
  description: string;
  caption: ReactNode;
  width: number;
  height: number;
  text: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="not-prose my-8" data-diagram={id}>
      <div className="rounded-lg border border-border bg-bg p-2 sm:p-4">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="mx-auto block h-auto w-full max-w-xl font-sans"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {children}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-fg-muted">{caption}</figcaption>
      <details className="mt-2 rounded border border-border px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium">{title}, as text</summary>
        {text}
      </details>
    </figure>
  );
}
