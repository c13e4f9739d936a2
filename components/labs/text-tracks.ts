import type { TextDetails } from "@/lib/labs/text/result";
import { alertTrack } from "./alert-chart-data";
import { incidentTrack } from "./incident-chart-data";
import type { Track } from "./timeline-data";

/** The text labs' charts as tracks for the shared timeline (track-section.tsx): one per run. */
export function textTracksOf(details: TextDetails): Track[] {
  switch (details.kind) {
    case "alert":
      return details.runs.flatMap((run) => alertTrack(run, details.rule) ?? []);
    case "commands":
      return details.lifecycle ? [incidentTrack(details.lifecycle)] : [];
    default:
      return [];
  }
}
