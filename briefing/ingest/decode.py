"""Bytes to text: encoding detection, binary refusal and Unicode normalisation."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import ArticleError
from ..safeyaml import fix_surrogates

# Text with more than this share of control characters is binary. Real text has none or a stray
# few; random bytes decoded as cp1252/UTF-8 give one in eight or more (32 of 256 byte values).
BINARY_CONTROL_SHARE = 0.05
# Western European text has at most ~10% accented letters (Portuguese, Icelandic), so 30% leaves a
# wide margin for short, name-dense texts; a cp1252 reading with more is most likely another 8-bit
# code page read wrongly (Cyrillic cp1251 comes out as nearly all accented Latin letters).
CP1252_MAX_ACCENTED = 0.3


def decode(data: bytes, where: str = "<bytes>") -> str:
    """Decode file bytes: BOM (UTF-8/16/32), strict UTF-8, cp1252, then charset detection.

    Raises ``ArticleError`` for an empty, binary or undecodable file.
    """
    text: str | None = None
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(where, f"undecodable: invalid {codec} ({exc.reason})") from None
            break
    if text is None:
        if b"\x00" in data:
            raise ArticleError(where, "binary file (NUL bytes)")
        text = _decode_unmarked(data)
        if text is None:
            raise ArticleError(where, "undecodable: not UTF-8, cp1252 or a detectable encoding")
    controls = len(_BINARY_CONTROLS.findall(text))
    if controls > BINARY_CONTROL_SHARE * len(text):
        raise ArticleError(where, "binary file (mostly control characters)")
    if not text.strip():
        raise ArticleError(where, "empty file")
    return text


def _decode_unmarked(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        letters = [ch for ch in text if ch.isalpha()]
        if sum(ord(ch) > 127 for ch in letters) <= CP1252_MAX_ACCENTED * max(1, len(letters)):
            return text
    except UnicodeDecodeError:
        pass
    # Only for what is neither UTF-8 nor plausible cp1252: charset detection is unreliable on
    # short Western text (it reads cp1252 as cp1250 or cp775), so it comes last.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


# Category Cc (U+0000-U+001F, U+007F-U+009F) but tab, LF, FF and CR: counted by one regex scan, not
# a Python loop (a 19 MB article took seconds per character loop).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """NFC; no-break, narrow and other fixed-width spaces → plain spaces; CRLF/CR and Unicode
    line/paragraph separators → LF; zero-width characters, soft hyphens and control characters
    (but ``\\n`` and ``\\t``) removed; surrogate code points (from JSON or YAML escapes such as
    ``"\\ud83d\\ude00"``) joined into the character they encode, a lone one replaced by U+FFFD, so
    the text is valid in every output encoding. Curly quotes and dashes are kept."""
    text = fix_surrogates(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROLS.sub("", text)
