#!/usr/bin/env bash
# Runs `hanzi` as a Spark RDD.pipe stage (local mode) and checks that the result is identical
# to a local run. Installs pyspark into .venv-spark (and a Java runtime if missing) itself;
# CI does not run this.
#
#   Scripts/spark/run.sh INPUT [hanzi subcommand and options…]
#   Scripts/spark/run.sh ../shared/data/corpus/weicheng.txt segment --mode search
#   Scripts/spark/run.sh article.txt clean -c s2twp
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
input="$(realpath "$1")"; shift
[ $# -gt 0 ] || set -- segment
command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
venv="$root/.venv-spark"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q "pyspark==3.5.*"
hanzi="${HANZI_BIN:-$root/.build/release/hanzi}"
[ -x "$hanzi" ] || (cd "$root" && swift build -c release --product hanzi)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$root/Scripts/spark/hanzi_pipe.py" --hanzi "$hanzi" --input "$input" --output "$work/spark" -- "$@"
cat "$work"/spark/part-* > "$work/spark.txt"
# Spark ends every record with a newline; hanzi, like the input, ends the last line without one.
[ -z "$(tail -c 1 "$input")" ] || truncate -s -1 "$work/spark.txt"
"$hanzi" "$@" < "$input" > "$work/local.txt"
if cmp -s "$work/spark.txt" "$work/local.txt"; then
    echo "identical: Spark ($(ls "$work"/spark/part-* | wc -l) partitions) and local run, $(wc -l < "$work/local.txt") lines, $(wc -c < "$work/local.txt") bytes"
else
    echo "DIFFERENT: Spark and local outputs differ" >&2
    diff <(head -c 2000 "$work/spark.txt") <(head -c 2000 "$work/local.txt") | head -20 >&2
    exit 1
fi
