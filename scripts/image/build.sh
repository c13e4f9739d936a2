#!/usr/bin/env bash
# Builds the app image from the Dockerfile with podman (runc), on the local base
# image (scripts/image/base-image.sh). The host's CA bundle goes in as a build
# secret, so npm ci works behind a TLS-inspecting proxy; it is never a layer.
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE="${1:-localhost/shipshape:test}"
bash scripts/image/base-image.sh
SECRET=()
[ -s /etc/ssl/certs/ca-certificates.crt ] && SECRET=(--secret id=ca,src=/etc/ssl/certs/ca-certificates.crt)
start=$(date +%s)
podman --runtime /usr/sbin/runc build --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 --format docker \
  --build-arg BASE_IMAGE=localhost/shipshape-base:24 "${SECRET[@]}" --layers -t "$IMAGE" .
echo "built $IMAGE in $(( $(date +%s) - start )) s"
