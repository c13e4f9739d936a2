/**
 * The settings of the resource-limits and logging labs, kept apart from params-schema.ts so the
 * shared file only spreads them in. Sizes use the unit the real flag is read in: `--memory 512m`
 * is 512 MiB, `max-size=50m` is 50 000 000 bytes (decimal), `max-buffer-size=4m` is 4 MiB.
 */
export const MORE_UNITS = ["MiB", "MB", "files", "millicpus", "option"] as const;

export const OPS_PARAM_KEYS = {
  "memory-config": ["memory", "memorySwap", "maxOldSpaceSize"],
  "cpu-config": ["cpus"],
  "logging-config": ["driver", "maxSize", "maxFile", "mode", "maxBufferSize"],
} as const;
