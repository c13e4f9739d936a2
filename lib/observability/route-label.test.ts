import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

const EXACT = [
  "/",
  "/learn",
  "/practice",
  "/labs",
  "/review",
  "/instructor",
  "/sign-in",
  "/sign-up",
  "/api/health",
  "/api/ready",
  "/api/metrics",
  "/api/test/slow",
  "/favicon.ico",
  "/icon.svg",
];

describe("routeLabel", () => {
  it.each(EXACT)("labels the exact route %s as itself", (path) => {
    expect(routeLabel(path)).toBe(path);
  });

  it.each(EXACT.filter((path) => path !== "/"))("ignores trailing slashes on %s", (path) => {
    expect(routeLabel(`${path}/`)).toBe(path);
    expect(routeLabel(`${path}///`)).toBe(path);
  });

  it.each([
    ["/_next/static/chunks/app/page-3f2a.js", "/_next/static"],
    ["/_next/static/css/app.css", "/_next/static"],
    ["/_next/image", "/_next/image"],
    ["/_next/image/", "/_next/image"],
    ["/_next/data/build-id/learn.json", "/_next/other"],
    ["/_next/webpack-hmr", "/_next/other"],
    ["/api/auth/sign-in/email", "/api/auth/[...all]"],
    ["/api/auth/get-session", "/api/auth/[...all]"],
    ["/learn/health-checks", "/learn/[lesson]"],
    ["/practice/health-checks-quiz", "/practice/[set]"],
    ["/labs/probe-timing", "/labs/[lab]"],
    ["/instructor/cohorts", "/instructor/[...path]"],
    ["/instructor/cohorts/abc123/learners", "/instructor/[...path]"],
    ["/monaco/vs/loader.js", "/monaco"],
  ])("labels %s as the pattern %s", (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });

  it.each([
    ["/learn/health-checks/", "/learn/[lesson]"],
    ["/practice/set-1/", "/practice/[set]"],
    ["/labs/lab-1//", "/labs/[lab]"],
    ["/instructor/cohorts/", "/instructor/[...path]"],
  ])("ignores trailing slashes on the dynamic path %s", (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });

  it("gives every lesson the same label, so metric series stay few", () => {
    const labels = new Set(["/learn/a", "/learn/b", "/learn/health-checks", "/learn/x-y-z"].map(routeLabel));
    expect([...labels]).toEqual(["/learn/[lesson]"]);
  });

  it.each([
    "/wp-admin",
    "/learn/health-checks/extra", // one segment only for a lesson
    "/practice/a/b",
    "/labs/a/b",
    "/api/unknown",
    "/api/auth", // the auth handler lives below /api/auth/
    "/monaco", // only files below /monaco/ are served
    "/LEARN", // paths are case-sensitive
    "/learn-more",
    "/.env",
    "/../etc/passwd",
  ])("labels the unknown path %s as unmatched", (path) => {
    expect(routeLabel(path)).toBe("unmatched");
  });

  it("labels the query-free path that the server derives from a URL", () => {
    // The server strips the query string before labelling (lib/server/main.ts).
    const pathname = "/learn/health-checks?tab=quiz#q1".split("?")[0] ?? "/";
    expect(routeLabel(pathname)).toBe("/learn/[lesson]");
    expect(routeLabel("/api/ready")).toBe("/api/ready");
  });
});
