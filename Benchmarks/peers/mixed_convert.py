"""Measure `hanzi convert --mixed` on half-converted text, against OpenCC.

Takes real Traditional text, puts back the Simplified form (OpenCC t2s) of a random 40% of
the characters that differ from their t2s conversion, then converts the result with OpenCC
(CONFIG) and with `hanzi convert -c CONFIG --mixed`, and counts (a) planted characters restored
exactly and (b) untouched Han characters changed.

The default text is real, human-written Traditional Chinese that any Debian machine has: the
zh_TW message catalogs under /usr/share/locale (program translations), at least 4 Han
characters per line. Pass FILE to use other text.

Usage: mixed_convert.py [--hanzi PATH] [--config s2t] [--seed 1] [FILE]
"""
import argparse
import gettext
import glob
import random
import re
import subprocess
import sys

from _common import add_hanzi_arg, ensure_peers, hanzi_bin

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]")


def locale_text() -> list[str]:
    lines = set()
    for path in sorted(glob.glob("/usr/share/locale/zh_TW/LC_MESSAGES/*.mo")):
        try:
            catalog = gettext.GNUTranslations(open(path, "rb"))._catalog
        except Exception:
            continue
        for value in catalog.values():
            if isinstance(value, str):
                for line in value.split("\n"):
                    line = line.strip()
                    if len(re.findall(r"[\u4e00-\u9fff]", line)) >= 4:
                        lines.add(line)
    return sorted(lines)


def main() -> int:
    ensure_peers("opencc")
    import opencc

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_hanzi_arg(parser)
    parser.add_argument("--config", default="s2t")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    hanzi = hanzi_bin(args.hanzi)
    original = open(args.file, encoding="utf-8").read().split("\n") if args.file else locale_text()
    if not original:
        print("SKIP: no Traditional text (no zh_TW message catalogs)")
        return 77

    t2s = opencc.OpenCC("t2s")
    rnd = random.Random(args.seed)
    planted, marks = [], []
    for line in original:
        simplified = t2s.convert(line)
        if len(simplified) != len(line):
            planted.append(line)
            marks.append(set())
            continue
        chars, marked = list(line), set()
        for i, (a, b) in enumerate(zip(line, simplified)):
            if a != b and rnd.random() < 0.4:
                chars[i] = b
                marked.add(i)
        planted.append("".join(chars))
        marks.append(marked)

    def score(output: list[str], name: str) -> None:
        restored = total = changed = untouched = skipped = 0
        for out, line, marked in zip(output, original, marks):
            if len(out) != len(line):
                skipped += 1
                continue
            for i, c in enumerate(line):
                if i in marked:
                    total += 1
                    restored += out[i] == c
                elif HAN.match(c):
                    untouched += 1
                    changed += out[i] != c
        print(f"{name:22s} restored {restored}/{total} = {100 * restored / max(total, 1):.2f}%   "
              f"untouched changed {changed}/{untouched} = {100 * changed / max(untouched, 1):.3f}%   (lines skipped {skipped})")

    print(f"{len(original)} lines, config {args.config}, seed {args.seed}")
    reference = opencc.OpenCC(args.config)
    score([reference.convert(line) for line in planted], f"opencc {args.config}")
    result = subprocess.run([hanzi, "convert", "-c", args.config, "--mixed"], input="\n".join(planted).encode(),
                            capture_output=True)
    if result.returncode:
        print(result.stderr.decode(), file=sys.stderr)
        return 2
    score(result.stdout.decode().split("\n"), "hanzi --mixed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
