import { MOUNTS } from "@/lib/diagrams/figures";
import { connect, type Box } from "@/lib/diagrams/geometry";
import { DiagramFigure } from "./diagram-figure";
import { ArrowLine, ArrowMarkers, DiagramBox, Label, TextAlternative } from "./svg-parts";

const ID = "volume-vs-bind-mount";
const COL = 112;
const GAP = 8;

/** One container, three mounts, and where on the host each one's data really lives. */
export function VolumeVsBindMount() {
  const x = (i: number) => 6 + i * (COL + GAP);
  const inside: Box[] = MOUNTS.map((m, i) => ({ id: `c-${m.kind}`, lines: [...m.container], x: x(i), y: 44, w: COL, h: 44, tone: "neutral" }));
  const outside: Box[] = MOUNTS.map((m, i) => ({ id: `h-${m.kind}`, lines: [...m.host], x: x(i), y: 186, w: COL, h: 58, tone: m.tone }));
  return (
    <DiagramFigure
      id={ID}
      width={360}
      height={300}
      title="Named volume, bind mount and tmpfs: where the data lives"
      description={MOUNTS.map((m) => `A ${m.kind} at ${m.container.join("")} keeps its data in ${m.host.join(" ")}: ${m.note.join(" ")}`).join(". ")}
      caption="Same container, three mounts. A named volume lives in Docker's own area and outlives the container; a bind mount is any host path you pick; tmpfs never touches disk."
      text={
        <TextAlternative>
          <ul>
            {MOUNTS.map((m) => (
              <li key={m.kind}>
                {m.kind}: container path {m.container.join("")}, data in {m.host.join(" ")}; {m.note.join(" ")}
              </li>
            ))}
          </ul>
        </TextAlternative>
      }
    >
      <ArrowMarkers diagram={ID} />
      <rect x={1} y={6} width={358} height={92} rx={8} className="fill-none stroke-border" strokeDasharray="4 3" />
      <text x={8} y={24} fontSize={12} fontWeight={700} className="fill-fg">
        container orders-db
      </text>
      <rect x={1} y={148} width={358} height={104} rx={8} className="fill-none stroke-border" strokeDasharray="4 3" />
      <text x={8} y={168} fontSize={12} fontWeight={700} className="fill-fg">
        host
      </text>
      {MOUNTS.map((m, i) => {
        const arrow = connect(outside[i]!, inside[i]!);
        return (
          <g key={m.kind}>
            <ArrowLine diagram={ID} d={arrow.d} tone={m.tone} />
            <Label at={arrow.label} lines={[m.kind]} />
            {m.note.map((line, j) => (
              <text key={line} x={x(i) + COL / 2} y={270 + j * 13} fontSize={10.5} textAnchor="middle" className="fill-fg-muted">
                {line}
              </text>
            ))}
          </g>
        );
      })}
      {[...inside, ...outside].map((box) => (
        <DiagramBox key={box.id} box={box} size={11} />
      ))}
    </DiagramFigure>
  );
}
