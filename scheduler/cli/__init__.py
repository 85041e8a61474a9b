"""The ``roster`` command line. Each subcommand lives in its own module and is added here.

Exit codes (README): 0 fine; 1 violations found (``check``) or no usable roster (``solve``);
2 bad input; 3 contradicting hard requirements (``solve``); 70 an internal error (a bug: one
line on stderr, the traceback only with ``ROSTER_DEBUG=1``); 130 interrupted by Ctrl-C at any
moment, also while the commands are still being loaded. Those last lines are in the language
known at that moment (:mod:`scheduler.cli.language`: ``--lang``, else the input's Settings
language once read, else the locale of the environment).
"""

from __future__ import annotations

import signal
import sys
import threading

# In English only for the few milliseconds before the catalogue is loaded (below).
_LOADING = ["Interrupted before anything was done; nothing was written."]


def _interrupted_while_loading(signum: int, frame: object) -> None:
    sys.stderr.write(f"\n{_LOADING[0]}\n")
    raise SystemExit(130)


# Loading the subcommands takes a second or two; a Ctrl-C then must not print a traceback.
_previous_sigint = (signal.signal(signal.SIGINT, _interrupted_while_loading)
                    if threading.current_thread() is threading.main_thread() else None)

from scheduler import i18n  # noqa: E402
from scheduler.cli import language as _language  # noqa: E402

_LOADING[0] = i18n.text("cli.interrupted_loading", _language.language(sys.argv[1:]))

import os  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from scheduler import __version__  # noqa: E402
from scheduler.cli.common import EXIT_INTERNAL, EXIT_INTERRUPTED  # noqa: E402


def _interrupted(args: Sequence[str]) -> click.exceptions.Exit:
    click.echo("\n" + i18n.text("cli.interrupted", _language.language(args)), err=True)
    return click.exceptions.Exit(EXIT_INTERRUPTED)


class _Roster(click.Group):
    """Ctrl-C at any moment ends with exit 130 and an internal error with exit 70, each with
    one plain line: never a traceback, never exit 1 (which means violations / no roster)."""

    args: list[str] = []  # this run's arguments (for --lang)

    def make_context(self, info_name: str | None, args: list[str], *rest: Any,
                     **kwargs: Any) -> click.Context:
        self.args = list(args)
        _language.forget()
        try:
            return super().make_context(info_name, args, *rest, **kwargs)
        except KeyboardInterrupt:
            raise _interrupted(self.args) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort,
                SystemExit):
            raise
        except KeyboardInterrupt:
            raise _interrupted(self.args) from None
        except Exception as exc:  # a bug: say so plainly, with its own exit code
            if os.environ.get("ROSTER_DEBUG"):
                traceback.print_exc()
            click.echo(i18n.text("cli.internal_error", _language.language(self.args),
                                 error=f"{type(exc).__name__}: {exc}"), err=True)
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
                          roster diff old.xlsx new.xlsx  (changed shifts, § 10-3 notice flag)
    For operations:       roster whatif ward.xlsx        (scenarios side by side)
    After a sick call:    roster replan ward.xlsx --published ward.roster.xlsx -o new.xlsx
                          roster candidates ward.xlsx --published ward.roster.xlsx \\
                            --employee W04 --date 2026-04-03 --shift N   (who may take it)

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
    from scheduler.cli.diff import diff; main.add_command(diff)  # noqa: E702, I001
    from scheduler.cli.candidates import candidates; main.add_command(candidates)  # noqa: E702, I001
    from scheduler.cli.replan import replan_command; main.add_command(replan_command)  # noqa: E702, I001
    pass


_register()
if _previous_sigint is not None:  # loaded: Ctrl-C is a KeyboardInterrupt again (see _Roster)
    signal.signal(signal.SIGINT, _previous_sigint)
