/**
 * The persistence engine: a simulated Docker host with containers, named and anonymous volumes,
 * bind mounts, Compose and a PostgreSQL database taking orders, driven by real CLI text.
 */
export { DockerHost, type HostOptions } from "./host";
export { countIds, type IdRanges } from "./orders";
export type * from "./types";
