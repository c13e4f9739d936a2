/**
 * Bytes each driver writes per log line, and Docker's size units.
 *
 * json-file (moby daemon/logger/jsonfilelog: marshalMessage, jsonlog.JSONLogs.MarshalJSONBuf):
 *   {"log":"<line>\n","stream":"stdout","time":"2026-12-07T02:41:00.123456789Z"}\n
 * The line keeps its newline (escaped as two characters), the time is RFC 3339 with nanoseconds.
 * local (moby daemon/logger/local: marshal, logdriver.LogEntry protobuf): a 4-byte length before
 * and after a protobuf entry: source (1 + 1 + 6), time_nano (1 + 9-byte varint), line
 * (1 + varint length + bytes, the newline stripped by the copier).
 */

/** An ASCII line needing no JSON escaping, `lineBytes` long without its newline. */
export function jsonFileEntryBytes(lineBytes: number, stream: "stdout" | "stderr" = "stdout"): number {
  const time = '"2026-12-07T02:41:00.123456789Z"'.length;
  return '{"log":"'.length + lineBytes + 2 + '","stream":"'.length + stream.length + '","time":'.length + time + "}".length + 1;
}

function varintBytes(value: number): number {
  let bytes = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    bytes++;
  }
  return bytes;
}

export function localEntryBytes(lineBytes: number): number {
  const proto = 1 + 1 + "stdout".length + (1 + 9) + (1 + varintBytes(lineBytes) + lineBytes);
  return 4 + proto + 4;
}

/**
 * docker-units: `max-size` uses FromHumanSize (decimal: 10m = 10 000 000 bytes) while
 * `max-buffer-size` uses RAMInBytes (binary: 1m = 1 048 576 bytes).
 */
export function parseSize(text: string, base: 1000 | 1024): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?\s*$/i.exec(text);
  if (!match) throw new RangeError(`not a size: "${text}" (use e.g. 10m, 512k, 1g)`);
  const power = ["", "k", "m", "g", "t", "p"].indexOf(match[2]!.toLowerCase());
  return Math.round(Number(match[1]) * base ** power);
}
