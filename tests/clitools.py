"""Helpers for the tests that run the real command line in a child process.

The articles here are original and fictional: unnamed officials of an unnamed country, so no
third-party text is copied into the project.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

# A bare environment like cron's: no HOME, no XDG variables, no locale, a minimal PATH.
BARE_ENV = {"PATH": "/usr/bin:/bin"}

_SUBJECTS = (
    "The defence ministry",
    "A government spokeswoman",
    "The foreign minister",
    "An alliance official",
    "A senior diplomat",
    "The border agency",
    "A regional governor",
)
_VERBS = ("said", "warned", "told reporters", "added", "confirmed", "insisted")
_TOPICS = (
    "troops gathered near the border before the exercises",
    "new sanctions on exports would follow any incursion",
    "the ceasefire along the contact line held overnight",
    "alliance membership talks would resume after the summit",
    "the deployment of soldiers was a routine rotation",
    "economic measures were ready if the talks failed",
    "observers counted more forces at the eastern crossing",
)


def article_text(
    i: int, *, title: str | None = None, published: str | None = None, body_extra: str = ""
) -> str:
    """A small original article (plain text with front matter), distinct for every ``i``."""
    lines = [
        "---",
        f"title: {json.dumps(title)}"
        if title is not None
        else f"title: Report number {i} on the border talks",
    ]
    if published:
        lines.append(f"published: {published}")
    lines += ["source: Example Wire", "---", ""]
    sentences = []
    for k in range(6):
        who = _SUBJECTS[(i + k) % len(_SUBJECTS)]
        verb = _VERBS[(i * 3 + k) % len(_VERBS)]
        what = _TOPICS[(i * 5 + k) % len(_TOPICS)]
        sentences.append(f"{who} {verb} on day {i} that {what}.")
    body = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
    if body_extra:
        body += "\n\n" + body_extra
    return "\n".join(lines) + body + "\n"


def write_corpus(folder: Path, n: int, start: int = 0, **kwargs: str) -> list[Path]:
    """Write ``n`` articles ``start``…``start+n-1`` into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(article_text(i, **kwargs), encoding="utf-8")
        paths.append(path)
    return paths


def briefing_cmd(*args: str | Path) -> list[str]:
    """The real CLI, as cron would run it: ``python -m briefing build …``."""
    return [sys.executable, "-m", "briefing", "build", *map(str, args)]


def bare_env(**extra: str) -> dict[str, str]:
    """``env -i`` plus a minimal PATH (and ``extra``)."""
    env = dict(BARE_ENV)
    env.update(extra)
    return env


def run(
    *args: str | Path, cwd: Path | str = "/", timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``briefing build ARGS`` in a bare environment from ``cwd``; capture its output."""
    return subprocess.run(
        briefing_cmd(*args),
        cwd=cwd,
        env=env or bare_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file and link below ``folder``: sha256 (a link: its target), mtime (ns) and mode, to
    prove nothing changed."""
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            out[str(path)] = (os.readlink(path), info.st_mtime_ns, info.st_mode)
        elif path.is_file():
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except PermissionError:  # chmod 000 (not as root): its mode and time still count
                digest = "unreadable"
            out[str(path)] = (digest, info.st_mtime_ns, info.st_mode)
    return out


def visible(folder: Path) -> list[str]:
    """The names a reader of the output folder sees (not hidden)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
