/**
 * .dockerignore matching as moby/patternmatcher does it (the matcher BuildKit and the CLI use):
 * each line is trimmed and cleaned like Go's filepath.Clean, a leading "/" is dropped, "!" makes
 * an exception, the LAST matching line wins, a pattern matching a parent directory matches
 * everything under it, "*" and "?" never cross "/", and "**" matches any number of directories
 * (including none). Unlike .gitignore, "*.pem" matches only at the context root; "**\/*.pem"
 * matches at any depth.
 */
type Pattern = { exclusion: boolean; test: (path: string) => boolean };

/** Go's path.Clean for relative slash paths: no "." parts, ".." resolved, no doubled or trailing "/". */
export function cleanPath(path: string): string {
  const rooted = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts.at(-1) !== "..") parts.pop();
    else if (!(part === ".." && rooted)) parts.push(part);
  }
  const joined = parts.join("/");
  return rooted ? `/${joined}` : joined || ".";
}

const escapeRegExp = (char: string) => (/[.+()|^$]/.test(char) ? `\\${char}` : char);

/** Compiles one cleaned pattern the way patternmatcher's Pattern.compile does (on "/"). */
function compile(pattern: string): (path: string) => boolean {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") i++;
      re += i + 1 >= pattern.length ? ".*" : "(.*/)?";
    } else if (char === "*") re += "[^/]*";
    else if (char === "?") re += "[^/]";
    else if (char === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else if (char === "[" || char === "]") re += char;
    else re += escapeRegExp(char);
  }
  const regexp = new RegExp(`${re}$`);
  // "**/foo" also matches "foo" at the root (patternmatcher's suffix match).
  return (path) => regexp.test(path);
}

export function parseDockerignore(text: string): Pattern[] {
  const patterns: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const exclusion = line.startsWith("!");
    if (exclusion) line = line.slice(1).trim();
    line = cleanPath(line);
    if (line.startsWith("/") && line.length > 1) line = line.slice(1);
    patterns.push({ exclusion, test: compile(line) });
  }
  return patterns;
}

/** True when the context path (relative, slash-separated) is left out of the build context. */
export function isIgnored(patterns: Pattern[], file: string): boolean {
  const path = cleanPath(file);
  const parents = path
    .split("/")
    .slice(0, -1)
    .map((_, i, all) => all.slice(0, i + 1).join("/"));
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.exclusion !== matched) continue;
    if (pattern.test(path) || parents.some((parent) => pattern.test(parent))) matched = !pattern.exclusion;
  }
  return matched;
}

/** Go filepath.Match for COPY sources (no "**"): "*" and "?" stay within one path segment. */
export function globMatches(glob: string, path: string): boolean {
  return compile(cleanPath(glob))(cleanPath(path));
}
