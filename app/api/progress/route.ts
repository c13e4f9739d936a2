import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listLessonProgress } from "@/lib/progress/lessons";
import { toDto } from "@/lib/progress/progress-schema";

export const dynamic = "force-dynamic";

/** The signed-in learner's own lesson progress (never anyone else's). */
export async function GET() {
  const user = await currentUser();
  if (!user)
    return Response.json({ signedIn: false, entries: [] }, { headers: { "cache-control": "no-store" } });
  const entries = await listLessonProgress(db(), user);
  return Response.json(
    { signedIn: true, entries: entries.map(toDto) },
    { headers: { "cache-control": "private, no-store" } },
  );
}
