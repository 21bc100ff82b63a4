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
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/debian_split.sh" docs debian-reference-zh-cn debian-reference-zh-tw maint-guide-zh-cn maint-guide-zh-tw debian-faq-zh-cn
