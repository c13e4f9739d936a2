import { SeriesStore } from "./storage";
import type { Labels } from "./types";

/** A store built by hand for tests: each series as labels plus [seconds, value] pairs. */
export function storeOf(series: Array<[Labels, Array<[number, number]>]>): SeriesStore {
  const store = new SeriesStore();
  for (const [labels, points] of series) store.add({ labels, points: points.map(([s, v]) => ({ t: s * 1000, v })) });
  return store;
}

/** A counter sampled every `every` s from `from` to `to` s, value = perSecond × t + offset. */
export function counter(from: number, to: number, every: number, perSecond: number, offset = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = from; s <= to; s += every) out.push([s, perSecond * s + offset]);
  return out;
}
