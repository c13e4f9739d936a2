"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { claimAnonymousWork } from "./actions";

/** Once signed in, moves attempts this browser made anonymously into the account (then refreshes). */
export function ClaimAnonymousWork() {
  const router = useRouter();
  useEffect(() => {
    void claimAnonymousWork().then((result) => {
      if (result.ok && result.value.claimed > 0) router.refresh();
    });
  }, [router]);
  return null;
}
