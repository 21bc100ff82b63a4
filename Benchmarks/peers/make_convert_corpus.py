#!/usr/bin/env python3
"""Build a >= 10 MB multi-script corpus for conversion conformance tests and benchmarks.

Writes into OUT_DIR (all UTF-8, line endings kept as in the sources: pku_test and
zuozhuan are CRLF, weicheng LF):

  simplified.txt       weicheng.txt + zuozhuan.txt + sighan2005/pku_test.utf8, as-is.
                       All three are Simplified (zuozhuan.txt, OpenCC's benchmark text, is
                       Simplified despite being classical Chinese).            ~3.1 MB
  traditional.txt      OpenCC 1.4.2 s2t   of simplified.txt (OpenCC standard Traditional)
  taiwan.txt           OpenCC 1.4.2 s2tw  of simplified.txt (Taiwan variants)
  taiwan_phrases.txt   OpenCC 1.4.2 s2twp of simplified.txt (Taiwan variants + phrases)
  hongkong.txt         OpenCC 1.4.2 s2hk  of simplified.txt (Hong Kong variants)
  japanese.txt         OpenCC 1.4.2 t2jp  of traditional.txt (synthetic Shinjitai input for
                       jp2t: Chinese text with Japanese new-form characters, not real Japanese)
  manifest.json        which file is the real input of which config, sizes, tool versions
  README.txt           this description

Conversions use the opencc 1.4.2 Python module line by line (lines split on '\\n'); the
s2* and t2jp configs use no "tofu risk" dictionary, so the CLI gives the same text.
Config -> input: s2t s2tw s2twp s2hk: simplified; t2s t2tw t2hk t2jp: traditional;
tw2s tw2t: taiwan; tw2sp: taiwan_phrases; hk2s hk2t: hongkong; jp2t: japanese.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

DERIVED = [  # (file, config, source file)
    ("traditional.txt", "s2t", "simplified.txt"),
    ("taiwan.txt", "s2tw", "simplified.txt"),
    ("taiwan_phrases.txt", "s2twp", "simplified.txt"),
    ("hongkong.txt", "s2hk", "simplified.txt"),
    ("japanese.txt", "t2jp", "traditional.txt"),
]
INPUTS = {
    "s2t": ["simplified.txt"], "s2tw": ["simplified.txt"], "s2twp": ["simplified.txt"],
    "s2hk": ["simplified.txt"],
    "t2s": ["traditional.txt"], "t2tw": ["traditional.txt"], "t2hk": ["traditional.txt"],
    "t2jp": ["traditional.txt"],
    "tw2s": ["taiwan.txt"], "tw2t": ["taiwan.txt"], "tw2sp": ["taiwan_phrases.txt"],
    "hk2s": ["hongkong.txt"], "hk2t": ["hongkong.txt"],
    "jp2t": ["japanese.txt"],
}
SOURCES = ["corpus/weicheng.txt", "corpus/zuozhuan.txt", "sighan2005/pku_test.utf8"]


def read_text(p: Path) -> str:
    with open(p, "r", encoding="utf-8", newline="") as f:
        return f.read()


def write_text(p: Path, text: str) -> None:
    with open(p, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def convert_text(cc, text: str) -> str:
    return "\n".join(cc.convert(line) for line in text.split("\n"))


def load_manifest(corpus_dir: str | Path) -> dict:
    p = Path(corpus_dir) / "manifest.json"
    if not p.is_file():
        C.die(f"{p} not found: build it with Benchmarks/peers/make_convert_corpus.py {corpus_dir}")
    return json.loads(p.read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("out_dir", metavar="OUT_DIR")
    args = ap.parse_args()

    sources = [C.shared_file(s) for s in SOURCES]
    C.ensure_peers("opencc")
    import opencc

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = []
    for s in sources:
        t = read_text(s)
        parts.append(t if t.endswith("\n") else t + "\n")
    files = {}
    simplified = "".join(parts)
    write_text(out / "simplified.txt", simplified)
    files["simplified.txt"] = {"script": "Simplified",
                               "made_with": "concatenation of " + ", ".join(SOURCES)}
    texts = {"simplified.txt": simplified}
    for name, cfg, src in DERIVED:
        texts[name] = convert_text(opencc.OpenCC(cfg), texts[src])
        write_text(out / name, texts[name])
        files[name] = {"made_with": f"opencc {opencc.__version__} {cfg} of {src}"}
    total = 0
    for name in files:
        size = (out / name).stat().st_size
        files[name]["bytes"] = size
        files[name]["lines"] = len(C.split_lines(texts[name]))
        total += size
    manifest = {"files": files, "inputs": INPUTS, "total_bytes": total,
                "opencc": opencc.__version__}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    (out / "README.txt").write_text(__doc__, encoding="utf-8")
    for name, info in files.items():
        print(f"{out / name}: {info['bytes']} bytes, {info['lines']} lines — {info['made_with']}")
    print(f"total {total} bytes ({total / 1e6:.1f} MB)")
    if total < 10_000_000:
        C.die(f"corpus is only {total} bytes (< 10 MB)")
    return C.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
