import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpFor, requestIdFor, trustedProxyCount } from "./request-context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Just the parts of IncomingMessage these functions read. */
function fakeRequest(
  headers: Record<string, string | string[] | undefined>,
  remoteAddress?: string,
): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe("requestIdFor", () => {
  it.each(["abc", "req-123_ABC.def", "0f8fad5b-d9cb-469f-a165-70867728950e", "x".repeat(64), "a"])(
    "reuses the well-formed incoming id %s",
    (id) => {
      expect(requestIdFor(fakeRequest({ "x-request-id": id }))).toBe(id);
    },
  );

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["65 characters long", "x".repeat(65)],
    ["a very long value", "a".repeat(10_000)],
    ["a space", "abc def"],
    ["a newline (log injection)", "abc\nlevel=fatal"],
    ["a slash", "abc/def"],
    ["quotes", '"abc"'],
    ["non-ASCII", "änderung"],
    ["several values", ["abc", "def"]],
  ])("makes a new UUID when the incoming id is %s", (_what, id) => {
    const result = requestIdFor(fakeRequest({ "x-request-id": id }));
    expect(result).toMatch(UUID);
  });

  it("makes a different id for each request without one", () => {
    const ids = new Set(Array.from({ length: 100 }, () => requestIdFor(fakeRequest({}))));
    expect(ids.size).toBe(100);
  });
});

describe("clientIpFor", () => {
  const forged = { "x-forwarded-for": "203.0.113.7" };

  it("ignores X-Forwarded-For unless a proxy is trusted (a client could forge it)", () => {
    expect(clientIpFor(fakeRequest(forged, "198.51.100.2"), false)).toBe("198.51.100.2");
  });

  it("takes the right-most hop (the one our proxy appended), not the client-supplied first one", () => {
    const req = fakeRequest({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1, 198.51.100.9" }, "10.0.0.2");
    expect(clientIpFor(req, true)).toBe("198.51.100.9");
    expect(clientIpFor(req, 1)).toBe("198.51.100.9");
  });

  it("with two trusted proxies, takes the second hop from the right", () => {
    const req = fakeRequest({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1" }, "10.0.0.2");
    expect(clientIpFor(req, 2)).toBe("203.0.113.7");
  });

  it("takes a single-hop X-Forwarded-For when trusted", () => {
    expect(clientIpFor(fakeRequest(forged, "10.0.0.2"), true)).toBe("203.0.113.7");
  });

  it("reads repeated X-Forwarded-For headers as one list, right-most last", () => {
    const req = fakeRequest({ "x-forwarded-for": ["2001:db8::1, 10.0.0.1", "192.0.2.9"] }, "10.0.0.2");
    expect(clientIpFor(req, true)).toBe("192.0.2.9");
  });

  it("falls back to the socket when the hop is not an address or there are too few hops", () => {
    expect(clientIpFor(fakeRequest({ "x-forwarded-for": "1.2.3.4, not-an-ip" }, "10.0.0.2"), 1)).toBe(
      "10.0.0.2",
    );
    expect(clientIpFor(fakeRequest({ "x-forwarded-for": "1.2.3.4" }, "10.0.0.2"), 2)).toBe("10.0.0.2");
  });

  it("reads TRUST_PROXY as a number of proxies", () => {
    expect([undefined, "", "0", "false", "x", "-1", "1.5"].map((v) => trustedProxyCount(v))).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(["1", "true", "2"].map((v) => trustedProxyCount(v))).toEqual([1, 1, 2]);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["a trailing empty hop", "10.0.0.1, "],
  ])("falls back to the socket address when a trusted X-Forwarded-For is %s", (_what, value) => {
    expect(clientIpFor(fakeRequest({ "x-forwarded-for": value }, "10.0.0.2"), true)).toBe("10.0.0.2");
  });

  it("uses the socket address without a proxy", () => {
    expect(clientIpFor(fakeRequest({}, "::ffff:127.0.0.1"), false)).toBe("::ffff:127.0.0.1");
  });

  it('says "unknown" when the socket has no address (it has closed)', () => {
    expect(clientIpFor(fakeRequest({}), false)).toBe("unknown");
    expect(clientIpFor(fakeRequest({ "x-forwarded-for": "" }), true)).toBe("unknown");
    expect(clientIpFor(fakeRequest(forged), false)).toBe("unknown");
  });
});
