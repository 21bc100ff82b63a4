#!/usr/bin/env python3
"""Irrecoverable damage at scale: whole corpora written to GB 2312 with '?' for every character
it lacks, as an encoder with substitution writes them, then given to `hanzi repair`. Nothing
there can be recovered, so a line whose '?' the repairer changed is damage it did (a '?' taken
for a question mark, a shift misread in the lost characters). Lines changed otherwise are
counted apart: weicheng.txt types straight quotes in one line, which repair restores anyway.
The time is repair's wall clock on those lines, one job.

The corpora are ../shared's weicheng.txt (Simplified novel), zuozhuan.txt (classical text and
its translation) and the SIGHAN PKU test text, each as given and converted to Traditional with
`hanzi convert -c s2t` (which GB 2312 lacks most of). Lines with no '?' are not counted.

    /work/venv-peers/bin/python Benchmarks/repair/squeezed.py [--hanzi .build/release/hanzi] [--show]
"""
import argparse, pathlib, subprocess, sys, time

HERE = pathlib.Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / 'shared' / 'data'
CORPORA = [('weicheng', SHARED / 'corpus' / 'weicheng.txt'), ('zuozhuan', SHARED / 'corpus' / 'zuozhuan.txt'),
           ('pku', SHARED / 'sighan2005' / 'pku_test.utf8')]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--hanzi', default=str(HERE.parent.parent / '.build' / 'release' / 'hanzi'))
    parser.add_argument('--show', action='store_true', help='print each changed line')
    args = parser.parse_args()
    print('| corpus | script | lines with \'?\' | \'?\' written | lines changed | of those, \'?\' changed | MB | seconds |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    for name, path in CORPORA:
        if not path.exists():
            print(f'{path} is absent: skipped', file=sys.stderr)
            continue
        text = path.read_text(encoding='utf-8')
        for script in ('as given', 'Traditional'):
            if script == 'Traditional':
                text = subprocess.run([args.hanzi, 'convert', '-c', 's2t'], input=text.encode(), capture_output=True,
                                      check=True).stdout.decode()
            lines = [line for line in text.encode('gb2312', 'replace').decode('gb2312').split('\n') if '?' in line]
            data = ('\n'.join(lines) + '\n').encode()
            start = time.perf_counter()
            out = subprocess.run([args.hanzi, 'repair', '--jobs', '1'], input=data, capture_output=True,
                                 check=True).stdout.decode().split('\n')[:-1]
            seconds = time.perf_counter() - start
            changed = [(a, b) for a, b in zip(lines, out) if a != b]
            damaged = [(a, b) for a, b in changed if a.count('?') != b.count('?')]
            print(f"| {name} | {script} | {len(lines)} | {sum(line.count('?') for line in lines)} | {len(changed)} | {len(damaged)} | {len(data) / 1e6:.2f} | {seconds:.2f} |")
            if args.show:
                for a, b in damaged:
                    print(f'  in:  {a}\n  out: {b}')


if __name__ == '__main__':
    main()
