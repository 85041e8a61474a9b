"""The Weights sheet (Vekter): key | value rows of objective weights."""

from __future__ import annotations

from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import key_values
from scheduler.model import MAX_WEIGHT, Weights


def read_weights(bk: Book) -> None:
    ws = bk.ws("weights")
    if ws is None:
        return
    values: dict[str, int] = {}
    for key, (value, ref) in key_values(ws, S.WEIGHT_KEYS, "weight", bk.out).items():
        if C.is_empty(value):
            bk.out.add(f"the weight {key!r} has no value", ws.title, ref)
            continue
        x = C.parse_number(value, bk.where(ws.title, ref), integer=True, minimum=0,
                           maximum=MAX_WEIGHT, what="a whole number")
        if x is not None:
            values[key] = int(x)
    bk.weights = Weights(**values)
