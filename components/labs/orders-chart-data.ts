import type { OrderCounts } from "@/lib/labs/text/result";
import type { ChartMoment, ChartSeries } from "./series-chart";

export type OrdersChart = { times: number[]; series: ChartSeries[]; moments: ChartMoment[]; summary: string };

/**
 * The backup lab's order counts as series for the shared line chart (series-chart.tsx): orders in
 * orders-db, in the best backup so far, in the restore container, and failed orders when there
 * were any; each backup file's moment as a rule. Null while there is nothing to draw (no command).
 */
export function ordersChart(orders: OrderCounts): OrdersChart | null {
  if (orders.samples.length < 2) return null;
  const samples = orders.samples;
  const series: ChartSeries[] = [
    { name: "in orders-db", values: samples.map((sample) => sample.db) },
    { name: "in your backup", values: samples.map((sample) => sample.backup) },
    { name: `in ${orders.restoreContainer}`, values: samples.map((sample) => sample.restored) },
  ];
  const failed = samples.at(-1)!.failed;
  if (failed > 0)
    series.push({ name: "failed (database down)", values: samples.map((sample) => sample.failed) });
  const moments = orders.backups.map((backup) => ({
    atMs: backup.atMs,
    label: `${backup.file} ${backup.kind === "dump" ? "dumped" : "copied"} at ${Number((backup.atMs / 1000).toFixed(1))} s`,
  }));
  const last = samples.at(-1)!;
  const parts = [
    `orders-db ${last.db === null ? "is gone" : `holds ${last.db} orders`}`,
    last.backup === null ? "there is no backup" : `your backup holds ${last.backup}`,
    last.restored === null
      ? `there is no ${orders.restoreContainer}`
      : `${orders.restoreContainer} answers for ${last.restored}`,
  ];
  if (failed > 0) parts.push(`${failed} orders failed`);
  return {
    times: samples.map((sample) => sample.atMs),
    series,
    moments,
    summary: `At the end: ${parts.join(", ")}.`,
  };
}
