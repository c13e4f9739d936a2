import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission } from "@/lib/labs/test-helpers";
import { ordersChart } from "./orders-chart-data";

const lab = getLab("back-up-and-restore-orders")!;
const ordersOf = (text: string) => {
  const details = evaluateLab(lab, { labSlug: lab.slug, text }, null).text!;
  if (details.kind !== "commands" || !details.orders) throw new Error("no order counts");
  return details.orders;
};

describe("the backup lab's orders over time", () => {
  it("the solution: the dump holds the 1210 orders of its snapshot, the restore answers for all of them", () => {
    const orders = ordersOf((solutionSubmission(lab) as { text: string }).text);
    // 2 orders/s: 1200 after the 10-minute warm-up, +10 per 5 s of thought. pg_dump copies
    // 1210 × 2 kB = 2.42 MB at 10 MB/s: 242 ms, holding the 1210 orders of its snapshot. The new
    // container starts empty (0) at 15.242 s; pg_restore takes another 242 ms and brings back 1210.
    expect(orders.samples).toEqual([
      { atMs: 0, db: 1200, backup: null, restored: null, failed: 0 },
      { atMs: 5_000, db: 1210, backup: null, restored: null, failed: 0 },
      { atMs: 5_242, db: 1210, backup: 1210, restored: null, failed: 0 },
      { atMs: 10_242, db: 1220, backup: 1210, restored: null, failed: 0 },
      { atMs: 15_242, db: 1230, backup: 1210, restored: 0, failed: 0 },
      { atMs: 20_242, db: 1240, backup: 1210, restored: 0, failed: 0 },
      { atMs: 20_484, db: 1240, backup: 1210, restored: 1210, failed: 0 },
    ]);
    expect(orders.backups).toEqual([{ atMs: 5_242, file: "orders.dump", kind: "dump" }]);
    const chart = ordersChart(orders)!;
    expect(chart.series.map((s) => s.name)).toEqual(["in orders-db", "in your backup", "in orders-restore"]);
    expect(chart.series[2]!.values).toEqual([null, null, null, null, 0, 0, 1210]);
    expect(chart.moments).toEqual([{ atMs: 5_242, label: "orders.dump dumped at 5.2 s" }]);
    expect(chart.summary).toBe(
      "At the end: orders-db holds 1240 orders, your backup holds 1210, orders-restore answers for 1210.",
    );
  });

  it("stopping the database: orders fail while it is down, and the chart adds that line", () => {
    // Stopped at 5 s (1210 orders); the next 5 s of thought are 10 failed orders; started again at 10 s.
    const orders = ordersOf("docker stop orders-db\ndocker start orders-db");
    expect(orders.samples.map((s) => [s.atMs, s.db, s.failed])).toEqual([
      [0, 1200, 0],
      [5_000, 1210, 0],
      [10_000, 1210, 10],
    ]);
    const chart = ordersChart(orders)!;
    expect(chart.series.at(-1)).toEqual({ name: "failed (database down)", values: [0, 0, 10] });
    expect(chart.moments).toEqual([]);
    expect(chart.summary).toBe(
      "At the end: orders-db holds 1210 orders, there is no backup, there is no orders-restore, 10 orders failed.",
    );
  });

  it("nothing typed yet: no chart", () => {
    expect(ordersChart(ordersOf(""))).toBeNull();
  });
});
