import { describe, expect, it } from "vitest";
import { metricsAccess } from "./metrics-access";

const token = "0123456789abcdef0123456789abcdef";

describe("metrics access", () => {
  it("is off without a configured token", () => {
    expect(metricsAccess(undefined, `Bearer ${token}`)).toBe("disabled");
  });
  it("needs exactly the bearer token", () => {
    expect(metricsAccess(token, `Bearer ${token}`)).toBe("ok");
    expect(metricsAccess(token, `bearer ${token}`)).toBe("ok");
    expect(metricsAccess(token, null)).toBe("denied");
    expect(metricsAccess(token, `Bearer ${token}x`)).toBe("denied");
    expect(metricsAccess(token, `Basic ${token}`)).toBe("denied");
    expect(metricsAccess(token, "Bearer ")).toBe("denied");
  });
});
