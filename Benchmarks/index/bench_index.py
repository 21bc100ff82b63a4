#!/usr/bin/env python3
"""Recall, indexing throughput and index size of SQLite FTS5 tokenizers on the SIGHAN 2005 PKU
test sentences: HanziKit's `hanzi` (libHanziFTS5.so) against SQLite's built-in `unicode61` and
`trigram`.

Each sentence of pku_test.utf8 is a document. The queries are gold words of
pku_test_gold.utf8 (2-4 Han characters, a seeded random sample); a seeded random share of them
is converted to Traditional with OpenCC's Python module (`s2t`). A document is relevant to a
query when its text contains the word in either script; recall is the share of the relevant
documents a query finds (`MATCH '"word"'`), averaged over queries.

Run with a python3 whose sqlite3 module can load extensions (Debian's /usr/bin/python3); the
conversion runs in the peers' virtualenv (opencc 1.4.2), found at $PEERS_VENV, else
<repo>/.venv-peers, else ../venv-peers beside the repository.

    swift build -c release --scratch-path .build-fts
    /usr/bin/python3 Benchmarks/index/bench_index.py --build .build-fts/release

Exit status: 0 ok, 2 error, 77 skipped (shared data absent).
"""
import argparse
import atexit
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def is_han_word(word):
    return 2 <= len(word) <= 4 and all(0x4E00 <= ord(c) <= 0x9FFF for c in word)


def peers_python():
    candidates = [os.environ.get("PEERS_VENV"), os.path.join(REPO, ".venv-peers"),
                  os.path.join(os.path.dirname(REPO), "venv-peers")]
    for venv in candidates:
        if venv and os.access(os.path.join(venv, "bin", "python"), os.X_OK):
            return os.path.join(venv, "bin", "python")
    sys.exit("bench_index.py: no peers virtualenv with opencc (set PEERS_VENV or run Benchmarks/peers/setup.sh)")


def to_traditional(words):
    """OpenCC s2t of each word, through the peers' Python (this python may lack opencc)."""
    code = ("import sys, opencc; c = opencc.OpenCC('s2t'); "
            "print('\\n'.join(c.convert(w) for w in sys.stdin.read().split('\\n')))")
    out = subprocess.run([peers_python(), "-c", code], input="\n".join(words), capture_output=True,
                         text=True, check=True).stdout
    converted = out.rstrip("\n").split("\n")
    assert len(converted) == len(words)
    return converted


def make_queries(gold_path, count, seed, traditional_share):
    with open(gold_path, encoding="utf-8") as f:
        candidates = sorted({w for line in f for w in line.split() if is_han_word(w)})
    rng = random.Random(seed)
    words = rng.sample(candidates, count)
    traditional = to_traditional(words)
    queries = []
    for word, trad in zip(words, traditional):
        use_traditional = rng.random() < traditional_share
        queries.append({"word": word, "traditional": trad, "query": trad if use_traditional else word,
                        "script": "hant" if use_traditional and trad != word else "hans"})
    return queries


def connect(path, extension):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.enable_load_extension(True)
    conn.load_extension(extension)
    return conn


def build_index(path, tokenizer, documents, extension):
    """Creates the table and inserts every document in one transaction; returns seconds."""
    if os.path.exists(path):
        os.remove(path)
    conn = connect(path, extension)
    start = time.perf_counter()
    conn.execute(f"CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = '{tokenizer}')")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", enumerate(documents))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def index_size(path, extension):
    conn = connect(path, extension)
    conn.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    conn.execute("VACUUM")
    conn.close()
    return os.path.getsize(path)


def search(path, extension, queries):
    conn = connect(path, extension)
    found = []
    for q in queries:
        phrase = '"' + q["query"].replace('"', '""') + '"'
        found.append({row[0] for row in conn.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (phrase,))})
    conn.close()
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(REPO, ".build", "release"),
                        help="the SwiftPM build directory holding libHanziFTS5.so and hanzi (default .build/release)")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2005)
    parser.add_argument("--traditional-share", type=float, default=0.4, help="share of queries converted to Traditional")
    parser.add_argument("--runs", type=int, default=5, help="indexing runs per tokenizer; the best is reported")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    shared = os.environ.get("HANZI_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
    test_path = os.path.join(shared, "data", "sighan2005", "pku_test.utf8")
    gold_path = os.path.join(shared, "data", "sighan2005", "pku_test_gold.utf8")
    if not (os.path.exists(test_path) and os.path.exists(gold_path)):
        print(f"SKIP: {test_path} or its gold file is missing")
        return 77
    extension = os.path.abspath(os.path.join(args.build, "libHanziFTS5.so"))
    hanzi = os.path.abspath(os.path.join(args.build, "hanzi"))
    for path in (extension, hanzi):
        if not os.path.exists(path):
            print(f"bench_index.py: {path} is missing; build with swift build -c release", file=sys.stderr)
            return 2
    if not hasattr(sqlite3.Connection, "enable_load_extension"):
        print("bench_index.py: this python's sqlite3 cannot load extensions; use /usr/bin/python3", file=sys.stderr)
        return 2

    with open(test_path, encoding="utf-8") as f:
        documents = [line.rstrip("\n") for line in f if line.strip()]
    text_bytes = sum(len(d.encode("utf-8")) for d in documents)
    queries = make_queries(gold_path, args.queries, args.seed, args.traditional_share)
    relevant = [{i for i, d in enumerate(documents) if q["word"] in d or q["traditional"] in d} for q in queries]

    workdir = tempfile.mkdtemp(prefix="hanzikit-index-bench-")
    atexit.register(shutil.rmtree, workdir, True)
    # The first connection to use the tokenizer loads the dictionaries; timed apart from indexing.
    start = time.perf_counter()
    warm = connect(":memory:", extension)
    warm.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'hanzi')")
    warm.execute("INSERT INTO t VALUES ('预热')")
    load_seconds = time.perf_counter() - start
    warm.close()

    results = {}
    for name in ("hanzi", "unicode61", "trigram"):
        path = os.path.join(workdir, f"{name}.db")
        seconds = min(build_index(path, name, documents, extension) for _ in range(args.runs))
        found = search(path, extension, queries)
        size = index_size(path, extension)
        per_query = []
        for q, rel, got in zip(queries, relevant, found):
            hit = len(rel & got)
            per_query.append({"query": q["query"], "script": q["script"], "relevant": len(rel), "found": len(got),
                              "recall": hit / len(rel) if rel else 1.0,
                              "precision": hit / len(got) if got else (1.0 if not rel else 0.0)})
        results[name] = {"seconds": seconds, "docs_per_s": len(documents) / seconds,
                         "mb_per_s": text_bytes / seconds / 1e6, "index_bytes": size, "queries": per_query}

    # The same indexing through the command, as a whole process (start and dictionary load included).
    db = os.path.join(workdir, "cli.db")
    cli_seconds = []
    for _ in range(args.runs):
        if os.path.exists(db):
            os.remove(db)
        start = time.perf_counter()
        subprocess.run([hanzi, "index", "add", "--lines", db, test_path], check=True, capture_output=True)
        cli_seconds.append(time.perf_counter() - start)

    def mean(values):
        return sum(values) / len(values) if values else float("nan")

    print(f"PKU test: {len(documents)} documents, {text_bytes / 1e6:.2f} MB; {len(queries)} queries "
          f"(seed {args.seed}: {sum(q['script'] == 'hant' for q in queries)} in Traditional), "
          f"{sum(len(r) for r in relevant)} relevant (document, query) pairs")
    print(f"hanzi dictionaries: first use {load_seconds * 1000:.0f} ms (once per process)\n")
    header = f"{'tokenizer':<10} {'recall':>7} {'rec.Hans':>9} {'rec.Hant':>9} {'precision':>9} {'docs/s':>8} {'MB/s':>6} {'index KB':>9}"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        qs = r["queries"]
        print(f"{name:<10} {mean([q['recall'] for q in qs]):>7.3f} "
              f"{mean([q['recall'] for q in qs if q['script'] == 'hans']):>9.3f} "
              f"{mean([q['recall'] for q in qs if q['script'] == 'hant']):>9.3f} "
              f"{mean([q['precision'] for q in qs if q['found']]):>9.3f} "
              f"{r['docs_per_s']:>8.0f} {r['mb_per_s']:>6.2f} {r['index_bytes'] / 1024:>9.0f}")
    best_cli = min(cli_seconds)
    print(f"\nhanzi index add --lines (whole process): {best_cli:.2f} s, {len(documents) / best_cli:.0f} docs/s, "
          f"{text_bytes / best_cli / 1e6:.2f} MB/s; raw text {text_bytes / 1024:.0f} KB")
    print("recall: mean over queries of found∩relevant / relevant; precision: mean over queries that found something")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"documents": len(documents), "bytes": text_bytes, "load_seconds": load_seconds,
                       "cli_seconds": best_cli, "results": results}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
