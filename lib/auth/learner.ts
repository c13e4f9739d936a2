import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import type { Learner } from "@/lib/progress/attempts";
import { currentUser } from "./session";

export const ANON_COOKIE = "shipshape_anon";
const ANON_ID = /^[A-Za-z0-9_-]{22}$/;

/** The learner for this request, if known: the account, else this browser's anonymous id. */
export async function currentLearner(): Promise<Learner | null> {
  const user = await currentUser();
  if (user) return { kind: "user", id: user.id };
  const anonId = (await cookies()).get(ANON_COOKIE)?.value;
  return anonId && ANON_ID.test(anonId) ? { kind: "anon", anonId } : null;
}

/** Like currentLearner, but gives an anonymous browser an id (server actions and route handlers only). */
export async function ensureLearner(): Promise<Learner> {
  const learner = await currentLearner();
  if (learner) return learner;
  const anonId = randomBytes(16).toString("base64url");
  (await cookies()).set(ANON_COOKIE, anonId, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: 60 * 60 * 24 * 180,
  });
  return { kind: "anon", anonId };
}

/** The anonymous id this browser still carries while signed in (its work has not been claimed yet). */
export async function unclaimedAnonId(): Promise<string | null> {
  const anonId = (await cookies()).get(ANON_COOKIE)?.value;
  return anonId && ANON_ID.test(anonId) ? anonId : null;
}
