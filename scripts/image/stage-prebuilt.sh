#!/usr/bin/env bash
# Assembles .cache/image/context, the build context of scripts/image/Dockerfile.prebuilt,
# from what the host already built, so the image test needs no compile inside podman:
#   - the output of `npm run build` (.next without its cache, dist) plus generated/,
#     public/, content/, prisma/ (migrations) and the three config files the server reads;
#   - node_modules pruned to production dependencies, like the Dockerfile's
#     `npm prune --omit=dev`, with each node-gyp module (better-sqlite3) compiled against
#     the base image's own Node: the host runs Node 20, the image Node 24, and a V8
#     addon only loads in the Node ABI it was built for. Host and image are both Debian
#     bookworm, so the compiled addon links against the same glibc and libstdc++.
# Cached in .cache/image, keyed by package-lock.json and the base image's Node version.
# Files are hard links (one filesystem, nothing copied); every file npm or the compiler
# writes is unlinked first, so the host's node_modules is never modified.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/image/common.sh
ROOT="$PWD"
CACHE=.cache/image
CONTEXT="$CACHE/context"
mkdir -p "$CACHE"

[ -s .next/BUILD_ID ] && [ -s dist/server.mjs ] || {
  echo "no production build here (.next/BUILD_ID, dist/server.mjs): run npm run build first" >&2
  exit 1
}
[ -d node_modules/next ] || { echo "node_modules missing: run npm ci first" >&2; exit 1; }

# The base image's Node (binary, headers, npm with node-gyp), copied out once per image.
BASE_ID="$($P image inspect "$BASE_IMAGE" --format '{{.Id}}' | cut -c1-12)"
TOOLCHAIN="$CACHE/node-$BASE_ID"
if [ ! -x "$TOOLCHAIN/bin/node" ]; then
  rm -rf "$CACHE"/node-*
  mkdir -p "$TOOLCHAIN"
  $P run --rm "${LIMITS[@]}" -v "$PWD/$TOOLCHAIN:/out" "$BASE_IMAGE" cp -a /usr/local/. /out/
fi
NODE_VERSION="$("$TOOLCHAIN/bin/node" --version)"
# An addon compiled here runs there: this host's C library must not be newer than the image's.
HOST_LIBC="$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)"
IMAGE_LIBC="$($P run --rm "${LIMITS[@]}" "$BASE_IMAGE" getconf GNU_LIBC_VERSION | cut -d' ' -f2)"
if [ "$(printf '%s\n' "$HOST_LIBC" "$IMAGE_LIBC" | sort -V | tail -1)" != "$IMAGE_LIBC" ]; then
  echo "this host's glibc $HOST_LIBC is newer than the image's $IMAGE_LIBC (Debian bookworm): addons" >&2
  echo "compiled here would not load there; build from source instead (IMAGE_TEST_FROM_SOURCE=1)" >&2
  exit 1
fi

KEY="$(cat package-lock.json scripts/image/stage-prebuilt.sh scripts/image/prune-optional-peers.mjs | sha256sum | cut -c1-12)-node${NODE_VERSION}"
PROD="$CACHE/prod-$KEY"
if [ ! -d "$PROD/node_modules" ]; then
  rm -rf "$CACHE"/prod-*
  WORK="$PROD.tmp"
  mkdir -p "$WORK"
  cp -al node_modules "$WORK/node_modules"
  cp package.json package-lock.json "$WORK/"
  # npm rewrites its hidden lock file in place: give the copy its own file.
  rm -f "$WORK/node_modules/.package-lock.json"
  cp node_modules/.package-lock.json "$WORK/node_modules/.package-lock.json"
  # Same as the Dockerfile.
  (cd "$WORK" && npm prune --omit=dev --ignore-scripts --offline --no-audit --no-fund >/dev/null \
    && node "$ROOT/scripts/image/prune-optional-peers.mjs")
  rm -rf "$WORK/node_modules/.cache"
  # Every production module that node-gyp built on the host: rebuilt for the image's Node
  # in a private copy (the host's tree is hard-linked); the addon files are cached by
  # module version and Node version, so a changed lock file does not compile them again.
  for gyp in "$WORK"/node_modules/{,@*/}*/binding.gyp; do
    [ -e "$gyp" ] || continue
    module="$(dirname "$gyp")"
    [ -d "$module/build/Release" ] || continue   # ships prebuilt N-API binaries instead
    name="${module#"$WORK/node_modules/"}"
    version="$(node -p "require('./$module/package.json').version")"
    addons="$CACHE/addons/${name//\//+}-$version-node$NODE_VERSION"
    if [ ! -d "$addons" ]; then
      scratch="$(mktemp -d)"
      cp -a "node_modules/$name/." "$scratch/"
      rm -rf "$scratch/build"
      echo "compiling $name $version for Node $NODE_VERSION"
      # The image's node by full path: `PATH=… node` would still run the host's (bash looks
      # commands up before the assignment applies), and node-gyp targets the node running it.
      # npm_config_nodedir too: under `npm run` npm exports the user's npmrc (here nodedir=/usr,
      # the host Node's headers), and node-gyp then ignored --nodedir.
      (cd "$scratch" && PATH="$ROOT/$TOOLCHAIN/bin:$PATH" npm_config_nodedir="$ROOT/$TOOLCHAIN" "$ROOT/$TOOLCHAIN/bin/node" \
        "$ROOT/$TOOLCHAIN/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js" \
        rebuild --release --jobs=2 --nodedir="$ROOT/$TOOLCHAIN" >"$ROOT/$CACHE/node-gyp.log" 2>&1) \
        || { tail -30 "$CACHE/node-gyp.log"; rm -rf "$scratch"; exit 1; }
      # Fails here, not in the image, when an addon is for another Node ABI (a SQLite
      # extension such as better-sqlite3's test_extension.node is not a Node addon at all).
      for addon in "$scratch"/build/Release/*.node; do
        loaded="$("$TOOLCHAIN/bin/node" -e 'process.dlopen({ exports: {} }, process.argv[1])' "$addon" 2>&1 || true)"
        if grep NODE_MODULE_VERSION <<<"$loaded"; then rm -rf "$scratch"; exit 1; fi
      done
      mkdir -p "$addons.tmp"
      cp "$scratch"/build/Release/*.node "$addons.tmp/"
      mv "$addons.tmp" "$addons"
      rm -rf "$scratch"
    fi
    rm -rf "$module/build"
    mkdir -p "$module/build/Release"
    cp "$addons"/*.node "$module/build/Release/"
  done
  mv "$WORK" "$PROD"
fi

# The context: hard links again, rebuilt every time (a few seconds), so it is exactly
# the current build. podman's layer cache keeps node_modules when its content is unchanged.
rm -rf "$CONTEXT"
mkdir -p "$CONTEXT"
cp -al "$PROD/node_modules" "$CONTEXT/node_modules"
for dir in .next dist generated public content prisma; do cp -al "$dir" "$CONTEXT/$dir"; done
rm -rf "$CONTEXT/.next/cache"
find "$CONTEXT/prisma" -name '*.db' -o -name '*.db-journal' | xargs -r rm -f   # as .dockerignore
cp package.json next.config.mjs prisma.config.ts "$CONTEXT/"
echo "staged $CONTEXT (node_modules $(du -sh "$PROD/node_modules" | cut -f1), Node $NODE_VERSION)"
