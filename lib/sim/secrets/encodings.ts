/**
 * The forms a secret value takes when it leaks: as is, base64 (standard or URL-safe, alone or
 * inside a larger blob such as a Basic auth header or a Kubernetes Secret), or percent-encoded
 * (inside a URL or a form body). Browser-safe: TextEncoder and btoa, no Buffer.
 */
export type Encoding = "plain" | "base64" | "url";

const toBinary = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

export function base64(text: string): string {
  return btoa(toBinary(text));
}

/**
 * The parts of base64 output that depend only on the value's bytes, for each of the three byte
 * offsets (mod 3) the value can start at inside a larger encoded text. Any base64 of a text that
 * contains the value contains one of these (standard alphabet or URL-safe). Short cores (< 8
 * characters, values under ~6 bytes) are dropped: they would match by chance.
 */
export function base64Cores(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = btoa(String.fromCharCode(...padded));
    // Drop the first quantum when it mixes in prefix bytes, and any quantum with bytes that follow.
    const core = encoded.slice(offset === 0 ? 0 : 4, Math.floor(padded.length / 3) * 4);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...new Set(cores)];
}

/** Decodes every %XX run it can; leaves the rest. */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * How `value` appears in `text`, or null: as is; inside base64 (standard or URL-safe, alone or
 * within a larger encoded blob, by `base64Cores`); or percent-encoded, fully or partly (by
 * decoding %XX runs, and "+" as a space as HTML forms write it).
 */
export function findEncoded(text: string, value: string, cores = base64Cores(value)): Encoding | null {
  if (value === "") return null;
  if (text.includes(value)) return "plain";
  if (cores.some((core) => text.includes(core))) return "base64";
  if (text.includes("%") && percentDecode(text).includes(value)) return "url";
  if (value.includes(" ") && text.includes("+") && percentDecode(text.replace(/\+/g, " ")).includes(value))
    return "url";
  return null;
}
