#!/usr/bin/env bash
# Regenerates every data file under Dictionaries/ from two pinned PyPI packages:
#   OpenCC 1.4.2  (wheel)  -> opencc/*.txt (dumped from the wheel's .ocd2 files), opencc/*.json
#   jieba 0.42.1  (sdist)  -> jieba/dict.txt, jieba/idf.txt, jieba/hmm.txt
# plus LICENSES/ and SOURCES.md (hashes of everything used and produced).
#
# Needs: python3 with the venv module and pip (Debian: python3-venv python3-pip),
# and access to PyPI. Runs from any directory; idempotent (byte-identical output).
set -euo pipefail

OPENCC_VERSION=1.4.2
JIEBA_VERSION=0.42.1

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

export PIP_DISABLE_PIP_VERSION_CHECK=1
export PYTHONDONTWRITEBYTECODE=1
export LC_ALL=C.UTF-8

log() { printf '[regenerate] %s\n' "$*" >&2; }

# --- 1. download exactly the distribution files that will be used, then install them
log "creating temporary virtualenv in $TMP/venv"
python3 -m venv "$TMP/venv"
PY="$TMP/venv/bin/python"

log "downloading opencc==$OPENCC_VERSION jieba==$JIEBA_VERSION"
mkdir -p "$TMP/dl"
"$PY" -m pip download --quiet --no-deps --dest "$TMP/dl" \
    "opencc==$OPENCC_VERSION" "jieba==$JIEBA_VERSION"
shopt -s nullglob
DL_FILES=("$TMP"/dl/*)
shopt -u nullglob
if [ "${#DL_FILES[@]}" -ne 2 ]; then
    log "expected 2 downloaded files, got: ${DL_FILES[*]:-none}"; exit 1
fi

log "installing from the downloaded files"
# --no-deps: neither package has runtime dependencies we need. The jieba sdist is built
# by pip (its build backend, setuptools, is fetched from PyPI in an isolated build env).
"$PY" -m pip install --quiet --no-deps "${DL_FILES[@]}"

read -r OPENCC_PKG JIEBA_PKG < <("$PY" - <<'EOF'
import importlib.util
print(importlib.util.find_spec("opencc").submodule_search_locations[0],
      importlib.util.find_spec("jieba").submodule_search_locations[0])
EOF
)
SHARE="$OPENCC_PKG/clib/share/opencc"
OPENCC_DICT="$OPENCC_PKG/clib/bin/opencc_dict"
[ -d "$SHARE" ] || { log "missing $SHARE"; exit 1; }
[ -x "$OPENCC_DICT" ] || { log "missing or not executable: $OPENCC_DICT"; exit 1; }

# --- 2. build everything in a staging directory
STAGE="$TMP/stage"
mkdir -p "$STAGE/opencc" "$STAGE/jieba" "$STAGE/LICENSES" "$STAGE/encodings"

log "dumping OpenCC .ocd2 dictionaries to text"
shopt -s nullglob
OCD2=("$SHARE"/*.ocd2)
JSONS=("$SHARE"/*.json)
shopt -u nullglob
[ "${#OCD2[@]}" -gt 0 ] || { log "no .ocd2 files in $SHARE"; exit 1; }
[ "${#JSONS[@]}" -gt 0 ] || { log "no .json files in $SHARE"; exit 1; }
for f in "${OCD2[@]}"; do
    name="$(basename "$f" .ocd2)"
    "$OPENCC_DICT" -i "$f" -o "$STAGE/opencc/$name.txt" -f ocd2 -t text >/dev/null
    # the dump must be complete: compiling it back must give the shipped .ocd2, byte for byte
    "$OPENCC_DICT" -i "$STAGE/opencc/$name.txt" -o "$TMP/roundtrip.ocd2" -f text -t ocd2 >/dev/null
    cmp -s "$TMP/roundtrip.ocd2" "$f" || { log "$name: text dump does not compile back to the same .ocd2"; exit 1; }
done
rm -f "$TMP/roundtrip.ocd2"
for f in "${JSONS[@]}"; do
    cp "$f" "$STAGE/opencc/$(basename "$f")"
done
# configs may also live elsewhere in the package; there must be none we missed
EXTRA_JSON="$(find "$OPENCC_PKG" -name '*.json' ! -path "$SHARE/*" | sort)"
if [ -n "$EXTRA_JSON" ]; then log "unexpected config files outside $SHARE: $EXTRA_JSON"; exit 1; fi

log "copying jieba dictionaries"
cp "$JIEBA_PKG/dict.txt" "$STAGE/jieba/dict.txt"
cp "$JIEBA_PKG/analyse/idf.txt" "$STAGE/jieba/idf.txt"

# --- 3. hmm.txt, licenses, validation, SOURCES.md (one Python program, run in the venv)
log "writing hmm.txt, licenses and SOURCES.md; validating"
"$PY" - "$STAGE" "$SHARE" "$OPENCC_PKG" "$JIEBA_PKG" "$OPENCC_VERSION" "$JIEBA_VERSION" \
    "${DL_FILES[@]}" <<'PYEOF'
import glob, hashlib, importlib, importlib.metadata as md, json, os, re, sys, tarfile, unicodedata

stage, share, opencc_pkg, jieba_pkg, opencc_ver, jieba_ver = sys.argv[1:7]
dl_files = sorted(sys.argv[7:])

def fail(msg):
    sys.exit("[regenerate] ERROR: " + msg)

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()

def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

# ---------- OpenCC text dumps: validate the format and collect facts ----------
ocd2_names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(share, "*.ocd2")))
opencc_counts = {}
opencc_unsorted = []
opencc_non_nfc = {}
for name in ocd2_names:
    raw = open(os.path.join(stage, "opencc", name + ".txt"), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw or not raw.endswith(b"\n"):
        fail(f"{name}.txt: BOM, CR or missing final newline")
    lines = raw.decode("utf-8").split("\n")[:-1]
    keys = []
    for i, line in enumerate(lines, 1):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or " " in parts[0]:
            fail(f"{name}.txt:{i}: not 'key<TAB>values': {line!r}")
        if any(v == "" for v in parts[1].split(" ")):
            fail(f"{name}.txt:{i}: empty value: {line!r}")
        keys.append(parts[0])
    if len(set(keys)) != len(keys):
        fail(f"{name}.txt: duplicate keys")
    opencc_counts[name] = len(lines)
    non_nfc = [l for l in lines if unicodedata.normalize("NFC", l.split("\t")[0]) != l.split("\t")[0]]
    if non_nfc:
        opencc_non_nfc[name] = (len(non_nfc), sum(
            1 for l in non_nfc if unicodedata.normalize("NFC", l.split("\t")[0]) == l.split("\t")[1]))
    if keys != sorted(keys, key=lambda k: k.encode("utf-8")):
        opencc_unsorted.append(name)

# every dictionary file referenced by a config must exist
configs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(share, "*.json")))
for c in configs:
    text = open(os.path.join(share, c), encoding="utf-8").read()
    json.loads(text)
    for ref in re.findall(r'"file"\s*:\s*"([^"]+)"', text):
        if not (ref.endswith(".ocd2") and ref[:-5] in opencc_counts):
            fail(f"{c} references {ref}, which is not among the dumped .ocd2 files")

# ---------- jieba: verbatim copies must equal the sdist's members ----------
sdists = [p for p in dl_files if p.endswith(".tar.gz") and os.path.basename(p).startswith("jieba-")]
if len(sdists) == 1:
    with tarfile.open(sdists[0]) as tf:
        for member, copy in [("jieba/dict.txt", "dict.txt"), ("jieba/analyse/idf.txt", "idf.txt")]:
            data = tf.extractfile(f"jieba-{jieba_ver}/{member}").read()
            if data != open(os.path.join(stage, "jieba", copy), "rb").read():
                fail(f"installed {member} differs from the sdist's")

dict_lines = open(os.path.join(stage, "jieba", "dict.txt"), encoding="utf-8").read().split("\n")
if dict_lines[-1] == "":
    dict_lines.pop()
for i, line in enumerate(dict_lines, 1):
    if len(line.split(" ")) not in (2, 3) or not line.split(" ")[1].isdigit():
        fail(f"jieba dict.txt:{i}: unexpected format {line!r}")
dict_words = [l.split(" ")[0] for l in dict_lines]
_word_lines = {}
for line in dict_lines:
    _word_lines.setdefault(line.split(" ")[0], []).append(line)
dict_dups = {w: ls for w, ls in _word_lines.items() if len(ls) > 1}
dict_zero = sum(1 for l in dict_lines if l.split(" ")[1] == "0")
idf_raw = open(os.path.join(stage, "jieba", "idf.txt"), "rb").read()
idf_count = len(idf_raw.decode("utf-8").splitlines())
idf_final_newline = idf_raw.endswith(b"\n")

# ---------- jieba HMM model -> hmm.txt ----------
start_P = importlib.import_module("jieba.finalseg.prob_start").P
trans_P = importlib.import_module("jieba.finalseg.prob_trans").P
emit_P = importlib.import_module("jieba.finalseg.prob_emit").P
STATES = "BEMS"
for d in (start_P, trans_P, emit_P):
    if set(d) != set(STATES):
        fail(f"HMM dict has states {sorted(d)}, expected B E M S")

def fnum(x):
    if type(x) is not float:
        fail(f"HMM value {x!r} is not a float")
    return repr(x)

def token(s):
    if not s or any(c.isspace() for c in s) or s.startswith("#"):
        fail(f"HMM key {s!r} cannot be written in the text format")
    return s

out = [
    f"# jieba {jieba_ver} HMM model for unknown words (jieba/finalseg/prob_start.py,",
    "# prob_trans.py, prob_emit.py). Generated by Dictionaries/regenerate.sh; do not edit.",
    "# Lines starting with '#' are comments. Fields are TAB-separated:",
    "#   start<TAB>STATE<TAB>logprob",
    "#   trans<TAB>FROM<TAB>TO<TAB>logprob",
    "#   emit<TAB>STATE<TAB>CHAR<TAB>logprob",
    "# States: B (begin), E (end), M (middle), S (single). Values are natural-log",
    "# probabilities written with Python repr(float) (shortest round-trip form).",
    "# Missing trans/emit pairs are absent from the model (jieba uses MIN_FLOAT = -3.14e100).",
]
for s in STATES:
    out.append(f"start\t{s}\t{fnum(start_P[s])}")
for s in STATES:
    for t, v in trans_P[s].items():
        out.append(f"trans\t{s}\t{token(t)}\t{fnum(v)}")
for s in STATES:
    for ch, v in emit_P[s].items():
        out.append(f"emit\t{s}\t{token(ch)}\t{fnum(v)}")
hmm_path = os.path.join(stage, "jieba", "hmm.txt")
write(hmm_path, "\n".join(out) + "\n")

# re-read and compare with the modules (== on floats, and on insertion order)
r_start, r_trans, r_emit = {}, {s: {} for s in STATES}, {s: {} for s in STATES}
for line in open(hmm_path, encoding="utf-8").read().split("\n")[:-1]:
    if line.startswith("#"):
        continue
    f = line.split("\t")
    if f[0] == "start" and len(f) == 3:
        r_start[f[1]] = float(f[2])
    elif f[0] == "trans" and len(f) == 4:
        r_trans[f[1]][f[2]] = float(f[3])
    elif f[0] == "emit" and len(f) == 4:
        r_emit[f[1]][f[2]] = float(f[3])
    else:
        fail(f"hmm.txt: bad line {line!r}")
for a, b, what in [(r_start, start_P, "start"), (r_trans, trans_P, "trans"), (r_emit, emit_P, "emit")]:
    if a != b or any(list(a[k]) != list(b[k]) for k in a if isinstance(a[k], dict)):
        fail(f"hmm.txt does not reproduce jieba's {what} probabilities exactly")
hmm_counts = (len(start_P), sum(map(len, trans_P.values())), {s: len(emit_P[s]) for s in STATES})

# ---------- Python's big5 codec -> encodings/python-big5.txt ----------
# Scrapers decode "big5" pages with Python's codec, whose table places kana, Cyrillic and
# circled numbers (rows C6-C7) and a few symbols elsewhere than ICU's Big5 converters do, and
# ICU has no converter with that table. GBK text read that way is undone with it. Only pairs
# that decode to something other than a CJK ideograph are kept: the ideographs agree.
big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
big5_rows = []
for lead in range(0x81, 0xFF):
    for trail in big5_trails:
        try:
            ch = bytes([lead, trail]).decode("big5")
        except UnicodeDecodeError:
            continue
        if len(ch) != 1 or ch in "\t\n" or unicodedata.name(ch, "").startswith("CJK"):
            continue
        big5_rows.append(f"{lead:02X}{trail:02X}\t{ch}")
python_version = ".".join(map(str, sys.version_info[:3]))
write(os.path.join(stage, "encodings", "python-big5.txt"),
      f"# Python {python_version}'s big5 codec: every pair it decodes to a character that is not a CJK\n"
      "# ideograph. Generated by Dictionaries/regenerate.sh; do not edit.\n"
      "# Fields are TAB-separated: PAIR (hex, lead then trail)<TAB>CHARACTER.\n" +
      "\n".join(big5_rows) + "\n")
python_big5_count = len(big5_rows)

# ---------- licenses ----------
def dist_license_files(dist_name):
    dist = md.distribution(dist_name)
    found = []
    for f in dist.files or []:
        base = os.path.basename(str(f)).upper()
        if ".dist-info" in str(f) and (base.startswith("LICENSE") or base.startswith("LICENCE") or base.startswith("COPYING") or base == "AUTHORS"):
            found.append(dist.locate_file(f))
    return dist, sorted(found, key=str)

lic_dir = os.path.join(stage, "LICENSES")
opencc_dist, opencc_lic_files = dist_license_files("opencc")
oc_license = [p for p in opencc_lic_files if os.path.basename(str(p)).upper().startswith("LICENSE")]
oc_authors = [p for p in opencc_lic_files if os.path.basename(str(p)).upper() == "AUTHORS"]
if oc_license:
    oc_license_src = ("copied verbatim from the wheel's `" +
                      os.path.relpath(str(oc_license[0]), str(opencc_dist.locate_file(""))).replace(os.sep, "/") + "`")
    data = open(oc_license[0], "rb").read()
elif os.path.exists("/usr/share/common-licenses/Apache-2.0"):
    oc_license_src = "the wheel ships no license file; copied from Debian's /usr/share/common-licenses/Apache-2.0"
    data = open("/usr/share/common-licenses/Apache-2.0", "rb").read()
else:
    fail("no Apache-2.0 license text available")
if b"Apache License" not in data or b"Version 2.0" not in data:
    fail("OpenCC license file is not the Apache-2.0 text")
open(os.path.join(lic_dir, "OpenCC-LICENSE.txt"), "wb").write(data)
if oc_authors:
    open(os.path.join(lic_dir, "OpenCC-AUTHORS.txt"), "wb").write(open(oc_authors[0], "rb").read())

# copyright lines as they appear in the wheel's own C++ headers
oc_copyrights = set()
for h in glob.glob(os.path.join(opencc_pkg, "clib", "include", "opencc", "**", "*.h*"), recursive=True):
    for line in open(h, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*\*?\s*(Copyright .*?)\s*$", line)
        if m:
            oc_copyrights.add(m.group(1))
oc_copyrights = sorted(oc_copyrights)

jieba_dist, jieba_lic_files = dist_license_files("jieba")
jieba_meta = jieba_dist.metadata
if jieba_meta.get("License") != "MIT":
    fail(f"jieba metadata declares License {jieba_meta.get('License')!r}, expected MIT")
if jieba_lic_files:
    open(os.path.join(lic_dir, "jieba-LICENSE.txt"), "wb").write(open(jieba_lic_files[0], "rb").read())
    jieba_license_src = f"copied verbatim from the installed dist-info `{jieba_lic_files[0].name}`"
else:
    write(os.path.join(lic_dir, "jieba-LICENSE.txt"), """The MIT License (MIT)

Copyright (c) 2013 Sun Junyi

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
""")
    jieba_license_src = (
        f"the jieba {jieba_ver} sdist ships no license file; its metadata declares "
        f"`License: MIT` (author: {jieba_meta.get('Author')}), so the file holds the standard "
        "MIT License text with the copyright line of the upstream jieba repository's LICENSE "
        "(`Copyright (c) 2013 Sun Junyi`), written by regenerate.sh")

# ---------- SOURCES.md ----------
def rel(p):
    return os.path.relpath(p, stage).replace(os.sep, "/")

generated = sorted(
    (os.path.join(dp, fn) for dp, _, fns in os.walk(stage) for fn in fns),
    key=lambda p: rel(p))

L = []
A = L.append
A("# Dictionaries: sources and provenance")
A("")
A("Generated by `Dictionaries/regenerate.sh`; do not edit by hand. To regenerate every file in")
A("this folder (including this one), run `Dictionaries/regenerate.sh` (needs python3 with venv and")
A("pip, and access to PyPI). The script is idempotent: a second run gives byte-identical files.")
A("")
A("## Upstream packages (pinned)")
A("")
A("| package | version | file used (downloaded with `pip download --no-deps`, installed from it) | sha256 |")
A("| --- | --- | --- | --- |")
for p in dl_files:
    pkg = "OpenCC" if os.path.basename(p).lower().startswith("opencc") else "jieba"
    ver = opencc_ver if pkg == "OpenCC" else jieba_ver
    A(f"| {pkg} | {ver} | `{os.path.basename(p)}` | `{sha256(p)}` |")
A("")
A("The OpenCC wheel is specific to the Python version and platform pip picked; the wheels for")
A("other CPython versions ship the same `opencc/clib/share/opencc/` data (checked for cp311,")
A("cp312, cp313 on manylinux x86_64), so only the row above would differ.")
A("")
A("What comes from where:")
A("")
A(f"- `opencc/<Name>.txt`: one per `.ocd2` file in the wheel's `opencc/clib/share/opencc/`, dumped")
A(f"  with the wheel's own tool: `opencc/clib/bin/opencc_dict -i <Name>.ocd2 -o <Name>.txt -f ocd2 -t text`.")
A(f"  Each dump is checked complete: `opencc_dict -f text -t ocd2` compiles it back to a file")
A(f"  byte-identical to the shipped `.ocd2`.")
A(f"- `opencc/<config>.json`: every config the wheel ships (`opencc/clib/share/opencc/*.json`), copied")
A(f"  verbatim. They reference `<Name>.ocd2`; the matching text file is `<Name>.txt`.")
A(f"- `jieba/dict.txt`: `jieba/dict.txt`, verbatim. `jieba/idf.txt`: `jieba/analyse/idf.txt`, verbatim")
A(f"  (both checked equal to the sdist's members).")
A(f"- `jieba/hmm.txt`: the HMM model of `jieba/finalseg/prob_start.py`, `prob_trans.py` and")
A(f"  `prob_emit.py` (imported as Python modules), written as text; re-reading it reproduces the three")
A(f"  dicts exactly (checked with `==` on the floats and on key order).")
A(f"- `encodings/python-big5.txt`: the pairs that the `big5` codec of the Python running this script")
A(f"  ({python_version}) decodes to characters other than CJK ideographs. ICU has no converter with")
A(f"  that table; the repairer uses it to undo GBK text that Python read as Big5.")
A("")
A("## Licenses")
A("")
A("- **OpenCC** (dictionaries and configs under `opencc/`): Apache License 2.0.")
A(f"  `LICENSES/OpenCC-LICENSE.txt`: {oc_license_src}.")
if oc_authors:
    A(f"  `LICENSES/OpenCC-AUTHORS.txt`: the wheel's `AUTHORS` file, verbatim.")
A(f"  Copyright notices in the wheel's C++ headers: " + "; ".join(f"\"{c}\"" for c in oc_copyrights) + ".")
A("- **jieba** (everything under `jieba/`): MIT License. Copyright (c) 2013 Sun Junyi.")
A(f"  `LICENSES/jieba-LICENSE.txt`: {jieba_license_src}.")
A("- **Python** (`encodings/python-big5.txt`, facts read from CPython's `big5` codec):")
A("  Python Software Foundation License; the mapping follows Unicode's BIG5.TXT and the ETEN extensions.")
A("")
A("## Formats")
A("")
A("- OpenCC text dictionaries (`opencc/*.txt`): UTF-8, no BOM, LF line ends, one entry per line:")
A("  `key<TAB>value1 value2 ...` (values separated by single spaces; the first value is the")
A("  preferred one). Keys contain no spaces; no key repeats within a file.")
if opencc_unsorted:
    A("  Entries are kept in the order `opencc_dict` writes them, which is deterministic but NOT")
    A("  sorted (neither by code point nor by UTF-8 bytes): it is the order stored in the `.ocd2`")
    A("  (marisa-trie key order). Sort or index them when loading if order matters.")
else:
    A("  Entries are in the order `opencc_dict` writes them (sorted by UTF-8 bytes).")
A("- `jieba/dict.txt`: `word freq [tag]` separated by single spaces; `jieba/idf.txt`: `word idf`.")
A("- `jieba/hmm.txt`: `#` comment lines, then TAB-separated facts: `start<TAB>S<TAB>logprob`,")
A("  `trans<TAB>FROM<TAB>TO<TAB>logprob`, `emit<TAB>S<TAB>CHAR<TAB>logprob`; states B, E, M, S;")
A("  order: start, trans, emit, each in state order B, E, M, S, and within a state in the order")
A("  of jieba's own dicts. Floats are Python `repr(float)` (shortest round-trip, e.g. `-3.14e+100`),")
A("  so `Double(String)` gives bit-identical values.")
A("- `encodings/python-big5.txt`: `#` comment lines, then `PAIR<TAB>CHARACTER`, the pair as four")
A("  upper-case hex digits (lead byte, trail byte), in byte order.")
A("")
A("## Entry counts")
A("")
A("| file | entries |")
A("| --- | --- |")
for name in ocd2_names:
    A(f"| `opencc/{name}.txt` | {opencc_counts[name]} |")
A(f"| `jieba/dict.txt` | {len(dict_lines)} |")
A(f"| `jieba/idf.txt` | {idf_count} |")
A(f"| `jieba/hmm.txt` | start {hmm_counts[0]}, trans {hmm_counts[1]}, emit " +
  ", ".join(f"{s} {n}" for s, n in hmm_counts[2].items()) + " |")
A(f"| `encodings/python-big5.txt` | {python_big5_count} |")
A("")
A("Data notes:")
A("")
if dict_dups:
    A(f"- `jieba/dict.txt` has {len(dict_dups)} word(s) on more than one line: " +
      "; ".join(" / ".join(f"`{l}`" for l in ls) for ls in dict_dups.values()) +
      " (jieba's loader keeps the last frequency but adds every line's frequency to its total).")
A(f"- `jieba/dict.txt` entries with frequency 0: {dict_zero}.")
if not idf_final_newline:
    A("- `jieba/idf.txt` has no newline after its last line.")
for name, (n, n_eq) in sorted(opencc_non_nfc.items()):
    A(f"- `opencc/{name}.txt`: {n} key(s) are not in Unicode NFC (e.g. CJK compatibility ideographs);")
    A(f"  {n_eq} of them map to exactly their NFC form. Swift `String`/`Character` equality and hashing")
    A(f"  use canonical equivalence, so such a key equals its value and may collide with other keys:")
    A(f"  key these tables by Unicode scalars (or UTF-8 bytes), not by `String`.")
A("")
A("## sha256 of the generated files")
A("")
A("| file | bytes | sha256 |")
A("| --- | --- | --- |")
for p in generated:
    A(f"| `{rel(p)}` | {os.path.getsize(p)} | `{sha256(p)}` |")
write(os.path.join(stage, "SOURCES.md"), "\n".join(L) + "\n")
PYEOF

# --- 4. replace the generated parts of Dictionaries/ (regenerate.sh itself is left alone)
log "installing results into $OUT"
rm -rf "$OUT/opencc" "$OUT/jieba" "$OUT/LICENSES" "$OUT/encodings"
cp -R "$STAGE/opencc" "$STAGE/jieba" "$STAGE/LICENSES" "$STAGE/encodings" "$OUT/"
cp "$STAGE/SOURCES.md" "$OUT/SOURCES.md"
log "done"
