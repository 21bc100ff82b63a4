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
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/debian_split.sh" manuals libreoffice-help-zh-cn libreoffice-help-zh-tw debian-handbook gnome-user-docs
