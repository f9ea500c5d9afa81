"""Put a standard module's source into a VBA project (`vbaProject.bin`), following MS-OVBA.

    bin = replace_module(template_bin, "RibbonMyAddin", source_text)   # the name comes from VB_Name

A module stream is a performance cache (compiled p-code) followed, at the module's
MODULEOFFSET, by its compressed source. We write the new module as compressed source only,
set its MODULEOFFSET to 0 in the `VBA/dir` stream, and leave `_VBA_PROJECT` at version 0xFFFF,
which tells Office to ignore every cached p-code and compile the project from source when the
file is opened. If the source's `Attribute VB_Name` differs from the old module's name, the
module is renamed everywhere it is named: the dir stream, the PROJECT and PROJECTwm streams
and the module's stream in the VBA storage. Everything else is copied byte for byte.
"""

from __future__ import annotations

import re
import struct

from xlpy.addin.compound_file import read_compound_file, write_compound_file

CHUNK = 4096
VBA_PROJECT_NO_CACHE = struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0000)

# dir stream record ids (MS-OVBA 2.3.4.2)
PROJECTCODEPAGE = 0x0003
PROJECTVERSION = 0x0009
PROJECTNAME = 0x0004
MODULENAME = 0x0019
MODULENAMEUNICODE = 0x0047
MODULESTREAMNAME = 0x001A
MODULESTREAMNAMEUNICODE = 0x0032
MODULEOFFSET = 0x0031
MODULETERMINATOR = 0x002B
PROCEDURALMODULE = 0x0021


class VBAProjectError(ValueError):
    """The VBA project does not have the shape we patch (a module is missing, a record is malformed)."""


# --- MS-OVBA 2.4.1 compression ---------------------------------------------------------------

def copy_token_bits(difference: int) -> int:
    """Bits of a copy token that hold the offset, at `difference` bytes into the chunk (2.4.1.3.19.1)."""
    return max((difference - 1).bit_length(), 4)


def compress(data: bytes) -> bytes:
    """A CompressedContainer (2.4.1.1.1) that decompresses to `data`."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        chunk = data[start:start + CHUNK]
        body = compress_chunk(chunk)
        if len(body) <= CHUNK:
            out += struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
        elif len(chunk) == CHUNK:
            out += struct.pack("<H", 0x3000 | (CHUNK + 2 - 3)) + chunk
        else:
            # A raw chunk always decompresses to 4096 bytes; a shorter last chunk has no raw form.
            raise ValueError(f"the last {len(chunk)} bytes do not compress and are too short for a raw chunk")
    return bytes(out)


def compress_chunk(chunk: bytes) -> bytes:
    """CompressedChunkData: flag bytes, each followed by up to 8 literal bytes or copy tokens."""
    out = bytearray()
    positions: dict[bytes, list[int]] = {}
    position = 0
    while position < len(chunk):
        flag_at = len(out)
        out.append(0)
        for bit in range(8):
            if position >= len(chunk):
                break
            offset, length = longest_match(chunk, position, positions)
            if length >= 3:
                bits = copy_token_bits(position)
                out += struct.pack("<H", ((offset - 1) << (16 - bits)) | (length - 3))
                out[flag_at] |= 1 << bit
                step = length
            else:
                out.append(chunk[position])
                step = 1
            for index in range(position, position + step):
                positions.setdefault(chunk[index:index + 3], []).append(index)
            position += step
    return bytes(out)


def longest_match(chunk: bytes, position: int, positions: dict[bytes, list[int]]) -> tuple[int, int]:
    """(offset, length) of the longest earlier copy of the bytes at `position`, or (0, 0)."""
    if position == 0:
        return 0, 0
    bits = copy_token_bits(position)
    maximum = min((0xFFFF >> bits) + 3, len(chunk) - position)
    best_offset, best_length = 0, 0
    for candidate in reversed(positions.get(chunk[position:position + 3], [])[-64:]):
        length = 0
        while length < maximum and chunk[candidate + length] == chunk[position + length]:
            length += 1
        if length > best_length:
            best_offset, best_length = position - candidate, length
            if length == maximum:
                break
    return best_offset, best_length


def decompress(container: bytes) -> bytes:
    """The bytes a CompressedContainer (2.4.1.1.1) holds."""
    if not container or container[0] != 0x01:
        raise VBAProjectError("compressed container does not start with signature byte 0x01")
    out = bytearray()
    position = 1
    while position < len(container):
        if position + 2 > len(container):
            raise VBAProjectError("truncated chunk header in compressed container")
        header = struct.unpack_from("<H", container, position)[0]
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0b111 != 0b011:
            raise VBAProjectError(f"bad chunk signature at byte {position} of compressed container")
        end = min(position + size, len(container))
        position += 2
        if not header & 0x8000:
            out += container[position:position + CHUNK]
            position += CHUNK
            continue
        chunk_start = len(out)
        while position < end:
            flags = container[position]
            position += 1
            for bit in range(8):
                if position >= end:
                    break
                if flags & (1 << bit):
                    token = struct.unpack_from("<H", container, position)[0]
                    position += 2
                    bits = copy_token_bits(len(out) - chunk_start)
                    offset = (token >> (16 - bits)) + 1
                    length = (token & (0xFFFF >> bits)) + 3
                    if offset > len(out) - chunk_start:
                        raise VBAProjectError("copy token reaches before the start of its chunk")
                    for _ in range(length):
                        out.append(out[-offset])
                else:
                    out.append(container[position])
                    position += 1
    return bytes(out)


# --- the dir stream (2.3.4.2) ----------------------------------------------------------------

def dir_records(data: bytes) -> list[tuple[int, bytes]]:
    """(id, payload) of every record of the decompressed dir stream, in order."""
    records, position = [], 0
    while position < len(data):
        record_id, size = struct.unpack_from("<HI", data, position)
        if record_id == PROJECTVERSION:
            size = 6  # Reserved is 4 but the record holds VersionMajor (4) and VersionMinor (2)
        payload = data[position + 6:position + 6 + size]
        if len(payload) != size:
            raise VBAProjectError(f"dir record 0x{record_id:04X} runs past the end of the stream")
        records.append((record_id, payload))
        position += 6 + size
    return records


def dir_bytes(records: list[tuple[int, bytes]]) -> bytes:
    out = bytearray()
    for record_id, payload in records:
        size = 4 if record_id == PROJECTVERSION else len(payload)
        out += struct.pack("<HI", record_id, size) + payload
    return bytes(out)


def module_name(source: str) -> str:
    match = re.search(r'^Attribute VB_Name = "([^"]+)"', source, re.MULTILINE)
    if not match:
        raise VBAProjectError('module source has no line Attribute VB_Name = "..."')
    return match.group(1)


def replace_module(vba_bin: bytes, old_name: str, source: str) -> bytes:
    """`vba_bin` with standard module `old_name` replaced by `source` (named by its VB_Name)."""
    root = read_compound_file(vba_bin)
    new_name = module_name(source)
    vba = root.find("VBA")
    directory = vba.find("dir")
    records = dir_records(decompress(directory.data))
    codepage = next((struct.unpack("<H", p)[0] for i, p in records if i == PROJECTCODEPAGE), 1252)
    encoding = f"cp{codepage}"
    records, stream_name = rename_module_records(records, old_name, new_name, encoding)
    directory.data = compress(dir_bytes(records))

    text = "\r\n".join(source.splitlines()) + "\r\n"
    module = vba.find(stream_name)
    module.data = compress(text.encode(encoding))
    if new_name != old_name:
        if any(c.name.upper() == new_name.upper() for c in vba.children if c is not module):
            raise VBAProjectError(f"the VBA project already has a stream named {new_name!r}")
        module.name = new_name
        project = root.find("PROJECT")
        project.data = rename_in_project(project.data, old_name, new_name, encoding)
        names = root.find("PROJECTwm")
        names.data = rename_in_name_map(names.data, old_name, new_name, encoding)
    cache = vba.find("_VBA_PROJECT")
    if cache.data[2:4] != b"\xff\xff":
        cache.data = VBA_PROJECT_NO_CACHE
    return write_compound_file(root)


def rename_project(vba_bin: bytes, new_name: str) -> bytes:
    """`vba_bin` with the VBA project itself named `new_name` (PROJECTNAME, 2.3.4.2.1.6, and Name= of PROJECT)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,127}", new_name):
        raise VBAProjectError(f"{new_name!r} is not a VBA project name (a letter, then letters, digits or _)")
    root = read_compound_file(vba_bin)
    vba = root.find("VBA")
    directory = vba.find("dir")
    records = dir_records(decompress(directory.data))
    codepage = next((struct.unpack("<H", p)[0] for i, p in records if i == PROJECTCODEPAGE), 1252)
    modules = {p.decode(f"cp{codepage}").upper() for i, p in records if i == MODULENAME}
    if new_name.upper() in modules:
        raise VBAProjectError(f"a module is named {new_name!r}: VBA refuses a project named like one of its modules")
    if sum(i == PROJECTNAME for i, _ in records) != 1:
        raise VBAProjectError("the dir stream does not have exactly one PROJECTNAME record")
    directory.data = compress(dir_bytes([(i, new_name.encode(f"cp{codepage}") if i == PROJECTNAME else p)
                                         for i, p in records]))
    project = root.find("PROJECT")
    lines = project.data.split(b"\r\n")
    name_line = b'Name="' + new_name.encode(f"cp{codepage}") + b'"'
    named = [name_line if line.startswith(b"Name=") else line for line in lines]
    if sum(line.startswith(b"Name=") for line in lines) != 1:
        raise VBAProjectError("the PROJECT stream does not have exactly one Name= line")
    project.data = b"\r\n".join(named)
    return write_compound_file(root)


def project_name(vba_bin: bytes) -> str:
    """The VBA project's name as the dir stream records it (for checks and tests)."""
    records = dir_records(decompress(read_compound_file(vba_bin).find("VBA").find("dir").data))
    codepage = next((struct.unpack("<H", p)[0] for i, p in records if i == PROJECTCODEPAGE), 1252)
    return next(p.decode(f"cp{codepage}") for i, p in records if i == PROJECTNAME)


def rename_module_records(records: list[tuple[int, bytes]], old_name: str, new_name: str,
                          encoding: str) -> tuple[list[tuple[int, bytes]], str]:
    """The records with module `old_name` renamed and its MODULEOFFSET 0; and its old stream name."""
    out: list[tuple[int, bytes]] = []
    inside, found, stream_name, kind = False, False, "", None
    for record_id, payload in records:
        if record_id == MODULENAME:
            inside = payload.decode(encoding) == old_name
            found = found or inside
        if inside:
            if record_id == MODULENAME:
                payload = new_name.encode(encoding)
            elif record_id == MODULENAMEUNICODE:
                payload = new_name.encode("utf-16-le")
            elif record_id == MODULESTREAMNAME:
                stream_name = payload.decode(encoding)
                payload = new_name.encode(encoding)
            elif record_id == MODULESTREAMNAMEUNICODE:
                payload = new_name.encode("utf-16-le")
            elif record_id == MODULEOFFSET:
                payload = struct.pack("<I", 0)
            elif record_id in (PROCEDURALMODULE, PROCEDURALMODULE + 1):
                kind = record_id
            elif record_id == MODULETERMINATOR:
                inside = False
        out.append((record_id, payload))
    if not found:
        raise VBAProjectError(f"the VBA project has no module {old_name!r}")
    if kind != PROCEDURALMODULE:
        raise VBAProjectError(f"module {old_name!r} is not a standard (procedural) module")
    return out, stream_name


def rename_in_project(data: bytes, old_name: str, new_name: str, encoding: str) -> bytes:
    """The PROJECT stream (2.3.1) with `Module=old` and the `[Workspace]` line `old=...` renamed."""
    old, new = old_name.encode(encoding), new_name.encode(encoding)
    lines = data.split(b"\r\n")
    renamed = [b"Module=" + new if line == b"Module=" + old
               else new + line[len(old):] if line.startswith(old + b"=") else line
               for line in lines]
    if renamed.count(b"Module=" + new) != 1:
        raise VBAProjectError(f"the PROJECT stream does not declare Module={old_name} once")
    return b"\r\n".join(renamed)


def rename_in_name_map(data: bytes, old_name: str, new_name: str, encoding: str) -> bytes:
    """The PROJECTwm stream (2.3.3): pairs of MBCS and UTF-16 module names, ending in 0x0000."""
    old = old_name.encode(encoding) + b"\0" + old_name.encode("utf-16-le") + b"\0\0"
    new = new_name.encode(encoding) + b"\0" + new_name.encode("utf-16-le") + b"\0\0"
    pairs = split_name_map(data)
    if old not in pairs:
        raise VBAProjectError(f"the PROJECTwm stream does not name module {old_name!r}")
    return b"".join(new if pair == old else pair for pair in pairs) + b"\0\0"


def split_name_map(data: bytes) -> list[bytes]:
    pairs, position = [], 0
    while position < len(data) and data[position:position + 2] != b"\0\0":
        mbcs_end = data.index(b"\0", position) + 1
        unicode_end = mbcs_end
        while data[unicode_end:unicode_end + 2] != b"\0\0":
            unicode_end += 2
        pairs.append(data[position:unicode_end + 2])
        position = unicode_end + 2
    return pairs


def module_source(vba_bin: bytes, name: str) -> str:
    """The source text of module `name`, read back the way Office reads it (for checks and tests)."""
    root = read_compound_file(vba_bin)
    vba = root.find("VBA")
    records = dir_records(decompress(vba.find("dir").data))
    codepage = next((struct.unpack("<H", p)[0] for i, p in records if i == PROJECTCODEPAGE), 1252)
    stream, offset, inside = None, None, False
    for record_id, payload in records:
        if record_id == MODULENAME:
            inside = payload.decode(f"cp{codepage}") == name
        elif inside and record_id == MODULESTREAMNAME:
            stream = payload.decode(f"cp{codepage}")
        elif inside and record_id == MODULEOFFSET:
            offset = struct.unpack("<I", payload)[0]
    if stream is None or offset is None:
        raise VBAProjectError(f"the VBA project has no module {name!r}")
    return decompress(vba.find(stream).data[offset:]).decode(f"cp{codepage}")
