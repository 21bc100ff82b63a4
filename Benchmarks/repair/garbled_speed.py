#!/usr/bin/env python3
"""Speed of `hanzi repair` on garbled text, category by category.

Clean text is `speed.sh`'s subject; a garbled line costs more, since the repairer weighs
readings of it. This runs `hanzi repair --jobs 1` on all the garbled cases of each category of a
split (best of `--runs`, CPU time of the child, so that a busy shared machine counts less) and
prints a Markdown table: lines, kilobytes, seconds, milliseconds per line and kilobytes per
second.

Usage: garbled_speed.py [--hanzi PATH] [--split dev|test|holdout|…|all] [--runs N]
"""
import argparse
import collections
import json
import os
import resource
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from run_eval import load  # noqa: E402  (the same splits and files as the evaluation)


def cpu_seconds(hanzi, data):
    """CPU seconds (user + system) `hanzi repair --jobs 1` takes over `data`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([hanzi, 'repair', '--jobs', '1'], input=data, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f'hanzi repair failed ({result.returncode}): {result.stderr.decode()[:2000]}')
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--hanzi', default=os.path.join(here, '..', '..', '.build', 'release', 'hanzi'))
    parser.add_argument('--split', default='all', choices=['dev', 'test', 'holdout', 'messages', 'reviews', 'news', 'all'])
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args()
    by_category = collections.defaultdict(list)
    for case in load('cases.jsonl', args.split):
        by_category[case['category']].append(case['corrupted'])
    print('| category | lines | kB | CPU seconds | ms per line | kB per second |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for category, lines in sorted(by_category.items()):
        data = ('\n'.join(lines) + '\n').encode('utf-8')
        seconds = min(cpu_seconds(args.hanzi, data) for _ in range(args.runs))
        print(f'| {category} | {len(lines)} | {len(data) / 1000:.0f} | {seconds:.2f} | '
              f'{seconds / len(lines) * 1000:.2f} | {len(data) / 1000 / max(seconds, 1e-9):.0f} |')


if __name__ == '__main__':
    main()
