import { CHECK_IDS } from "@/lib/sim/dockerfile/schema";
import type { TextCheck } from "./checks";
import { clock } from "./result";

const DOCKERFILE_LABELS: Record<(typeof CHECK_IDS)[number], string> = {
  "non-root-user": "The container runs as a non-root user",
  "no-secret-build-values": "No secrets in ARG or ENV",
  "no-secret-files": "No secret files from the build context in the image",
  "pinned-base": "Every base image is pinned to a version",
  "no-build-tools": "No compilers or dev dependencies in the final image",
  "exec-form": "CMD or ENTRYPOINT in exec form (the app is PID 1)",
  healthcheck: "A HEALTHCHECK that can run in this image",
  "read-only": "Works with --read-only (writes go to a tmpfs or volume)",
  "port-binding": "Can bind its port with --cap-drop=ALL",
};

/** A text lab's check as a pass criterion, before anything runs. */
export function describeTextCheck(check: TextCheck): string {
  if (check.label) return check.label;
  switch (check.type) {
    case "alert-fires-within":
      return `${check.run}: fires within ${clock(check.withinMs)} of the errors starting`;
    case "alert-stays-quiet":
      return `${check.run}: never fires`;
    case "query-per-label":
      return `One value per ${check.by} at ${clock(check.atMs)}, matching the histogram's own figure`;
    case "dockerfile":
      return DOCKERFILE_LABELS[check.check];
    case "backup-file":
      return "A backup file is in your working directory";
    case "restore-complete":
      return "The restored database holds every order the backup should";
    case "orders-failed":
      return check.max === 0 ? "No order fails while you work" : `At most ${check.max} orders fail while you work`;
    case "incident-cause":
      return "You name the root cause";
    case "incident-fix":
      return "You name a fix that stops it happening again";
  }
}
