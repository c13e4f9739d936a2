import { z } from "zod";
import { env } from "@/lib/env";

// A deliberately slow response for the graceful-shutdown tests. Answers 404
// unless the server was started with SHIPSHAPE_ENABLE_TEST_ROUTES=1.
export const dynamic = "force-dynamic";

const QuerySchema = z.object({ ms: z.coerce.number().int().min(0).max(10_000) });

export async function GET(request: Request) {
  if (env().SHIPSHAPE_ENABLE_TEST_ROUTES !== "1") return new Response("Not found", { status: 404 });
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json(
      { error: "ms must be a whole number of milliseconds from 0 to 10000" },
      { status: 400 },
    );
  }
  const { ms } = parsed.data;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return Response.json({ sleptMs: ms, body: "x".repeat(16 * 1024) });
}
