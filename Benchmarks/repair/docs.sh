#!/usr/bin/env bash
# Builds the docs split of the repair evaluation: Debian's manuals in Chinese (debian-reference
# zh-cn and zh-tw, maint-guide zh-cn and zh-tw, debian-faq zh-cn), downloaded with apt (no root
# needed for `apt-get download`), unpacked into docs/ beside this script, and garbled by
# build_cases.py --docs. Added after the rules of the other splits were written, to see how
# they carry to technical text. Not kept in git (GPL and other licences of the manuals).
#
#   PYTHON=/work/venv-peers/bin/python Benchmarks/repair/docs.sh
#   /work/venv-peers/bin/python Benchmarks/repair/run_eval.py --split docs
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
root="$here/docs"
packages=(debian-reference-zh-cn debian-reference-zh-tw maint-guide-zh-cn maint-guide-zh-tw debian-faq-zh-cn)
mkdir -p "$root"
cd "$root"
for package in "${packages[@]}"; do
  ls "${package}"_*.deb >/dev/null 2>&1 && continue
  apt-get download "$package" 2>/dev/null || {
    echo "docs.sh: apt-get download $package failed; run 'apt-get update' (as root) and try again" >&2
    exit 1
  }
done
for package in "${packages[@]}"; do
  deb=$(ls "${package}"_*.deb)
  dpkg-deb -x "$deb" "$root"
  echo "docs.sh: $deb ($(sha256sum "$deb" | cut -c1-16)…)"
done
"$python" "$here/build_cases.py" --docs "$root"
