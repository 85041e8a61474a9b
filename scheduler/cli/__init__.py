"""The ``roster`` command line. Each subcommand lives in its own module and is added here.

Exit codes (README): 0 fine; 1 violations found (``check``) or no usable roster (``solve``);
2 bad input; 3 contradicting hard requirements (``solve``); 70 an internal error (a bug: one
line on stderr, the traceback only with ``ROSTER_DEBUG=1``); 130 interrupted by Ctrl-C at any
moment, also while the commands are still being loaded.
"""

from __future__ import annotations

import signal
import sys
import threading


def _interrupted_while_loading(signum: int, frame: object) -> None:
    sys.stderr.write("\nInterrupted before anything was done; nothing was written.\n")
    raise SystemExit(130)


# Loading the subcommands takes a second or two; a Ctrl-C then must not print a traceback.
_previous_sigint = (signal.signal(signal.SIGINT, _interrupted_while_loading)
                    if threading.current_thread() is threading.main_thread() else None)

import os  # noqa: E402
import traceback  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from scheduler import __version__  # noqa: E402
from scheduler.cli.common import EXIT_INTERNAL, EXIT_INTERRUPTED  # noqa: E402


def _interrupted() -> click.exceptions.Exit:
    click.echo("\nInterrupted (Ctrl-C). Any output file was left as it was.", err=True)
    return click.exceptions.Exit(EXIT_INTERRUPTED)


class _Roster(click.Group):
    """Ctrl-C at any moment ends with exit 130 and an internal error with exit 70, each with
    one plain line: never a traceback, never exit 1 (which means violations / no roster)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:
            raise _interrupted() from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort,
                SystemExit):
            raise
        except KeyboardInterrupt:
            raise _interrupted() from None
        except Exception as exc:  # a bug: say so plainly, with its own exit code
            if os.environ.get("ROSTER_DEBUG"):
                traceback.print_exc()
            click.echo(f"Internal error (a bug in aml-roster, not in your input): "
                       f"{type(exc).__name__}: {exc}. Any output file was left as it was. "
                       "Please report it with the command and the input; ROSTER_DEBUG=1 shows "
                       "the details.", err=True)
            raise click.exceptions.Exit(EXIT_INTERNAL) from None


@click.group(cls=_Roster,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="roster")
def main() -> None:
    """Legal, fair rosters under the Norwegian Working Environment Act (AML chapter 10).

    \b
    For shift planners:   roster template ward.xlsx      (a blank, annotated workbook)
                          roster solve ward.xlsx         (writes ward.roster.xlsx)
    For unions:           roster check proposed.xlsx     (every breach, with § and time window)
    For operations:       roster whatif ward.xlsx        (scenarios side by side)
    After a sick call:    roster replan ward.xlsx --published ward.roster.xlsx -o new.xlsx

    Run any subcommand with --help for its options and an example.

    \b
    Exit codes: 0 fine; 1 violations found (check) or no usable roster (solve); 2 bad input;
    3 contradicting hard requirements (solve); 70 internal error (a bug); 130 interrupted.
    """


def _register() -> None:
    # Subcommand modules add themselves here (one import line each).
    from scheduler.cli.check import check; main.add_command(check)  # noqa: E702, I001
    from scheduler.cli.solve import solve_command; main.add_command(solve_command)  # noqa: E702, I001
    from scheduler.cli.template import template; main.add_command(template)  # noqa: E702, I001
    from scheduler.cli.validate import validate; main.add_command(validate)  # noqa: E702, I001
    from scheduler.cli.whatif import staffing, whatif; main.add_command(whatif); main.add_command(staffing)  # noqa: E702, I001
    from scheduler.cli.replan import replan_command; main.add_command(replan_command)  # noqa: E702, I001
    pass


_register()
if _previous_sigint is not None:  # loaded: Ctrl-C is a KeyboardInterrupt again (see _Roster)
    signal.signal(signal.SIGINT, _previous_sigint)
