"""Runs `hanzi repair` (and ftfy, if importable) on the probe and prints Markdown tables.

    python score.py --hanzi PATH DATA [--by cat|sub|script]

Reads DATA/cases.jsonl and DATA/clean.json; writes DATA/results.json (every output, the table
rows and the changed clean lines). A case is exact when the output equals the original line;
lossless cases are those whose garbling lost no byte, so 100 % is reachable on them.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

try:
    import ftfy
except ImportError:
    ftfy = None

# ftfy* leaves full-width marks and curly quotes alone: the fair comparison on mojibake
FTFY_MB = dict(uncurl_quotes=False, fix_character_width=False)


def repair(hanzi, lines, quotes):
    """One process per call; one output line per input line."""
    assert all('\n' not in l for l in lines)
    p = subprocess.run([hanzi, 'repair', '--quotes', quotes], input=('\n'.join(lines) + '\n').encode('utf-8'),
                       capture_output=True)
    if p.returncode != 0:
        sys.exit(f'score.py: {hanzi} repair --quotes {quotes} failed: {p.stderr.decode(errors="replace")[:500]}')
    out = p.stdout.decode('utf-8').split('\n')  # not splitlines(): U+0085 and U+001C are mojibake here
    if out[-1] != '' or len(out) - 1 != len(lines):
        sys.exit(f'score.py: {len(lines)} lines in, {len(out) - 1} out')
    return out[:-1]


def pct(a, n):
    return f'{100 * a / n:.1f} %' if n else '–'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data')
    ap.add_argument('--hanzi', required=True)
    ap.add_argument('--by', choices=['cat', 'sub', 'script'], default='cat')
    a = ap.parse_args()
    cases = [json.loads(l) for l in open(os.path.join(a.data, 'cases.jsonl'))]
    clean = json.load(open(os.path.join(a.data, 'clean.json')))

    for q in ['curly', 'corner']:
        idx = [i for i, c in enumerate(cases) if c['quotes'] == q]
        for i, o in zip(idx, repair(a.hanzi, [cases[i]['bad'] for i in idx], q)):
            cases[i]['tool'] = o
    if ftfy:
        for c in cases:
            c['ftfy'] = ftfy.fix_text(c['bad'])
            c['ftfy_mb'] = ftfy.fix_text(c['bad'], **FTFY_MB)

    def key(c):
        return c['cat'] if a.by == 'cat' else f"{c['cat']} / {c[a.by]}"

    groups = defaultdict(list)
    for c in cases:
        groups[key(c)].append(c)
    head = '| category | cases | lossless | exact | exact, lossless | unchanged |'
    rule = '|---|---:|---:|---:|---:|---:|'
    if ftfy:
        head += ' ftfy exact, lossless | ftfy* exact, lossless |'
        rule += '---:|---:|'
    lines, rows = [head, rule], {}
    for k in sorted(groups) + ['all']:
        cs = cases if k == 'all' else groups[k]
        ll = [c for c in cs if not c['lossy']]
        ex = lambda cc, f='tool': sum(c[f] == c['orig'] for c in cc)
        row = dict(cases=len(cs), lossless=len(ll), exact=ex(cs), exact_lossless=ex(ll),
                   unchanged=sum(c['tool'] == c['bad'] for c in cs))
        cells = [k, row['cases'], row['lossless'], pct(row['exact'], len(cs)),
                 f"{row['exact_lossless']}/{len(ll)} ({pct(row['exact_lossless'], len(ll))})", row['unchanged']]
        if ftfy:
            row.update(ftfy_exact_lossless=ex(ll, 'ftfy'), ftfy_mb_exact_lossless=ex(ll, 'ftfy_mb'))
            cells += [pct(row['ftfy_exact_lossless'], len(ll)), pct(row['ftfy_mb_exact_lossless'], len(ll))]
        rows[k] = row
        lines.append('| ' + ' | '.join(str(x) for x in cells) + ' |')
    print('\n'.join(lines))
    if ftfy:
        print(f'\nftfy {ftfy.__version__}: fix_text with its defaults; ftfy*: uncurl_quotes=False, fix_character_width=False.')

    # false positives: any change to a clean line
    texts = [s for _, s in clean]
    changed = []
    outs = {q: repair(a.hanzi, texts, q) for q in ['curly', 'corner']}
    if ftfy:
        outs['ftfy'] = [ftfy.fix_text(s) for s in texts]
        outs['ftfy*'] = [ftfy.fix_text(s, **FTFY_MB) for s in texts]
    kinds = list(dict.fromkeys(k for k, _ in clean))
    fp = {k: Counter() for k in kinds + ['all']}
    for who, out in outs.items():
        for (k, s), o in zip(clean, out):
            if o != s:
                fp[k][who] += 1; fp['all'][who] += 1
                if who in ('curly', 'corner'):
                    changed.append(dict(kind=k, quotes=who, before=s, after=o))
    n = Counter(k for k, _ in clean); n['all'] = len(clean)
    print('\n| clean lines | lines | changed, curly | changed, corner |' + (' ftfy changed | ftfy* changed |' if ftfy else ''))
    print('|---|---:|---:|---:|' + ('---:|---:|' if ftfy else ''))
    for k in kinds + ['all']:
        print(f'| {k} | {n[k]} | ' + ' | '.join(str(fp[k][w]) for w in outs) + ' |')
    curly = [c for c in changed if c['quotes'] == 'curly']
    print(f"\nclean lines changed (--quotes curly): {len(curly)} of {len(clean)}")
    for c in curly[:20]:
        print(f"- [{c['kind']}] `{c['before'][:100]}` → `{c['after'][:100]}`")
    if len(curly) > 20:
        print(f'- … the rest are in {a.data}/results.json')

    with open(os.path.join(a.data, 'results.json'), 'w') as f:
        json.dump(dict(hanzi=a.hanzi, ftfy=ftfy.__version__ if ftfy else None, by=a.by, rows=rows,
                       clean={k: dict(lines=n[k], **fp[k]) for k in kinds + ['all']},
                       clean_changed=changed, cases=cases), f, ensure_ascii=False)


if __name__ == '__main__':
    main()
