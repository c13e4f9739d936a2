import type { Db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/access";

/** Instructors are made by the seed or by another instructor, never by self sign-up. */
export async function promoteToInstructor(db: Db, actor: Actor, email: string) {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors can make instructors");
  return db.user.update({ where: { email: email.toLowerCase() }, data: { role: "instructor" } });
}

/** Course-wide authority: only an administrator (or the seed, which writes the flag directly) grants it. */
export async function grantAdministrator(db: Db, actor: Actor, email: string) {
  if (!actor.administrator) throw new ForbiddenError("Only an administrator can make administrators");
  return db.user.update({
    where: { email: email.toLowerCase() },
    data: { administrator: true, role: "instructor" },
    select: { id: true, email: true, administrator: true },
  });
}
