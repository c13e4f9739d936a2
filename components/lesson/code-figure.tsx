import type { ComponentProps } from "react";
import { CopyButton } from "./copy-button";

type FigureProps = ComponentProps<"figure"> & {
  "data-code-figure"?: string;
  "data-title"?: string;
  "data-language"?: string;
};

/** Shiki's figure (see lib/content/shiki-code-figure.ts) with a caption and a copy button. */
export function CodeFigure(props: FigureProps) {
  const {
    "data-code-figure": isCode,
    "data-title": title,
    "data-language": language,
    children,
    ...rest
  } = props;
  if (isCode === undefined) return <figure {...rest}>{children}</figure>;
  return (
    <figure {...rest} className="code-figure not-prose my-6" data-code-figure="" data-language={language}>
      <figcaption>
        <span className="truncate">{title ?? language ?? "code"}</span>
        <CopyButton label={title ?? "code"} />
      </figcaption>
      {children}
    </figure>
  );
}
