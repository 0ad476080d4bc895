"""A Word file as a package: its parts read, changed and zipped again, byte for byte the same
for the same content.

A DOCX is a zip of XML parts. Written here, every entry carries the same fixed timestamp and
permissions, in the order the parts came in, compressed the same way; the same parts give
the same bytes on every run.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

#: WordprocessingML's main namespace, and the others the parts changed here use.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"

#: The earliest time a zip entry can hold (the format counts from 1980).
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def read_parts(data: bytes) -> list[tuple[str, bytes]]:
    """The parts of a package, in the order they are stored."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def zip_parts(parts: Iterable[tuple[str, bytes]], when: dt.datetime | None = None) -> bytes:
    """The parts zipped in the order given, each entry stamped `when` (default 1980-01-01)."""
    stamp = max(when or ZIP_EPOCH, ZIP_EPOCH).astimezone(dt.UTC)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            package.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
