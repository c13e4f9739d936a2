import { loadSearchSections } from "@/lib/content/lessons";

// Built once at build time and served as a static file; the search dialog
// fetches it only when a reader opens search.
export const dynamic = "force-static";

export async function GET() {
  return Response.json({ sections: await loadSearchSections() });
}
