"""``roster template``: write an annotated blank planning workbook."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from scheduler import i18n
from scheduler.cli.common import EXIT_BAD_INPUT, EXIT_OK, input_errors_exit_2
from scheduler.cli.paths import guard_outputs
from scheduler.io.template import LANGUAGES, write_template

HELP = """Write an annotated, blank planning workbook to PATH.

Every sheet has one grey example row, a comment on each column header and drop-down lists
(shift codes, request kinds, agreement families and tiers). The About sheet explains the
format; docs/workbook-format.md describes every column.

\b
Example:
  roster template ward.xlsx            (English sheet and column names)
  roster template post4b.xlsx --lang nb   (Norwegian names: Vakter, Ansatte, Bemanning ...)
  roster validate ward.xlsx            (after filling it in)
"""


@click.command("template", help=HELP)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en",
              show_default=True,
              help="Language of sheet and column names, header comments and the About text.")
@input_errors_exit_2
def template(path: Path, force: bool, language: str) -> None:
    if path.exists() and not force:
        click.echo(i18n.text("template.exists", language, path=str(path)), err=True)
        sys.exit(EXIT_BAD_INPUT)
    guard_outputs({"the template": path}, {})  # its folder exists and can be written
    write_template(path, language=language, force=True)
    click.echo(i18n.text("template.wrote", language, path=str(path)))
    sys.exit(EXIT_OK)
