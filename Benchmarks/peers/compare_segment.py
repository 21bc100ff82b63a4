#!/usr/bin/env python3
"""Compare `hanzi segment` with jieba 0.42.1, line by line, per segmentation mode.

What it measures: for each mode (accurate, accurate-nohmm, full, search) the number and
share of input lines whose token sequence from
    hanzi segment --mode M [--no-hmm] --format jsonl CORPUS
is identical to jieba 0.42.1's (run in-process, or read from --golden-dir goldens made by
jieba_golden.py). It also checks every hanzi token's UTF-8 byte offsets: the bytes
line[start:end] must decode to the token's "text". The first N differing lines are shown
with both sequences from the point where they diverge.

Full mode: jieba 0.42.1 yields empty strings "" next to whitespace; they are dropped from
jieba's sequence before comparing (the output says so). Nothing else is normalised.

Lines are split on '\\n' only (see jieba_golden.py). Exit: 0 all identical, 1 differences
or offset errors, 2 error, 77 shared data absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402
import jieba_golden as G  # noqa: E402


def hanzi_segment(hanzi: str, corpus: Path, mode: str) -> list[list[dict]]:
    cmd = [hanzi, "segment", "--mode", "accurate" if mode == "accurate-nohmm" else mode]
    if mode == "accurate-nohmm":
        cmd.append("--no-hmm")
    cmd += ["--format", "jsonl", str(corpus)]
    r = C.check_run(cmd)
    out = r.stdout.decode("utf-8")
    rows = []
    for n, l in enumerate(C.split_lines(out), 1):
        try:
            rows.append(json.loads(l))
        except json.JSONDecodeError as e:
            C.die(f"hanzi output line {n} ({mode}) is not JSON: {e}: {l[:200]!r}")
    return rows


def fmt_tokens(toks: list[str], start: int, width: int, ellipsis: bool = True) -> str:
    shown = toks[start:start + width]
    more = " …" if ellipsis and start + width < len(toks) else ""
    return " | ".join(json.dumps(t, ensure_ascii=False)[1:-1] for t in shown) + more


def show_diff(n: int, line: str, ref: list[str], got: list[str], context: int, width: int,
              file=sys.stdout) -> None:
    i = 0
    while i < min(len(ref), len(got)) and ref[i] == got[i]:
        i += 1
    char_pos = sum(len(t) for t in ref[:i])  # exact for non-overlapping modes
    lo = max(0, i - context)
    print(f"  line {n}: jieba {len(ref)} vs hanzi {len(got)} tokens, first difference at token #{i}"
          f" (≈char {char_pos})", file=file)
    snippet = line if len(line) <= 80 else line[max(0, char_pos - 20):char_pos + 60]
    print(f"    text   : {json.dumps(snippet, ensure_ascii=False)[1:-1]}", file=file)
    pre = "… " if lo > 0 else ""
    print(f"    jieba  : {pre}{fmt_tokens(ref, lo, i - lo, False)} ‖ {fmt_tokens(ref, i, width)}", file=file)
    print(f"    hanzi  : {pre}{fmt_tokens(got, lo, i - lo, False)} ‖ {fmt_tokens(got, i, width)}", file=file)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Example: Benchmarks/peers/compare_segment.py --corpus "
                                        "../shared/data/sighan2005/pku_test.utf8 --golden-dir Tests/Golden")
    ap.add_argument("--corpus", required=True, help="UTF-8 text file (one sentence/paragraph per line)")
    ap.add_argument("--modes", default=",".join(C.SEGMENT_MODES),
                    help=f"comma-separated subset of {','.join(C.SEGMENT_MODES)}")
    ap.add_argument("--golden-dir", help="read jieba's tokens from <dir>/<stem>.<mode>.jsonl "
                                         "(jieba_golden.py) instead of running jieba")
    ap.add_argument("--show", type=int, default=10, metavar="N", help="differing lines to print per mode (10)")
    ap.add_argument("--context", type=int, default=3, help="equal tokens shown before the divergence (3)")
    ap.add_argument("--width", type=int, default=8, help="tokens shown from the divergence on (8)")
    C.add_hanzi_arg(ap)
    ap.add_argument("--json", action="store_true", help="also print a JSON summary as the last line")
    args = ap.parse_args()

    modes = [m for m in args.modes.split(",") if m]
    bad = [m for m in modes if m not in C.SEGMENT_MODES]
    if bad:
        C.die(f"unknown mode(s) {bad}; choose from {C.SEGMENT_MODES}")
    corpus = C.require_file(args.corpus)
    hanzi = C.hanzi_bin(args.hanzi)
    if not args.golden_dir:
        C.ensure_peers("jieba")
    lines = C.read_lines(corpus)
    lines_b = [l.encode("utf-8") for l in lines]

    summary, failed = {}, False
    print(f"corpus {corpus}: {len(lines)} lines; hanzi {hanzi}; reference: "
          + (f"goldens in {args.golden_dir}" if args.golden_dir else "jieba (in-process)"))
    for mode in modes:
        if args.golden_dir:
            gp = Path(args.golden_dir) / G.golden_name(corpus, mode)
            if not gp.is_file():
                C.die(f"golden file {gp} not found")
            ref_all = G.read_golden(gp)
            if len(ref_all) != len(lines):
                C.die(f"{gp} has {len(ref_all)} lines but {corpus} has {len(lines)}")
        else:
            ref_all = G.segment_lines(lines, mode)
        dropped = 0
        if mode == "full":
            dropped = sum(t == "" for toks in ref_all for t in toks)
            ref_all = [[t for t in toks if t != ""] for toks in ref_all]
        rows = hanzi_segment(hanzi, corpus, mode)

        same, offset_errs, shown, diffs = 0, 0, 0, []
        first_offset_err = None
        for n in range(max(len(lines), len(rows))):
            ref = ref_all[n] if n < len(ref_all) else None
            row = rows[n] if n < len(rows) else None
            got = None
            if row is not None:
                try:
                    got = [t["text"] for t in row]
                except (TypeError, KeyError):
                    C.die(f"hanzi line {n + 1} ({mode}): tokens must be objects with \"text\"")
                if n < len(lines):
                    lb = lines_b[n]
                    for t in row:
                        s, e = t.get("start"), t.get("end")
                        ok = isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(lb)
                        if ok:
                            try:
                                ok = lb[s:e].decode("utf-8") == t["text"]
                            except UnicodeDecodeError:
                                ok = False
                        if not ok:
                            offset_errs += 1
                            if first_offset_err is None:
                                first_offset_err = (n + 1, t)
            if ref is not None and got == ref:
                same += 1
            else:
                diffs.append(n)
        total = len(lines)
        pct = 100.0 * same / total if total else 100.0
        note = f" (jieba's {dropped} empty strings dropped before comparing)" if mode == "full" else ""
        print(f"\n== {mode}: {same}/{total} lines identical ({pct:.2f}%){note}")
        if len(rows) != total:
            print(f"   !! hanzi printed {len(rows)} lines for {total} input lines")
        if offset_errs:
            ln, tok = first_offset_err
            print(f"   !! {offset_errs} tokens with wrong byte offsets; first: line {ln}: "
                  f"{json.dumps(tok, ensure_ascii=False)}")
        for n in diffs[:args.show]:
            ref = ref_all[n] if n < len(ref_all) else []
            got = [t["text"] for t in rows[n]] if n < len(rows) else []
            show_diff(n + 1, lines[n] if n < len(lines) else "", ref, got,
                      args.context, args.width)
        if len(diffs) > args.show:
            print(f"  … {len(diffs) - args.show} more differing lines")
        summary[mode] = {"lines": total, "identical": same, "percent": round(pct, 4),
                         "hanzi_lines": len(rows), "offset_errors": offset_errs,
                         "jieba_empty_dropped": dropped,
                         "first_diff_lines": [d + 1 for d in diffs[:args.show]]}
        failed |= bool(diffs) or offset_errs > 0
    if args.json:
        print(json.dumps({"corpus": str(corpus), "modes": summary}, ensure_ascii=False))
    return C.EXIT_DIFF if failed else C.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
