#!/usr/bin/env bash
# Builds the manuals split of the repair evaluation: LibreOffice's help (zh-CN and zh-TW), the
# Debian Administrator's Handbook (zh-CN and zh-TW) and GNOME's user help (zh_CN), downloaded
# with apt (no root needed for `apt-get download`), unpacked into manuals/ beside this script,
# and garbled by build_cases.py --manuals. Other translators than the docs split's, added last
# to see how the rules carry to text they were not written on. Not kept in git (MPL, GPL and
# CC BY-SA text).
#
#   PYTHON=/work/venv-peers/bin/python Benchmarks/repair/manuals.sh
#   /work/venv-peers/bin/python Benchmarks/repair/run_eval.py --split manuals
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
root="$here/manuals"
packages=(libreoffice-help-zh-cn libreoffice-help-zh-tw debian-handbook gnome-user-docs)
mkdir -p "$root"
cd "$root"
for package in "${packages[@]}"; do
  ls "${package}"_*.deb >/dev/null 2>&1 && continue
  apt-get download "$package" 2>/dev/null || {
    echo "manuals.sh: apt-get download $package failed; run 'apt-get update' (as root) and try again" >&2
    exit 1
  }
done
for package in "${packages[@]}"; do
  deb=$(ls "${package}"_*.deb)
  dpkg-deb -x "$deb" "$root"
  echo "manuals.sh: $deb ($(sha256sum "$deb" | cut -c1-16)…)"
done
"$python" "$here/build_cases.py" --manuals "$root"
