import type { LabInput } from "@/lib/labs/schema";

const lines = (...text: string[]) => `${text.join("\n")}\n`;

const lab: LabInput = {
  slug: "harden-the-dockerfile",
  title: "Harden a Dockerfile so the image runs read-only, non-root and without secrets",
  lesson: "security",
  lessonSection: "putting-it-together",
  summary: "Rewrite a quick-and-dirty Dockerfile until all nine hardening checks pass.",
  goal:
    "This Dockerfile works, but it ships a GitHub token, the .env file and a private key, runs as root with " +
    "compilers inside, and its CMD starts a shell that swallows SIGTERM. The container will run with --read-only " +
    "--tmpfs /tmp --cap-drop=ALL. Rewrite the Dockerfile so the image passes every check. The app reads PORT " +
    "(default 80) and writes its cache to CACHE_DIR (default /app/cache); npm run build puts the app in dist/, " +
    "with dist/healthcheck.js as a probe script that exits 0 or 1.",
  kind: "dockerfile",
  scenario: {
    context: [
      "package.json",
      "package-lock.json",
      "src/server.js",
      "src/healthcheck.js",
      ".env",
      "config/.env",
      "certs/server.pem",
      "README.md",
    ],
    dockerignore: "",
    run: { readOnly: true, writable: ["/tmp"], capDrop: ["ALL"], capAdd: [], unprivilegedPortStart: 1024 },
    app: { writes: [{ path: "/app/cache", env: "CACHE_DIR" }], listen: { port: 80, env: "PORT" } },
  },
  checks: [
    { type: "dockerfile", check: "non-root-user" },
    { type: "dockerfile", check: "no-secret-build-values" },
    { type: "dockerfile", check: "no-secret-files" },
    { type: "dockerfile", check: "pinned-base" },
    { type: "dockerfile", check: "no-build-tools" },
    { type: "dockerfile", check: "exec-form" },
    { type: "dockerfile", check: "healthcheck" },
    { type: "dockerfile", check: "read-only" },
    { type: "dockerfile", check: "port-binding" },
  ],
  input: {
    starterText: lines(
      "FROM node",
      "WORKDIR /app",
      "COPY . .",
      "RUN apt-get update && apt-get install -y build-essential python3",
      "RUN npm install",
      "ENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
      "EXPOSE 80",
      "CMD npm start",
    ),
  },
  hints: [
    "Run it and follow the line numbers: each failed check names the instruction to blame. Several checks are fixed by the same change.",
    "Build in one stage and copy only the result into a second, slim stage: the compilers and the full source stay behind. Copy named files instead of the whole context.",
    "With --cap-drop=ALL a non-root process cannot bind a port below 1024, and with --read-only only /tmp is writable. Both the port and the cache directory can be moved with ENV.",
  ],
  solution: {
    text: lines(
      "# syntax=docker/dockerfile:1",
      "FROM node:24.11-bookworm-slim AS build",
      "WORKDIR /app",
      "COPY package.json package-lock.json ./",
      "RUN apt-get update && apt-get install -y --no-install-recommends build-essential python3",
      "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci",
      "COPY src ./src",
      "RUN npm run build && npm prune --omit=dev",
      "",
      "FROM node:24.11-bookworm-slim",
      "ENV NODE_ENV=production PORT=8080 CACHE_DIR=/tmp/cache",
      "WORKDIR /app",
      "COPY --from=build --chown=node:node /app/node_modules ./node_modules",
      "COPY --from=build /app/dist ./dist",
      "USER node",
      "EXPOSE 8080",
      'HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "dist/healthcheck.js"]',
      'CMD ["node", "dist/server.js"]',
    ),
    explanation:
      "A build stage on a pinned slim image installs the compilers, gets the npm token as a build secret (mounted " +
      "for one RUN, never in a layer or in ENV) and prunes devDependencies. The final stage starts again from the " +
      "same pinned image and copies only node_modules and dist, so no compiler, no .env and no key reach it. USER " +
      "node drops root; PORT=8080 avoids the privileged port that --cap-drop=ALL would forbid; CACHE_DIR=/tmp/cache " +
      "moves the only write onto the tmpfs. CMD and HEALTHCHECK use the JSON form, so node is PID 1 and receives " +
      "SIGTERM, and the probe needs no curl the slim image lacks.",
  },
};

export default lab;
