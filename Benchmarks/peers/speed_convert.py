#!/usr/bin/env python3
"""Conversion speed: hanzi vs the OpenCC 1.4.2 CLI, the opencc module and zhconv-rs.

What it measures, in one run, for each config (default s2t and s2twp) on a >= 10 MB
Simplified file made of weicheng.txt + zuozhuan.txt + pku_test.utf8 repeated (temp dir):

  throughput  whole process, wall time incl. start-up and dictionary load, best of --repeat:
                `hanzi convert -c CONFIG FILE > /dev/null`
                `opencc -c <wheel config dir>/CONFIG.json -i FILE -o /dev/null` (1.4.2 CLI)
              in-process (timed after import and a warm-up call that loads the
              dictionaries, line by line, best of --repeat):
                opencc.OpenCC(CONFIG).convert(line)            (opencc 1.4.2 Python module)
                zhconv_rs.zhconv(line, "zh-Hant" | "zh-TW")    (zhconv-rs; MediaWiki rules,
                  not OpenCC's: zh-Hant stands in for s2t, zh-TW for s2twp — speed only)
              → MB/s (input bytes / s) and ratios hanzi/peer (> 1: hanzi faster).
  peak RSS    of each measured process (os.wait4 rusage).
  cold        one line, whole process, best of --cold-repeat wall ms:
              `echo 我来到北京清华大学 | hanzi convert -c CONFIG`, the same through the opencc
              CLI, and `python -c '...'` one-liners for the opencc module and zhconv-rs.

Prints a table; --json prints JSON instead. --no-hanzi measures the peers only.
Exit: 0 ok, 2 error, 77 shared data absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

LINE = "我来到北京清华大学，打开了鼠标和软件"
ZH_TARGET = {"s2t": "zh-Hant", "s2twp": "zh-TW", "s2tw": "zh-TW", "s2hk": "zh-HK",
             "t2s": "zh-Hans", "tw2s": "zh-Hans", "tw2sp": "zh-CN", "hk2s": "zh-Hans"}
SOURCES = ["corpus/weicheng.txt", "corpus/zuozhuan.txt", "sighan2005/pku_test.utf8"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    C.add_hanzi_arg(ap)
    ap.add_argument("--no-hanzi", action="store_true", help="measure the peers only")
    ap.add_argument("--configs", default="s2t,s2twp", help="Simplified-source configs (s2t,s2twp)")
    ap.add_argument("--size-mb", type=float, default=10.0, help="minimum size of the file (10)")
    ap.add_argument("--repeat", type=int, default=3, help="throughput runs, best taken (3)")
    ap.add_argument("--cold-repeat", type=int, default=10, help="cold runs, best taken (10)")
    ap.add_argument("--opencc", metavar="PATH", help="OpenCC CLI (default: the wheel's)")
    ap.add_argument("--opencc-config-dir", metavar="DIR", help="OpenCC config dir (default: the wheel's)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args()

    srcs = [C.shared_file(s) for s in SOURCES]
    hanzi = None if args.no_hanzi else C.hanzi_bin(args.hanzi)
    C.ensure_peers("opencc")
    cli, cfgdir = C.opencc_paths(args.opencc, args.opencc_config_dir)
    configs = [c for c in args.configs.split(",") if c]
    for c in configs:
        if not c.startswith("s2"):
            C.die(f"{c}: the benchmark file is Simplified; use s2* configs")
        if not os.path.isfile(os.path.join(cfgdir, f"{c}.json")):
            C.die(f"unknown config {c}")
    have_zh = C.have_module("zhconv_rs")
    log = (lambda *a: print(*a, file=sys.stderr, flush=True))
    results: dict = {"versions": {"opencc": C.pkg_version("opencc"),
                                  "zhconv-rs": C.pkg_version("zhconv-rs")},
                     "configs": {}, "skipped": {} if have_zh else {"zhconv-rs": "not installed"}}
    line = (LINE + "\n").encode()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "simplified-x.txt"
        size = C.make_big_file(srcs, big, int(args.size_mb * 1e6))
        results["file"] = {"sources": [str(s) for s in srcs], "bytes": size}
        log(f"benchmark file: {size / 1e6:.1f} MB (Simplified: weicheng+zuozhuan+pku_test repeated)")
        for cfg in configs:
            cj = os.path.join(cfgdir, f"{cfg}.json")
            thr, cold = {}, {}
            if hanzi:
                log(f"{cfg}: hanzi …")
                thr["hanzi"] = C.best_of([hanzi, "convert", "-c", cfg, str(big)], args.repeat)
                thr["hanzi"].update(bytes=size, how="whole process")
                cold["hanzi"] = C.best_of([hanzi, "convert", "-c", cfg], args.cold_repeat, input_bytes=line)
            log(f"{cfg}: opencc CLI …")
            thr["opencc-cli"] = C.best_of([cli, "-c", cj, "-i", str(big), "-o", "/dev/null"], args.repeat)
            thr["opencc-cli"].update(bytes=size, how="whole process")
            cold["opencc-cli"] = C.best_of([cli, "-c", cj], args.cold_repeat, input_bytes=line)
            log(f"{cfg}: opencc module …")
            setup = f"import opencc\n_c = opencc.OpenCC({cfg!r})\nf = _c.convert\nf('预热')"
            thr["opencc-py"] = C.in_process(C.IN_PROCESS_TEMPLATE.format(setup=setup),
                                            [str(big), str(args.repeat), "0"])
            thr["opencc-py"]["how"] = "in-process"
            cold["opencc-py"] = C.best_of(
                [C.peer_python(), "-c", f"import opencc; print(opencc.OpenCC({cfg!r}).convert({LINE!r}))"],
                args.cold_repeat)
            if have_zh:
                tgt = ZH_TARGET.get(cfg, "zh-Hant")
                log(f"{cfg}: zhconv-rs ({tgt}) …")
                setup = (f"from zhconv_rs import zhconv\nf = lambda s: zhconv(s, {tgt!r})\nf('预热')")
                thr["zhconv-rs"] = C.in_process(C.IN_PROCESS_TEMPLATE.format(setup=setup),
                                                [str(big), str(args.repeat), "0"])
                thr["zhconv-rs"]["how"] = f"in-process ({tgt})"
                cold["zhconv-rs"] = C.best_of(
                    [C.peer_python(), "-c", f"from zhconv_rs import zhconv; print(zhconv({LINE!r}, {tgt!r}))"],
                    args.cold_repeat)
            for r in thr.values():
                r["mb_s"] = C.fmt_mbs(r["bytes"], r["best_s"])
            ratios = {}
            if "hanzi" in thr:
                for p in thr:
                    if p != "hanzi":
                        ratios[f"throughput hanzi/{p}"] = thr["hanzi"]["mb_s"] / thr[p]["mb_s"]
                        ratios[f"cold {p}/hanzi"] = cold[p]["best_s"] / cold["hanzi"]["best_s"]
            results["configs"][cfg] = {"throughput": thr, "cold": cold, "ratios": ratios}
    results["cold_python_pass"] = C.best_of([C.peer_python(), "-c", "pass"], args.cold_repeat)

    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return C.EXIT_OK
    print(f"\nConversion; file {size / 1e6:.1f} MB Simplified; opencc {results['versions']['opencc']}, "
          f"zhconv-rs {results['versions']['zhconv-rs']}")
    for cfg, r in results["configs"].items():
        print(f"\n[{cfg}]")
        rows = [[name, t["how"], f"{t['mb_s']:.2f}", C.mb(t["peak_rss_kib"]),
                 f"{r['cold'][name]['best_s'] * 1000:.1f}", C.mb(r["cold"][name]["peak_rss_kib"])]
                for name, t in r["throughput"].items()]
        C.print_table(["impl", "throughput measured", "MB/s", "peak RSS MB",
                       f"cold ms (best of {args.cold_repeat})", "cold RSS MB"], rows)
        for k, v in r["ratios"].items():
            print(f"  {k:30s} {v:6.2f}   (> 1: hanzi faster)")
    print(f"\n(python -c pass: {results['cold_python_pass']['best_s'] * 1000:.1f} ms)")
    for p, why in results["skipped"].items():
        print(f"skipped {p}: {why}")
    return C.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
