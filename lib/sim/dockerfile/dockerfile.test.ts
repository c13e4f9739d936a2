import { describe, expect, it } from "vitest";
import {
  checkDockerfile,
  isIgnored,
  parseDockerignore,
  type CheckId,
  type DockerfileScenarioInput,
} from "./index";

// The lab's app: listens on PORT (default 80), writes its cache to CACHE_DIR (default /app/cache)
// and run with --read-only --tmpfs /tmp --cap-drop=ALL.
const CONTEXT = [
  "package.json",
  "package-lock.json",
  "src/server.js",
  "src/healthcheck.js",
  ".env",
  "config/.env",
  "certs/server.pem",
  "README.md",
];
const scenario = (
  dockerfile: string,
  extra: Partial<DockerfileScenarioInput> = {},
): DockerfileScenarioInput => ({
  dockerfile,
  context: CONTEXT,
  run: { writable: ["/tmp"] },
  app: { writes: [{ path: "/app/cache", env: "CACHE_DIR" }], listen: { port: 80, env: "PORT" } },
  ...extra,
});
const check = (dockerfile: string, extra: Partial<DockerfileScenarioInput> = {}) =>
  Object.fromEntries(checkDockerfile(scenario(dockerfile, extra)).map((r) => [r.id, r])) as Record<
    CheckId,
    ReturnType<typeof checkDockerfile>[number]
  >;
const df = (...lines: string[]) => `${lines.join("\n")}\n`;

const STARTER = df(
  "FROM node", //                                                     1
  "WORKDIR /app", //                                                  2
  "COPY . .", //                                                      3
  "RUN apt-get update && apt-get install -y build-essential python3", // 4
  "RUN npm install", //                                               5
  "ENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789", //        6
  "EXPOSE 80", //                                                     7
  "CMD npm start", //                                                 8
);

const SOLUTION = df(
  "# syntax=docker/dockerfile:1",
  "FROM node:24.11-bookworm-slim AS build", //                            2
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN apt-get update && apt-get install -y --no-install-recommends build-essential python3",
  "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci",
  "COPY src ./src",
  "RUN npm run build && npm prune --omit=dev",
  "",
  "FROM node:24.11-bookworm-slim", //                                     10
  "ENV NODE_ENV=production PORT=8080 CACHE_DIR=/tmp/cache", //           11
  "WORKDIR /app",
  "COPY --from=build --chown=node:node /app/node_modules ./node_modules",
  "COPY --from=build /app/dist ./dist",
  "USER node", //                                                         15
  "EXPOSE 8080",
  'HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "dist/healthcheck.js"]', // 17
  'CMD ["node", "dist/server.js"]', //                                    18
);
const IGNORE = df("**/.env", "**/*.pem", "node_modules", ".git");

describe("the lab's starter and solution", () => {
  it("the starter fails every check, each at its line", () => {
    const r = check(STARTER);
    const lines = Object.fromEntries(Object.values(r).map((c) => [c.id, c.pass ? "pass" : c.line]));
    expect(lines).toEqual({
      "non-root-user": 1,
      "no-secret-build-values": 6,
      "no-secret-files": 3,
      "pinned-base": 1,
      "no-build-tools": 1, // node (latest, full) is built on buildpack-deps
      "exec-form": 8,
      healthcheck: null,
      "read-only": null, // /app/cache is not a tmpfs; no line moves it
      "port-binding": 7, // root, port 80, --cap-drop=ALL took NET_BIND_SERVICE
    });
    expect(r["no-secret-build-values"].message).toMatch(/ENV API_TOKEN holds what looks like a GitHub token/);
    expect(r["no-secret-files"].message).toMatch(
      /^\.env, config\/\.env, certs\/server\.pem from the build context end up/,
    );
    expect(r["pinned-base"].message).toMatch(/has no tag, so it means latest/);
    expect(r["exec-form"].message).toMatch(/shell form: \/bin\/sh -c becomes PID 1/);
    expect(r["port-binding"].message).toMatch(/needs CAP_NET_BIND_SERVICE/);
  });

  it("the hardened solution passes all nine", () => {
    const results = checkDockerfile(scenario(SOLUTION, { dockerignore: IGNORE }));
    expect(results).toHaveLength(9);
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results.find((r) => r.id === "non-root-user")).toMatchObject({
      line: 15,
      message: "Runs as node, a non-root user.",
    });
  });
});

describe("non-root USER in the final stage", () => {
  it("a later USER root undoes an earlier non-root USER", () => {
    const r = check(
      df("FROM node:22-slim", "USER node", "RUN npm ci --omit=dev", "USER root", 'CMD ["node","s.js"]'),
    );
    expect(r["non-root-user"]).toMatchObject({ pass: false, line: 4 });
    expect(r["non-root-user"].message).toMatch(/switches back to root after line 2/);
  });

  it("numeric uids pass; a name must exist in the image or be created", () => {
    expect(check(df("FROM node:22-slim", "USER 1000:1000"))["non-root-user"].pass).toBe(true);
    expect(check(df("FROM node:22-slim", "USER 0:0"))["non-root-user"].pass).toBe(false);
    const missing = check(df("FROM node:22-slim", "USER app"))["non-root-user"];
    expect(missing).toMatchObject({ pass: false, line: 2 });
    expect(missing.message).toMatch(/unable to find user app/);
    expect(
      check(df("FROM node:22-slim", "RUN groupadd -r app && useradd -r -g app app", "USER app"))[
        "non-root-user"
      ].pass,
    ).toBe(true);
  });

  it("only the final stage counts; distroless :nonroot already runs as nonroot", () => {
    expect(
      check(df("FROM node:22 AS build", "USER node", "FROM node:22-slim"))["non-root-user"],
    ).toMatchObject({ pass: false, line: 3 });
    expect(check(df("FROM gcr.io/distroless/nodejs22-debian12:nonroot"))["non-root-user"].pass).toBe(true);
  });
});

describe("secrets in ARG and ENV", () => {
  it("names follow BuildKit's SecretsUsedInArgOrEnv rule; values are looked at too", () => {
    const r = check(
      df(
        "ARG NPM_TOKEN",
        "FROM node:22-slim",
        "ENV DB_PASSWORD_FILE=/run/secrets/db PUBLIC_KEY=abc KEYBOARD=us",
      ),
    );
    expect(r["no-secret-build-values"]).toMatchObject({ pass: false, line: 1 });
    expect(r["no-secret-build-values"].message).toMatch(/^ARG NPM_TOKEN is named like a secret/);
    // *_FILE, PUBLIC_* and KEYBOARD (no underscore-bounded token) are allowed.
    expect(
      check(df("FROM node:22-slim", "ENV DB_PASSWORD_FILE=/run/secrets/db PUBLIC_KEY=abc KEYBOARD=us"))[
        "no-secret-build-values"
      ].pass,
    ).toBe(true);
    const url = check(
      df("FROM node:22-slim", "ENV PORT=8080", "ENV DATABASE_URL=postgres://app:hunter2@db:5432/app"),
    )["no-secret-build-values"];
    expect(url).toMatchObject({ pass: false, line: 3 });
    expect(url.message).toMatch(/a URL with a password/);
    expect(
      check(df("FROM node:22-slim", "ENV DATABASE_URL=postgres://db:5432/app"))["no-secret-build-values"]
        .pass,
    ).toBe(true);
  });
});

describe("secret files copied into layers, with .dockerignore", () => {
  const copyAll = df("FROM node:22-slim", "WORKDIR /app", "COPY . .");

  it("'.env' and '*.pem' match only at the context root; '**/' reaches subdirectories", () => {
    const rootOnly = check(copyAll, { dockerignore: df(".env", "*.pem") })["no-secret-files"];
    expect(rootOnly).toMatchObject({ pass: false, line: 3 });
    expect(rootOnly.message).toMatch(/^config\/\.env, certs\/server\.pem from/);
    expect(rootOnly.message).toMatch(/as \/app\/config\/\.env/);
    expect(check(copyAll, { dockerignore: df("**/.env", "**/*.pem") })["no-secret-files"].pass).toBe(true);
    // A directory pattern covers everything under it; the last matching line wins.
    expect(check(copyAll, { dockerignore: df("**/.env", "certs") })["no-secret-files"].pass).toBe(true);
    expect(
      check(copyAll, { dockerignore: df("**/.env", "**/*.pem", "!certs/server.pem") })["no-secret-files"]
        .message,
    ).toMatch(/^certs\/server\.pem/);
  });

  it("copying only what the app needs passes without a .dockerignore", () => {
    expect(
      check(df("FROM node:22-slim", "WORKDIR /app", "COPY package*.json ./", "COPY src/ ./src/"))[
        "no-secret-files"
      ].pass,
    ).toBe(true);
    expect(check(df("FROM node:22-slim", "COPY config /etc/app"))["no-secret-files"].message).toMatch(
      /as \/etc\/app\/\.env/,
    );
  });

  it("a secret copied into a build stage reaches the final image only through COPY --from", () => {
    const build = ["FROM node:22-slim AS build", "WORKDIR /app", "COPY . .", "RUN npm ci && npm run build"];
    const leaks = check(df(...build, "FROM node:22-slim", "COPY --from=build /app /app"))["no-secret-files"];
    expect(leaks).toMatchObject({ pass: false, line: 6 });
    expect(leaks.message).toMatch(/as \/app\/\.env/);
    expect(
      check(df(...build, "FROM node:22-slim", "COPY --from=build /app/dist /app/dist"))["no-secret-files"]
        .pass,
    ).toBe(true);
  });
});

describe("pinned base images", () => {
  it("latest or no tag fails on that FROM; a version tag, a digest or a pinned ARG default passes", () => {
    expect(check(df("FROM node:22 AS build", "FROM node:latest"))["pinned-base"]).toMatchObject({
      pass: false,
      line: 2,
    });
    expect(
      check(df("FROM node@sha256:0b5b940c21ab03353de9042f9166c75bcfc53c4cd0508c7fd88576646adbf875"))[
        "pinned-base"
      ].pass,
    ).toBe(true);
    expect(
      check(df("ARG BASE=node:24.11-slim", "FROM ${BASE} AS build", "FROM build"))["pinned-base"].pass,
    ).toBe(true);
    expect(check(df("ARG BASE=node", "FROM ${BASE}"))["pinned-base"]).toMatchObject({ pass: false, line: 2 });
    expect(check(df("FROM registry.example.com:5000/team/app"))["pinned-base"].pass).toBe(false);
  });
});

describe("build tools in the final stage", () => {
  it("packages installed in the final stage fail unless removed in the same RUN", () => {
    const r = check(df("FROM node:22-alpine", "RUN apk add --no-cache python3 make g++"))["no-build-tools"];
    expect(r).toMatchObject({ pass: false, line: 2 });
    expect(r.message).toMatch(/^python3, make, g\+\+ are installed/);
    expect(
      check(
        df(
          "FROM node:22-alpine",
          "RUN apk add --no-cache --virtual .gyp python3 make g++ && npm ci --omit=dev && apk del .gyp",
        ),
      )["no-build-tools"].pass,
    ).toBe(true);
  });

  it("npm ci keeps devDependencies unless --omit=dev or NODE_ENV=production", () => {
    expect(check(df("FROM node:22-slim", "RUN npm ci"))["no-build-tools"]).toMatchObject({
      pass: false,
      line: 2,
    });
    expect(
      check(df("FROM node:22-slim", "ENV NODE_ENV=production", "RUN npm ci"))["no-build-tools"].pass,
    ).toBe(true);
    expect(check(df("FROM node:22-slim", "RUN npm ci --omit=dev"))["no-build-tools"].pass).toBe(true);
  });

  it("the full node image ships a compiler; building in an earlier stage keeps it out", () => {
    expect(check(df("FROM node:22", 'CMD ["node","s.js"]'))["no-build-tools"].message).toMatch(
      /node:22, which ships gcc, make, python3/,
    );
    expect(
      check(df("FROM node:22 AS build", "RUN npm ci", "FROM node:22-slim", "COPY --from=build /app /app"))[
        "no-build-tools"
      ].pass,
    ).toBe(true);
  });
});

describe("exec-form CMD/ENTRYPOINT and HEALTHCHECK", () => {
  it("single quotes are not JSON, so Docker falls back to shell form", () => {
    const r = check(df("FROM node:22-slim", "CMD ['node', 'server.js']"))["exec-form"];
    expect(r).toMatchObject({ pass: false, line: 2 });
    expect(r.message).toMatch(/not valid JSON/);
    expect(
      check(df("FROM node:22-slim", "ENTRYPOINT node server.js", 'CMD ["--port", "8080"]'))["exec-form"],
    ).toMatchObject({ pass: false, line: 2 });
    expect(check(df("FROM node:22-slim"))["exec-form"]).toMatchObject({ pass: false, line: null });
  });

  it("a HEALTHCHECK needs its tool in the image; NONE turns it off", () => {
    const curl = check(
      df("FROM node:22-slim", "HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1"),
    )["healthcheck"];
    expect(curl).toMatchObject({ pass: false, line: 2 });
    expect(curl.message).toMatch(/runs curl, which node:22-slim does not include/);
    expect(
      check(
        df(
          "FROM node:22-slim",
          "RUN apt-get update && apt-get install -y curl",
          "HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1",
        ),
      )["healthcheck"].pass,
    ).toBe(true);
    expect(
      check(df("FROM node:22-alpine", "HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1"))[
        "healthcheck"
      ].pass,
    ).toBe(true);
    expect(check(df("FROM node:22-slim", "HEALTHCHECK NONE"))["healthcheck"]).toMatchObject({
      pass: false,
      line: 2,
    });
    const distroless = "FROM gcr.io/distroless/nodejs22-debian12:nonroot";
    expect(check(df(distroless, "HEALTHCHECK CMD node healthcheck.js"))["healthcheck"].message).toMatch(
      /no \/bin\/sh/,
    );
    expect(
      check(df(distroless, 'HEALTHCHECK CMD ["/nodejs/bin/node", "healthcheck.js"]'))["healthcheck"].pass,
    ).toBe(true);
  });
});

describe("--read-only and --cap-drop=ALL", () => {
  it("writes must land on a tmpfs or volume; ENV can move them there", () => {
    expect(check(df("FROM node:22-slim", "ENV CACHE_DIR=/tmp/cache"))["read-only"].pass).toBe(true);
    expect(check(df("FROM node:22-slim", "VOLUME /app/cache"))["read-only"].pass).toBe(true);
    const wrong = check(df("FROM node:22-slim", "ENV CACHE_DIR=/var/cache/app"))["read-only"];
    expect(wrong).toMatchObject({ pass: false, line: 2 });
    expect(wrong.message).toMatch(/writes to \/var\/cache\/app \(CACHE_DIR on line 2\)/);
    expect(check(df("FROM node:22-slim"), { run: { readOnly: false } })["read-only"].pass).toBe(true);
  });

  it("a non-root process cannot bind below ip_unprivileged_port_start, even with NET_BIND_SERVICE", () => {
    const nonRoot80 = df("FROM node:22-slim", "USER node", "EXPOSE 80");
    const r = check(nonRoot80, { run: { writable: ["/tmp"], capAdd: ["NET_BIND_SERVICE"] } })["port-binding"];
    expect(r).toMatchObject({ pass: false, line: 3 });
    expect(r.message).toMatch(/cannot bind port 80/);
    expect(check(df("FROM node:22-slim", "USER node", "ENV PORT=8080"))["port-binding"]).toMatchObject({
      pass: true,
      line: 3,
    });
    // Docker ≥ 20.10 on a bridge network sets ip_unprivileged_port_start=0: port 80 then binds.
    expect(
      check(nonRoot80, { run: { writable: ["/tmp"], unprivilegedPortStart: 0 } })["port-binding"].pass,
    ).toBe(true);
    // Root keeps working on 80 only if NET_BIND_SERVICE is added back after --cap-drop=ALL.
    expect(
      check(df("FROM node:22-slim"), { run: { capAdd: ["NET_BIND_SERVICE"] } })["port-binding"].pass,
    ).toBe(true);
  });
});

describe(".dockerignore matching (moby/patternmatcher)", () => {
  it("root-anchored globs, ** at any depth, parent directories and exceptions", () => {
    const p = parseDockerignore(
      df(
        "# comment",
        "*.pem",
        "/build",
        "**/secrets/**",
        "node_modules",
        "*.md",
        "!README.md",
        "docs/**/*.tmp",
      ),
    );
    expect(isIgnored(p, "a.pem")).toBe(true);
    expect(isIgnored(p, "certs/a.pem")).toBe(false);
    expect(isIgnored(p, "build/out.js")).toBe(true);
    expect(isIgnored(p, "src/build/out.js")).toBe(false);
    expect(isIgnored(p, "x/y/secrets/z")).toBe(true);
    expect(isIgnored(p, "node_modules/pkg/index.js")).toBe(true);
    expect(isIgnored(p, "CHANGES.md")).toBe(true);
    expect(isIgnored(p, "README.md")).toBe(false);
    expect(isIgnored(p, "docs/a.tmp")).toBe(true);
    expect(isIgnored(p, "docs/a/b/c.tmp")).toBe(true);
    expect(isIgnored(p, "./docs/../a.pem")).toBe(true);
  });
});

it("input without FROM gets one clear failure, a malformed scenario a ZodError", () => {
  expect(checkDockerfile({ dockerfile: "RUN echo hi\n" })).toEqual([
    expect.objectContaining({
      id: "pinned-base",
      pass: false,
      message: expect.stringMatching(/no FROM instruction/),
    }),
  ]);
  expect(() =>
    checkDockerfile({ dockerfile: "FROM x", run: { writable: ["tmp"] } } as DockerfileScenarioInput),
  ).toThrow(/absolute path/);
});
