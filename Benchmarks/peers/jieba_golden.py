#!/usr/bin/env python3
"""Write jieba 0.42.1 golden segmentations of a text file, one file per mode.

What it records: the exact token sequence that the reference jieba 0.42.1 (default
dictionary, no user dictionary) yields for every input line, in four modes:

  accurate        list(jieba.cut(line))                 # HMM on
  accurate-nohmm  list(jieba.cut(line, HMM=False))
  full            list(jieba.cut(line, cut_all=True))   # raw, may contain "" (see below)
  search          list(jieba.cut_for_search(line))

Lines: the file is decoded as UTF-8 and split on '\\n' only; '\\r' and every other character
stay in the line and go to jieba (so CRLF files give a trailing "\\r" token). A final '\\n'
ends the last line (no extra empty line); an empty line gives [].

Output: <out-dir>/<stem>.<mode>.jsonl, one JSON array of token strings per input line,
written with json.dumps(tokens, ensure_ascii=False), lines joined by '\\n' (final '\\n').
<stem> is the input file name up to its first '.', e.g. pku_test.utf8 -> pku_test.

Full mode is kept raw: jieba 0.42.1 splits a non-Han block on whitespace with a capturing
regex and yields every piece, so empty strings "" appear next to whitespace
(e.g. "。\\r" -> ["。", "\\r", ""]); a run of punctuation is yielded as one token ("，“").
Comparisons drop the "" entries (compare_segment.py says so).

Default (no --input): regenerates the committed goldens in Tests/Golden/ from the shared
SIGHAN pku_test.utf8 and corpus/weicheng.txt ($HANZI_SHARED, default ../shared).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

MODES = C.SEGMENT_MODES


def jieba_cutter(mode: str):
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    if mode == "accurate":
        return lambda s: list(jieba.cut(s))
    if mode == "accurate-nohmm":
        return lambda s: list(jieba.cut(s, HMM=False))
    if mode == "full":
        return lambda s: list(jieba.cut(s, cut_all=True))
    if mode == "search":
        return lambda s: list(jieba.cut_for_search(s))
    raise ValueError(mode)


def segment_lines(lines: list[str], mode: str) -> list[list[str]]:
    cut = jieba_cutter(mode)
    return [cut(line) for line in lines]


def golden_name(input_path: str | Path, mode: str) -> str:
    return f"{Path(input_path).name.split('.')[0]}.{mode}.jsonl"


def write_golden(path: Path, seqs: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        for toks in seqs:
            f.write(json.dumps(toks, ensure_ascii=False))
            f.write("\n")


def read_golden(path: str | Path) -> list[list[str]]:
    with open(path, "r", encoding="utf-8", newline="") as f:
        return [json.loads(l) for l in C.split_lines(f.read())]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Example: .venv-peers/bin/python Benchmarks/peers/jieba_golden.py "
               "(regenerates Tests/Golden/); or --input FILE --out-dir DIR.")
    ap.add_argument("--input", "-i", action="append", metavar="FILE",
                    help="text file to segment (repeatable). Default: the shared "
                         "sighan2005/pku_test.utf8 and corpus/weicheng.txt")
    ap.add_argument("--out-dir", "-o", default=str(C.REPO / "Tests" / "Golden"),
                    help="directory for <stem>.<mode>.jsonl (default: Tests/Golden)")
    ap.add_argument("--modes", default=",".join(MODES),
                    help=f"comma-separated subset of {','.join(MODES)} (default: all)")
    args = ap.parse_args()

    modes = [m for m in args.modes.split(",") if m]
    bad = [m for m in modes if m not in MODES]
    if bad:
        C.die(f"unknown mode(s) {bad}; choose from {MODES}")
    inputs = args.input or [C.shared_file("sighan2005/pku_test.utf8"),
                            C.shared_file("corpus/weicheng.txt")]
    inputs = [C.require_file(p) for p in inputs]
    C.ensure_peers("jieba")
    import jieba
    if jieba.__version__ != "0.42.1":
        print(f"warning: jieba {jieba.__version__} is not the reference 0.42.1", file=sys.stderr)

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for inp in inputs:
        lines = C.read_lines(inp)
        for mode in modes:
            t0 = time.perf_counter()
            seqs = segment_lines(lines, mode)
            dest = out / golden_name(inp, mode)
            write_golden(dest, seqs)
            size = dest.stat().st_size
            total += size
            print(f"{dest}  lines={len(seqs)} tokens={sum(map(len, seqs))} "
                  f"bytes={size} ({time.perf_counter() - t0:.1f}s)")
    print(f"total {total} bytes ({total / 1e6:.2f} MB), jieba {jieba.__version__}")
    return C.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
