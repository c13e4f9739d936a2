import { describe, expect, it } from "vitest";
import { startOfLearningDay, TimeZoneSchema } from "./learning-day";

const at = (iso: string) => new Date(iso);

describe("startOfLearningDay", () => {
  it("is 04:00 UTC for a learner in UTC, and the day before until then", () => {
    expect(startOfLearningDay(at("2026-05-10T12:00:00Z")).toISOString()).toBe("2026-05-10T04:00:00.000Z");
    expect(startOfLearningDay(at("2026-05-10T04:00:00Z")).toISOString()).toBe("2026-05-10T04:00:00.000Z");
    expect(startOfLearningDay(at("2026-05-10T03:59:59.999Z")).toISOString()).toBe("2026-05-09T04:00:00.000Z");
  });

  it("is 04:00 on the learner's own clock: California in summer (UTC-7) and winter (UTC-8)", () => {
    // 15:00 in Los Angeles on 10 May is 22:00 UTC; the day began at 04:00 PDT = 11:00 UTC.
    expect(startOfLearningDay(at("2026-05-10T22:00:00Z"), "America/Los_Angeles").toISOString()).toBe(
      "2026-05-10T11:00:00.000Z",
    );
    // 02:00 PST on 10 January (10:00 UTC) still belongs to 9 January, which began at 12:00 UTC.
    expect(startOfLearningDay(at("2026-01-10T10:00:00Z"), "America/Los_Angeles").toISOString()).toBe(
      "2026-01-09T12:00:00.000Z",
    );
  });

  it("works east of UTC across the date line, and at half-hour offsets", () => {
    // Kiritimati is UTC+14: 05:00 UTC on 10 May is 19:00 there, a day that began at 04:00 = 14:00 UTC on 9 May.
    expect(startOfLearningDay(at("2026-05-10T05:00:00Z"), "Pacific/Kiritimati").toISOString()).toBe(
      "2026-05-09T14:00:00.000Z",
    );
    // India is UTC+5:30: 04:00 IST is 22:30 UTC the evening before.
    expect(startOfLearningDay(at("2026-05-10T06:00:00Z"), "Asia/Kolkata").toISOString()).toBe(
      "2026-05-09T22:30:00.000Z",
    );
  });

  it("counts the day of a daylight-saving change from its real 04:00 (Berlin, 29 March 2026)", () => {
    // Clocks go from 02:00 CET to 03:00 CEST that night, so 04:00 is already summer time: 02:00 UTC.
    expect(startOfLearningDay(at("2026-03-29T12:00:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T02:00:00.000Z",
    );
    // The day before began at 04:00 CET = 03:00 UTC.
    expect(startOfLearningDay(at("2026-03-29T01:30:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-03-28T03:00:00.000Z",
    );
  });
});

describe("TimeZoneSchema", () => {
  it("keeps an IANA name and turns anything else into UTC", () => {
    expect(TimeZoneSchema.parse("Europe/Berlin")).toBe("Europe/Berlin");
    expect(TimeZoneSchema.parse("Not/AZone")).toBe("UTC");
    expect(TimeZoneSchema.parse("x".repeat(200))).toBe("UTC");
    expect(TimeZoneSchema.parse(undefined)).toBe("UTC");
  });
});
