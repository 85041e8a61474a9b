"""The ``roster`` command line. Each subcommand lives in its own module and is added here."""

from __future__ import annotations

import click

from scheduler import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="roster")
def main() -> None:
    """Legal, fair rosters under the Norwegian Working Environment Act (AML chapter 10).

    \b
    For shift planners:   roster template ward.xlsx      (a blank, annotated workbook)
                          roster solve ward.xlsx         (writes ward.roster.xlsx)
    For unions:           roster check proposed.xlsx     (every breach, with § and time window)
    For operations:       roster whatif ward.xlsx        (scenarios side by side)

    Run any subcommand with --help for its options and an example.
    """


def _register() -> None:
    # Subcommand modules add themselves here (one import line each).
    pass


_register()
