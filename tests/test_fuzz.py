"""A bounded fuzz of the whole build: hypothesis makes hostile files of every format (txt, md with
front matter, html, json, jsonl), mixes them with good articles and runs ``briefing build``.

Every run must exit 0, name every input file as used, skipped or truncated in its manifest, and
carry no raw markup from the inputs into any output. A dozen examples, a few seconds; the longer
campaign is ``bench/fuzz.py``. Texts are generated or original (fictional officials).
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path

import markdown
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import live_markup
from briefing.cli import main

GOOD = (
    "Ferry timetable agreed\n\nThe harbour authority said on {day} that the new ferry timetable was agreed. "
    "“The crossings will run every hour,” the deputy minister told reporters.\n\n"
    "Officials added that the coast patrols would continue through the winter."
)
MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<iframe src='javascript:alert(1)'></iframe>",
    "<a onclick=steal() href=#>x</a>",
)

# Text that reaches every awkward corner: controls, surrogate escapes (in JSON/YAML), bidi, quotes.
odd_chars = st.text(
    alphabet=st.sampled_from(
        list("ab “”\"'«»[]()<>*_#`!|\\{}&;\n\t\r\x00\x0b\x85\u202e\u200b\ufeff😀中\ufffe")
    ),
    max_size=300,
)
words = st.lists(
    st.sampled_from("the minister said talks ferry coast envoy agreed".split()), max_size=40
).map(" ".join)
body = st.one_of(words, odd_chars, st.sampled_from(MARKUP), st.just("“" * 500), st.just("[" * 3000))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), odd_chars, st.sampled_from(MARKUP)
)
meta_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_chars, inner, max_size=3),
    max_leaves=8,
)
fields = st.dictionaries(
    st.sampled_from(
        ["title", "text", "body", "content", "published", "date", "source", "author", "url", "x"]
    ),
    st.one_of(meta_values, body),
    max_size=6,
)
yaml_bombs = st.sampled_from(
    [
        "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n",
        "title: " + "[" * 3000 + "\n",
        "title: x\ntitle: y\n",
        'title: "\\ud83d\\ude00 \\ud800"\n',
        "published: 2021-02-30\n",
        "published: " + "9" * 5000 + "\n",
        "title: !!python/name:os.system\n",
        "title: [unclosed\n",
    ]
)


@st.composite
def front_matter_md(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        try:
            block = yaml.safe_dump(draw(fields), allow_unicode=draw(st.booleans()))
        except yaml.YAMLError:
            block = "title: plain\n"
    else:
        block = draw(yaml_bombs)
    text = f"---\n{block}---\n# {draw(words)}\n\n{draw(body)}\n\n{draw(body)}\n"
    return text.encode("utf-8", "surrogatepass")


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    depth = draw(st.sampled_from([1, 50, 3000]))
    inner = draw(body) + " " + draw(st.sampled_from(MARKUP)) + " &#xD800; &#0; &bogus;"
    page = f"<html><head><title>{draw(odd_chars)}</title></head><body>{'<div>' * depth}<p>{inner}</p>"
    return page.encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), "replace")


def _json_text(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)


@st.composite
def json_doc(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["object", "list", "deep", "bigint", "surrogate", "broken"]))
    if kind == "object":
        text = _json_text(draw(fields), draw(st.booleans()))
    elif kind == "list":
        text = _json_text(draw(st.lists(st.one_of(fields, scalars), max_size=4)), draw(st.booleans()))
    elif kind == "deep":
        text = "[" * draw(st.sampled_from([500, 5000, 100_000]))
    elif kind == "bigint":
        text = (
            '{"text": "The envoy spoke.", "published": ' + "8" * draw(st.sampled_from([50, 4400, 9000])) + "}"
        )
    elif kind == "surrogate":
        text = '{"title": "\\udc00 \\ud83d\\ude00", "text": "Calm \\ud800 seas."}'
    else:
        text = _json_text(draw(fields), True)[: draw(st.integers(0, 30))]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def jsonl_doc(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(json_doc(), min_size=1, max_size=4))
    return b"\n".join(line.replace(b"\n", b" ") for line in lines)


plain_txt = st.one_of(st.binary(max_size=600), body.map(lambda t: t.encode("utf-8", "surrogatepass")))
hostile = st.one_of(
    st.tuples(st.just(".txt"), plain_txt),
    st.tuples(st.just(".md"), front_matter_md()),
    st.tuples(st.just(".txt"), front_matter_md()),
    st.tuples(st.just(".html"), html_page()),
    st.tuples(st.just(".json"), json_doc()),
    st.tuples(st.just(".jsonl"), jsonl_doc()),
)


def named(manifest: dict[str, list[dict[str, str]]], path: str) -> bool:
    entries = [e["path"] for key in ("articles", "skipped", "truncated") for e in manifest[key]]
    return any(e == path or e.startswith((path + ":", path + "#")) for e in entries)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.lists(hostile, min_size=1, max_size=6))
def test_hostile_files_never_stop_a_build(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out = Path(tmp) / "in", Path(tmp) / "out"
        inbox.mkdir()
        for n, day in enumerate(["Monday", "Tuesday"]):
            (inbox / f"good-{n}.txt").write_text(GOOD.format(day=day), encoding="utf-8")
        paths = []
        for n, (ext, data) in enumerate(files):
            path = inbox / f"hostile-{n}{ext}"
            path.write_bytes(data)
            paths.append(path)
        started = time.monotonic()
        result = CliRunner().invoke(
            main, ["build", str(inbox), "--out", str(out), "--format", "md,json,html", "--date", "2026-02-01"]
        )
        assert result.exit_code == 0, result.output
        assert time.monotonic() - started < 60
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1 << 20  # KB: this process under 1 GB
        manifest = json.loads((out / "briefing-2026-02-01.manifest.json").read_text(encoding="utf-8"))
        for path in paths:
            assert named(manifest, str(path)), f"{path.name} neither used nor skipped"
        page = (out / "briefing-2026-02-01.html").read_text(encoding="utf-8")
        assert live_markup(page, own_head=True) == []
        # The Markdown as any Markdown viewer would show it: no live markup either.
        note = markdown.markdown((out / "briefing-2026-02-01.md").read_text(encoding="utf-8"))
        assert live_markup(note, own_head=False) == []
