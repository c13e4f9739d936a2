import { inlineCodeSegments } from "@/lib/text/inline-code";

/** Question text with its `code` spans set in code type (everything stays React text: nothing is parsed as HTML). */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {inlineCodeSegments(text).map((segment, index) =>
        segment.code ? (
          <code key={index} className="inline-code">
            {segment.text}
          </code>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
