import type { OpsTimeline, SecretsRun } from "@/lib/labs/ops/results";
import type { LabResult } from "@/lib/labs/result-types";
import { Heading } from "./heading";
import { SeriesChart } from "./series-chart";

const OPS_KINDS = new Set(["memory", "cpu", "logging", "secrets"]);

const minutes = (ms: number) => `${Number((ms / 60_000).toFixed(1))} min`;
const secondsOf = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const hoursOrDays = (ms: number) =>
  ms === 0 || ms >= 86_400_000
    ? `${Number((ms / 86_400_000).toFixed(1))} d`
    : `${Number((ms / 3_600_000).toFixed(1))} h`;

/** The spacing of the samples ("5 s"), which is also the window each point sums up. */
const windowOf = (samples: ReadonlyArray<{ t: number }>) =>
  secondsOf(samples.length > 1 ? samples[1]!.t - samples[0]!.t : (samples[0]?.t ?? 1_000));

/**
 * The series behind a resource-limits, logging or secrets result: what `docker stats`, the
 * latency percentiles, the disk and the collector looked like, or the loader's two starts.
 */
export function OpsResultDetails({ result, level }: { result: LabResult; level: number }) {
  const timeline = result.timeline;
  if (!timeline || !OPS_KINDS.has(timeline.kind)) return null;
  const ops = timeline as OpsTimeline;
  const summary = result.summary;
  return (
    <section className="mt-6 border-t border-border pt-4" data-testid="ops-result">
      <Heading level={level} className="font-semibold">
        {ops.kind === "secrets" ? "What the container saw" : "Over time"}
      </Heading>
      {ops.kind === "memory" && summary?.kind === "memory" && (
        <SeriesChart
          title="Memory, as docker stats shows it"
          unit="MiB"
          times={ops.samples.map((sample) => sample.t)}
          formatTime={minutes}
          tickMs={10 * 60_000}
          series={[
            { name: "RAM charged", values: ops.samples.map((s) => (s.running ? s.ramMb : null)) },
            { name: "JavaScript heap", values: ops.samples.map((s) => (s.running ? s.heapMb : null)) },
            { name: "Swap", values: ops.samples.map((s) => (s.running ? s.swapMb : null)) },
          ]}
          limits={[
            {
              label: `--memory ${Math.round(summary.summary.limits.ramMb)} MiB`,
              value: summary.summary.limits.ramMb,
            },
            {
              label: `heap limit ${Math.round(summary.summary.limits.heapMb)} MiB`,
              value: summary.summary.limits.heapMb,
            },
          ]}
        />
      )}
      {ops.kind === "cpu" && (
        <>
          <SeriesChart
            title={`Request latency per ${windowOf(ops.samples)} window`}
            unit="ms"
            times={ops.samples.map((sample) => sample.t)}
            formatTime={secondsOf}
            series={[
              { name: "p99", values: ops.samples.map((s) => s.p99Ms) },
              { name: "p50", values: ops.samples.map((s) => s.p50Ms) },
            ]}
            limits={
              ops.p99TargetMs === null
                ? []
                : [{ label: `target ${ops.p99TargetMs} ms`, value: ops.p99TargetMs }]
            }
          />
          <SeriesChart
            title={`Time throttled by the CPU quota per ${windowOf(ops.samples)} window`}
            unit="ms"
            times={ops.samples.map((sample) => sample.t)}
            formatTime={secondsOf}
            series={[{ name: "throttled", values: ops.samples.map((s) => s.throttledMs) }]}
          />
        </>
      )}
      {ops.kind === "logging" && (
        <>
          <SeriesChart
            title="Log files on the node's disk"
            unit="MB"
            times={ops.diskSamples.map((sample) => sample.t)}
            formatTime={hoursOrDays}
            tickMs={86_400_000}
            series={[{ name: "on disk", values: ops.diskSamples.map((s) => s.diskBytes / 1_000_000) }]}
            limits={
              ops.diskBudgetBytes === null
                ? []
                : [
                    {
                      label: `budget ${ops.diskBudgetBytes / 1_000_000} MB`,
                      value: ops.diskBudgetBytes / 1_000_000,
                    },
                  ]
            }
          />
          <SeriesChart
            title="Shipping to the collector, per second"
            unit="lines or ms"
            times={ops.deliverySamples.map((sample) => sample.t)}
            formatTime={secondsOf}
            series={[
              { name: "lines dropped", values: ops.deliverySamples.map((s) => s.dropped) },
              { name: "ms the app waited on stdout", values: ops.deliverySamples.map((s) => s.stalledMs) },
              { name: "lines delivered", values: ops.deliverySamples.map((s) => s.delivered) },
            ]}
          />
        </>
      )}
      {ops.kind === "secrets" &&
        ops.runs.map((run) => <SecretsRunView key={run.run} run={run} level={level + 1} />)}
    </section>
  );
}

function SecretsRunView({ run, level }: { run: SecretsRun; level: number }) {
  return (
    <div className="mt-4">
      <Heading level={level} className="text-sm font-semibold">
        {run.label}: {run.outcome.started ? "started" : "did not start"}
      </Heading>
      <p className="mt-1 text-sm">
        Files read:{" "}
        {run.reads.length
          ? run.reads.map((path) => (
              <code key={path} className="mr-2 break-all">
                {path}
              </code>
            ))
          : "none"}
      </p>
      {!run.outcome.started && <p className="mt-1 text-sm">Stopped with: {run.outcome.error}</p>}
      <p className="mt-1 text-sm font-semibold">docker logs</p>
      {run.logs.length === 0 ? (
        <p className="text-sm text-fg-muted">Nothing was logged.</p>
      ) : (
        <ol
          className="mt-1 overflow-x-auto rounded-md border border-border bg-bg-subtle p-2 font-mono text-xs"
          data-testid="container-logs"
        >
          {run.logs.map((line, index) => (
            <li key={index} className="whitespace-pre-wrap">
              <span className="text-fg-muted">{line.stream}:</span> {line.text}
            </li>
          ))}
          {run.omittedLogs > 0 && <li className="text-fg-muted">… {run.omittedLogs} more lines left out</li>}
        </ol>
      )}
    </div>
  );
}
