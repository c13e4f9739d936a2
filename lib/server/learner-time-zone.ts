import "server-only";
import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE, TimeZoneSchema } from "@/lib/review/learning-day";

/** The learner's time zone as their browser last reported it; UTC until it has. */
export async function learnerTimeZone(): Promise<string> {
  return TimeZoneSchema.parse((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
