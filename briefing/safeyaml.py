"""One bounded YAML loader, for the configuration and for articles' front matter.

``yaml.safe_load`` never runs code, but it will still expand an alias bomb into gigabytes, recurse
until ``RecursionError`` on a few thousand ``[``, keep the last of two equal keys silently, and
decode ``"\\ud83d\\ude00"`` into two lone surrogates that no output encoding accepts. This loader
refuses all of that while it *composes* the document, before anything is built or expanded:

- anchors and aliases are refused outright (neither the configuration nor front matter needs them,
  and refusing them is the only bound that costs nothing to check);
- nesting deeper than ``MAX_DEPTH`` is refused;
- a key given twice in one mapping is refused;
- documents longer than the caller's ``max_chars`` are refused before parsing;
- escaped surrogate pairs become the character they encode, a lone surrogate U+FFFD;
- a scalar that cannot be built (a 5000-digit integer, "2021-13-45" as a date) is an error at its
  line, not a ``ValueError`` from deep inside the constructor.

Every problem is a ``YAMLLimitError`` carrying the 1-based line, the key path and the message; it is
a ``yaml.MarkedYAMLError`` too, so code that reports YAML errors reports these the same way.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import BriefingError

# Deepest nesting of mappings and lists accepted. The configuration nests four levels (topics →
# topic → keywords → keyword) and front matter two; 64 leaves room for any real file while staying
# far below the interpreter's recursion limit (the composer and constructor recurse per level).
MAX_DEPTH = 64


_SURROGATES = re.compile(r"[\ud800-\udfff]")


def fix_surrogates(text: str) -> str:
    """Escaped UTF-16 surrogate pairs joined into their character, lone surrogates → U+FFFD."""
    if not _SURROGATES.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class YAMLLimitError(BriefingError, yaml.MarkedYAMLError):
    """A YAML document refused or not understood: ``line`` (1-based, None when unknown), ``key``
    (the key path, "" at the top) and ``message``."""

    def __init__(self, message: str, *, line: int | None = None, key: str = "") -> None:
        self.message = message
        self.line = line
        self.key = key
        mark = yaml.Mark("<yaml>", 0, line - 1, 0, None, 0) if line is not None else None
        yaml.MarkedYAMLError.__init__(self, problem=(f"{key}: " if key else "") + message, problem_mark=mark)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return where + (f"{self.key}: " if self.key else "") + self.message


def _key_text(path: list[Any]) -> str:
    parts = [p for p in path if p is not None]  # None: the document root, or a key being composed
    shown = parts[:8]
    out = ""
    for part in shown:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out + ("…" if len(parts) > len(shown) else "")


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, anchors, duplicate keys and deep nesting while composing."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._path: list[Any] = []

    def _fail(self, message: str, mark: Any, extra: Any = None) -> YAMLLimitError:
        path = [*self._path, extra] if extra is not None else self._path
        return YAMLLimitError(message, line=mark.line + 1 if mark else None, key=_key_text(path))

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if isinstance(index, yaml.ScalarNode):
            part: Any = index.value
        elif isinstance(index, int) and not isinstance(index, bool):
            part = index
        else:  # a mapping key, or the document root
            part = None
        self._path.append(part)
        try:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                raise self._fail("aliases (*name) are not allowed", event.start_mark)
            if getattr(event, "anchor", None) is not None:
                raise self._fail("anchors (&name) are not allowed", event.start_mark)
            if len(self._path) > MAX_DEPTH and isinstance(event, yaml.CollectionStartEvent):
                raise self._fail(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._path.pop()

    def compose_mapping_node(self, anchor: Any) -> Any:  # the stubs mistype ``anchor``
        node = super().compose_mapping_node(anchor)
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise self._fail(
                        f"duplicate key {key_node.value!r}", key_node.start_mark, extra=key_node.value
                    )
                seen.add(key)
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except YAMLLimitError:
            raise
        except yaml.YAMLError:
            raise
        except (ValueError, OverflowError, TypeError) as exc:
            raise YAMLLimitError(f"invalid value: {exc}", line=node.start_mark.line + 1) from None

    def construct_scalar(self, node: yaml.Node) -> Any:
        value = super().construct_scalar(node)  # type: ignore[arg-type]
        return fix_surrogates(value) if isinstance(value, str) else value


def _parse(text: str, max_chars: int | None) -> tuple[Any, yaml.Node | None]:
    if max_chars is not None and len(text) > max_chars:
        raise YAMLLimitError(f"too long ({len(text)} characters; at most {max_chars})")
    try:
        loader = _BoundedLoader(text)  # the reader refuses NUL and other controls right here
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        shown = chr(exc.character) if isinstance(exc.character, int) else exc.character
        raise YAMLLimitError(f"character {shown!r} is not allowed in YAML", line=line) from None
    try:
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except YAMLLimitError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        error = YAMLLimitError(problem, line=mark.line + 1 if mark else None)
        if exc.problem:  # keep the parser's context ("while parsing a flow sequence", its mark)
            error.context, error.context_mark = exc.context, exc.context_mark
        raise error from None
    except yaml.YAMLError as exc:
        raise YAMLLimitError(str(exc)) from None
    except RecursionError:  # defence in depth: MAX_DEPTH keeps the composer far from the limit
        raise YAMLLimitError("nested too deeply") from None
    finally:
        loader.dispose()
    return value, node


def load(text: str, *, max_chars: int | None = None) -> Any:
    """The value of one YAML document (None when empty); raises ``YAMLLimitError``."""
    return _parse(text, max_chars)[0]


# Longest front matter accepted (characters). Real front matter is a few hundred characters (the
# Markdown seeds' run to 300, Jekyll/Hugo posts rarely pass 2 KB); the pure-Python parser reads
# about 1 MB/s, so 100,000 bounds one article's YAML to a fraction of a second.
FRONT_MATTER_MAX_CHARS = 100_000


def load_front_matter(text: str) -> Any:
    """The value of an article's front matter block, bounded like ``load``."""
    return load(text, max_chars=FRONT_MATTER_MAX_CHARS)


def load_with_node(text: str, *, max_chars: int | None = None) -> tuple[Any, yaml.Node | None]:
    """The value and its composed node tree (for line numbers); raises ``YAMLLimitError``."""
    return _parse(text, max_chars)


__all__ = [
    "FRONT_MATTER_MAX_CHARS",
    "MAX_DEPTH",
    "YAMLLimitError",
    "load",
    "load_front_matter",
    "load_with_node",
]
