#!/usr/bin/env bash
# Prints the path of a promtool (Debian's `prometheus` package), installing the package first when
# none is found and this user may (root, or sudo without a password). Only the promtool binary is
# needed: a policy-rc.d that denies every start keeps the package's prometheus service from
# starting (left alone when the machine has one already). Progress goes to stderr; no stdin is read.
set -euo pipefail
found() { command -v promtool 2>/dev/null || { [ -x /usr/bin/promtool ] && echo /usr/bin/promtool; }; }
if path=$(found); then echo "$path"; exit 0; fi
if [ "$(id -u)" = 0 ]; then SUDO=(); elif sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
  echo "ensure-promtool: no promtool, and installing Debian's prometheus needs root or passwordless sudo" >&2; exit 1
fi
added_policy=false
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null && "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d && added_policy=true
fi
cleanup() { if $added_policy; then "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT
echo "ensure-promtool: installing Debian's prometheus package for promtool" >&2
"${SUDO[@]}" apt-get update </dev/null >&2
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus </dev/null >&2
found
