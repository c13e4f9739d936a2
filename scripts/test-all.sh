#!/usr/bin/env bash
# Installs what the tests need and runs every test: typecheck, lint, unit,
# integration (SQLite and PostgreSQL), e2e (Playwright + Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Chromium (Debian package; Playwright never downloads a browser)"
if [ ! -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

step "npm ci"
npm ci --no-audit --no-fund

step "PostgreSQL for the data-access tests"
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 0.5; done
fi
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
  echo "using $TEST_POSTGRES_URL"
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432; CI requires it" >&2
  exit 1
else
  echo "PostgreSQL not reachable: data-access tests run on SQLite only"
fi

step "typecheck"
npm run typecheck

step "lint"
npm run lint

step "unit tests"
npm run test:unit

step "production build"
npm run build

step "integration tests"
npm run test:integration

step "e2e tests (Chromium, axe)"
npm run test:e2e
