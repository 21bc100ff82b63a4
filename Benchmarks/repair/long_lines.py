#!/usr/bin/env python3
"""Whether `hanzi repair` stays linear on one huge line.

`hanzi repair` reads a line at a time, and a line may be a whole article, a chapter (weicheng.txt
holds chapters of up to 185 KB on one line) or a minified file. Any work done per mark that looks
back to the line's start, or per repair that looks at every other repair, turns such a line
quadratic. This repeats short patterns into one line of about `--kb` kilobytes and of four times
that, and times `hanzi repair --jobs 1` on both (CPU seconds, best of `--runs`): the ratio is
about 4 where the cost is linear and about 16 where it is quadratic.

The patterns are the shapes that were once quadratic (marks with no clause end, characters an
encoder replaced with '?', Latin-1 mojibake with unencodable characters, the GBK one-byte shift,
unpaired parentheses) and a few more.

Usage: long_lines.py [--hanzi PATH] [--kb N] [--runs N]
"""
import argparse
import os
import resource
import subprocess
import sys

PATTERNS = {
    'question marks for lost characters': '中?',
    'doubled question marks': '中??',
    'typed full stops': '中.',
    'Latin-1 mojibake': 'ã€‚',
    'UTF-8 read as GBK': '鈥滀綘濂解€',
    'one-byte shift': '中?!蓖蹶烧f',
    'unpaired parentheses': '中(文',
    'paired parentheses': '中(a)',
    'straight quotes': '中"文',
    'commas': '中,',
    'exclamation marks': '中!',
    'U+FFFD': '中\ufffd',
}


def cpu_seconds(hanzi, data, runs):
    """Best CPU seconds (user + system) of `hanzi repair --jobs 1` over `data`."""
    best = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run([hanzi, 'repair', '--jobs', '1'], input=data, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            sys.exit(f'hanzi repair failed: {result.stderr.decode(errors="replace")[:300]}')
        seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = seconds if best is None else min(best, seconds)
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--hanzi', default=os.path.join(here, '..', '..', '.build', 'release', 'hanzi'))
    parser.add_argument('--kb', type=int, default=100, help='size of the shorter line, in kilobytes')
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args()
    print(f'| pattern | seconds, {args.kb} KB line | seconds, {4 * args.kb} KB line | ratio |')
    print('| --- | ---: | ---: | ---: |')
    worst = 0.0
    for name, pattern in PATTERNS.items():
        unit = pattern.encode()
        short = unit * (args.kb * 1024 // len(unit)) + b'\n'
        long = unit * (4 * args.kb * 1024 // len(unit)) + b'\n'
        a, b = cpu_seconds(args.hanzi, short, args.runs), cpu_seconds(args.hanzi, long, args.runs)
        ratio = b / a if a > 0 else float('nan')
        # (Lines that take under 50 ms are dominated by start-up; their ratio says little.)
        if a >= 0.05: worst = max(worst, ratio)
        print(f'| {name} | {a:.3f} | {b:.3f} | {ratio:.1f} |')
    print(f'\nworst ratio where the shorter line took 50 ms or more: {worst:.1f} (4 is linear, 16 quadratic)')


if __name__ == '__main__':
    main()
