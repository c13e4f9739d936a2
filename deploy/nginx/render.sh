#!/bin/sh
# Renders deploy/nginx/*.conf into a writable directory and starts nginx: used
# by compose.yaml inside the nginx image (scripts/stack does the same in Node).
# Only our ${UPPER_CASE} placeholders are replaced, never nginx's $variables.
set -eu
SRC="${SRC:-/etc/shipshape/nginx}"
export DEPLOY_DIR="${DEPLOY_DIR:-/tmp/shipshape-nginx}" RUNTIME_DIR="${RUNTIME_DIR:-/tmp/shipshape-nginx}"
export NGINX_CONF_DIR="${NGINX_CONF_DIR:-/etc/nginx}" LISTEN="${LISTEN:-8080}"
mkdir -p "$DEPLOY_DIR"
for f in "$SRC"/*.conf; do
  envsubst '${DEPLOY_DIR} ${RUNTIME_DIR} ${NGINX_CONF_DIR} ${LISTEN} ${UPSTREAM_SERVERS}' <"$f" >"$DEPLOY_DIR/$(basename "$f")"
done
exec nginx -c "$DEPLOY_DIR/nginx.conf" -g 'daemon off;'
