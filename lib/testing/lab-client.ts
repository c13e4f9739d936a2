import type { RunningServer } from "./production-server";

/** Signs a new learner up against a running server, signs them in and returns their session cookie. */
export async function signUpLearner(server: RunningServer, email: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { origin: server.baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ name: "Lab tester", email, password: "a-good-password" }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  // Sign-up never signs anyone in (it must not reveal whether the email exists): sign in next.
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: server.baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a-good-password" }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!cookie.includes("session_token=")) throw new Error("sign-in set no session cookie");
  return cookie;
}

export type VerifyAnswer = {
  status: number;
  retryAfter: string | null;
  ms: number;
  body: {
    result?: {
      passed: boolean;
      headline: string;
      checks: Array<{ label: string; passed: boolean; detail: string }>;
    };
    afterReveal?: boolean;
    error?: string;
    reason?: string;
  };
};

/** POST /labs/<slug>/verify, as the lab page's "Submit solution" does through its action. */
export async function submitToServer(
  server: RunningServer,
  cookie: string | null,
  submission: { labSlug: string; code?: string; params?: Record<string, number> },
): Promise<VerifyAnswer> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/labs/${submission.labSlug}/verify`, {
    method: "POST",
    headers: {
      origin: server.baseUrl,
      "content-type": "application/json",
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(submission),
  });
  const body = (await response.json()) as VerifyAnswer["body"];
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    ms: performance.now() - started,
    body,
  };
}
