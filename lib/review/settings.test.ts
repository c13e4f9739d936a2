import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_SETTINGS, ReviewSettingsSchema } from "./settings";

describe("ReviewSettingsSchema", () => {
  it("accepts form strings and coerces them", () => {
    expect(ReviewSettingsSchema.parse({ newPerDay: "5", reviewsPerDay: "50" })).toEqual({
      newPerDay: 5,
      reviewsPerDay: 50,
    });
    expect(ReviewSettingsSchema.parse({ newPerDay: "0", reviewsPerDay: "0" })).toEqual({
      newPerDay: 0,
      reviewsPerDay: 0,
    });
    expect(ReviewSettingsSchema.parse(DEFAULT_REVIEW_SETTINGS)).toEqual(DEFAULT_REVIEW_SETTINGS);
  });

  it.each([
    [{ newPerDay: "-1", reviewsPerDay: "10" }, "New cards per day cannot be negative."],
    [{ newPerDay: "2.5", reviewsPerDay: "10" }, "New cards per day must be a whole number."],
    [{ newPerDay: "abc", reviewsPerDay: "10" }, "New cards per day must be a whole number."],
    [{ newPerDay: "1000", reviewsPerDay: "10" }, "New cards per day can be at most 999."],
    [{ newPerDay: "1", reviewsPerDay: "10000" }, "Reviews per day can be at most 9999."],
  ])("rejects %o with a message a person can act on", (input, message) => {
    const result = ReviewSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
