"""Builds the probe's text from the Wesnoth campaign packages unpacked under DATA/x.

    python corpus.py DATA    # writes DATA/pool_cn.json, DATA/pool_tw_corner.json, DATA/clean.json

pool_cn.json: 2,000 zh_CN prose lines for garble.py. pool_tw_corner.json: native zh_TW lines with
「」. clean.json: [kind, line] pairs a repair tool must leave alone. Seeded: the same packages give
the same files (the order of the random calls below is part of that).
"""
import glob
import json
import os
import random
import re
import struct
import sys

import opencc

WESNOTH = 'usr/share/games/wesnoth/1.16'
HAN = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
FW = re.compile(r'[，。：；？！（）“”「」『』、]')


def read_mo(path):
    """(msgid, msgstr) pairs of a compiled gettext catalog; the header entry is skipped."""
    d = open(path, 'rb').read()
    e = '<' if struct.unpack('<I', d[:4])[0] == 0x950412de else '>'
    _, n, oo, to = struct.unpack(e + '4I', d[4:20])
    out = []
    for i in range(n):
        l, o = struct.unpack(e + '2I', d[oo + 8 * i:oo + 8 * i + 8]); msgid = d[o:o + l]
        l, o = struct.unpack(e + '2I', d[to + 8 * i:to + 8 * i + 8]); msgstr = d[o:o + l]
        if msgid:
            out.append((msgid.decode('utf-8', 'replace'), msgstr.decode('utf-8')))
    return out


def catalog_strings(x, loc):
    """(msgid, msgstr) for every translation of loc, each plural form on its own."""
    strs = []
    for p in sorted(glob.glob(f'{x}/{WESNOTH}/locale/{loc}/LC_MESSAGES/*.mo')):
        for mid, ms in read_mo(p):
            for part in ms.split('\x00'):
                strs.append((mid.split('\x00')[0], part))
    return strs


def han(s):
    return len(HAN.findall(s))


def strip_markup(s):
    s = re.sub(r'<[^<>]*>', '', s)
    return s.replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&').strip()


def clean_ok(s):  # no template leftovers
    return not re.search(r'[$@{}<>&|\\\t]', s) and '\r' not in s


def main(data):
    x = os.path.join(data, 'x')
    random.seed(20241205)
    cn_lines, tw_lines, en_lines, raw_mixed = [], [], [], []
    seen = set()
    for loc in ['zh_CN', 'zh_TW']:
        strs = catalog_strings(x, loc)
        print(f'corpus.py: {loc} {len(strs)} strings')
        for mid, ms in strs:
            for l in ms.split('\n'):
                # lines with markup or $variables, kept raw for the clean set
                if l.strip() != strip_markup(l) or re.search(r'[$@{}]', l):
                    if han(l) > 0 and l.strip() and (loc, l.strip()) not in seen:
                        seen.add((loc, l.strip())); raw_mixed.append(l.strip())
                s = strip_markup(l)
                if not s or not clean_ok(s) or (loc, s) in seen:
                    continue
                seen.add((loc, s))
                (cn_lines if loc == 'zh_CN' else tw_lines).append(s)
            if loc == 'zh_CN':
                for l in mid.split('\n'):
                    l = l.strip()
                    if l and ('en', l) not in seen and not HAN.search(l):
                        seen.add(('en', l)); en_lines.append(l)
    print(f'corpus.py: distinct cn {len(cn_lines)} tw {len(tw_lines)} en {len(en_lines)} markup {len(raw_mixed)}')

    # every line with a curly quote goes in, since they are rare in this source
    elig = [s for s in cn_lines if han(s) >= 8 and FW.search(s)]
    quote = [s for s in elig if '“' in s or '‘' in s]
    qset = set(quote)
    rest = [s for s in elig if s not in qset]
    random.shuffle(rest)
    pool = quote + rest[:2000 - len(quote)]
    random.shuffle(pool)
    tw_corner = [s for s in tw_lines if '「' in s and han(s) >= 8]
    print(f'corpus.py: eligible {len(elig)}, pool {len(pool)} ({len(quote)} with “ or ‘), zh_TW with 「 {len(tw_corner)}')

    s2t = opencc.OpenCC('s2t'); s2tw = opencc.OpenCC('s2tw')
    poolset = set(pool)
    cn_other = [s for s in cn_lines if s not in poolset]; random.shuffle(cn_other)
    tw_other = list(tw_lines); random.shuffle(tw_other)
    cnp = list(pool); random.shuffle(cnp)
    clean = []
    clean += [('cn-long', s) for s in cnp[:500]]
    clean += [('cn-any', s) for s in cn_other[:500]]
    clean += [('tw-s2t', s2t.convert(s)) for s in cnp[500:900]]
    clean += [('tw-native', s) for s in tw_other[:600]]
    clean += [('tw-s2tw-corner', s2tw.convert(s).replace('“', '「').replace('”', '」').replace('‘', '『').replace('’', '』'))
              for s in quote[:120]]
    random.shuffle(en_lines); clean += [('en', s) for s in en_lines[:450]]
    random.shuffle(raw_mixed); clean += [('mixed-markup', s) for s in raw_mixed[:300]]
    wml = []
    for f in sorted(glob.glob(f'{x}/{WESNOTH}/data/campaigns/*/scenarios/*.cfg')):
        for l in open(f, encoding='utf-8', errors='replace'):
            l = l.strip()
            if len(l) >= 12 and '\ufffd' not in l:
                wml.append(l)
    wml = sorted(set(wml)); random.shuffle(wml); clean += [('code-wml', s) for s in wml[:250]]
    first = {}
    for k, s in clean:  # a line is kept once, under its first kind
        first.setdefault(s, k)
    clean = [(k, s) for s, k in first.items()]
    print(f'corpus.py: clean {len(clean)}')

    for name, obj in [('pool_cn.json', pool), ('pool_tw_corner.json', tw_corner), ('clean.json', clean)]:
        with open(os.path.join(data, name), 'w') as f:
            json.dump(obj, f, ensure_ascii=False, indent=0)


if __name__ == '__main__':
    main(sys.argv[1])
