import { LOG_PIPELINE } from "@/lib/diagrams/figures";
import { connect, stackBoxes, type Tone } from "@/lib/diagrams/geometry";
import { DiagramFigure } from "./diagram-figure";
import { ArrowLine, ArrowMarkers, DiagramBox, TextAlternative } from "./svg-parts";

const ID = "logging-pipeline";
const TONES: Tone[] = ["accent", "neutral", "warning", "success"];

/** Emit → collect → process and ship → store and query, one box per stage. */
export function LoggingPipeline() {
  const boxes = stackBoxes(
    LOG_PIPELINE.map((s, i) => ({ id: s.stage, lines: [s.stage, s.what, s.examples], tone: TONES[i] ?? "neutral" })),
    { x: 8, y: 8, w: 344, h: 62, gap: 26 },
  );
  const height = boxes.at(-1)!.y + boxes.at(-1)!.h + 8;
  return (
    <DiagramFigure
      id={ID}
      width={360}
      height={height}
      title="Log aggregation pipeline"
      description={LOG_PIPELINE.map((s) => `${s.stage}: ${s.what} (${s.examples})`).join(". ")}
      caption="Every aggregation stack has these four stages; the products differ, the flow does not."
      text={
        <TextAlternative>
          <ol className="list-decimal pl-5">
            {LOG_PIPELINE.map((s) => (
              <li key={s.stage}>
                {s.stage.replace(/^\d+\. /, "")}: {s.what}. {s.examples}.
              </li>
            ))}
          </ol>
        </TextAlternative>
      }
    >
      <ArrowMarkers diagram={ID} />
      {boxes.slice(1).map((box, i) => (
        <ArrowLine key={box.id} diagram={ID} d={connect(boxes[i]!, box).d} />
      ))}
      {boxes.map((box) => (
        <DiagramBox key={box.id} box={box} />
      ))}
    </DiagramFigure>
  );
}
