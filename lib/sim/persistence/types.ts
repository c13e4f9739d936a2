import type { IdRanges } from "./orders";

/**
 * What a PostgreSQL data directory holds, as far as the lab cares: the orders a lookup finds,
 * orders present in the table but missing from its index (a torn copy), and whether the
 * directory was left by a clean shutdown.
 */
export type PgData = { kind: "pgdata"; orders: IdRanges; unindexed: IdRanges; clean: boolean };

/** A host file: a logical dump, or an archive of a data directory. */
export type HostFile =
  | { kind: "dump"; orders: IdRanges; takenAt: number; coversUpTo: number }
  | { kind: "tar"; data: PgData; takenAt: number; torn: boolean; coversUpTo: number };
/* coversUpTo: the last order id committed when the backup finished (a dump: when its snapshot
   was taken) — what an operator would believe the backup holds. */

export type Volume = {
  name: string;
  /** Created implicitly for an image's VOLUME or `-v /path`: labelled com.docker.volume.anonymous. */
  anonymous: boolean;
  /** Compose project that created it (com.docker.compose.project), if any. */
  project: string | null;
  createdAt: number;
};

export type Mount =
  | { type: "volume"; source: string; target: string; readOnly: boolean; /** from -v NAME:… (named) vs implicit */ named: boolean }
  | { type: "bind"; source: string; target: string; readOnly: boolean };

export type Container = {
  name: string;
  image: string;
  mounts: Mount[];
  state: "running" | "exited";
  autoRemove: boolean;
  project: string | null;
  startedAt: number | null;
};

export type ComposeProject = {
  name: string;
  services: Record<string, { image: string; volumes: string[] }>;
  /** Top-level volumes; external ones are never created or removed by Compose. */
  volumes: Record<string, { external?: boolean }>;
};

export type CommandResult = { command: string; ok: boolean; output: string[]; error: string | null; at: number };
