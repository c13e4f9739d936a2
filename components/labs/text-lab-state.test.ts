import { describe, expect, it } from "vitest";
import { decodeLabState, encodeLabState } from "./lab-state";

describe("a text lab's state in the link", () => {
  it("round-trips the text and the incident answer", () => {
    const state = { text: "docker ps\ndocker events --since 30m", answer: { cause: "oom-kill", fix: "raise-memory-cap-heap" } };
    expect(decodeLabState(encodeLabState(state))).toEqual(state);
    expect(decodeLabState(encodeLabState({ text: "up == 0" }))).toEqual({ text: "up == 0" });
  });

  it("drops a malformed answer and refuses oversized text", () => {
    expect(decodeLabState(encodeLabState({ text: "x", answer: "oom" } as never))).toEqual({ text: "x" });
    expect(decodeLabState(encodeLabState({ text: "x".repeat(20_001) }))).toBeNull();
  });
});
