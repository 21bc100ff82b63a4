#!/usr/bin/env bash
# Shared by docs.sh and manuals.sh: downloads Debian packages with apt (no root needed for
# `apt-get download`) into the split's directory beside this script, unpacks them there and
# garbles their text with build_cases.py --SPLIT.
#
#   debian_split.sh SPLIT PACKAGE...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
split="$1"
shift
root="$here/$split"
mkdir -p "$root"
cd "$root"
for package in "$@"; do
  ls "${package}"_*.deb >/dev/null 2>&1 && continue
  apt-get download "$package" 2>/dev/null || {
    echo "$split: apt-get download $package failed; run 'apt-get update' (as root) and try again" >&2
    exit 1
  }
done
for package in "$@"; do
  deb=$(ls "${package}"_*.deb)
  dpkg-deb -x "$deb" "$root"
  echo "$split: $deb ($(sha256sum "$deb" | cut -c1-16)…)"
done
"$python" "$here/build_cases.py" "--$split" "$root"
