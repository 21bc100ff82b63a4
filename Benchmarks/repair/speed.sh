#!/bin/bash
# Clean-text speed of `hanzi repair` against `hanzi convert -c s2t` on the same 10 MB.
#
# The 10 MB are the clean lines of clean.jsonl (Chinese in both scripts, English, code, URLs,
# Japanese, Korean, emoji, rare characters), repeated. Also checks that repair leaves them
# byte-identical. Where ../shared is present, the same is measured on 10 MB of each of its
# corpora repeated (weicheng.txt, a novel with chapters held on one line of up to 185 KB;
# zuozhuan.txt): repair changes a few of weicheng's lines (straight quotes), so those are
# not checked byte-identical. Usage: speed.sh [path/to/hanzi]   (default: the release build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
hanzi="${1:-$here/../../.build/release/hanzi}"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" - "$here/clean.jsonl" "$work/clean10m.txt" <<'PY'
import json, sys
lines = [json.loads(line)['text'] for line in open(sys.argv[1], encoding='utf-8')]
block = ('\n'.join(lines) + '\n').encode('utf-8')
data = b''
while len(data) < 10_000_000:
    data += block
open(sys.argv[2], 'wb').write(data[:data.rindex(b'\n', 0, 10_000_000) + 1])
PY
size=$(stat -c %s "$work/clean10m.txt")
best() {  # best of 3 wall-clock seconds of "$@"
    local best=999
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
        best=$(echo "$end - $start" | bc -l | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
    done
    echo "$best"
}
table() {  # table FILE: repair and convert timed on FILE with 1 and 2 jobs
    local size
    size=$(stat -c %s "$1")
    printf '%s bytes of %s\n' "$size" "$2"
    printf '| command | jobs | seconds | MB/s |\n| --- | ---: | ---: | ---: |\n'
    for jobs in 1 2; do
        for command in "repair" "convert -c s2t"; do
            # shellcheck disable=SC2086
            seconds=$(best "$hanzi" $command --jobs "$jobs" "$1")
            printf '| hanzi %s | %s | %.3f | %.0f |\n' "$command" "$jobs" "$seconds" "$(echo "$size / $seconds / 1000000" | bc -l)"
        done
    done
}
table "$work/clean10m.txt" "clean text (clean.jsonl)"
corpus="$here/../../../shared/data/corpus"
for name in weicheng zuozhuan; do
    [ -f "$corpus/$name.txt" ] || continue
    "$python" -c 'import sys; d = open(sys.argv[1], "rb").read(); open(sys.argv[2], "wb").write(d * (10_000_000 // len(d) + 1))' \
        "$corpus/$name.txt" "$work/$name.txt"
    table "$work/$name.txt" "$name.txt repeated"
done
if "$hanzi" repair "$work/clean10m.txt" | cmp -s - "$work/clean10m.txt"; then
    echo "repair output is byte-identical to its input"
else
    echo "repair CHANGED clean text" && exit 1
fi
