import type { TimelineDay } from "@/lib/instructor/learner-timeline";
import { dayHeading, timeOnly, TONE_CLASS } from "./format";

/** Activity, newest first, one list per day (times in UTC). */
export function ActivityTimeline({ days }: { days: TimelineDay[] }) {
  if (days.length === 0) return <p className="mt-2 text-fg-muted">No activity yet.</p>;
  return (
    <ol className="mt-3 space-y-4" data-testid="learner-timeline">
      {days.map((day) => (
        <li key={day.day}>
          <h3 className="text-sm font-semibold">
            <time dateTime={day.day}>{dayHeading.format(new Date(`${day.day}T00:00:00Z`))}</time>
          </h3>
          <ul className="mt-1 space-y-1 border-l-2 border-border pl-4">
            {day.events.map((event, index) => (
              <li
                key={`${event.kind}-${event.at.getTime()}-${index}`}
                className="flex flex-wrap items-baseline gap-x-2 text-sm"
              >
                <time dateTime={event.at.toISOString()} className="tabular-nums text-fg-muted">
                  {timeOnly.format(event.at)}
                </time>
                {event.href ? (
                  <a href={event.href} className="underline underline-offset-2">
                    {event.text}
                  </a>
                ) : (
                  <span>{event.text}</span>
                )}
                {event.outcome && (
                  <span className={`rounded px-1.5 text-xs font-medium ${TONE_CLASS[event.outcome.tone]}`}>
                    {event.outcome.label}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
