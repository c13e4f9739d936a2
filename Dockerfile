# syntax=docker/dockerfile:1
# Production image for Shipshape. Practises the chapter: a build stage with the
# compilers and a small runtime stage without them, a non-root user, exec-form
# CMD so node is PID 1 and receives SIGTERM itself, a HEALTHCHECK that needs no
# curl, files the app cannot modify (it runs with --read-only plus tmpfs), and a
# stop grace period the app's drain fits in. tests/image checks all of it.
#
# BASE_IMAGE defaults to the official Node 24 LTS image. Where no registry is
# reachable, scripts/image/base-image.sh builds an equivalent locally and the
# build gets --build-arg BASE_IMAGE=localhost/shipshape-base:24.
ARG BASE_IMAGE=node:24-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source: compilers here only, never in the runtime stage.
# npm_config_nodedir: build native modules against the image's own Node headers.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1 npm_config_nodedir=/usr/local
# Only what `npm ci` (and its postinstall) reads, so this layer stays cached
# until the lock file or the schema changes.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-sqlite-adapter.ts scripts/generate-pg-schema.mjs scripts/copy-browser-assets.mjs ./scripts/
# Behind a TLS-inspecting proxy, pass its CA bundle as a build secret
# (--secret id=ca,src=/etc/ssl/certs/ca-certificates.crt): it is mounted for this
# step only and never stored in a layer. Without the secret this builds as usual.
RUN --mount=type=secret,id=ca \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi; \
    npm ci --no-audit --no-fund
COPY . .
# npm prune keeps dev tools that a production package names as an optional peer
# (typescript for prisma, vitest for better-auth, @playwright/test for next): nothing
# loads them at run time, so they go too (scripts/image/prune-optional-peers.mjs;
# tests/image checks).
RUN npm run build && npm prune --omit=dev && node scripts/image/prune-optional-peers.mjs \
    && rm -rf .next/cache

FROM ${BASE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    SHUTDOWN_DRAIN_DELAY_MS=2000 SHUTDOWN_FORCE_EXIT_MS=8000
# Owned by root and only readable by the app's user: a compromised process cannot
# rewrite its own code. Next's cache directory is the one writable place (a tmpfs
# when the container runs with --read-only).
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/generated ./generated
COPY --from=build /app/.next ./.next
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY --from=build /app/content ./content
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/package.json /app/next.config.mjs /app/prisma.config.ts ./
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Liveness only: the readiness endpoint is for load balancers, not for restarts.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/server.mjs"]
