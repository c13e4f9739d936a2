import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-errors";

describe("isDatabaseUnavailable", () => {
  it("recognises Prisma's unreachable and closed-connection errors", () => {
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server" })).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("x", { cause: new Error("Connection terminated unexpectedly") }))).toBe(
      true,
    );
  });

  it("does not excuse bugs or constraint violations", () => {
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
