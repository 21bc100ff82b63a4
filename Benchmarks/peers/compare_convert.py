#!/usr/bin/env python3
"""Compare `hanzi convert` with OpenCC 1.4.2, per config.

File mode (default) — what it measures: for every config and input file, the number and
share of lines where
    hanzi convert -c CONFIG FILE
prints exactly what the OpenCC 1.4.2 CLI from the wheel prints for
    opencc -c <wheel config dir>/CONFIG.json -i FILE -o OUT
and the first N differing lines with the differing characters marked (^ column marker,
east-asian width aware) and listed as `col: opencc→hanzi`. Inputs are FILE… or, with
--corpus-dir, the per-config inputs listed in that dir's manifest.json
(make_convert_corpus.py), so every config gets text in its own source script.

--testcases mode: every case of OpenCC's testcases.json (default: the shared
data/opencc/testcases.json; trailing commas stripped) is run through the opencc 1.4.2
Python module (opencc.OpenCC(config).convert(input), its default
include_tofu_risk_dictionaries=True), the OpenCC CLI, and hanzi (all inputs of a config
as lines of one `hanzi convert -c CONFIG` call on stdin). Reported per config: cases,
passed by the wheel, by the CLI, by hanzi; then the cases the wheel itself fails and the
cases hanzi fails.

Note: the 1.4.2 CLI skips dictionaries marked "may_output_tofu" (TSCharactersExt in
t2s/tw2s/tw2sp/hk2s/hk2sp) unless given --include-tofu-risk-dictionaries, while the
Python module includes them by default; use --opencc-tofu to make the CLI include them.

Exit: 0 identical / all cases hanzi is expected to pass passed, 1 differences, 2 error,
77 shared data absent.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def visible(s: str) -> str:
    return s.replace("\r", "␍").replace("\t", "␉")


def opencc_cli_cmd(cli: str, cfgdir: str, config: str, tofu: bool) -> list[str]:
    cmd = [cli, "-c", os.path.join(cfgdir, f"{config}.json")]
    return cmd + (["--include-tofu-risk-dictionaries"] if tofu else [])


def show_line_diff(n: int, ref: str, got: str, label: str, file=sys.stdout,
                   window: int = 60) -> None:
    """Print a window of both lines around the first difference, a ^ marker under
    differing characters and the list of changes."""
    p = 0
    while p < min(len(ref), len(got)) and ref[p] == got[p]:
        p += 1
    s = 0
    while s < min(len(ref), len(got)) - p and ref[-1 - s] == got[-1 - s]:
        s += 1
    a, b = ref[p:len(ref) - s], got[p:len(got) - s]
    if len(a) + len(b) <= 4000:
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    else:
        ops = [("replace", 0, len(a), 0, len(b))]
    changes, marks_ref, marks_got = [], set(), set()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        changes.append((p + i1, a[i1:i2], b[j1:j2]))
        marks_ref.update(range(p + i1, p + i2))
        marks_got.update(range(p + j1, p + j2))
        if i1 == i2:
            marks_ref.add(p + i1)  # insertion point
    lo = max(0, p - 10)
    hi_r, hi_g = min(len(ref), lo + window), min(len(got), lo + window)

    def marker(text: str, marks: set[int], hi: int) -> str:
        return "".join(("^" if i in marks else " ") * max(1, width(text[i]) if i < len(text) else 1)
                       for i in range(lo, hi)).rstrip()

    pre = "…" if lo else ""
    print(f"  {label}line {n}, first difference at col {p + 1} "
          f"({len(changes)} change{'s' if len(changes) != 1 else ''}):", file=file)
    print(f"    opencc: {pre}{visible(ref[lo:hi_r])}{'…' if hi_r < len(ref) else ''}", file=file)
    print(f"            {' ' * len(pre)}{marker(ref, marks_ref, hi_r)}", file=file)
    print(f"    hanzi : {pre}{visible(got[lo:hi_g])}{'…' if hi_g < len(got) else ''}", file=file)
    print(f"            {' ' * len(pre)}{marker(got, marks_got, hi_g)}", file=file)
    shown = ", ".join(f"{c}:{visible(x) or '∅'}→{visible(y) or '∅'}" for c, x, y in
                      [(c + 1, x, y) for c, x, y in changes[:12]])
    print(f"    changes: {shown}{' …' if len(changes) > 12 else ''}", file=file)


def compare_lines(ref_text: str, got_text: str):
    ref, got = C.split_lines(ref_text), C.split_lines(got_text)
    diffs = [i for i in range(max(len(ref), len(got)))
             if i >= len(ref) or i >= len(got) or ref[i] != got[i]]
    return ref, got, diffs


def file_mode(args, hanzi: str, cli: str, cfgdir: str, configs: list[str]) -> int:
    jobs: list[tuple[str, Path]] = []
    if args.corpus_dir:
        import make_convert_corpus as M
        manifest = M.load_manifest(args.corpus_dir)
        for cfg in configs:
            for f in manifest["inputs"].get(cfg, []):
                jobs.append((cfg, Path(args.corpus_dir) / f))
            if cfg not in manifest["inputs"]:
                print(f"warning: {cfg}: no input in the manifest, skipped", file=sys.stderr)
    for f in args.files:
        for cfg in configs:
            jobs.append((cfg, C.require_file(f)))
    if not jobs:
        C.die("no input: give FILE… and/or --corpus-dir DIR (or use --testcases)")
    rows, summary, failed = [], [], False
    with tempfile.TemporaryDirectory() as tmp:
        for cfg, path in jobs:
            out = os.path.join(tmp, "opencc.out")
            C.check_run(opencc_cli_cmd(cli, cfgdir, cfg, args.opencc_tofu) + ["-i", str(path), "-o", out])
            ref_text = Path(out).read_bytes().decode("utf-8")
            got_text = C.check_run([hanzi, "convert", "-c", cfg, str(path)]).stdout.decode("utf-8", "replace")
            ref, got, diffs = compare_lines(ref_text, got_text)
            total = len(C.split_lines(Path(path).read_text(encoding="utf-8")))
            same = total - sum(1 for d in diffs if d < total)
            pct = 100.0 * same / total if total else 100.0
            print(f"\n== {cfg} {path}: {same}/{total} lines identical ({pct:.3f}%)")
            if len(got) != total or len(ref) != total:
                print(f"   !! line counts: input {total}, opencc {len(ref)}, hanzi {len(got)}")
            if ref_text.endswith("\n") != got_text.endswith("\n"):
                print("   !! final newline differs between opencc and hanzi output")
            for d in diffs[:args.show]:
                show_line_diff(d + 1, ref[d] if d < len(ref) else "", got[d] if d < len(got) else "", "")
            if len(diffs) > args.show:
                print(f"  … {len(diffs) - args.show} more differing lines")
            failed |= bool(diffs) or len(got) != total
            rows.append([cfg, path.name, total, same, f"{pct:.3f}%"])
            summary.append({"config": cfg, "file": str(path), "lines": total, "identical": same,
                            "percent": round(pct, 4), "hanzi_lines": len(got)})
    print()
    C.print_table(["config", "file", "lines", "identical", "%"], rows)
    if args.json:
        print(json.dumps({"mode": "files", "results": summary}, ensure_ascii=False))
    return C.EXIT_DIFF if failed else C.EXIT_OK


def testcases_mode(args, hanzi: str, cli: str, cfgdir: str, configs: list[str] | None) -> int:
    path = C.require_file(args.testcases) if args.testcases != "shared" \
        else C.shared_file("opencc/testcases.json")
    cases = C.load_testcases(path)
    by_cfg: dict[str, list[tuple[str, str, str]]] = {}
    for c in cases:
        for cfg, exp in c.get("expected", {}).items():
            by_cfg.setdefault(cfg, []).append((c.get("id", "?"), c["input"], exp))
    if configs is not None:
        by_cfg = {k: v for k, v in by_cfg.items() if k in configs}
    order = {c: i for i, c in enumerate(C.CONVERT_CONFIGS)}
    by_cfg = dict(sorted(by_cfg.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
    import opencc
    rows, summary, wheel_fails, hanzi_fails, failed = [], {}, [], [], False
    for cfg, items in by_cfg.items():
        inputs = [inp for _, inp, _ in items]
        wheel = opencc.OpenCC(cfg)
        w_out = [wheel.convert(i) for i in inputs]
        multiline = any("\n" in i for i in inputs)

        def batch(cmd: list[str]) -> tuple[list[str] | None, str]:
            if multiline:  # cannot batch as lines; one process per case
                outs = []
                for i in inputs:
                    r = subprocess.run(cmd, input=i.encode(), capture_output=True)
                    if r.returncode:
                        return None, r.stderr.decode("utf-8", "replace").strip()
                    outs.append(r.stdout.decode("utf-8", "replace").removesuffix("\n"))
                return outs, ""
            r = subprocess.run(cmd, input=("\n".join(inputs) + "\n").encode(), capture_output=True)
            if r.returncode:
                return None, r.stderr.decode("utf-8", "replace").strip()
            outs = C.split_lines(r.stdout.decode("utf-8", "replace"))
            if len(outs) != len(inputs):
                return None, f"printed {len(outs)} lines for {len(inputs)} inputs"
            return outs, ""

        cli_out, cli_err = batch(opencc_cli_cmd(cli, cfgdir, cfg, args.opencc_tofu)) \
            if os.path.isfile(os.path.join(cfgdir, f"{cfg}.json")) else (None, "no such config")
        h_out, h_err = batch([hanzi, "convert", "-c", cfg])
        w_pass = sum(o == e for o, (_, _, e) in zip(w_out, items))
        c_pass = sum(o == e for o, (_, _, e) in zip(cli_out, items)) if cli_out else None
        h_pass = sum(o == e for o, (_, _, e) in zip(h_out, items)) if h_out else None
        for (cid, inp, exp), o in zip(items, w_out):
            if o != exp:
                wheel_fails.append((cfg, cid, inp, exp, o))
        supported = cfg in C.CONVERT_CONFIGS
        if h_out is None:
            hanzi_fails.append((cfg, "*", f"hanzi failed: {h_err[:300]}", "", ""))
            failed |= supported
        else:
            for (cid, inp, exp), o, wo in zip(items, h_out, w_out):
                if o != exp:
                    hanzi_fails.append((cfg, cid, inp, exp, o))
                    failed |= supported and wo == exp
        note = "" if supported else "not in hanzi's config list"
        rows.append([cfg, len(items), w_pass,
                     c_pass if c_pass is not None else f"error: {cli_err[:40]}",
                     h_pass if h_pass is not None else "error", note])
        summary[cfg] = {"cases": len(items), "wheel": w_pass, "cli": c_pass, "hanzi": h_pass,
                        "hanzi_error": h_err or None}
    print(f"testcases {path}: {len(cases)} cases; opencc module {opencc.__version__} "
          f"(include_tofu_risk_dictionaries=True), CLI {'with' if args.opencc_tofu else 'without'} "
          f"--include-tofu-risk-dictionaries\n")
    tot = [sum(r[i] for r in rows if isinstance(r[i], int)) for i in (1, 2, 3, 4)]
    C.print_table(["config", "cases", "wheel", "opencc-cli", "hanzi", "note"],
                  rows + [["total", *tot, ""]])

    def listing(title: str, items: list) -> None:
        print(f"\n{title}: {len(items)}")
        for cfg, cid, inp, exp, got in items[:args.show_cases]:
            if cid == "*":
                print(f"  {cfg}: {inp}")
            else:
                print(f"  {cfg} {cid}: {inp}\n      expected: {exp}\n      got     : {got}")
        if len(items) > args.show_cases:
            print(f"  … {len(items) - args.show_cases} more")

    listing("cases the opencc 1.4.2 wheel itself fails", wheel_fails)
    listing("cases hanzi fails", hanzi_fails)
    if args.json:
        print(json.dumps({"mode": "testcases", "configs": summary,
                          "wheel_fails": [f[:2] for f in wheel_fails],
                          "hanzi_fails": [f[:2] for f in hanzi_fails]}, ensure_ascii=False))
    return C.EXIT_DIFF if failed else C.EXIT_OK


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("files", nargs="*", metavar="FILE", help="input files (converted with every config)")
    ap.add_argument("--configs", default=None,
                    help="comma-separated configs, or 'all' (default: all 14 of hanzi's configs; "
                         "in --testcases mode: every config in the file)")
    ap.add_argument("--corpus-dir", help="dir made by make_convert_corpus.py: use its per-config inputs")
    ap.add_argument("--testcases", nargs="?", const="shared", metavar="JSON",
                    help="run OpenCC's testcases.json instead (default path: shared data)")
    ap.add_argument("--show", type=int, default=10, metavar="N", help="differing lines shown per config/file (10)")
    ap.add_argument("--show-cases", type=int, default=50, metavar="N", help="failing cases listed (50)")
    ap.add_argument("--opencc", metavar="PATH", help="OpenCC CLI (default: the wheel's clib/bin/opencc)")
    ap.add_argument("--opencc-config-dir", metavar="DIR", help="OpenCC config dir (default: the wheel's)")
    ap.add_argument("--opencc-tofu", action="store_true",
                    help="pass --include-tofu-risk-dictionaries to the OpenCC CLI")
    C.add_hanzi_arg(ap)
    ap.add_argument("--json", action="store_true", help="also print a JSON summary as the last line")
    args = ap.parse_args()

    configs = None
    if args.configs and args.configs != "all":
        configs = [c for c in args.configs.split(",") if c]
    elif not args.testcases:
        configs = list(C.CONVERT_CONFIGS)
    hanzi = C.hanzi_bin(args.hanzi)
    C.ensure_peers("opencc")
    cli, cfgdir = C.opencc_paths(args.opencc, args.opencc_config_dir)
    if configs:
        bad = [c for c in configs if not os.path.isfile(os.path.join(cfgdir, f"{c}.json"))]
        if bad:
            C.die(f"unknown config(s) {bad}")
    if args.testcases:
        return testcases_mode(args, hanzi, cli, cfgdir, configs)
    return file_mode(args, hanzi, cli, cfgdir, configs)


if __name__ == "__main__":
    sys.exit(main())
