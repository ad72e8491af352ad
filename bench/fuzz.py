"""Fuzz the real command line with generated hostile inputs mixed with good articles.

Every run writes ``--per-run`` hostile files (every format: txt, md with front matter, html, json,
jsonl, plus odd file names) and two good articles into a fresh folder, runs ``briefing build`` on
it in a child process (``md,json,html``, and ``pdf`` every ``--pdf-every`` runs) and checks:

- the run exits 0 (the good articles always make a briefing);
- every input file is named in the manifest, as an article used, an input skipped or an article
  truncated (with its reason);
- no output carries raw markup from an input (``<script``, ``onerror=``, ``javascript:`` links);
- the run's wall time and peak memory (``ru_maxrss`` of the child, from ``wait4``).

Prints one line per failed run and a summary: runs, files, failed runs, unnamed inputs, max time,
max RSS. The inputs of a failed run are kept under ``--keep`` for reproduction.

    nice python bench/fuzz.py --files 10000 --per-run 100 --seed 1

The generator is deterministic for a seed; the classes of hostile input are the ones the issue
lists and their neighbours (see ``HOSTILE``). Text is original and about fictional officials.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import markdown

TIMEOUT = 120.0  # seconds before a run counts as hung (the goal is 60)
MEMORY_LIMIT = 2 << 30  # address space per run: a blow-up fails the run instead of the machine

_WHO = ("The deputy minister", "A ministry spokeswoman", "The harbour authority", "An envoy", "Officials")
_SAID = ("said", "told reporters", "warned", "added", "insisted")
_WHAT = (
    "the ferry talks would resume on Monday",
    "the new tariffs on grain would stay in place",
    "patrols along the coast had doubled since spring",
    "the summit had produced no agreement on fishing rights",
    "the reservoir was at its lowest level in a decade",
)


def good_article(rng: random.Random, n: int) -> str:
    """A small, plain, original article."""
    sentences = [
        f"{rng.choice(_WHO)} {rng.choice(_SAID)} on day {n} that {rng.choice(_WHAT)}." for _ in range(6)
    ]
    quote = f"“We will not give up on the talks,” {rng.choice(_WHO).lower()} said."
    return (
        f"Coastal talks report {n}\n\n"
        + " ".join(sentences[:3])
        + "\n\n"
        + quote
        + " "
        + " ".join(sentences[3:])
    )


def _prose(rng: random.Random, words: int = 40) -> str:
    vocab = "the minister said talks would resume after ferry grain coast summit envoy agreed".split()
    return " ".join(rng.choice(vocab) for _ in range(words)) + "."


def _weird_text(rng: random.Random, n: int) -> str:
    """Characters from everywhere: controls, surrogates (as escapes elsewhere), combining marks,
    bidi controls, private use, noncharacters, emoji, CJK, quotes of every kind."""
    pools = [
        "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\x9f",
        "\u0300\u0301\u036f\u20dd",  # combining
        "\u200b\u200e\u200f\u202a\u202e\u2066\u2069\ufeff",  # invisible and bidi
        "\ue000\uf8ff\ufffe\uffff\ufffd",
        "😀👍🏽🇺🇦‍",
        "中文日本語한국어",
        "“”‘’«»„‚‹›\"'–—…",
        "<>&[]()*_`#!|\\{}%$",
        "\n\r\t \u00a0\u2028\u2029",
        "abcdefghij ",
    ]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(n))


def _front(rng: random.Random) -> str:
    """Front matter: plain, hostile YAML, or broken."""
    choices: list[Callable[[], str]] = [
        lambda: f"title: {json.dumps(_weird_text(rng, 30), ensure_ascii=rng.random() < 0.5)}\n",
        lambda: 'title: "\\ud83d\\ude00 \\ud800 \\udfff"\n',
        lambda: (
            "a: &a ["
            + ",".join(["x"] * 9)
            + "]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
                for i in range(8)
            )
        ),
        lambda: "title: " + "[" * rng.choice([70, 500, 3000]) + "\n",
        lambda: "title: " + "{a: " * rng.choice([70, 2000]) + "\n",
        lambda: "title: x\ntitle: y\n",
        lambda: (
            f"published: {rng.choice(['2021-13-45', '99999-01-01', '0000-00-00', '2021-02-30T25:61:00'])}\n"
        ),
        lambda: "published: " + "9" * rng.choice([20, 5000]) + "\n",
        lambda: "title: !!python/object/apply:os.system ['true']\n",
        lambda: "title: !!binary aGVsbG8=\n",
        lambda: "title: {x: [1, 2, {y: 3}]}\nauthor: [a, [b, [c]]]\nsource: {name: {deep: 1}}\n",
        lambda: "title: 12\nauthor: 3.5e400\nurl: .nan\nsource: ~\n",
        lambda: "? [a, b]\n: c\n",
        lambda: "title: 'unclosed\n",
        lambda: "\t- tab indented\n",
        lambda: "title: " + "x" * rng.choice([200, 200_000]) + "\n",
        lambda: "%YAML 1.1\n%TAG ! tag:x,2000:\ntitle: !x y\n",
    ]
    return rng.choice(choices)()


def _md_body(rng: random.Random) -> str:
    n = rng.choice([10, 1000, 50_000])
    choices = [
        lambda: "[" * n,
        lambda: "![" * n,
        lambda: "[a](" * n,
        lambda: " **b" * n,
        lambda: " __b" * n,
        lambda: "<a" * n,
        lambda: "# " + " " * n + "x #",
        lambda: "\n".join("[x" for _ in range(min(n, 5000))),
        lambda: "`" * n,
        lambda: "*" * n,
        lambda: "> " * n,
        lambda: "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>",
        lambda: _weird_text(rng, n),
    ]
    return rng.choice(choices)()


def _html(rng: random.Random) -> bytes:
    n = rng.choice([10, 1000, 20_000])
    body = _prose(rng)
    choices = [
        lambda: "<div>" * n + body + "</div>" * rng.choice([0, n]),
        lambda: f"<html><body><p>{body}</p><script>alert(1)</script><p onclick=x>{body}</p>",
        lambda: f"<p>{body} &#xD800; &#0; &#x110000; &#99999999999; &bogus; &#x1F600;</p>",
        lambda: "<p " + "a=" * n + ">" + body,
        lambda: "<!--" + body * 3,
        lambda: f"<![CDATA[{body}]]><p>{body}</p>",
        lambda: f'<meta charset="utf-16"><p>{body}</p>',
        lambda: "<" * n,
        lambda: f"<table>{'<tr><td>' * n}{body}",
        lambda: f"<p>{_weird_text(rng, n)}</p>",
        lambda: f"<title>{'x' * n}</title><article><p>{body}</p></article>",
        lambda: (
            "<svg><foreignObject><iframe src='javascript:alert(1)'></iframe></foreignObject></svg>"
            f"<p>{body}</p>"
        ),
    ]
    text = rng.choice(choices)()
    encoding = rng.choice(["utf-8", "utf-8", "cp1252", "utf-16", "latin-1"])
    return text.encode(encoding, "replace")


def _json_value(rng: random.Random, depth: int = 0) -> str:
    """A JSON value as text, hostile: huge numbers, escapes, deep nesting, odd types."""
    choices = [
        lambda: json.dumps(_prose(rng, 20)),
        lambda: '"\\ud800 \\udfff \\ud83d\\ude00 \\u0000"',
        lambda: "9" * rng.choice([20, 4301, 10_000]),
        lambda: "1e999",
        lambda: "-0.0",
        lambda: "NaN",
        lambda: "Infinity",
        lambda: "null",
        lambda: "true",
        lambda: "[" * rng.choice([100, 5000, 100_000]),
        lambda: "[" * 50 + "1" + "]" * 50,
        lambda: '{"name": ' + ('{"a": ' * 200) + "1" + "}" * 200 + "}",
        lambda: json.dumps(_weird_text(rng, 50)),
        lambda: "[" + ",".join(json.dumps(_prose(rng, 3)) for _ in range(5)) + "]",
    ]
    return rng.choice(choices)()


def _json_object(rng: random.Random) -> str:
    keys = ["title", "text", "body", "content", "published", "date", "source", "author", "url", "TITLE", ""]
    parts = []
    for key in rng.sample(keys, rng.randint(0, 6)):
        value = (
            json.dumps(_prose(rng)) if key in ("text", "body") and rng.random() < 0.6 else _json_value(rng)
        )
        parts.append(f"{json.dumps(key)}: {value}")
    if rng.random() < 0.2:
        parts.append('"text": "dup", "text": ' + json.dumps(_prose(rng)))
    return "{" + ", ".join(parts) + "}"


def _json(rng: random.Random) -> bytes:
    choices = [
        lambda: _json_object(rng),
        lambda: "[" + ", ".join(_json_object(rng) for _ in range(rng.randint(0, 5))) + "]",
        lambda: _json_value(rng),
        lambda: _json_object(rng)[: rng.randint(0, 40)],
        lambda: "\ufeff" + _json_object(rng),
    ]
    return rng.choice(choices)().encode("utf-8", "surrogatepass")


def _jsonl(rng: random.Random) -> bytes:
    lines = []
    for _ in range(rng.randint(1, 8)):
        lines.append(rng.choice([_json_object, _json_value])(rng))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _txt(rng: random.Random) -> bytes:
    n = rng.choice([0, 10, 2000, 200_000])
    choices = [
        lambda: rng.randbytes(n),
        lambda: _weird_text(rng, n).encode("utf-8", "surrogatepass"),
        lambda: ("---\n" + _front(rng) + "---\n" + _prose(rng)).encode("utf-8", "surrogatepass"),
        lambda: ("“" + _prose(rng, 5) + " ") * (n // 30 + 1) + "”",
        lambda: " ".join(f"“{_prose(rng, 4)}” he said, “{_prose(rng, 3)}" for _ in range(n // 50 + 1)),
        lambda: "\n" * n,
        lambda: ("a" * n + "!").encode(),
        lambda: _prose(rng).encode("cp1251", "replace") + "Привет мир".encode("cp1251"),
        lambda: _prose(rng).encode("utf-16-le"),
        lambda: b"\xef\xbb\xbf" + b"\xff\xfe" + _prose(rng).encode(),
        lambda: ("Title\n\n" + "word " * n).encode(),
        lambda: ("\r" * 3 + _prose(rng) + "\f\v").encode(),
    ]
    out = rng.choice(choices)()
    return out if isinstance(out, bytes) else out.encode("utf-8", "surrogatepass")


def _md(rng: random.Random) -> bytes:
    front = "---\n" + _front(rng) + "---\n" if rng.random() < 0.7 else ""
    text = front + "# " + _prose(rng, 5) + "\n\n" + _prose(rng) + "\n\n" + _md_body(rng) + "\n"
    return text.encode("utf-8", "surrogatepass")


HOSTILE: dict[str, Callable[[random.Random], bytes]] = {
    ".txt": _txt,
    ".md": _md,
    ".html": _html,
    ".json": _json,
    ".jsonl": _jsonl,
}


def hostile_name(rng: random.Random, i: int, ext: str) -> bytes:
    """A file name: mostly plain, sometimes with spaces, Unicode, or bytes that are not UTF-8."""
    roll = rng.random()
    if roll < 0.05:
        base = f"f{i}\xff\xfe"  # written as Latin-1 bytes: not UTF-8
    elif roll < 0.15:
        base = rng.choice([f"f {i} ünï", f"-f{i}", f"f{i} 😀", f"f{i}\u202e"])
    else:
        base = f"f{i:05d}"
    raw = base.encode("latin-1") if "\xff" in base else base.encode()
    return raw + ext.encode()


def write_run(folder: Path, rng: random.Random, count: int, start: int) -> list[bytes]:
    """Write ``count`` hostile files and two good articles; return the hostile files' paths."""
    folder.mkdir(parents=True)
    paths = []
    for k in range(count):
        ext = rng.choice(list(HOSTILE))
        path = os.path.join(os.fsencode(folder), hostile_name(rng, start + k, ext))
        with open(path, "wb") as fh:
            fh.write(HOSTILE[ext](rng))
        paths.append(path)
    for k in range(2):
        (folder / f"good-{start + k}.txt").write_text(good_article(rng, start + k), encoding="utf-8")
    return paths


def display(path: bytes) -> str:
    """How briefing names a path (``ingest.display_path``)."""
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


DANGEROUS_TAGS = frozenset("script iframe img object embed svg form input base link meta".split())


class _Markup(HTMLParser):
    """Collects what would be live markup in a page: dangerous tags, event handlers, script links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value!r}")


def live_markup(html: str, *, own_head: bool) -> list[str]:
    """Live markup in ``html`` (a briefing page; ``own_head``: skip the template's <head>)."""
    if own_head and "</head>" in html:
        html = html.split("</head>", 1)[1]
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found


def check_run(out: Path, inputs: list[bytes]) -> list[str]:
    """Problems with one finished run: inputs the manifest does not name, raw markup in outputs."""
    problems = []
    manifests = list(out.glob("*.manifest.json"))
    if not manifests:
        return ["no manifest"]
    data = json.loads(manifests[0].read_text(encoding="utf-8"))
    named = [e["path"] for key in ("articles", "skipped", "truncated") for e in data.get(key, [])]
    for raw in inputs:
        shown = display(raw)
        if not any(n == shown or n.startswith((shown + ":", shown + "#")) for n in named):
            problems.append(f"unnamed input {shown}")
    for path in out.glob("briefing-*.html"):
        problems += [
            f"live markup {m} in {path.name}" for m in live_markup(path.read_text("utf-8"), own_head=True)
        ]
    for path in out.glob("briefing-*.md"):
        shown = markdown.markdown(path.read_text(encoding="utf-8"))
        problems += [f"live markup {m} in {path.name}" for m in live_markup(shown, own_head=False)]
    return problems


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.nice(5)


def run_once(folder: Path, formats: str, workers: int = 1) -> tuple[int, float, int, str]:
    """Run ``briefing build`` on ``folder/in``: exit code, seconds, peak RSS (KB), standard error."""
    cmd = [sys.executable, "-m", "briefing", "build", str(folder / "in"), "--out", str(folder / "out")]
    cmd += ["--format", formats, "--date", "2026-01-01", "--workers", str(workers)]
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_limit
        )
        deadline = started + TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return proc.returncode, time.monotonic() - started, usage.ru_maxrss, stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="hostile files in all")
    parser.add_argument("--per-run", type=int, default=100, help="hostile files per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--progress", action="store_true", help="one line per run")
    parser.add_argument("--workers", type=int, default=1, help="briefing build --workers (0: one per core)")
    parser.add_argument("--pdf-every", type=int, default=10, help="add pdf to every Nth run (0: never)")
    parser.add_argument(
        "--keep", type=Path, default=Path("fuzz-failures"), help="where failed runs' inputs go"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    runs = failed = unnamed = files = 0
    max_time = 0.0
    max_rss = 0
    with tempfile.TemporaryDirectory(prefix="briefing-fuzz-") as tmp:
        while files < args.files:
            count = min(args.per_run, args.files - files)
            folder = Path(tmp) / f"run{runs:04d}"
            inputs = write_run(folder / "in", rng, count, files)
            formats = "md,json,html" + (",pdf" if args.pdf_every and runs % args.pdf_every == 0 else "")
            code, seconds, rss, stderr = run_once(folder, formats, args.workers)
            problems = [] if code == 0 else [f"exit {code}: {stderr.strip().splitlines()[-1:]}"]
            if code == 0:
                problems += check_run(folder / "out", inputs)
            if seconds > 60 or rss > 1 << 20:
                problems.append(f"over budget: {seconds:.1f} s, {rss // 1024} MB")
            unnamed += sum(p.startswith("unnamed") for p in problems)
            if problems:
                failed += 1
                keep = args.keep / f"seed{args.seed}-run{runs:04d}"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(folder / "in", keep)
                (keep.parent / f"{keep.name}.stderr").write_text(stderr, encoding="utf-8")
                print(f"run {runs} FAILED ({formats}): {'; '.join(problems[:5])} -> {keep}", flush=True)
            if args.progress:
                print(f"run {runs}: exit {code}, {seconds:.1f} s, {rss // 1024} MB, {formats}", flush=True)
            max_time = max(max_time, seconds)
            max_rss = max(max_rss, rss)
            runs += 1
            files += count
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"seed {args.seed}: {runs} runs, {files} hostile files (+{2 * runs} good), {failed} failed runs, "
        f"{unnamed} unnamed inputs, max {max_time:.1f} s, max RSS {max_rss / 1024:.0f} MB"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
