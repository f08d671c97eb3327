#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only when one is missing.
# Usage: scripts/install-system-deps.sh [extra-package ...]
set -euo pipefail
packages=(libcurl4-openssl-dev libsqlite3-dev libssl-dev libolm-dev libopenblas-dev wordnet-base "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing system packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
# No recommends: libolm-dev would pull in documentation fonts.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
