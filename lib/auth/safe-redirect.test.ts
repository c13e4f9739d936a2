import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    "/learn",
    "/learn/health-checks",
    "/learn/x?y=1#z",
    "/practice/set-1?attempt=2",
    "/",
    "/instructor/cohorts/abc",
  ])("accepts the same-site path %s unchanged", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/learn",
    "http://evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.example/learn",
    "learn",
    "//evil.example",
    "//evil.example/learn",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
  ])("rejects %s and falls back to /learn", (candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/learn");
  });

  it.each([
    ["a tab", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/learn\r\nSet-Cookie: x=1"],
    ["a NUL byte", "/learn\u0000"],
    ["an escape character", "/learn\u001b[31m"],
  ])("rejects a path containing %s (browsers strip some, turning /\\t/ into //)", (_what, candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/learn");
  });

  it.each([null, undefined, ""])("falls back for %j", (candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/learn");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirectPath(null, "/instructor")).toBe("/instructor");
    expect(safeRedirectPath("//evil.example", "/instructor")).toBe("/instructor");
    expect(safeRedirectPath("/review", "/instructor")).toBe("/review");
  });

  it("keeps every accepted path on this site when resolved by a URL parser", () => {
    const base = "https://shipshape.test";
    for (const candidate of ["/learn/x?y=1#z", "/a/b", "/%2F%2Fevil.example", "/.//evil.example"]) {
      const accepted = safeRedirectPath(candidate, "/fallback");
      expect(new URL(accepted, base).origin).toBe(base);
    }
  });
});
