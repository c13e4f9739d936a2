import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, type RunningServer } from "@/lib/testing/production-server";

// Issue 11's edge findings, each tried against the real production build.
const METRICS_TOKEN = "edge-test-metrics-token-0123456789";
let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${(counter += 1)}@example.test`;

describe("hardened edges over HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startProductionServer({ TRUST_PROXY: "1", METRICS_TOKEN, AUTH_SIGNIN_RATE_MAX: "5" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const url = (path: string) => `${server.baseUrl}${path}`;
  const json = (body: unknown, headers: Record<string, string> = {}) => ({
    method: "POST",
    headers: { origin: server.baseUrl, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  // A fresh client address per call unless given: the per-address limit stays out of the way.
  const from = (address: string) => ({ "x-forwarded-for": `203.0.113.250, ${address}` });
  let hop = 0;
  const anyAddress = () => from(`198.51.${Math.floor((hop += 1) / 250)}.${hop % 250}`);

  function expectShortPlainText(text: string) {
    expect(text.length).toBeLessThan(200);
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  }

  describe("malformed input is a short 4xx, never a 500", () => {
    it("bad URL encoding → 400", async () => {
      const response = await fetch(url("/learn/%E0%A4%A"));
      expect(response.status).toBe(400);
      expectShortPlainText(await response.text());
    });

    it("a body over 1 MB → 413, whatever the route", async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(url("/api/auth/sign-up/email"), {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) },
        });
        req.on("response", (response) => resolve(response.statusCode ?? 0));
        req.on("error", reject);
        req.write("{");
      });
      expect(status).toBe(413);
    });

    it("a cross-origin server action → 403", async () => {
      const response = await fetch(url("/practice"), {
        method: "POST",
        headers: { origin: "https://evil.example", "next-action": "0123abcd", "content-type": "text/plain" },
        body: "[]",
      });
      expect(response.status).toBe(403);
      expectShortPlainText(await response.text());
    });

    it("a server action whose JSON is malformed → 400", async () => {
      const response = await fetch(url("/practice"), {
        method: "POST",
        headers: {
          origin: server.baseUrl,
          "next-action": "0123abcd",
          "content-type": "text/plain;charset=UTF-8",
        },
        body: '[{"attemptId":',
      });
      expect(response.status).toBe(400);
      expectShortPlainText(await response.text());
    });
  });

  describe("/api/metrics", () => {
    it("answers 401 without the bearer token and 200 with it", async () => {
      expect((await fetch(url("/api/metrics"))).status).toBe(401);
      const wrong = await fetch(url("/api/metrics"), { headers: { authorization: "Bearer nope" } });
      expect(wrong.status).toBe(401);
      const right = await fetch(url("/api/metrics"), {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain("http_request_duration_seconds");
    });
  });

  describe("security headers", () => {
    it("a page rendered now gets a nonce policy, and its inline scripts carry that nonce", async () => {
      const response = await fetch(url("/sign-in"));
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/worker-src 'self'/);
      expect(csp).not.toContain("'unsafe-inline' 'self'");
      expect(csp.split(";").find((part) => part.trim().startsWith("script-src"))).not.toContain(
        "unsafe-inline",
      );
      const html = await response.text();
      // Each inline script carries the nonce, or (the theme script, the same on every page) its hash is listed.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(inline.length).toBeGreaterThan(0);
      const withNonce = inline.filter(([, attributes]) => attributes!.includes(`nonce="${nonce}"`));
      expect(withNonce.length).toBeGreaterThan(0);
      for (const [, attributes, body] of inline) {
        if (attributes!.includes(`nonce="${nonce}"`)) continue;
        expect(csp).toContain(`'sha256-${createHash("sha256").update(body!).digest("base64")}'`);
      }
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    });

    it("a prerendered lesson lists the hash of every inline script it has (and stays static)", async () => {
      const response = await fetch(url("/learn/health-checks"));
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).not.toContain("'nonce-");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (match) => match[1]!,
      );
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        const hash = createHash("sha256").update(script).digest("base64");
        expect(csp).toContain(`'sha256-${hash}'`);
      }
      expect(response.headers.get("x-nextjs-cache") ?? "HIT").not.toBe("MISS");
    });

    it("over https at a trusted proxy: HSTS, and the session cookie is Secure", async () => {
      const email = unique("secure");
      await fetch(
        url("/api/auth/sign-up/email"),
        json({ name: "Sec", email, password: "a-good-password" }, anyAddress()),
      );
      const response = await fetch(
        url("/api/auth/sign-in/email"),
        json({ email, password: "a-good-password" }, { ...anyAddress(), "x-forwarded-proto": "https" }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const cookies = response.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
      // A client cannot claim https without the proxy's last hop saying so.
      const plain = await fetch(
        url("/api/auth/sign-in/email"),
        json({ email, password: "a-good-password" }, { ...anyAddress(), "x-forwarded-proto": "https, http" }),
      );
      for (const cookie of plain.headers.getSetCookie()) expect(cookie).not.toMatch(/;\s*Secure/i);
    });
  });

  describe("accounts", () => {
    async function signUp(body: Record<string, unknown>, headers = anyAddress()) {
      const response = await fetch(url("/api/auth/sign-up/email"), json(body, headers));
      return { response, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
    }
    const signIn = (email: string, password: string, headers = anyAddress()) =>
      fetch(url("/api/auth/sign-in/email"), json({ email, password }, headers));

    it.each([
      ["empty", ""],
      ["blank", "   "],
      ["101 characters", "n".repeat(101)],
      ["a control character", "Ann\u0007"],
      ["a newline", "Ann\nAdmin"],
    ])("refuses a name that is %s with 400 and creates no account", async (_, name) => {
      const email = unique("badname");
      const { response, body } = await signUp({ name, email, password: "a-good-password" });
      expect(response.status).toBe(400);
      expect(body?.code).toBe("INVALID_NAME");
      expect((await signIn(email, "a-good-password")).status).toBe(401);
    });

    it("refuses a 1 MiB name (413) and creates no account", async () => {
      const email = unique("hugename");
      const response = await fetch(
        url("/api/auth/sign-up/email"),
        json({ name: "n".repeat(1 << 20), email, password: "a-good-password" }, anyAddress()),
      );
      expect(response.status).toBe(413);
      expect((await signIn(email, "a-good-password")).status).toBe(401);
    });

    it("trims the name and ignores an image URL", async () => {
      const email = unique("trim");
      const { response, body } = await signUp({
        name: "  Trim Me  ",
        email,
        password: "a-good-password",
        image: "https://evil.example/track.png",
      });
      expect(response.status).toBe(200);
      expect(body?.user).toMatchObject({ name: "Trim Me", image: null });
    });

    it("answers a sign-up for an existing email exactly like a new one, and signs nobody in", async () => {
      const email = unique("exists");
      const first = await signUp({ name: "Owner", email, password: "owner-password-1" });
      const again = await signUp({ name: "Intruder", email, password: "intruder-password" });
      const fresh = await signUp({ name: "New", email: unique("fresh"), password: "a-good-password" });
      for (const attempt of [first, again, fresh]) {
        expect(attempt.response.status).toBe(200);
        expect(attempt.response.headers.getSetCookie()).toEqual([]);
        expect(Object.keys(attempt.body ?? {}).sort()).toEqual(["token", "user"]);
        expect(attempt.body?.token).toBeNull();
      }
      expect((await signIn(email, "intruder-password")).status).toBe(401);
      expect((await signIn(email, "owner-password-1")).status).toBe(200);
    });

    it("throttles one account across many addresses with backoff; the right password waits too", async () => {
      const email = unique("target");
      await signUp({ name: "Target", email, password: "right-password-1" });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1)
        statuses.push((await signIn(email, `guess-${attempt}`, from(`192.0.2.${10 + attempt}`))).status);
      // Three free failures, the fourth locks the account for 1 s, the fifth is refused.
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const locked = await signIn(email, "right-password-1", from("192.0.2.99"));
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { code: string }).code).toBe("ACCOUNT_THROTTLED");
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("keys the per-address limit on the right-most X-Forwarded-For hop, not the client's own", async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 7; attempt += 1)
        statuses.push(
          (
            await signIn(unique("nobody"), "wrong-password", {
              "x-forwarded-for": `10.9.9.${attempt}, 192.0.2.200`,
            })
          ).status,
        );
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    });
  });
});
