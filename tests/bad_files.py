"""Hostile and unlucky input files, made from the real samples: XML bombs, ZIP bombs, UTF-16 text."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>")


def with_member(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the Office file `source` with `member` replaced by `change(old bytes)`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, change(data) if item.filename == member else data)
    return target


def billion_laughs(source: Path, target: Path, member: str) -> Path:
    """The classic XML bomb: nine levels of entities that expand to 10**9 'lol's, used in the text."""
    def change(data: bytes) -> bytes:
        head, sep, body = data.partition(b"?>")  # after the XML declaration: the DTD, then the root
        if not sep:
            head, body = b"", data
        text = body.decode("utf-8").replace(">", ">&lol9;", 1)  # expanded inside the root element
        return head + sep + LAUGHS.encode() + text.encode("utf-8")
    return with_member(source, target, member, change)


def inflating(source: Path, target: Path, member: str, megabytes: int = 40) -> Path:
    """`member` padded with `megabytes` MB of blanks, which deflate about a thousandfold."""
    def change(data: bytes) -> bytes:
        return data + b" " * (megabytes * 1024 * 1024)
    return with_member(source, target, member, change)


def claiming_size(source: Path, target: Path, member: str, size: int) -> Path:
    """A copy whose ZIP directory claims `member` inflates to `size` bytes (as a crafted bomb's does)."""
    data = bytearray(source.read_bytes())
    name = member.encode()
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            length = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            if data[start + name_offset:start + name_offset + length] == name:
                struct.pack_into("<I", data, start + size_offset, min(size, 0xFFFFFFFF - 1))
            start += 4
    target.write_bytes(bytes(data))
    return target


def utf16(source: Path, target: Path, bom: bool = True) -> Path:
    """A text file as Notepad's "Unicode" saves it: UTF-16 little-endian with a byte order mark."""
    text = source.read_text(encoding="utf-8")
    target.write_bytes(text.encode("utf-16") if bom else text.encode("utf-16-le"))
    return target
