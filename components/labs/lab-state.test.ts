import { describe, expect, it } from "vitest";
import { decodeLabState, encodeLabState } from "./lab-state";

describe("lab state in the URL", () => {
  it("round-trips code, including non-ASCII text, as base64url", () => {
    const state = { code: 'app.get("/health", (req, res) => res.json({ ok: "✓ ünïcode" }));\n' };
    const encoded = encodeLabState(state);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLabState(encoded)).toEqual(state);
  });

  it("round-trips code with an experiment, and drops an experiment that is not an object", () => {
    const state = {
      code: "x",
      experiment: { durationSeconds: 60, faults: [{ dependency: "db", mode: "down" }] },
    };
    expect(decodeLabState(encodeLabState(state))).toEqual(state);
    expect(decodeLabState(encodeLabState({ code: "x", experiment: [1] }))).toEqual({ code: "x" });
    expect(decodeLabState(encodeLabState({ code: "x", experiment: "slow" }))).toEqual({ code: "x" });
  });

  it("round-trips settings", () => {
    const state = { params: { interval: 5, timeout: 3 } };
    expect(decodeLabState(encodeLabState(state))).toEqual(state);
  });

  it("ignores anything that is not a state of ours", () => {
    expect(decodeLabState(undefined)).toBeNull();
    expect(decodeLabState("not base64!")).toBeNull();
    expect(decodeLabState(encodeLabState({ code: 1 } as unknown as { code: string }))).toBeNull();
    expect(decodeLabState(Buffer.from("[1,2]").toString("base64url"))).toBeNull();
    expect(decodeLabState(Buffer.from('{"params":{"a":"x","b":2}}').toString("base64url"))).toEqual({
      params: { b: 2 },
    });
  });
});
