import type { ShutdownExperiment } from "@/lib/labs/experiment-schema";
import {
  CheckboxField,
  Group,
  NumberField,
  NumberListField,
  SelectField,
  type Problems,
} from "./experiment-fields";

type Props = { value: ShutdownExperiment; onChange: (next: ShutdownExperiment) => void; problems: Problems };

const PLATFORMS = [
  { value: "docker", label: "docker stop (default grace 10 s)" },
  { value: "compose", label: "docker compose stop (default 10 s)" },
  { value: "swarm", label: "Swarm service (default 10 s)" },
  { value: "kubernetes", label: "Kubernetes Pod (default 30 s)" },
] as const;

const LAUNCHES = [
  { value: "exec", label: 'CMD ["node", "server.js"]: Node is PID 1' },
  { value: "init", label: "docker run --init: tini forwards signals" },
  { value: "npm", label: "CMD npm start: npm in front of Node" },
] as const;

/** The platform around the learner's SIGTERM handler, when the stop comes, and the traffic it meets. */
export function ShutdownExperimentFields({ value, onChange, problems }: Props) {
  const set = (fields: Partial<ShutdownExperiment>) => onChange({ ...value, ...fields });
  return (
    <>
      <Group legend="Platform">
        <SelectField
          label="Who stops the container"
          value={value.platform}
          options={PLATFORMS}
          onChange={(platform) =>
            set({ platform, ...(platform === "kubernetes" ? {} : { preStopSeconds: 0 }) })
          }
          problem={problems.platform}
        />
        <NumberField
          label="Grace period (seconds)"
          value={value.gracePeriodSeconds}
          min={1}
          max={120}
          onChange={(gracePeriodSeconds) => set({ gracePeriodSeconds })}
          help="Time from the stop signal (Kubernetes: from the Pod's deletion) to SIGKILL."
          problem={problems.gracePeriodSeconds}
        />
        <NumberField
          label="preStop sleep (seconds)"
          value={value.preStopSeconds}
          min={0}
          max={60}
          onChange={(preStopSeconds) => set({ preStopSeconds })}
          help="Kubernetes only: SIGTERM waits for it, and it counts against the grace period."
          problem={problems.preStopSeconds}
        />
        <SelectField
          label="How the app is launched"
          value={value.launch}
          options={LAUNCHES}
          onChange={(launch) => set({ launch })}
          problem={problems.launch}
        />
      </Group>
      <Group legend="Timing and load">
        <NumberField
          label="The stop begins at (seconds)"
          value={value.stopAtSeconds}
          min={0}
          max={60}
          onChange={(stopAtSeconds) => set({ stopAtSeconds })}
          help="When docker stop runs or the Pod is deleted; SIGTERM follows (after preStop)."
          problem={problems.stopAtSeconds}
        />
        <NumberListField
          label="Long requests from 0 s (seconds each)"
          value={value.longRequestsSeconds}
          onChange={(longRequestsSeconds) => set({ longRequestsSeconds })}
          help="Comma-separated, up to 6, e.g. 2, 4, 12."
          problem={
            problems.longRequestsSeconds ??
            Object.entries(problems).find(([path]) => path.startsWith("longRequestsSeconds."))?.[1]
          }
        />
        <NumberField
          label="New requests per second"
          value={value.requestsPerSecond}
          min={0}
          max={10}
          onChange={(requestsPerSecond) => set({ requestsPerSecond })}
          help="A steady stream until SIGKILL is due; 0 for none."
          problem={problems.requestsPerSecond}
        />
        <NumberField
          label="Each new request takes (ms)"
          value={value.requestMs}
          min={1}
          max={10_000}
          onChange={(requestMs) => set({ requestMs })}
          problem={problems.requestMs}
        />
        <CheckboxField
          label="Keep-alive connections"
          checked={value.keepAlive}
          onChange={(keepAlive) => set({ keepAlive })}
          help="On: each client reuses one connection for its requests. Off: a new connection per request."
        />
      </Group>
    </>
  );
}
