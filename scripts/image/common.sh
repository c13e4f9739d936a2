# Shared by scripts/image/*.sh (sourced, not run): the podman invocation that works
# here, the local base image's name and cache key, and phase timing.
P="podman --runtime /usr/sbin/runc"            # crun fails on these machines
LIMITS=(--ulimit nofile=1024:1024 --ulimit nproc=4096:4096)   # podman's defaults are refused
NODE_MAJOR="${NODE_MAJOR:-24}"
NPM_MAJOR="${NPM_MAJOR:-11}"
BASE_IMAGE="localhost/shipshape-base:${NODE_MAJOR}"
# The base is rebuilt only when what makes it changes: this recipe or the versions asked for.
BASE_KEY="$(cat scripts/image/base-image.sh scripts/image/common.sh | sha256sum | cut -c1-12)-node${NODE_MAJOR}-npm${NPM_MAJOR}"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# `phase NAME` starts timing a phase; the next `phase` (or `phase_end`) prints how long it
# took as "PHASE name: N s" (tests/image collects these lines).
PHASE_NAME="" PHASE_START=0
phase_end() {
  [ -n "$PHASE_NAME" ] && echo "PHASE $PHASE_NAME: $(( $(date +%s) - PHASE_START )) s"
  PHASE_NAME=""
}
phase() { phase_end; PHASE_NAME="$*" PHASE_START=$(date +%s); }
