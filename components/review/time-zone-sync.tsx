"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/review/learning-day";

/**
 * Tells the server the browser's time zone (a cookie), so "today" and the daily limits follow the
 * learner's own clock; re-renders the page once when the server counted in another zone.
 */
export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverTimeZone || !/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return;
    const cookie = `${TIME_ZONE_COOKIE}=${zone}`;
    // Already sent and still not taken (a zone the server does not know): do not reload for nothing.
    if (document.cookie.split("; ").includes(cookie)) return;
    document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [serverTimeZone, router]);
  return null;
}
