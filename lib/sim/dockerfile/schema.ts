import { z } from "zod";

const AbsPath = z.string().regex(/^\//, "must be an absolute path");

/**
 * What the lab scenario knows beyond the Dockerfile: the build context, how the container is run
 * and what the app does at run time.
 */
export const DockerfileScenarioSchema = z.object({
  dockerfile: z.string().max(20_000),
  /** The .dockerignore text; "" when there is none. */
  dockerignore: z.string().max(10_000).default(""),
  /** Files in the build context, relative slash paths ("src/index.js", ".env"). */
  context: z.array(z.string().min(1)).max(2_000).default([]),
  run: z
    .object({
      /** docker run --read-only. */
      readOnly: z.boolean().default(true),
      /** --tmpfs and -v/--mount targets the operator will give the container. */
      writable: z.array(AbsPath).default([]),
      capDrop: z.array(z.string()).default(["ALL"]),
      capAdd: z.array(z.string()).default([]),
      /**
       * net.ipv4.ip_unprivileged_port_start in the container's network namespace. The kernel's
       * default is 1024; Docker ≥ 20.10 lowers it to 0 for containers with their own network
       * namespace (moby#41030), Kubernetes and host networking keep 1024.
       */
      unprivilegedPortStart: z.number().int().min(0).max(65_536).default(1024),
    })
    .default({ readOnly: true, writable: [], capDrop: ["ALL"], capAdd: [], unprivilegedPortStart: 1024 }),
  app: z
    .object({
      /** Paths the app writes at run time; `env` names the variable that can move it. */
      writes: z.array(z.object({ path: AbsPath, env: z.string().optional() })).default([]),
      /** The port the app listens on, and the variable that sets it. */
      listen: z.object({ port: z.number().int().min(1).max(65_535), env: z.string().optional() }).optional(),
    })
    .default({ writes: [] }),
});

export type DockerfileScenarioInput = z.input<typeof DockerfileScenarioSchema>;
export type DockerfileScenario = z.output<typeof DockerfileScenarioSchema>;

export const CHECK_IDS = [
  "non-root-user",
  "no-secret-build-values",
  "no-secret-files",
  "pinned-base",
  "no-build-tools",
  "exec-form",
  "healthcheck",
  "read-only",
  "port-binding",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckResult = {
  id: CheckId;
  title: string;
  pass: boolean;
  /** The offending line (1-based), or null when the problem is not on one line. */
  line: number | null;
  message: string;
};
