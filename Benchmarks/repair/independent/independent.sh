#!/usr/bin/env bash
# The independent probe of `hanzi repair` (see README.md beside this script): downloads Debian's
# sixteen wesnoth-1.16-* campaign packages with apt (no root needed for `apt-get download`),
# unpacks them into data/ beside this script, builds the text from their zh_CN and zh_TW catalogs
# (corpus.py), garbles it (garble.py) and scores hanzi and ftfy on it (score.py). Everything it
# writes stays in data/, which is not kept in git (GPL text, about 350 MB).
#
#   PYTHON=/work/venv-peers/bin/python Benchmarks/repair/independent/independent.sh [path/to/hanzi]
#
# The default hanzi is .build/release/hanzi of this checkout. PYTHON needs opencc; ftfy is optional.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
hanzi="${1:-$here/../../../.build/release/hanzi}"
version="1:1.16.9-1"
campaigns=(did dm dw ei httt l low nr sof sota sotbe thot trow tsg ttb utbs)

[ -x "$hanzi" ] || { echo "independent.sh: no executable hanzi at $hanzi (swift build -c release, or pass a path)" >&2; exit 1; }
hanzi="$(cd "$(dirname "$hanzi")" && pwd)/$(basename "$hanzi")"
"$python" -c 'import opencc' 2>/dev/null || { echo "independent.sh: $python has no opencc; set PYTHON=/work/venv-peers/bin/python" >&2; exit 1; }

data="$here/data"
mkdir -p "$data/debs" "$data/x"
cd "$data/debs"
missing=()
for c in "${campaigns[@]}"; do
  ls "wesnoth-1.16-${c}_"*"1.16.9-1_all.deb" >/dev/null 2>&1 || missing+=("wesnoth-1.16-$c=$version")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get download "${missing[@]}" >/dev/null || {
    echo "independent.sh: apt-get download of ${#missing[@]} wesnoth-1.16-* packages (version $version) failed; run 'apt-get update' (as root) and try again" >&2
    exit 1
  }
fi
for c in "${campaigns[@]}"; do
  deb="$(ls "wesnoth-1.16-${c}_"*"1.16.9-1_all.deb")"
  stamp="$data/x/.unpacked-$c"
  # unpacking is the slow part (~200 MB of maps and art); once per .deb is enough
  if [ ! -e "$stamp" ] || [ "$deb" -nt "$stamp" ]; then
    dpkg-deb -x "$deb" "$data/x"
    touch "$stamp"
  fi
  echo "independent.sh: $deb ($(sha256sum "$deb" | cut -c1-16)…)"
done

"$python" "$here/corpus.py" "$data"
"$python" "$here/garble.py" "$data"
"$python" "$here/score.py" --hanzi "$hanzi" "$data"
