"use client";
import Link from "next/link";
import { CopyButton } from "@/components/lesson/copy-button";
import { joinPath } from "@/lib/cohorts/paths";

/** The join link for a cohort; copying gives the full address, ready to paste into a message. */
export function JoinLink({ joinCode, cohortName }: { joinCode: string; cohortName: string }) {
  const path = joinPath(joinCode);
  return (
    <span className="inline-flex items-center gap-2">
      <Link href={path} className="font-mono text-xs underline underline-offset-2">
        {path}
      </Link>
      <CopyButton
        text={typeof window === "undefined" ? path : new URL(path, window.location.origin).href}
        label={`join link for ${cohortName}`}
      />
    </span>
  );
}
