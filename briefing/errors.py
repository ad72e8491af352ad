"""One exception hierarchy for the whole package.

Library code raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base class of every error `briefing` raises on purpose."""


class ConfigError(BriefingError):
    """The configuration is invalid: names the file, the key path and, where known, the line."""

    def __init__(
        self, message: str, *, path: str | None = None, key: str | None = None, line: int | None = None
    ) -> None:
        self.path = path
        self.key = key
        self.line = line
        self.detail = message
        where = path or "<config>"
        if line is not None:
            where += f":{line}"
        prefix = f"{where}: " + (f"{key}: " if key else "")
        super().__init__(prefix + message)

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from the original arguments, so the error survives a trip from a worker process.
        return (_config_error, (self.detail, self.path, self.key, self.line))


class ArticleError(BriefingError):
    """One input article cannot be read or understood; the run skips it and goes on."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # Readers in worker processes return these: rebuild from (path, reason) when unpickled.
        return (ArticleError, (self.path, self.reason))


def _config_error(message: str, path: str | None, key: str | None, line: int | None) -> ConfigError:
    return ConfigError(message, path=path, key=key, line=line)


class NoArticlesError(BriefingError):
    """No input yielded a usable article."""


class UsageError(BriefingError):
    """The caller asked for something that cannot be done (unknown summariser, format, bad date)."""


class RenderError(BriefingError):
    """An output could not be produced."""


class OutputExistsError(BriefingError):
    """A dated briefing already exists and overwriting was not asked for."""


class LockError(BriefingError):
    """Another run holds the output folder's lock."""


class NothingNewError(BriefingError):
    """`--skip-unchanged`/`--new-only` found no new input: not a failure, but nothing written."""


class FetchError(BriefingError):
    """``briefing collect`` could not get one URL (network error, HTTP error, time-out, bad
    content); the run reports it and goes on with the other feeds and items.

    ``permanent`` marks what trying again will not change (a refused address, a body over the
    size limit, a page that has no article): the item is remembered and not fetched again.
    """

    def __init__(self, url: str, reason: str, *, permanent: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.permanent = permanent
        super().__init__(f"{url}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.url, self.reason), {"permanent": self.permanent})


class RefusedError(FetchError):
    """A URL that ``briefing collect`` will not request, or a response it will not read: not
    http(s), an address that is not public, too many redirects, a body over the size limit, a
    robots.txt rule, XML entity declarations."""
