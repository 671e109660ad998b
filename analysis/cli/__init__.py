"""The ``factcheck`` command line: a Click group whose commands live in small modules."""

from __future__ import annotations

import click

from analysis import __version__
from analysis.cli.common import run_safely


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Fact-check profile and biography articles against a knowledge base and themselves."""


def _register() -> None:
    # Imported here so that each command module can import ``cli`` helpers without cycles.
    from analysis.cli import article_cmds, batch_cmd, check_cmd, kb_cmds, review_cmd, text_cmds

    for module in (check_cmd, article_cmds, kb_cmds, text_cmds, batch_cmd, review_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    run_safely(cli)
