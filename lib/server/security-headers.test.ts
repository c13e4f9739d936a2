import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("security headers", () => {
  it("allows scripts from self and this request's nonce only, never unsafe-inline or eval", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'wasm-unsafe-eval'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("lists the hashes of a prerendered page's inline scripts instead of a nonce", () => {
    const csp = directives(
      contentSecurityPolicy({ scriptHashes: ["sha256-AAA=", "sha256-BBB="], https: false }),
    );
    expect(csp.get("script-src")).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='", "'wasm-unsafe-eval'"]);
  });

  it("forbids framing, plugins and foreign workers", () => {
    const csp = directives(contentSecurityPolicy({ https: false }));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("sends HSTS only over https, and a Permissions-Policy always", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    expect(securityHeaders({ https: false })["Permissions-Policy"]).toContain("camera=()");
    expect(securityHeaders({ https: false })["X-Frame-Options"]).toBe("DENY");
  });
});
