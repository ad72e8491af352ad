"""Readers for JSON (an object or a list of objects) and JSON Lines."""

from __future__ import annotations

import json

from ..errors import ArticleError
from .fields import Parsed, _fields


def _from_object(obj: object, where: str, suffix: str) -> Parsed | ArticleError:
    if not isinstance(obj, dict):
        return ArticleError(where + suffix, f"not a JSON object but {type(obj).__name__}")
    lower = {str(k).lower(): v for k, v in obj.items()}
    body = next(
        (lower[k] for k in ("text", "body", "content") if isinstance(lower.get(k), str) and lower[k].strip()),
        None,
    )
    if body is None:
        return ArticleError(where + suffix, "no text (expected a 'text', 'body' or 'content' field)")
    return Parsed(text=body, suffix=suffix, **_fields(obj))


# Integers longer than this stay strings: Python refuses to convert more than 4,300 digits (a
# ValueError from inside the decoder), and no article field is a number that long anyway.
MAX_INT_DIGITS = 100


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


def _loads(text: str) -> object:
    """``json.loads`` that reports nesting past the interpreter's limit as a malformed file."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def read_json(text: str, where: str) -> list[Parsed | ArticleError]:
    """A JSON object, or a list of objects (each item's path gets "#N", counted from 1)."""
    try:
        # Not normalised before parsing: U+2028 is legal inside a JSON string, a raw LF is not.
        data = _loads(text)
    except json.JSONDecodeError as exc:
        where_in = f"line {exc.lineno}, column {exc.colno}"
        raise ArticleError(where, f"malformed JSON: {exc.msg} ({where_in})") from None
    if isinstance(data, list):
        if not data:
            raise ArticleError(where, "no text: empty JSON list")
        return [_from_object(item, where, f"#{n}") for n, item in enumerate(data, 1)]
    return [_from_object(data, where, "")]


def read_jsonl(text: str, where: str) -> list[Parsed | ArticleError]:
    """JSON Lines: one object a line; a bad line is an error for ``file.jsonl:LINE`` alone."""
    out: list[Parsed | ArticleError] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = _loads(line)
        except json.JSONDecodeError as exc:
            out.append(ArticleError(f"{where}:{number}", f"malformed JSON: {exc.msg} (column {exc.colno})"))
            continue
        out.append(_from_object(obj, where, f":{number}"))
    return out or [ArticleError(where, "no text: no JSON lines")]
