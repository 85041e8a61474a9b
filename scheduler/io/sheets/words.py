"""The words people type in cells: weekdays and the Holiday row, request and period kinds, days
off, the whole site, yes and no."""

from __future__ import annotations

from scheduler.io.sheets.spec import norm

WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("mon", "monday", "man", "mandag", "ma"),
    ("tue", "tues", "tuesday", "tir", "tirsdag", "ti"),
    ("wed", "wednesday", "ons", "onsdag", "on"),
    ("thu", "thur", "thurs", "thursday", "tor", "torsdag", "to"),
    ("fri", "friday", "fre", "fredag", "fr"),
    ("sat", "saturday", "lør", "lor", "lørdag", "lordag", "lø"),
    ("sun", "sunday", "søn", "son", "søndag", "sondag", "sø"),
)
WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NB = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
HOLIDAY_WORDS = ("holiday", "holidays", "helligdag", "helligdager", "hellig", "red day", "rød dag")
HOLIDAY = -1  # the day key of the Holiday row


def weekday_of(text: str) -> int | None:
    """0..6 for a weekday name, :data:`HOLIDAY` for the Holiday row, ``None`` otherwise."""
    n = norm(text)
    for i, names in enumerate(WEEKDAYS):
        if n in {norm(x) for x in names}:
            return i
    if n in {norm(x) for x in HOLIDAY_WORDS}:
        return HOLIDAY
    return None


REQUEST_KINDS: dict[str, tuple[str, ...]] = {
    "unavailable": ("utilgjengelig", "unavailable", "ikke tilgjengelig", "borte", "absent",
                    "leave", "permisjon"),
    # A vacation: an unavailable request with Request.vacation (FE in the grid).
    "vacation": ("ferie", "vacation", "holiday leave", "feriedager", "fe"),
    "day_off": ("day off", "fri", "fridag", "ønsker fri", "off"),
    "shift_wish": ("shift wish", "ønsket vakt", "onsket vakt", "vaktønske", "wish", "ønske"),
    "avoid_shift": ("avoid shift", "unngå vakt", "unnga vakt", "unngå", "avoid"),
}
REQUEST_KIND_NB = {
    "vacation": "ferie",
    "unavailable": "utilgjengelig",
    "day_off": "fri",
    "shift_wish": "ønsket vakt",
    "avoid_shift": "unngå vakt",
}

PERIOD_KINDS: dict[str, tuple[str, ...]] = {
    "planned": ("planlagt", "normal", "ordinær", "plan"),
    "overtime": ("overtid",),
    "extra": ("merarbeid", "mertid", "ekstra"),
}

OFF_WORDS = ("off", "fri", "f", "fridag", "day off")
SITE_WORDS = ("site", "all", "alle", "everyone", "avdeling", "enhet", "hele", "*")

TRUE_WORDS = ("yes", "y", "ja", "j", "true", "sann", "1", "x", "on", "ok")
FALSE_WORDS = ("no", "n", "nei", "false", "usann", "0", "off", "-")


def request_kind(word: str) -> str:
    """The ``RequestKind`` value of a :data:`REQUEST_KINDS` key (a vacation is unavailable)."""
    return "unavailable" if word == "vacation" else word
