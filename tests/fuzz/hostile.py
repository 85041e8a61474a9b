"""Builders of hostile input files: zip bombs, XML entity bombs, huge sparse files, .xlsm macros.

All are made quickly: the zip bomb's compressed stream is one deflate segment repeated (after a
full flush the compressor's state is reset, so every 1 MB block of spaces compresses to the same
bytes), and the 200 MB file is sparse (``truncate``).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024


def _members(src: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(src) as zf:
        return [(name, zf.read(name)) for name in zf.namelist()]


def write_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    """An ordinary deflated zip of ``(name, data)``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return path


def _raw_zip(path: Path, entries: list[tuple[str, bytes, int, int]]) -> None:
    """Write a zip by hand from (name, raw deflate stream, crc32, uncompressed size)."""
    local, central = bytearray(), bytearray()
    for name, comp, crc, size in entries:
        offset = len(local)
        n = name.encode()
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(comp),
                             size, len(n), 0) + n + comp
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               len(comp), size, len(n), 0, 0, 0, 0, 0, offset) + n
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       len(local), 0)
    path.write_bytes(bytes(local + central + eocd))


def zip_bomb(src: Path, out: Path, unpacked_mb: int = 520, lie: bool = False) -> Path:
    """``src`` (a valid .xlsx) with its first worksheet's XML padded by ``unpacked_mb`` MB of
    spaces inside ``<sheetData>``: well-formed, about 0.1 % of its unpacked size on disk.
    ``lie``: the zip headers claim the part unpacks to 4 kB (a bomb that hides its size)."""
    entries = []
    for name, data in _members(src):
        if name == "xl/worksheets/sheet1.xml":
            head, sep, tail = data.partition(b"<sheetData>")
            assert sep, "the seed's first sheet has no <sheetData>"
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            first = c.compress(head + sep) + c.flush(zlib.Z_FULL_FLUSH)
            block = b" " * MB
            seg = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
            last = c.compress(tail) + c.flush()
            comp = first + seg * unpacked_mb + last
            crc = zlib.crc32(head + sep)
            for _ in range(unpacked_mb):
                crc = zlib.crc32(block, crc)
            crc = zlib.crc32(tail, crc)
            size = len(head) + len(sep) + unpacked_mb * MB + len(tail)
            entries.append((name, comp, crc, 4096 if lie else size))
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            entries.append((name, c.compress(data) + c.flush(), zlib.crc32(data), len(data)))
    _raw_zip(out, entries)
    return out


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
              for i in range(1, 10))
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def entity_bomb(src: Path, out: Path, part: str, doctype: str = BILLION_LAUGHS,
                entity: str = "lol9") -> Path:
    """``src`` with a DOCTYPE declaring entities put in front of ``part`` and the entity used in
    its first text node."""
    members = []
    for name, data in _members(src):
        if name == part:
            text = data.decode("utf-8")
            if text.startswith("<?xml"):
                decl, _, text = text.partition("?>")
                decl += "?>"
            else:
                decl = '<?xml version="1.0" encoding="UTF-8"?>'
            i = text.find("<t>")
            if i >= 0:
                text = text[: i + 3] + f"&{entity};" + text[i + 3:]
            data = (decl + doctype + text).encode("utf-8")
        members.append((name, data))
    return write_zip(out, members)


def sparse_file(out: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space and no time to make."""
    with out.open("wb") as fh:
        fh.truncate(size)
    return out


VBA_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name Sub Auto_Open() Shell(\"calc\")"


def with_macros(src: Path, out: Path) -> Path:
    """``src`` repackaged as a macro-enabled workbook (.xlsm) carrying ``xl/vbaProject.bin``."""
    members = []
    for name, data in _members(src):
        if name == "[Content_Types].xml":
            text = data.decode("utf-8").replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            text = text.replace(
                "<Default Extension=\"xml\"",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\""
                " /><Default Extension=\"xml\"", 1)
            data = text.encode("utf-8")
        elif name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Type="http://schemas.microsoft.com/office/2006/relationships/'
                b'vbaProject" Target="vbaProject.bin" Id="rIdVBA" /></Relationships>')
        members.append((name, data))
    members.append(("xl/vbaProject.bin", VBA_BYTES))
    return write_zip(out, members)
