/**
 * The logging engine: log files filling a disk under json-file and local rotation, and delivery
 * to a slow remote driver in blocking vs non-blocking mode. Pure and deterministic.
 */
export { simulateDelivery, DeliveryScenarioSchema, DEFAULT_RING_BYTES, type DeliveryResult, type DeliverySample, type DeliveryScenarioInput } from "./delivery";
export { simulateLogFiles, type DiskSample, type LogFilesEvent, type LogFilesResult } from "./files";
export { LogFilesScenarioSchema, LogOptionError, resolveFileOptions, type FileOptions, type LogFilesScenarioInput } from "./files-schema";
export { jsonFileEntryBytes, localEntryBytes, parseSize } from "./sizes";
