import { SCRAPE_TARGETS } from "@/lib/diagrams/figures";
import { connect, stackBoxes, type Box } from "@/lib/diagrams/geometry";
import { DiagramFigure } from "./diagram-figure";
import { ArrowLine, ArrowMarkers, DiagramBox, Label, TextAlternative } from "./svg-parts";

const ID = "prometheus-topology";

/** Prometheus in the middle, pulling from every target; Grafana asks it, Alertmanager hears from it. */
export function PrometheusTopology() {
  const targets = stackBoxes(
    SCRAPE_TARGETS.map((t) => ({ id: t.name, lines: [t.name, t.address], tone: "neutral" as const })),
    { x: 6, y: 34, w: 150, h: 40, gap: 10 },
  );
  const bottom = targets.at(-1)!.y + targets.at(-1)!.h;
  const prometheus: Box = { id: "prometheus", lines: ["Prometheus", "stores samples,", "adds up, job,", "instance"], x: 222, y: (34 + bottom) / 2 - 40, w: 132, h: 80, tone: "accent" };
  const grafana: Box = { id: "grafana", lines: ["Grafana", "dashboards"], x: 222, y: 34, w: 132, h: 40, tone: "success" };
  const alertmanager: Box = { id: "alertmanager", lines: ["Alertmanager", "routes alerts"], x: 222, y: bottom - 40, w: 132, h: 40, tone: "warning" };
  const query = connect(grafana, prometheus);
  const alerts = connect(prometheus, alertmanager);
  return (
    <DiagramFigure
      id={ID}
      width={360}
      height={bottom + 10}
      title="Prometheus pull topology"
      description={`Prometheus sends GET /metrics to each target every scrape interval: ${SCRAPE_TARGETS.map((t) => t.name).join(", ")}. Grafana queries Prometheus with PromQL; Prometheus evaluates alert rules and sends firing alerts to Alertmanager.`}
      caption="Arrows point the way requests go: Prometheus calls the targets, not the other way round. A target that cannot be reached shows up as up == 0. Short-lived batch jobs push to a Pushgateway, which Prometheus then scrapes."
      text={
        <TextAlternative>
          <ul>
            {SCRAPE_TARGETS.map((t) => (
              <li key={t.name}>
                Prometheus scrapes {t.name} at {t.address}
              </li>
            ))}
            <li>Grafana queries Prometheus with PromQL</li>
            <li>Prometheus sends firing alerts to Alertmanager</li>
          </ul>
        </TextAlternative>
      }
    >
      <ArrowMarkers diagram={ID} />
      <text x={8} y={22} fontSize={12} fontWeight={700} className="fill-fg">
        GET /metrics, every scrape_interval
      </text>
      {targets.map((target) => (
        <ArrowLine key={target.id} diagram={ID} d={connect(prometheus, target).d} tone="accent" />
      ))}
      <ArrowLine diagram={ID} d={query.d} tone="success" />
      <Label at={query.label} lines={["PromQL"]} />
      <ArrowLine diagram={ID} d={alerts.d} tone="warning" />
      <Label at={alerts.label} lines={["alerts"]} />
      {[...targets, prometheus, grafana, alertmanager].map((box) => (
        <DiagramBox key={box.id} box={box} />
      ))}
    </DiagramFigure>
  );
}
