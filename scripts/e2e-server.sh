#!/usr/bin/env bash
# The production build on a fresh, migrated and seeded SQLite database, for Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
rm -f tmp/e2e.db tmp/e2e.db-journal tmp/e2e.db-wal tmp/e2e.db-shm
export DATABASE_URL="file:./tmp/e2e.db"
export NODE_ENV=production
export HOSTNAME=127.0.0.1
export BETTER_AUTH_SECRET="e2e-secret-not-for-production-0123456789"
export BETTER_AUTH_URL="http://127.0.0.1:${PORT}"
# Every e2e test signs in from 127.0.0.1; the limiter itself is covered by an integration test.
export AUTH_SIGNIN_RATE_MAX=1000
export AUTH_SIGNUP_RATE_MAX=1000
# /api/metrics needs a bearer token (e2e/site.spec.ts sends this one).
export METRICS_TOKEN="e2e-metrics-token-0123456789abcdef"
npx tsx scripts/db-deploy.ts >/dev/null
npx tsx prisma/seed.ts >/dev/null
exec node dist/server.mjs
