import { createHash } from "node:crypto";

/**
 * sha256 CSP sources for the inline scripts of prerendered HTML (computed at build
 * time by scripts/csp-hashes.mjs, read by the server): a static page cannot carry a
 * per-request nonce, so its policy lists exactly the inline scripts it has.
 */
export type ScriptHashManifest = {
  /** Route path ("/learn/health-checks") → hashes of that page's inline scripts. */
  pages: Record<string, string[]>;
  /** Inline scripts every prerendered page has (e.g. the theme script): allowed on dynamic pages too. */
  common: string[];
};

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The inline (no src, JavaScript) scripts of an HTML document, as 'sha256-…' sources. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? "";
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (type && !/^(text\/javascript|module|application\/javascript)$/i.test(type)) continue;
    hashes.push(
      `sha256-${createHash("sha256")
        .update(match[2] ?? "", "utf8")
        .digest("base64")}`,
    );
  }
  return [...new Set(hashes)];
}

/** "server/app/learn/health-checks.html" → "/learn/health-checks"; "index.html" → "/". */
export function routeOfHtmlFile(relative: string): string {
  const path = relative.replace(/\\/g, "/").replace(/\.html$/, "");
  if (path === "index") return "/";
  return `/${path.replace(/\/index$/, "")}`;
}

export function buildManifest(pages: Record<string, string>): ScriptHashManifest {
  const hashed = Object.fromEntries(
    Object.entries(pages).map(([route, html]) => [route, inlineScriptHashes(html)]),
  );
  const lists = Object.values(hashed);
  const common = lists.length ? lists[0]!.filter((hash) => lists.every((list) => list.includes(hash))) : [];
  return { pages: hashed, common };
}
