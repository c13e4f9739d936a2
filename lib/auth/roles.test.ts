import { describe, expect, it } from "vitest";
import { parseRole, RoleSchema } from "./roles";

describe("roles", () => {
  it("knows exactly two roles", () => {
    expect(RoleSchema.options).toEqual(["learner", "instructor"]);
  });

  it.each(["learner", "instructor"] as const)("keeps the known role %s", (role) => {
    expect(parseRole(role)).toBe(role);
  });

  it.each([
    undefined,
    null,
    "",
    "admin",
    "Instructor",
    "INSTRUCTOR",
    " instructor",
    1,
    true,
    { role: "instructor" },
    ["instructor"],
  ])("falls back to the least privileged role for %j", (value) => {
    expect(parseRole(value)).toBe("learner");
  });
});
