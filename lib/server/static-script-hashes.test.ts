import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildManifest, inlineScriptHashes, routeOfHtmlFile } from "./static-script-hashes";

const sha = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("inline script hashes of prerendered pages", () => {
  it("hashes inline scripts exactly as written, and skips external and data scripts", () => {
    const html = `<script src="/_next/a.js" async></script><script>self.__next_f.push([1,"x"])</script>
      <script type="application/json">{"a":1}</script><script nonce="n">(function(){})()</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha('self.__next_f.push([1,"x"])'), sha("(function(){})()")]);
  });

  it("maps build files to routes", () => {
    expect(routeOfHtmlFile("index.html")).toBe("/");
    expect(routeOfHtmlFile("learn/health-checks.html")).toBe("/learn/health-checks");
    expect(routeOfHtmlFile("learn/index.html")).toBe("/learn");
  });

  it("keeps the scripts every page shares as common", () => {
    const manifest = buildManifest({
      "/a": "<script>theme()</script><script>a()</script>",
      "/b": "<script>theme()</script>",
    });
    expect(manifest.common).toEqual([sha("theme()")]);
    expect(manifest.pages["/a"]).toHaveLength(2);
  });
});
