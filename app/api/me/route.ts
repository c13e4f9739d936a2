import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Who is signed in, for the site header (name, email and role only: never the session token).
 * The header asks here instead of shipping the auth library's client to every page.
 */
export async function GET() {
  const user = await currentUser();
  return Response.json(
    { user: user ? { name: user.name, email: user.email, role: user.role } : null },
    { headers: { "cache-control": "private, no-store" } },
  );
}
