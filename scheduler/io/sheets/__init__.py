"""Sheet, column, key and word tables of the planning workbook, in English and Norwegian, one
module per job: :mod:`.spec` (how a sheet, column or key is named, and the name matching of
:func:`norm`), :mod:`.columns` (the sheets and their columns), :mod:`.keys` (the Settings and
Weights keys), :mod:`.words` (the words people type in cells). The readers and the template use
them as one table, ``from scheduler.io import sheets as S``.

The help text people read for each column and key lives in the message catalogues
(``template.col.<sheet>.<field>``, ``template.key.<sheet>.<key>`` in :mod:`scheduler.i18n.en` and
``nb``), not here: the catalogues sit below the workbook and never import it.
"""

from scheduler.io.sheets.columns import (
    ABOUT,
    AGREEMENTS,
    CONTRACTS,
    DEMAND,
    EMPLOYEES,
    FIXED,
    HISTORY,
    REQUESTS,
    SCENARIOS,
    SETTINGS,
    SHEETS,
    SHEETS_BY_KEY,
    SHIFTS,
    WEIGHTS,
)
from scheduler.io.sheets.keys import (
    SETTING_KEYS,
    SETTING_KEYS_BY_KEY,
    WEIGHT_KEYS,
)
from scheduler.io.sheets.spec import (
    Col,
    Key,
    SheetSpec,
    find_sheet,
    match_word,
    norm,
)
from scheduler.io.sheets.words import (
    FALSE_WORDS,
    HOLIDAY,
    HOLIDAY_WORDS,
    OFF_WORDS,
    PERIOD_KINDS,
    REQUEST_KIND_NB,
    REQUEST_KINDS,
    SITE_WORDS,
    TRUE_WORDS,
    WEEKDAY_EN,
    WEEKDAY_NB,
    WEEKDAYS,
    request_kind,
    weekday_of,
)

__all__ = [
    "ABOUT", "AGREEMENTS", "CONTRACTS", "Col", "DEMAND", "EMPLOYEES", "FALSE_WORDS", "FIXED",
    "HISTORY", "HOLIDAY", "HOLIDAY_WORDS", "Key", "OFF_WORDS", "PERIOD_KINDS", "REQUESTS",
    "REQUEST_KINDS", "REQUEST_KIND_NB", "SCENARIOS", "SETTINGS", "SETTING_KEYS",
    "SETTING_KEYS_BY_KEY", "SHEETS", "SHEETS_BY_KEY", "SHIFTS", "SITE_WORDS", "SheetSpec",
    "TRUE_WORDS", "WEEKDAYS", "WEEKDAY_EN", "WEEKDAY_NB", "WEIGHTS", "WEIGHT_KEYS",
    "find_sheet", "match_word", "norm", "request_kind", "weekday_of",
]
