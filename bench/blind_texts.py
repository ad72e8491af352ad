"""Resolved speakers on 30 news texts written blind: by helpers who never saw the extractor
(sport, entertainment, tech, science, business, local and world news; fictional people; web
furniture left in). ``bench/data/blind/NAME.txt`` is the text, ``NAME.key`` one line per
quotation in text order: ``FIRST WORDS|SPEAKER`` (``-`` when no one is reported as saying it).

Runs the real CLI (``briefing quotes DIR --json -q``), matches each key line to the extracted
quote of its file whose text starts with those words, and counts it right when the speaker
contains the key's name or the key's name contains it (an unattributed or unextracted quote is
right only for ``-``). Written in session 8 (2026-12) to find errors on copy no one here wrote:
the code of the session's start (3c98f7c) scores 318/420. Read to find errors: it is no held-out set.

    .venv/bin/python bench/blind_texts.py [-v]   # -v: every line, not only the wrong ones
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "blind"


def main(argv: list[str]) -> int:
    """Print the wrong lines (all with ``-v``) and the total right."""
    verbose = "-v" in argv
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "quotes", str(DATA), "--json", "-q"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    by_file: dict[str, list[tuple[int, str, str | None]]] = {}
    for q in json.loads(out):
        for s in q["sources"]:
            by_file.setdefault(Path(s["path"]).name, []).append((s["start"], q["text"], q["speaker"]))
    right = total = 0
    for key in sorted(DATA.glob("*.key")):
        quotes = sorted(by_file.get(key.with_suffix(".txt").name, []))
        for line in key.read_text(encoding="utf-8").splitlines():
            if "|" not in line:
                continue
            prefix, want = (part.strip() for part in line.split("|", 1))
            prefix = prefix.rstrip(",.;:!?")  # a quote's text ends before the punctuation inside its marks
            total += 1
            got = [q for q in quotes if q[1].lstrip("‘'\"“«… ").startswith(prefix)]
            said = got[0][2] if got else None
            if want == "-":
                ok = not said
            else:
                w, s = want.lower(), (said or "").lower()
                ok = bool(s) and (w in s or (s in w and len(s) > 3))
            right += ok
            if verbose or not ok:
                shown = said if got else "(not extracted)"
                print(f"{'OK' if ok else 'XX'} {key.stem} {prefix} -> {shown} | want {want}")
    print(f"blind texts: {right}/{total} = {right / total:.1%} right speakers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
