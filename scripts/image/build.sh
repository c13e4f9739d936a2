#!/usr/bin/env bash
# Builds the app image with podman (runc) on the local base image
# (scripts/image/base-image.sh). Prints each phase's time as "PHASE name: N s".
#
#   bash scripts/image/build.sh [IMAGE]              the Dockerfile, from source (multi-stage)
#   bash scripts/image/build.sh --prebuilt [IMAGE]   scripts/image/Dockerfile.prebuilt: the same
#        runtime stage filled from the host's `npm run build` and production node_modules
#        (scripts/image/stage-prebuilt.sh); what the image test uses, minutes instead of 10-30.
#
# From source, the host's CA bundle goes in as a build secret, so npm ci works behind a
# TLS-inspecting proxy; it is never a layer.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/image/common.sh
MODE=source
[ "${1:-}" = "--prebuilt" ] && { MODE=prebuilt; shift; }
IMAGE="${1:-localhost/shipshape:test}"
BUILD=($P build "${LIMITS[@]}" --format docker --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$IMAGE")
start=$(date +%s)

phase "base image"
bash scripts/image/base-image.sh
if [ "$MODE" = prebuilt ]; then
  phase "stage host build and production node_modules"
  bash scripts/image/stage-prebuilt.sh
  phase "podman build (Dockerfile.prebuilt)"
  # No intermediate layers: podman 4.3's cache never matched the ~800 MB node_modules COPY
  # here (seen: a miss even with an unchanged context), so they were only ~1 GB of garbage
  # per run. The image this one replaces goes too.
  previous="$($P image inspect "$IMAGE" --format '{{.Id}}' 2>/dev/null || true)"
  "${BUILD[@]}" --layers=false -f scripts/image/Dockerfile.prebuilt .cache/image/context
  if [ -n "$previous" ] && [ "$previous" != "$($P image inspect "$IMAGE" --format '{{.Id}}')" ]; then
    $P rmi "$previous" >/dev/null 2>&1 || true   # still used by a container: kept
  fi
else
  SECRET=()
  [ -s /etc/ssl/certs/ca-certificates.crt ] && SECRET=(--secret id=ca,src=/etc/ssl/certs/ca-certificates.crt)
  phase "podman build (Dockerfile, from source)"
  "${BUILD[@]}" --layers "${SECRET[@]}" .   # layers: npm ci stays cached until the lock changes
fi
phase_end
echo "built $IMAGE ($MODE) in $(( $(date +%s) - start )) s"
