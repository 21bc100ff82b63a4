#!/usr/bin/env bash
# Builds the guides split of the repair evaluation: GIMP's help, KiCad's manuals, LilyPond's web
# pages and learning manual and Debian Edu's manual, all in Simplified Chinese (half their lines
# also through OpenCC s2t), downloaded with apt (no root needed for `apt-get download`), unpacked
# into guides/ beside this script, and garbled by build_cases.py --guides. Added last, and
# measured before any rule was read from it. Not kept in git (GPL and CC BY-SA text).
#
#   PYTHON=/work/venv-peers/bin/python Benchmarks/repair/guides.sh
#   /work/venv-peers/bin/python Benchmarks/repair/run_eval.py --split guides
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/debian_split.sh" guides gimp-help-zh-cn kicad-doc-zh lilypond-doc-html-zh debian-edu-doc-zh-cn
