import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, type RunningServer } from "@/lib/testing/production-server";

// Exercises the real auth handler through the production server, with the
// default sign-in limit of 5 per minute per client address.
describe("accounts over HTTP", () => {
  let server: RunningServer;
  const origin = () => ({ origin: server.baseUrl, "content-type": "application/json" });

  beforeAll(async () => {
    server = await startProductionServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  async function signUp(body: Record<string, unknown>) {
    return fetch(`${server.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: origin(),
      body: JSON.stringify(body),
    }).then(async (response) => ({ response, json: (await response.json()) as Record<string, unknown> }));
  }

  async function signIn(email: string, password: string) {
    const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: origin(),
      body: JSON.stringify({ email, password }),
    });
    return { response, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  }

  it("signs up a learner (no session yet), ignores a requested role, and signs in with an HttpOnly, SameSite cookie", async () => {
    const { response, json } = await signUp({
      name: "Ada",
      email: "ada@example.test",
      password: "a-good-password",
      role: "instructor",
      administrator: true,
    });
    expect(response.status).toBe(200);
    expect((json.user as { role: string }).role).toBe("learner");
    expect((json.user as { administrator?: boolean }).administrator).not.toBe(true);
    expect(response.headers.get("set-cookie")).toBeNull();
    const signedIn = await signIn("ada@example.test", "a-good-password");
    const cookie = signedIn.response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("answers a second sign-up with the same email like a first one (no account discovery)", async () => {
    const first = await signUp({ name: "Bea", email: "bea@example.test", password: "a-good-password" });
    const again = await signUp({ name: "Bea 2", email: "BEA@example.test", password: "another-password" });
    expect(again.response.status).toBe(first.response.status);
    expect(Object.keys(again.json).sort()).toEqual(Object.keys(first.json).sort());
    expect(again.response.headers.get("set-cookie")).toBeNull();
  });

  it("rejects a short password and a malformed email with 4xx and a reason", async () => {
    const short = await signUp({ name: "Cy", email: "cy@example.test", password: "short" });
    expect(short.response.status).toBe(400);
    expect(short.json.code).toBe("PASSWORD_TOO_SHORT");
    const bad = await signUp({ name: "Cy", email: "not-an-email", password: "a-good-password" });
    expect(bad.response.status).toBe(400);
  });

  it("answers a wrong password and an unknown email identically", async () => {
    await signUp({ name: "Dee", email: "dee@example.test", password: "a-good-password" });
    const wrongPassword = await signIn("dee@example.test", "wrong-password");
    const unknownEmail = await signIn("nobody@example.test", "wrong-password");
    expect(wrongPassword.response.status).toBe(401);
    expect(unknownEmail.response.status).toBe(401);
    expect(wrongPassword.json).toEqual(unknownEmail.json);
    expect(wrongPassword.json.code).toBe("INVALID_EMAIL_OR_PASSWORD");
  });

  it("rate-limits sign-in attempts from one address", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      statuses.push((await signIn("dee@example.test", "wrong-password")).response.status);
    }
    // Five attempts a minute per address: whatever other tests spent, the sixth to eighth are refused.
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(statuses.slice(0, 5).every((status) => status === 401 || status === 429)).toBe(true);
    const limited = await signIn("dee@example.test", "a-good-password");
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get("x-retry-after")).toMatch(/^\d+$/);
  });

  it("never rate-limits the session lookup every page makes", async () => {
    const statuses = new Set<number>();
    for (let request = 0; request < 130; request += 1) {
      statuses.add(
        (await fetch(`${server.baseUrl}/api/auth/get-session`, { headers: { origin: server.baseUrl } }))
          .status,
      );
    }
    expect([...statuses]).toEqual([200]);
  });
});
