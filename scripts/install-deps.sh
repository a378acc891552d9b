#!/usr/bin/env bash
# Installs what kosh needs to build and test, from Debian 12 packages. Does nothing when all are
# present, so every entry point can call it.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxapian-dev libcli11-dev libutf8proc-dev libfmt-dev libjemalloc-dev catch2
  libgumbo-dev libarchive-dev libpoppler-cpp-dev libpugixml-dev
  python3 xapian-tools
  python3-docutils # the tests check kosh's HTML and reST readers against docutils' output
  groff qpdf # the PDF tests write their PDFs with groff -Tpdf, and encrypt one with qpdf
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "kosh needs these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}" >&2
  exit 2
fi
# What it does goes to stderr: the caller's stdout (kosh.sh ask ... | head) stays kosh's own.
echo "${KOSH_SCRIPT:-install-deps.sh}: installing build dependencies (apt-get): ${missing[*]}..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
