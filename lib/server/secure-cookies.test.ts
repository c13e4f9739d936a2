import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestIsHttps, withSecure } from "./secure-cookies";

const req = (headers: Record<string, string>) => ({ headers, socket: {} }) as unknown as IncomingMessage;

describe("Secure cookies behind a TLS-terminating proxy", () => {
  it("trusts X-Forwarded-Proto only with a trusted proxy, right-most hop", () => {
    expect(requestIsHttps(req({ "x-forwarded-proto": "https" }), "http://app", 0)).toBe(false);
    expect(requestIsHttps(req({ "x-forwarded-proto": "https" }), "http://app", 1)).toBe(true);
    expect(requestIsHttps(req({ "x-forwarded-proto": "https, http" }), "http://app", 1)).toBe(false);
    expect(requestIsHttps(req({}), "https://app", 0)).toBe(true);
  });

  it("adds Secure once", () => {
    expect(withSecure(["a=1; Path=/; HttpOnly", "b=2; Secure; Path=/"])).toEqual([
      "a=1; Path=/; HttpOnly; Secure",
      "b=2; Secure; Path=/",
    ]);
  });
});
