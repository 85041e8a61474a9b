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
    from scheduler.cli.check import check; main.add_command(check)  # noqa: E702, I001
    from scheduler.cli.solve import solve_command; main.add_command(solve_command)  # noqa: E702, I001
    from scheduler.cli.template import template; main.add_command(template)  # noqa: E702, I001
    from scheduler.cli.validate import validate; main.add_command(validate)  # noqa: E702, I001
    from scheduler.cli.whatif import staffing, whatif; main.add_command(whatif); main.add_command(staffing)  # noqa: E702, I001
    pass


_register()
