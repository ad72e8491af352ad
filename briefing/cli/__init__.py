"""The command line: parses options, calls the library, maps errors to exit codes.

Exit codes: 0 written; 1 failure (including: no usable article, output folder in use); 2 usage or
configuration error; 3 nothing new to do (``--skip-unchanged``/``--new-only``/``--since`` found no
new input).
"""

from __future__ import annotations

import click

from .. import __version__
from .common import EXIT_FAILURE, EXIT_NOTHING_NEW, EXIT_OK, EXIT_USAGE


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Briefing notes from a folder of news articles: key sentences per topic, who said what.

    \b
    Examples:
      briefing build                          # inputs/ -> output/briefing-DATE.{md,pdf,json}
      briefing build news/ --format md,pdf --out /srv/briefings
      briefing quotes inputs/ --json
      briefing summarize inputs/ --words 250
    """


# Each command lives in its own module and registers itself on ``main`` when imported.
from . import articles, build, collect, quotes, summarize  # noqa: E402, F401

__all__ = ["EXIT_FAILURE", "EXIT_NOTHING_NEW", "EXIT_OK", "EXIT_USAGE", "main"]
