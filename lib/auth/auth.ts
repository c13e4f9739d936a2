import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { authSecret, env } from "@/lib/env";
import { db, isPostgresUrl } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";
import { CLIENT_IP_HEADER } from "@/lib/server/request-context";
import { authSecondaryStorage, sharedStateOptions } from "./shared-state";
import { accountThrottle, keyValueThrottleStore, memoryThrottleStore } from "./account-throttle";
import { DisplayNameSchema } from "./display-name";

const signInLimit = Number(process.env.AUTH_SIGNIN_RATE_MAX ?? 5);
const signUpLimit = Number(process.env.AUTH_SIGNUP_RATE_MAX ?? 10);

/** localhost and 127.0.0.1 name the same server; accept forms posted from either. */
function sameMachineOrigins(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  if (url.hostname !== "localhost" && url.hostname !== "127.0.0.1") return [url.origin];
  const port = url.port ? `:${url.port}` : "";
  return [`${url.protocol}//localhost${port}`, `${url.protocol}//127.0.0.1${port}`];
}

/** Per-account sign-in backoff: in Redis (with the per-replica fallback) when REDIS_URL is set, else memory. */
const sharedStorage = authSecondaryStorage();
const throttle = accountThrottle(sharedStorage ? keyValueThrottleStore(sharedStorage) : memoryThrottleStore());

type Body = Record<string, unknown> | undefined;

/**
 * Names are trimmed, 1–100 characters, without control characters; `image` from clients is
 * ignored (we never show avatars, and a URL there would be stored unchecked).
 */
function sanitiseProfile(body: Body, nameRequired: boolean) {
  if (!body) return;
  delete body.image;
  if (!nameRequired && body.name === undefined) return;
  const name = DisplayNameSchema.safeParse(body.name);
  if (!name.success)
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_NAME",
      message: name.error.issues[0]?.message ?? "Enter your name.",
    });
  body.name = name.data;
}

function emailOf(body: Body): string {
  return typeof body?.email === "string" ? body.email : "";
}

function createAuth() {
  // Sessions and rate limits shared through Redis when REDIS_URL is set (lib/auth/shared-state.ts).
  const shared = sharedStateOptions();
  return betterAuth({
    secondaryStorage: shared.secondaryStorage,
    appName: "Shipshape",
    baseURL: env().BETTER_AUTH_URL,
    trustedOrigins: sameMachineOrigins(env().BETTER_AUTH_URL),
    secret: authSecret(),
    database: prismaAdapter(db(), {
      provider: isPostgresUrl(env().DATABASE_URL) ? "postgresql" : "sqlite",
    }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Off so that signing up with an existing email answers exactly like a new one (a synthetic
      // user, no session) and never signs anyone into the existing account; the form signs in next.
      autoSignIn: false,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        // Never settable by the client: instructors are made by seed or by an instructor.
        role: { type: "string", required: false, defaultValue: "learner", input: false },
        // Granted only by the seed or an administrator (lib/users/queries.ts).
        administrator: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // Kept in the database too, so a Redis outage falls back to it instead of signing people out.
      storeSessionInDatabase: true,
      // No cookie cache: refreshing its cookie from a server action makes Next re-render the whole
      // page in the action's answer (seconds for a lesson page under load); a session read is one query.
    },
    rateLimit: {
      enabled: true,
      storage: shared.rateLimitStorage,
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: signInLimit },
        "/sign-up/email": { window: 60, max: signUpLimit },
        // Every page asks who is signed in; limiting that would sign busy readers out of the header.
        "/get-session": false,
      },
    },
    advanced: {
      // Our server overwrites this header with the socket address (or the first
      // X-Forwarded-For hop when TRUST_PROXY=1), so clients cannot forge it.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // Behind a TLS-terminating proxy with an http BETTER_AUTH_URL, lib/server adds Secure per request.
      useSecureCookies: env().BETTER_AUTH_URL.startsWith("https:"),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = ctx.body as Body;
        if (ctx.path === "/sign-up/email") sanitiseProfile(body, true);
        if (ctx.path === "/update-user") sanitiseProfile(body, false);
        if (ctx.path === "/sign-in/email") {
          const waitMs = await throttle.check(emailOf(body));
          if (waitMs > 0) {
            const seconds = Math.ceil(waitMs / 1000);
            throw new APIError(
              "TOO_MANY_REQUESTS",
              {
                code: "ACCOUNT_THROTTLED",
                message: `Too many failed sign-ins for this account. Try again in ${seconds} s.`,
              },
              { "Retry-After": String(seconds) },
            );
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const failed = ctx.context.returned instanceof APIError;
        if (ctx.path === "/sign-in/email") {
          const returned = ctx.context.returned;
          const status = returned instanceof APIError ? returned.statusCode : 200;
          if (status === 401) await throttle.failed(emailOf(ctx.body as Body));
          else if (status < 400) await throttle.succeeded(emailOf(ctx.body as Body));
        }
        const event =
          ctx.path === "/sign-in/email"
            ? failed
              ? "sign_in_rejected"
              : "sign_in"
            : ctx.path === "/sign-up/email"
              ? failed
                ? "sign_up_rejected"
                : "sign_up"
              : ctx.path === "/sign-out"
                ? "sign_out"
                : null;
        if (event) metrics().authEvents.inc({ event });
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const AUTH_KEY = Symbol.for("shipshape.auth");
type AuthHolder = { [AUTH_KEY]?: Auth };

/** Created on first use so that `next build` never opens the database. */
export function auth(): Auth {
  const holder = globalThis as AuthHolder;
  holder[AUTH_KEY] ??= createAuth();
  return holder[AUTH_KEY];
}
