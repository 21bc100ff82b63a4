"""The examiner's corruption generator, written apart from the project's build_cases.py.

    python garble.py DATA    # reads DATA/pool_cn.json, DATA/pool_tw_corner.json; writes DATA/cases.jsonl

Each case: id, cat, sub (the variant), script (S or T), orig, bad, lossy (re-encoding `bad` does
not give back the original bytes), quotes (the --quotes option to repair it with). Seeded: the
random calls run in a fixed order, so changing any of them changes every later case.
"""
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

import opencc

R = random.Random(7171)
HAN = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')

CP_UNDEF = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def cp1252(b, mode):
    """'sloppy': undefined bytes become C1 controls, as Windows and WHATWG do; 'replace': U+FFFD."""
    out = []
    for x in b:
        if x in CP_UNDEF:
            out.append(chr(x) if mode == 'sloppy' else '\ufffd')
        else:
            out.append(bytes([x]).decode('cp1252'))
    return ''.join(out)


def gbk_dec(b, variant):
    if variant == 'gbk': return b.decode('gbk', 'replace')
    if variant == 'gb18030': return b.decode('gb18030', 'replace')
    if variant == 'gbk-qmark': return b.decode('gbk', 'replace').replace('\ufffd', '?')
    if variant == 'gbk-drop': return b.decode('gbk', 'ignore')


def is_punct(c):
    return ord(c) > 0x7f and unicodedata.category(c).startswith('P')


def clause_spans(s):
    """Clauses: runs ending in a full-width mark, with at least two Han characters."""
    spans = []; start = 0
    for m in re.finditer(r'[，。！？；：、…—]+', s):
        spans.append((start, m.end())); start = m.end()
    if start < len(s): spans.append((start, len(s)))
    return [(a, b) for a, b in spans if len(HAN.findall(s[a:b])) >= 2]


# Each category returns (bad, sub, lossy), or None when the line cannot be garbled that way.

def c_utf8AsGBK(s):
    v = R.choices(['gbk', 'gb18030', 'gbk-qmark', 'gbk-drop'], [40, 35, 15, 10])[0]
    if R.random() < 0.3:  # one clause only
        sp = clause_spans(s)
        if len(sp) >= 2:
            a, b = R.choice(sp)
            if R.random() < 0.5:  # without its trailing mark
                while b > a and is_punct(s[b - 1]): b -= 1
            bad = gbk_dec(s[a:b].encode('utf-8'), v)
            lossy = bad.encode('gb18030' if v == 'gb18030' else 'gbk', 'replace') != s[a:b].encode('utf-8')
            return s[:a] + bad + s[b:], 'clause-' + v, lossy
    bad = gbk_dec(s.encode('utf-8'), v)
    try: lossy = bad.encode('gb18030' if v == 'gb18030' else 'gbk') != s.encode('utf-8')
    except UnicodeEncodeError: lossy = True
    return bad, 'line-' + v, lossy


def c_utf8AsCp1252(s):
    v = R.choices(['cp1252-sloppy', 'cp1252-replace', 'latin1'], [45, 25, 30])[0]
    b = s.encode('utf-8')
    if v == 'latin1': return b.decode('latin-1'), v, False
    out = cp1252(b, 'sloppy' if v == 'cp1252-sloppy' else 'replace')
    return out, v, '\ufffd' in out


def c_big5AsGBK(t):
    try: b = t.encode('big5')
    except UnicodeEncodeError: return None
    v = R.choice(['gbk', 'gb18030'])  # gb18030: GBK's user-defined areas (Big5's marks) decode to PUA, as cp936 does
    out = b.decode(v, 'replace')
    return out, 'big5->' + v, '\ufffd' in out


def c_gbkAsBig5(s):
    try: b = s.encode('gbk')
    except UnicodeEncodeError: return None
    out = b.decode('big5', 'replace')
    return out, 'gbk->big5', '\ufffd' in out


def c_legacyAsLatin(x, codec, rng):
    """GBK or Big5 bytes shown by Western software: as windows-1252 (sloppy or with U+FFFD) or
    Latin-1, the whole line or one clause of it. Its own generator: added after the others."""
    v = rng.choices(['cp1252-sloppy', 'cp1252-replace', 'latin1'], [45, 25, 30])[0]
    def dec(part):
        b = part.encode(codec)
        return b.decode('latin-1') if v == 'latin1' else cp1252(b, 'sloppy' if v == 'cp1252-sloppy' else 'replace')
    try: x.encode(codec)
    except UnicodeEncodeError: return None
    sp = clause_spans(x)
    if rng.random() < 0.3 and len(sp) >= 2:
        a, b = rng.choice(sp)
        bad = x[:a] + dec(x[a:b]) + x[b:]
        return bad, 'clause-' + v, '\ufffd' in bad
    bad = dec(x)
    return bad, 'line-' + v, '\ufffd' in bad


def fold_fullwidth(x, alnum_too=False):
    """FF01–FF5E to ASCII: punctuation only, or (NFKC-like) letters and digits too."""
    def f(c):
        if 0xFF01 <= ord(c) <= 0xFF5E:
            a = chr(ord(c) - 0xFEE0)
            if alnum_too or not a.isalnum(): return a
        return c
    return ''.join(f(c) for c in x)


def c_gbkOneByteShift(t):
    """A mark's GBK lead byte (A1 or A3) is lost as '?', and decoding goes on one byte later."""
    try: b = t.encode('gbk')
    except UnicodeEncodeError: return None
    offs = []; o = 0
    for c in t:
        offs.append(o); o += len(c.encode('gbk'))
    cands = [offs[i] for i, c in enumerate(t)
             if is_punct(c) and len(c.encode('gbk')) == 2 and c.encode('gbk')[0] in (0xA1, 0xA3)]
    if not cands: return None
    first = R.choice(cands)
    dec = R.choice(['gbk', 'gb18030'])  # gb18030 pairs: GBK with user-defined areas to PUA (cp936-like)
    want2 = R.random() < 0.4

    def simulate(drops):
        out = []; p = 0; lossy = False; aligned = set()
        while p < len(b):
            aligned.add(p)
            x = b[p]
            if p in drops: out.append('?'); p += 1; continue
            if x < 0x80: out.append(chr(x)); p += 1; continue
            if p + 1 < len(b):
                try:
                    out.append(b[p:p + 2].decode(dec)); p += 2; continue
                except UnicodeDecodeError: pass
            out.append('?'); lossy = True; p += 1
        return ''.join(out), lossy, aligned

    out, lossy, aligned = simulate({first})
    n = 1
    if want2:  # a second drop only where the decoder is aligned again
        c2 = [o for o in cands if o > first + 2 and o in aligned]
        if c2:
            out, lossy, _ = simulate({first, R.choice(c2)}); n = 2
    nf = R.random() < 0.3
    return fold_fullwidth(out, nf), f'shift{n}' + ('-foldall' if nf else '-foldpunct') + '-' + dec, lossy


def c_doubleMojibake(s):
    once = cp1252(s.encode('utf-8'), 'sloppy')
    return cp1252(once.encode('utf-8'), 'sloppy'), 'cp1252x2-sloppy', False


def c_punctuationOnly(s):
    """Only the marks' UTF-8 bytes are misread, each mark on its own."""
    v = R.choice(['gbk', 'cp1252'])
    out = []
    for c in s:
        if is_punct(c):
            b = c.encode('utf-8')
            out.append(b.decode('gbk', 'replace') if v == 'gbk' else cp1252(b, 'sloppy'))
        else: out.append(c)
    out = ''.join(out)
    return out, v, '\ufffd' in out


FOLD = {'，': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '“': '"', '”': '"'}


def c_punctuationFolded(s):
    return ''.join(FOLD.get(c, c) for c in s), 'fold-listed', False


TYPED = dict(FOLD); TYPED['。'] = '.'
SPACE_AFTER = set(',.?!:;)')
CLOSERS = set('”）)」』')


def c_punctuationTyped(s, spaced):
    """Marks typed as ASCII; `spaced` adds the space an English typist puts after them."""
    out = []
    for i, c in enumerate(s):
        if c in TYPED:
            t = TYPED[c]
            if spaced and c == '（' and out and out[-1] != ' ': out.append(' ')
            out.append(t)
            if spaced and t in SPACE_AFTER and i + 1 < len(s):
                nx = s[i + 1]
                if nx not in TYPED or nx == '“' or nx == '（':
                    if nx not in CLOSERS and not nx.isspace(): out.append(' ')
        else: out.append(c)
    return ''.join(out), 'space' if spaced else 'nospace', False


def to_corner(t):
    return t.replace('“', '「').replace('”', '」').replace('‘', '『').replace('’', '』')


def corner_folded(t):
    return t.replace('「', '"').replace('」', '"')


def main(data):
    s2t = opencc.OpenCC('s2t'); s2tw = opencc.OpenCC('s2tw')
    pool = json.load(open(os.path.join(data, 'pool_cn.json')))
    tw_corner = json.load(open(os.path.join(data, 'pool_tw_corner.json')))
    cases = []

    def add(cat, sub, script, orig, out, lossy, quotes='curly'):
        if out != orig:
            cases.append(dict(id=len(cases), cat=cat, sub=sub, script=script, orig=orig, bad=out,
                              lossy=bool(lossy), quotes=quotes))

    for i, s in enumerate(pool):
        t = s2t.convert(s)

        def pick(k):  # alternate scripts, offset by category, so both scripts see every line
            return (s, 'S') if (i + k) % 2 == 0 else (t, 'T')

        for k, (cat, fn) in enumerate([('utf8AsGBK', c_utf8AsGBK), ('utf8AsCp1252', c_utf8AsCp1252),
                                       ('doubleMojibake', c_doubleMojibake), ('punctuationOnly', c_punctuationOnly),
                                       ('punctuationFolded', c_punctuationFolded)]):
            o, sc = pick(k)
            r = fn(o)
            if r: add(cat, r[1], sc, o, r[0], r[2])
        o, sc = pick(5); r = c_punctuationTyped(o, False); add('punctuationTyped-nospace', r[1], sc, o, r[0], r[2])
        o, sc = pick(6); r = c_punctuationTyped(o, True); add('punctuationTyped-space', r[1], sc, o, r[0], r[2])
        r = c_big5AsGBK(t)
        if r: add('big5AsGBK', r[1], 'T', t, r[0], r[2])
        r = c_gbkAsBig5(s)
        if r: add('gbkAsBig5', r[1], 'S', s, r[0], r[2])
        r = c_gbkOneByteShift(t)
        if r: add('gbkOneByteShift', r[1], 'T', t, r[0], r[2])
        if '“' in s or '‘' in s:
            tc = to_corner(s2tw.convert(s))
            add('cornerFolded', 's2tw', 'T', tc, corner_folded(tc), False, quotes='corner')
    for t in tw_corner:
        add('cornerFolded', 'native-zh_TW', 'T', t, corner_folded(t), False, quotes='corner')
    # Added later, with a generator of their own, so that the cases above stay as they were.
    latin = random.Random(7272)
    for i, s in enumerate(pool):
        t = s2t.convert(s)
        o, sc = (s, 'S') if i % 2 == 0 else (t, 'T')
        r = c_legacyAsLatin(o, 'gbk', latin)
        if r: add('gbkAsCp1252', r[1], sc, o, r[0], r[2])
        r = c_legacyAsLatin(t, 'big5', latin)
        if r: add('big5AsCp1252', r[1], 'T', t, r[0], r[2])

    with open(os.path.join(data, 'cases.jsonl'), 'w') as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    n = Counter(c['cat'] for c in cases)
    lossless = Counter(c['cat'] for c in cases if not c['lossy'])
    print(f'garble.py: {len(cases)} cases; ' + ', '.join(f'{k} {n[k]} ({lossless[k]} lossless)' for k in sorted(n)))


if __name__ == '__main__':
    main(sys.argv[1])
