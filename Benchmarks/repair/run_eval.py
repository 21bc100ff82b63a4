#!/usr/bin/env python3
"""Scores `hanzi repair` and ftfy 6.3 (`ftfy.fix_text`) on the evaluation set.

ftfy runs twice: with its default settings, and with the two steps that rewrite clean Chinese
turned off (`uncurl_quotes`, which makes “ ” straight, and `fix_character_width`, which folds
，：（） to ASCII) — its mojibake repair alone.

For each garbled category: the share of cases repaired exactly (output == original), and for
the cases where bytes were lost, the share that is exact but for U+FFFD at undecided characters
(the repairer marked what it could not recover instead of guessing). For irrecoverable damage: the share left unchanged, and the share `hanzi repair --explain`
reported. For the clean lines: how many were changed at all (false positives; must be 0).

Also: the clean lines that are not plain ASCII, each with one U+FFFD inserted (one lost byte in
clean text), must come through unchanged but for the report of the U+FFFD.

Usage: run_eval.py [--hanzi PATH] [--split dev|test|holdout|docs|manuals|guides|messages|reviews|news|taiwan|all] [--show CATEGORY] [--no-ftfy]
Writes results-<split>.json beside this script and prints a Markdown table.
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))


def quotes_alternate(text):
    """Whether the curly double quotation marks of `text` go “ ” “ ” … as typography pairs them."""
    marks = [c for c in text if c in '“”']
    return all(c == ('“' if i % 2 == 0 else '”') for i, c in enumerate(marks))


def load(name, split):
    # The held-out split is generated apart, into holdout/ (holdout.sh), and so are the cases of
    # the messages split, into messages/ (build_cases.py --messages messages); its clean lines
    # are the shared ones.
    apart = {'holdout': ('cases.jsonl', 'clean.jsonl'), 'docs': ('cases.jsonl', 'clean.jsonl'), 'manuals': ('cases.jsonl', 'clean.jsonl'),
             'guides': ('cases.jsonl', 'clean.jsonl'), 'messages': ('cases.jsonl',), 'reviews': ('cases.jsonl', 'clean.jsonl'), 'news': ('cases.jsonl', 'clean.jsonl'),
             'taiwan': ('cases.jsonl', 'clean.jsonl')}
    path = os.path.join(here, split, name) if name in apart.get(split, ()) else os.path.join(here, name)
    if not os.path.exists(path):
        sys.exit(f'{path} is missing; for --split holdout run holdout.sh first, '
                 f'for --split docs docs.sh, for --split manuals manuals.sh, for --split guides guides.sh, for --split messages build_cases.py --messages {os.path.join(here, "messages")}, '
                 f'for --split reviews build_cases.py --reviews {os.path.join(here, "reviews")}, '
                 f'for --split news build_cases.py --news {os.path.join(here, "news")}, '
                 f'for --split taiwan build_cases.py --taiwan {os.path.join(here, "taiwan")}')
    rows = [json.loads(line) for line in open(path, encoding='utf-8')]
    return [row for row in rows if split == 'all' or row['split'] in (split, 'any')]


def run_hanzi(hanzi, lines, options=()):
    """Runs `hanzi repair --explain --format json` on `lines`; returns outputs and reports by line."""
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as f:
        f.write('\n'.join(lines) + '\n')
        path = f.name
    try:
        start = time.time()
        result = subprocess.run([hanzi, 'repair', '--explain', '--format', 'json', *options, path], capture_output=True)
        elapsed = time.time() - start
    finally:
        os.unlink(path)
    if result.returncode != 0:
        sys.exit(f'hanzi repair failed ({result.returncode}): {result.stderr.decode()[:2000]}')
    outputs = result.stdout.decode('utf-8').split('\n')[:len(lines)]
    reports = collections.defaultdict(list)
    for line in result.stderr.decode('utf-8').splitlines():
        report = json.loads(line)
        reports[report['line'] - 1].append(report)
    return outputs, reports, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--hanzi', default=os.path.join(here, '..', '..', '.build', 'release', 'hanzi'))
    parser.add_argument('--split', default='test', choices=['dev', 'test', 'holdout', 'docs', 'manuals', 'guides', 'messages', 'reviews', 'news', 'taiwan', 'all'])
    parser.add_argument('--show', help='print the failures of this category (or "clean")')
    parser.add_argument('--no-ftfy', action='store_true')
    args = parser.parse_args()

    cases = load('cases.jsonl', args.split)
    clean = load('clean.jsonl', args.split)
    lines = [case['corrupted'] for case in cases] + [row['text'] for row in clean]
    outputs, reports, elapsed = run_hanzi(args.hanzi, lines)
    # Cases that ask for corner brackets are repaired again with --quotes corner.
    corner = [i for i, case in enumerate(cases) if case.get('quotes') == 'corner']
    if corner:
        corner_outputs, corner_reports, corner_elapsed = run_hanzi(args.hanzi, [lines[i] for i in corner], ('--quotes', 'corner'))
        for n, i in enumerate(corner):
            outputs[i], reports[i] = corner_outputs[n], corner_reports[n]
        elapsed += corner_elapsed
    if not args.no_ftfy:
        import ftfy
        fixed = [ftfy.fix_text(line) for line in lines]
        fixed_kept = [ftfy.fix_text(line, uncurl_quotes=False, fix_character_width=False) for line in lines]
    else:
        fixed = fixed_kept = [None] * len(lines)

    stats = collections.OrderedDict()
    shown = 0
    for i, case in enumerate(cases):
        s = stats.setdefault(case['category'], collections.Counter())
        s['cases'] += 1
        s['recoverable'] += case['recoverable']
        ok = outputs[i] == case['original']
        s['hanzi'] += ok
        s['hanzi recoverable'] += ok and case['recoverable']
        if not case['recoverable']:
            # Bytes were lost: the best a repairer can do without guessing is the original with
            # U+FFFD for the characters no context decides. Anything else is a wrong character.
            marked = len(outputs[i]) == len(case['original']) and all(
                a == b or b == '\ufffd' for a, b in zip(case['original'], outputs[i]))
            s['lossy marked'] += marked
            s['lossy marked only'] += marked and not ok
        s['ftfy'] += fixed[i] == case['original']
        s['ftfy kept'] += fixed_kept[i] == case['original']
        if quotes_alternate(case['original']):
            s['alternating'] += 1
            s['hanzi alternating'] += ok
            s['alternating recoverable'] += case['recoverable']
            s['hanzi alternating recoverable'] += ok and case['recoverable']
        if case['category'] == 'irrecoverable':
            s['reported'] += any(r['irrecoverable'] for r in reports.get(i, []))
        if args.show == case['category'] and not ok and shown < 40:
            shown += 1
            print(f"--- {case['source']} recoverable={case['recoverable']}\n  original:  {case['original']}\n"
                  f"  corrupted: {case['corrupted']}\n  hanzi:     {outputs[i]}")
    false_positives = collections.Counter()
    ftfy_changed = collections.Counter()
    ftfy_kept_changed = collections.Counter()
    kinds = collections.Counter()
    for k, row in enumerate(clean):
        i = len(cases) + k
        kinds[row['kind']] += 1
        if outputs[i] != row['text']:
            false_positives[row['kind']] += 1
            if args.show == 'clean' and shown < 60:
                shown += 1
                print(f"--- {row['kind']}\n  clean: {row['text']}\n  hanzi: {outputs[i]}")
        if fixed[i] is not None and fixed[i] != row['text']:
            ftfy_changed[row['kind']] += 1
        if fixed_kept[i] is not None and fixed_kept[i] != row['text']:
            ftfy_kept_changed[row['kind']] += 1

    def pct(a, b):
        return f'{100 * a / b:.1f}%' if b else '–'

    print(f'\nsplit: {args.split}; {len(cases)} garbled cases, {len(clean)} clean lines; hanzi repair took {elapsed:.1f} s\n')
    print('| category | cases | hanzi repair: exact | of lossless cases | ftfy 6.3 default | ftfy 6.3, width and quotes kept |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for category, s in stats.items():
        if category == 'irrecoverable':
            continue
        recoverable = ('(none lossless)' if s['recoverable'] == 0
                       else f"{pct(s['hanzi recoverable'], s['recoverable'])} of {s['recoverable']}" if s['recoverable'] < s['cases']
                       else '(all lossless)')
        print(f"| {category} | {s['cases']} | {pct(s['hanzi'], s['cases'])} | {recoverable} | {pct(s['ftfy'], s['cases'])} "
              f"| {pct(s['ftfy kept'], s['cases'])} |")
    print('\nCases where bytes were lost: repaired exactly, or exactly but for U+FFFD at characters left undecided '
          '(reported as unrecovered), or with other differences (a wrong choice, or garbling left in place).\n')
    print('| category | lossy cases | exact | exact but for U+FFFD | exact or U+FFFD | other |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for category, s in stats.items():
        lossy = s['cases'] - s['recoverable']
        if category == 'irrecoverable' or lossy == 0:
            continue
        exact = s['hanzi'] - s['hanzi recoverable']
        print(f"| {category} | {lossy} | {pct(exact, lossy)} | {pct(s['lossy marked only'], lossy)} "
              f"| {pct(s['lossy marked'], lossy)} | {pct(lossy - s['lossy marked'], lossy)} |")
    # Folding erases which way a quotation mark turned; restoring pairs them “…” as typography
    # does. Many source lines (weicheng.txt above all) pair them the wrong way round, which no
    # restorer can know.
    print('\nCategories that fold punctuation to ASCII, on the cases whose original quotation marks alternate “ ” “ ”:\n')
    print('| category | such cases | of all | hanzi exact | of those lossless |')
    print('| --- | ---: | ---: | ---: | ---: |')
    for category in ('asciiPunctuationInChinese', 'asciiPunctuationTyped', 'gbkOneByteShift'):
        if category in stats:
            s = stats[category]
            print(f"| {category} | {s['alternating']} | {s['cases']} | {pct(s['hanzi alternating'], s['alternating'])} "
                  f"| {pct(s['hanzi alternating recoverable'], s['alternating recoverable'])} of {s['alternating recoverable']} |")
    if 'irrecoverable' in stats:
        s = stats['irrecoverable']
        print(f"\nirrecoverable damage: {s['cases']} cases; hanzi left {pct(s['hanzi'], s['cases'])} unchanged and "
              f"reported {pct(s['reported'], s['cases'])}; ftfy left {pct(s['ftfy'], s['cases'])} unchanged "
              f"({pct(s['ftfy kept'], s['cases'])} with width and quotes kept)")
    print(f'\nclean lines changed (false positives): hanzi {sum(false_positives.values())} of {len(clean)}, '
          f'ftfy {sum(ftfy_changed.values())} (default), {sum(ftfy_kept_changed.values())} (width and quotes kept)\n')
    print('| kind | lines | hanzi changed | ftfy default changed | ftfy kept changed |')
    print('| --- | ---: | ---: | ---: | ---: |')
    for kind, n in kinds.items():
        print(f'| {kind} | {n} | {false_positives[kind]} | {ftfy_changed[kind]} | {ftfy_kept_changed[kind]} |')
    # Clean text with one byte lost: each clean line that is not plain ASCII, with a U+FFFD put
    # at a seeded place. Only the U+FFFD may be reported; every other character must stay.
    rng = random.Random(5)
    damaged = []
    for row in clean:
        text = row['text']
        if len(text) >= 8 and not text.isascii():
            i = rng.randrange(1, len(text) - 1)
            damaged.append(text[:i] + '\ufffd' + text[i:])
    damaged_outputs = run_hanzi(args.hanzi, damaged)[0]
    damaged_changed = [(a, b) for a, b in zip(damaged, damaged_outputs) if a != b]
    print(f'clean lines with one U+FFFD inserted: hanzi changed {len(damaged_changed)} of {len(damaged)}\n')
    if args.show == 'clean':
        for a, b in damaged_changed[:20]:
            print(f"--- one U+FFFD\n  input: {a}\n  hanzi: {b}")
    with open(os.path.join(here, f'results-{args.split}.json'), 'w') as f:
        json.dump({'categories': stats, 'clean_lines': len(clean), 'false_positives': false_positives,
                   'lone_replacement_lines': len(damaged), 'lone_replacement_changed': len(damaged_changed),
                   'ftfy_changed_clean': ftfy_changed, 'ftfy_kept_changed_clean': ftfy_kept_changed,
                   'seconds': elapsed}, f, indent=1, ensure_ascii=False)


if __name__ == '__main__':
    sys.exit(main())
