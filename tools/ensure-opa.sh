#!/usr/bin/env bash
# Prints the absolute path of a real `opa` binary on stdout, and nothing else on stdout
# (progress and errors go to stderr), so callers can do: OPA_PATH="$(tools/ensure-opa.sh)".
#   1. $OPA_PATH, when set (must be an executable file);
#   2. the cached build ${EDICT_CACHE_DIR:-$HOME/.cache/edict}/opa/<version>/opa;
#   3. otherwise it builds that binary with `go install` (1-2 minutes with a warm module cache).
set -euo pipefail

OPA_VERSION="v1.22.2"
say() { printf 'ensure-opa: %s\n' "$*" >&2; }

if [[ -n "${OPA_PATH:-}" ]]; then
  if [[ -f "$OPA_PATH" && -x "$OPA_PATH" ]]; then
    realpath "$OPA_PATH"
    exit 0
  fi
  say "OPA_PATH=$OPA_PATH is not an executable file"
  exit 1
fi

cache_root="${EDICT_CACHE_DIR:-$HOME/.cache/edict}"
dir="$cache_root/opa/$OPA_VERSION"
bin="$dir/opa"
# Output captured first: `opa version | grep -q` can kill opa with SIGPIPE, and pipefail
# would then report a good binary as broken.
if [[ -x "$bin" ]] && version_text="$("$bin" version 2>/dev/null)" && grep -q "^Version: ${OPA_VERSION#v}\$" <<<"$version_text"; then
  realpath "$bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  say "no cached opa in $dir and no Go toolchain to build it: install Go, or set OPA_PATH"
  exit 1
fi

# Build into a private folder next to the cache entry, then rename: a build that is killed
# half-way, or two builds racing, never leave a broken binary at the cached path.
mkdir -p "$dir"
staging="$(mktemp -d "$dir/.build-XXXXXX")"
trap 'rm -rf "$staging"' EXIT
say "building opa $OPA_VERSION into $dir (go install, takes a minute or two)"
started=$SECONDS
(cd "$staging" && GOBIN="$staging" go install "github.com/open-policy-agent/opa@$OPA_VERSION") >&2
mv -f "$staging/opa" "$bin"
say "built opa $OPA_VERSION in $((SECONDS - started)) s"
"$bin" version >/dev/null
realpath "$bin"
