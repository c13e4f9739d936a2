/**
 * Only same-site paths are accepted as a post-sign-in destination, so a crafted
 * link cannot bounce a learner to another site after they sign in.
 */
export function safeRedirectPath(candidate: string | null | undefined, fallback = "/learn"): string {
  if (!candidate) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\"))
    return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  return candidate;
}
