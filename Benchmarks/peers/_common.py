"""Shared helpers for the Benchmarks/peers scripts (stdlib only).

Locates the repository, the shared data (env HANZI_SHARED, default ../shared beside the
repository), the `hanzi` binary (--hanzi / env HANZI_BIN / <repo>/.build/release/hanzi),
the peers' virtualenv (<repo>/.venv-peers, made by setup.sh) and the OpenCC CLI shipped in
the opencc 1.4.2 wheel; runs child processes measuring wall time and peak RSS.

Exit codes used by every script: 0 ok, 1 differences found (compare scripts), 2 error
(bad arguments, a tool crashed or is missing), 77 skipped (shared data absent).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_DIFF, EXIT_ERROR, EXIT_SKIP = 0, 1, 2, 77

# Behave like a normal CLI when piped into `head`.
signal.signal(signal.SIGPIPE, signal.SIG_DFL)

REPO = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("PEERS_VENV", REPO / ".venv-peers"))
VENV_PYTHON = VENV / "bin" / "python"

SEGMENT_MODES = ["accurate", "accurate-nohmm", "full", "search"]
CONVERT_CONFIGS = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
                   "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"]


def die(msg: str, code: int = EXIT_ERROR) -> "NoReturn":  # noqa: F821
    print(f"{Path(sys.argv[0]).name}: error: {msg}", file=sys.stderr)
    sys.exit(code)


def skip(msg: str) -> "NoReturn":  # noqa: F821
    print(f"SKIP: {msg}", file=sys.stderr)
    sys.exit(EXIT_SKIP)


# ---------------------------------------------------------------- shared data

def shared_dir() -> Path:
    env = os.environ.get("HANZI_SHARED")
    return Path(env).resolve() if env else (REPO.parent / "shared").resolve()


def shared_file(rel: str) -> Path:
    """Path of data/<rel> in the shared dir; exits 77 (skip) with a message if absent."""
    base = shared_dir()
    p = base / "data" / rel
    if not p.is_file():
        skip(f"shared data file {p} not found (shared dir: {base}; set HANZI_SHARED "
             f"to the directory holding data/)")
    return p


def require_file(p: str | Path) -> Path:
    p = Path(p)
    if not p.is_file():
        # A missing file that lives under the shared dir is a skip, anything else an error.
        try:
            p.resolve().relative_to(shared_dir())
            skip(f"{p} not found (shared dir {shared_dir()} absent? set HANZI_SHARED)")
        except ValueError:
            die(f"no such file: {p}")
    return p


# ---------------------------------------------------------------- venv / peers

def ensure_peers(*modules: str) -> None:
    """Import-check MODULES; if missing, re-exec this script under <repo>/.venv-peers."""
    missing = []
    for m in modules:
        try:
            __import__(m)
        except ImportError:
            missing.append(m)
    if not missing:
        return
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV.resolve() \
            and not os.environ.get("_PEERS_REEXEC"):
        os.environ["_PEERS_REEXEC"] = "1"
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv])
    die(f"python modules {missing} not importable; run `bash Benchmarks/peers/setup.sh` "
        f"(creates {VENV}) and re-run, or run this script with {VENV_PYTHON}")


def peer_python() -> str:
    """Interpreter used for whole-process peer runs (the venv's, else the current one)."""
    return str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable


def opencc_paths(cli: str | None = None, config_dir: str | None = None) -> tuple[str, str]:
    """(opencc CLI binary, config dir) from the opencc 1.4.2 wheel unless overridden."""
    if cli and config_dir:
        return cli, config_dir
    import importlib.util
    spec = importlib.util.find_spec("opencc")
    if spec is None or spec.origin is None:
        die("python package opencc not found; run Benchmarks/peers/setup.sh")
    clib = Path(spec.origin).parent / "clib"
    cli = cli or str(clib / "bin" / "opencc")
    config_dir = config_dir or str(clib / "share" / "opencc")
    if not os.access(cli, os.X_OK):
        die(f"OpenCC CLI not found/executable at {cli}")
    if not Path(config_dir, "s2t.json").is_file():
        die(f"OpenCC config dir {config_dir} has no s2t.json")
    return cli, config_dir


def pkg_version(name: str) -> str:
    import importlib.metadata as md
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return "-"


def have_module(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None


# ---------------------------------------------------------------- hanzi

def add_hanzi_arg(ap) -> None:
    ap.add_argument("--hanzi", metavar="PATH",
                    help="hanzi binary (default: $HANZI_BIN or <repo>/.build/release/hanzi)")


def hanzi_bin(arg: str | None) -> str:
    p = arg or os.environ.get("HANZI_BIN") or str(REPO / ".build" / "release" / "hanzi")
    if not (os.path.isfile(p) and os.access(p, os.X_OK)):
        die(f"hanzi binary not found or not executable: {p} (build it with "
            f"`swift build -c release --product hanzi --static-swift-stdlib`, or pass --hanzi PATH / set HANZI_BIN)")
    return p


# ---------------------------------------------------------------- text

def split_lines(text: str) -> list[str]:
    """Lines split on '\\n' only ('\\r' etc. stay in the line). A final '\\n' ends the last
    line rather than starting an empty one; an empty text has no lines."""
    if text == "":
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def read_lines(path: str | Path) -> list[str]:
    with open(path, "r", encoding="utf-8", newline="") as f:
        return split_lines(f.read())


def load_testcases(path: str | Path) -> list[dict]:
    """OpenCC testcases.json (upstream writes trailing commas; strip them first)."""
    text = Path(path).read_text(encoding="utf-8")
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    data = json.loads(text)
    return data["cases"] if isinstance(data, dict) else data


# ---------------------------------------------------------------- processes

def run_measured(cmd: list[str], *, stdin=subprocess.DEVNULL, input_bytes: bytes | None = None,
                 stdout=subprocess.DEVNULL, stderr=None, env=None):
    """Run CMD; return (wall_seconds, returncode, peak_rss_kib) using os.wait4's rusage,
    so the RSS is that child's own (no /usr/bin/time needed)."""
    if input_bytes is not None:
        stdin = subprocess.PIPE
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr, env=env)
    if input_bytes is not None:
        try:
            p.stdin.write(input_bytes)
        except BrokenPipeError:
            pass
        p.stdin.close()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, p.returncode, ru.ru_maxrss


def check_run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    """subprocess.run with capture; exits 2 with the command's stderr if it fails."""
    try:
        r = subprocess.run(cmd, capture_output=True, **kw)
    except OSError as e:
        die(f"cannot run {cmd[0]}: {e}")
    if r.returncode != 0:
        err = r.stderr.decode("utf-8", "replace").strip()[-2000:]
        die(f"command failed (exit {r.returncode}): {' '.join(cmd)}\n{err}")
    return r


def fmt_mbs(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / seconds if seconds > 0 else float("inf")


def print_table(headers: list[str], rows: list[list], file=sys.stdout) -> None:
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))).rstrip(), file=file)
        if n == 0:
            print("  ".join("-" * w for w in widths), file=file)


# ---------------------------------------------------------------- benchmarks

def best_of(cmd: list[str], n: int, *, input_bytes: bytes | None = None, env=None) -> dict:
    """Run CMD n times (stdout discarded); best wall time and peak RSS over the runs."""
    import tempfile
    walls, rss = [], 0
    for _ in range(n):
        with tempfile.TemporaryFile() as err:
            wall, rc, kb = run_measured(cmd, input_bytes=input_bytes, stderr=err, env=env)
            if rc != 0:
                err.seek(0)
                die(f"command failed (exit {rc}): {' '.join(cmd)}\n"
                    f"{err.read().decode('utf-8', 'replace')[-2000:]}")
        walls.append(wall)
        rss = max(rss, kb)
    return {"best_s": min(walls), "runs_s": [round(w, 4) for w in walls], "peak_rss_kib": rss}


def in_process(code: str, argv: list[str]) -> dict:
    """Run CODE in the peers' interpreter as `python -c CODE RESULT_JSON *ARGV`; CODE writes
    a JSON object to sys.argv[1]. Returns it plus the child's peak RSS and wall time."""
    import tempfile
    with tempfile.NamedTemporaryFile(suffix=".json") as res:
        wall, rc, kb = run_measured([peer_python(), "-c", code, res.name, *argv],
                                    stdout=subprocess.DEVNULL, stderr=None)
        if rc != 0:
            die(f"in-process timing failed (exit {rc}): {code.splitlines()[0]}")
        out = json.loads(Path(res.name).read_text() or "{}")
    out["peak_rss_kib"] = kb
    out["process_wall_s"] = wall
    return out


# Template for in-process throughput timing. Placeholders: {setup} (imports + building
# the callable `f(line)` and a warm-up call that loads the dictionaries).
IN_PROCESS_TEMPLATE = r'''
import json, sys, time
res, path, repeat, sample = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
{setup}
with open(path, "r", encoding="utf-8", newline="") as fh:
    text = fh.read()
lines = text.split("\n")
if text.endswith("\n"):
    lines.pop()
if sample > 0:
    kept, n = [], 0
    for l in lines:
        if n >= sample:
            break
        kept.append(l)
        n += len(l.encode("utf-8")) + 1
    lines = kept
nbytes = sum(len(l.encode("utf-8")) + 1 for l in lines)
times = []
for _ in range(repeat):
    t0 = time.perf_counter()
    for l in lines:
        f(l)
    times.append(time.perf_counter() - t0)
json.dump({{"bytes": nbytes, "lines": len(lines), "best_s": min(times),
           "runs_s": [round(t, 4) for t in times]}}, open(res, "w"))
'''


def make_big_file(sources: list[Path], dest: Path, target_bytes: int) -> int:
    """Concatenate SOURCES (each ending in a newline) repeatedly until >= target_bytes."""
    chunk = b""
    for s in sources:
        b = Path(s).read_bytes()
        chunk += b if b.endswith(b"\n") else b + b"\n"
    reps = max(1, -(-target_bytes // len(chunk)))
    with open(dest, "wb") as f:
        for _ in range(reps):
            f.write(chunk)
    return reps * len(chunk)


def mb(kib: int | None) -> str:
    return "-" if not kib else f"{kib / 1024:.0f}"
