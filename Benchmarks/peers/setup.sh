#!/usr/bin/env bash
# Creates (or reuses) <repo>/.venv-peers with the pinned peer implementations that the
# scripts in Benchmarks/peers/ compare HanziKit against, then prints what is installed.
#
#   bash Benchmarks/peers/setup.sh            # idempotent; quick when everything is there
#   PEERS_VENV=/some/dir bash Benchmarks/peers/setup.sh
#   PYTHON=python3.11 bash Benchmarks/peers/setup.sh
#
# Required peers (failure is fatal): opencc 1.4.2 (wheel ships the `opencc` CLI binary and
# its config dir), jieba 0.42.1, rjieba, ftfy, zhconv-rs.
# Optional peer: cppjieba (PyPI `cppjieba`, pybind11 binding of cppjieba, built from sdist
# with the system C++ compiler). Its sdist cannot build in pip's isolated build env
# (its setup.py imports pybind11), so it is installed with --no-build-isolation after
# pybind11; if that fails the scripts simply skip cppjieba.
# (`cppjieba-py` 0.0.12 does not compile with GCC 12, so it is not used.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${PEERS_VENV:-$repo/.venv-peers}"
python="${PYTHON:-python3}"

REQUIRED=(opencc==1.4.2 jieba==0.42.1 rjieba==0.2.2 ftfy==6.3.1 zhconv-rs==0.4.2)
OPTIONAL_BUILD=(pybind11 setuptools wheel)
OPTIONAL=(cppjieba==0.1.1)

if [ ! -x "$venv/bin/python" ]; then
  echo "setup.sh: creating $venv with $("$python" --version 2>&1)"
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check)

have() {  # have NAME==VERSION... -> 0 if all are installed at exactly that version
  local frozen; frozen="$("${pip[@]}" freeze 2>/dev/null | tr 'A-Z_' 'a-z-')"
  local spec
  for spec in "$@"; do
    grep -qx -- "$(echo "$spec" | tr 'A-Z_' 'a-z-')" <<<"$frozen" || return 1
  done
}

if have "${REQUIRED[@]}"; then
  echo "setup.sh: required peers already installed"
else
  echo "setup.sh: installing ${REQUIRED[*]}"
  "${pip[@]}" install -q "${REQUIRED[@]}"
fi

cppjieba_status="installed"
if have "${OPTIONAL[@]}"; then
  echo "setup.sh: cppjieba already installed"
elif [ -n "${PEERS_SKIP_CPPJIEBA:-}" ]; then
  cppjieba_status="skipped (PEERS_SKIP_CPPJIEBA set)"
else
  echo "setup.sh: building ${OPTIONAL[*]} (optional, needs a C++ compiler; ~1 min)"
  if "${pip[@]}" install -q "${OPTIONAL_BUILD[@]}" >/dev/null 2>&1 \
     && "${pip[@]}" install -q --no-build-isolation "${OPTIONAL[@]}" >"$venv/cppjieba-build.log" 2>&1; then
    :
  else
    cppjieba_status="NOT installable (see $venv/cppjieba-build.log); cppjieba is skipped by the scripts"
    echo "setup.sh: warning: $cppjieba_status" >&2
  fi
fi

"$venv/bin/python" - "$cppjieba_status" <<'PY'
import importlib.metadata as md, os, sys
import opencc
base = os.path.join(os.path.dirname(opencc.__file__), "clib")
print("peer versions:")
for name in ["opencc", "jieba", "rjieba", "ftfy", "zhconv-rs", "cppjieba"]:
    try:
        v = md.version(name)
    except md.PackageNotFoundError:
        v = "-"
    print(f"  {name:10s} {v}")
print("  python    ", sys.version.split()[0])
print("opencc CLI: ", os.path.join(base, "bin", "opencc"))
print("opencc cfg: ", os.path.join(base, "share", "opencc"))
print("cppjieba:   ", sys.argv[1])
PY
echo "venv: $venv"
