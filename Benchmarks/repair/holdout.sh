#!/usr/bin/env bash
# Builds the held-out split of the repair evaluation: Debian's manpages-zh and fortunes-zh,
# downloaded with apt (no root needed for `apt-get download`), unpacked into holdout/ beside this
# script, and garbled by build_cases.py --holdout. Not kept in git (GFDL and GPL text).
#
#   PYTHON=/work/venv-peers/bin/python Benchmarks/repair/holdout.sh
#   /work/venv-peers/bin/python Benchmarks/repair/run_eval.py --split holdout
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
root="$here/holdout"
mkdir -p "$root"
cd "$root"
if ! ls manpages-zh_*.deb fortunes-zh_*.deb >/dev/null 2>&1; then
  apt-get download manpages-zh fortunes-zh 2>/dev/null || {
    echo "holdout.sh: apt-get download failed; run 'apt-get update' (as root) and try again" >&2
    exit 1
  }
fi
for deb in manpages-zh_*.deb fortunes-zh_*.deb; do
  dpkg-deb -x "$deb" "$root"
  echo "holdout.sh: $deb ($(sha256sum "$deb" | cut -c1-16)…)"
done
"$python" "$here/build_cases.py" --holdout "$root"
