#!/usr/bin/env python3
"""Segmentation speed: hanzi vs rjieba, cppjieba and jieba 0.42.1 (accurate mode, HMM on).

What it measures, in one run, on a ~10 MB file made of weicheng.txt repeated (temp dir):

  throughput  hanzi:    `hanzi segment --mode accurate FILE > /dev/null` as a whole process,
                        wall time including start-up and dictionary load, best of --repeat.
              peers:    timed inside a Python process after import and a warm-up call that
                        loads the dictionary, over the same lines (split on '\\n'), best of
                        --repeat:  rjieba.cut(line, True);  cppjieba.Jieba().cut(line, True);
                        list(jieba.cut(line)) — jieba on a --jieba-sample-mb prefix, once
                        (MB/s from the prefix; it runs at roughly 1 MB/s).
              → MB/s (input bytes / s) and ratios hanzi/peer (> 1: hanzi faster). The hanzi
                figure includes process start, loading and writing its output; the peers'
                do not.
  peak RSS    of each measured process (os.wait4 rusage; for peers the Python process,
              which also holds the whole input text).
  cold        one short sentence, whole process, best of --cold-repeat wall ms:
              `echo 我来到北京清华大学 | hanzi segment` vs
              `python -c 'import rjieba; print(rjieba.cut("我来到北京清华大学", True))'` and the
              like for cppjieba and jieba (jieba loads its pickled cache after the first run).
              `python -c pass` is shown for the interpreter's own start-up.

Prints a table; --json prints the results as JSON instead. --no-hanzi measures the peers
only. Exit: 0 ok, 2 error, 77 shared data absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

SENTENCE = "我来到北京清华大学"

SETUP = {
    "rjieba": "import rjieba\nf = lambda s: rjieba.cut(s, True)\nf('预热')",
    "cppjieba": "import cppjieba\n_j = cppjieba.Jieba()\nf = lambda s: _j.cut(s, True)\nf('预热')",
    "jieba": "import jieba\njieba.setLogLevel(60)\njieba.initialize()\n"
             "f = lambda s: list(jieba.cut(s))\nf('预热')",
}
COLD = {
    "rjieba": f"import rjieba; print(rjieba.cut({SENTENCE!r}, True))",
    "cppjieba": f"import cppjieba; print(cppjieba.Jieba().cut({SENTENCE!r}, True))",
    "jieba": f"import jieba; print(list(jieba.cut({SENTENCE!r})))",
    "python -c pass": "pass",
}
MODULE = {"rjieba": "rjieba", "cppjieba": "cppjieba", "jieba": "jieba"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    C.add_hanzi_arg(ap)
    ap.add_argument("--no-hanzi", action="store_true", help="measure the peers only")
    ap.add_argument("--peers", default="rjieba,cppjieba,jieba",
                    help="comma-separated peers (default rjieba,cppjieba,jieba; missing ones are skipped)")
    ap.add_argument("--size-mb", type=float, default=10.0, help="size of the benchmark file (10)")
    ap.add_argument("--repeat", type=int, default=3, help="throughput runs, best taken (3)")
    ap.add_argument("--cold-repeat", type=int, default=10, help="cold runs, best taken (10)")
    ap.add_argument("--jieba-sample-mb", type=float, default=2.0,
                    help="time pure-Python jieba on this prefix of the file (2; 0 = all)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args()

    src = C.shared_file("corpus/weicheng.txt")
    hanzi = None if args.no_hanzi else C.hanzi_bin(args.hanzi)
    C.ensure_peers("jieba")
    peers = [p for p in args.peers.split(",") if p]
    unknown = [p for p in peers if p not in SETUP]
    if unknown:
        C.die(f"unknown peer(s) {unknown}; choose from {list(SETUP)}")
    skipped = {p: "not installed (see setup.sh)" for p in peers if not C.have_module(MODULE[p])}
    peers = [p for p in peers if p not in skipped]
    log = (lambda *a: print(*a, file=sys.stderr, flush=True))

    results: dict = {"file": {}, "throughput": {}, "cold": {}, "versions": {}, "skipped": skipped}
    for p in ["jieba", "rjieba", "cppjieba"]:
        results["versions"][p] = C.pkg_version(p)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "weicheng-x.txt"
        size = C.make_big_file([src], big, int(args.size_mb * 1e6))
        results["file"] = {"source": str(src), "bytes": size}
        log(f"benchmark file: {size / 1e6:.1f} MB ({src.name} repeated)")

        if hanzi:
            log("hanzi segment (whole process) …")
            r = C.best_of([hanzi, "segment", "--mode", "accurate", str(big)], args.repeat)
            r.update(bytes=size, mb_s=C.fmt_mbs(size, r["best_s"]), how="whole process")
            results["throughput"]["hanzi"] = r
        for p in peers:
            sample = int(args.jieba_sample_mb * 1e6) if p == "jieba" else 0
            rep = 1 if p == "jieba" else args.repeat
            log(f"{p} (in-process{f', {sample / 1e6:g} MB sample' if sample else ''}) …")
            r = C.in_process(C.IN_PROCESS_TEMPLATE.format(setup=SETUP[p]),
                             [str(big), str(rep), str(sample)])
            r.update(mb_s=C.fmt_mbs(r["bytes"], r["best_s"]),
                     how="in-process" + (f", {r['bytes'] / 1e6:.1f} MB prefix" if sample else ""))
            results["throughput"][p] = r

    log("cold one-sentence runs …")
    line = (SENTENCE + "\n").encode()
    if hanzi:
        results["cold"]["hanzi"] = C.best_of([hanzi, "segment"], args.cold_repeat, input_bytes=line)
    for p in peers + ["python -c pass"]:
        results["cold"][p] = C.best_of([C.peer_python(), "-c", COLD[p]], args.cold_repeat)

    thr, cold = results["throughput"], results["cold"]
    ratios = {}
    if "hanzi" in thr:
        for p in peers:
            ratios[f"throughput hanzi/{p}"] = thr["hanzi"]["mb_s"] / thr[p]["mb_s"]
            ratios[f"cold {p}/hanzi"] = cold[p]["best_s"] / cold["hanzi"]["best_s"]
    results["ratios"] = ratios

    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return C.EXIT_OK
    print(f"\nSegmentation, accurate mode with HMM; file {size / 1e6:.1f} MB "
          f"({src.name} ×{round(size / src.stat().st_size)}); peers: "
          + ", ".join(f"{p} {v}" for p, v in results["versions"].items()))
    rows = []
    for name in (["hanzi"] if "hanzi" in thr else []) + peers:
        t, c = thr[name], cold[name]
        rows.append([name, t["how"], f"{t['mb_s']:.2f}", C.mb(t["peak_rss_kib"]),
                     f"{c['best_s'] * 1000:.1f}", C.mb(c["peak_rss_kib"])])
    c = cold["python -c pass"]
    rows.append(["(python -c pass)", "", "", "", f"{c['best_s'] * 1000:.1f}", C.mb(c["peak_rss_kib"])])
    C.print_table(["impl", "throughput measured", "MB/s", "peak RSS MB",
                   f"cold ms (best of {args.cold_repeat})", "cold RSS MB"], rows)
    for k, v in ratios.items():
        print(f"  {k:28s} {v:6.2f}   (> 1: hanzi faster)")
    for p, why in skipped.items():
        print(f"  skipped {p}: {why}")
    return C.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
