import type { TimelineEvent, TimelineEventType } from "./types";

export type EventOfType<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>;

/** The events of one type, typed, in timeline order (for charts, narration filters and tests). */
export function eventsOfType<T extends TimelineEventType>(
  events: readonly TimelineEvent[],
  type: T,
): EventOfType<T>[] {
  return events.filter((event): event is EventOfType<T> => event.type === type);
}
