import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { authSecret, env } from "@/lib/env";
import { db, isPostgresUrl } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";
import { CLIENT_IP_HEADER } from "@/lib/server/request-context";

const signInLimit = Number(process.env.AUTH_SIGNIN_RATE_MAX ?? 5);
const signUpLimit = Number(process.env.AUTH_SIGNUP_RATE_MAX ?? 10);

/** localhost and 127.0.0.1 name the same server; accept forms posted from either. */
function sameMachineOrigins(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  if (url.hostname !== "localhost" && url.hostname !== "127.0.0.1") return [url.origin];
  const port = url.port ? `:${url.port}` : "";
  return [`${url.protocol}//localhost${port}`, `${url.protocol}//127.0.0.1${port}`];
}

function createAuth() {
  return betterAuth({
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
      autoSignIn: true,
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
    },
    rateLimit: {
      enabled: true,
      storage: "memory",
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
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const failed = ctx.context.returned instanceof APIError;
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
