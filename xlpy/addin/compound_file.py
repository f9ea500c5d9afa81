"""Read and write OLE compound files (MS-CFB), the container of `xl/vbaProject.bin`.

    root = read_compound_file(data)            # bytes -> tree of Entry (storages hold children)
    root.find("VBA/dir").data = new_dir        # streams may change size
    data = write_compound_file(root)           # tree -> bytes, version 3, 512-byte sectors

olefile reads these files well but writes only streams of unchanged size, so this module holds
a small reader and writer of its own: standard library only. The writer keeps every entry's
name, CLSID, state bits and times, and the storage tree; it lays the sectors out afresh
(stream sectors, mini stream, mini FAT, directory, FAT) and gives each storage's children a
valid red-black tree in the order MS-CFB 2.6.4 prescribes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
ENTRY_SIZE = 128
HEADER_DIFAT = 109
FREESECT, ENDOFCHAIN, FATSECT, DIFSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
NOSTREAM = 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5
RED, BLACK = 0, 1


class CompoundFileError(ValueError):
    """The bytes are not a compound file this module can read, or the tree cannot be written."""


@dataclass
class Entry:
    """One directory entry: a storage (children) or a stream (data). The root is a storage."""

    name: str
    kind: int = STREAM
    data: bytes = b""
    children: list[Entry] = field(default_factory=list)
    clsid: bytes = bytes(16)
    state_bits: int = 0
    created: bytes = bytes(8)
    modified: bytes = bytes(8)

    def find(self, path: str) -> Entry:
        entry = self
        for part in path.split("/"):
            matches = [c for c in entry.children if c.name.upper() == part.upper()]
            if not matches:
                raise KeyError(f"no entry {path!r} in the compound file")
            entry = matches[0]
        return entry

    def walk(self, prefix: str = ""):
        """(path, entry) for every entry below this one, depth first."""
        for child in self.children:
            path = f"{prefix}{child.name}"
            yield path, child
            yield from child.walk(path + "/")


# --- reading -------------------------------------------------------------------------------

def read_compound_file(data: bytes) -> Entry:
    if data[:8] != SIGNATURE:
        raise CompoundFileError("not a compound file (bad signature)")
    (sector_shift, mini_shift, _, _, fat_count, first_dir, _, cutoff, first_minifat, _, first_difat,
     difat_count) = struct.unpack_from("<HH6sIIIIIIIII", data, 30)
    size = 1 << sector_shift
    if mini_shift != 6 or cutoff != MINI_CUTOFF:
        raise CompoundFileError("unexpected mini sector size or cutoff")

    def sector(number: int) -> bytes:
        start = (number + 1) * size
        return data[start:start + size]

    difat = list(struct.unpack_from(f"<{HEADER_DIFAT}I", data, 76))
    number = first_difat
    for _ in range(difat_count):
        values = struct.unpack(f"<{size // 4}I", sector(number))
        difat.extend(values[:-1])
        number = values[-1]
    fat: list[int] = []
    for number in difat[:fat_count]:
        fat.extend(struct.unpack(f"<{size // 4}I", sector(number)))

    def chain(start: int) -> bytes:
        parts, seen = [], set()
        while start not in (ENDOFCHAIN, FREESECT):
            if start in seen or start >= len(fat):
                raise CompoundFileError(f"broken sector chain at sector {start}")
            seen.add(start)
            parts.append(sector(start))
            start = fat[start]
        return b"".join(parts)

    directory = chain(first_dir)
    raw = [directory[i:i + ENTRY_SIZE] for i in range(0, len(directory), ENTRY_SIZE)]
    mini_fat_bytes = chain(first_minifat) if first_minifat != ENDOFCHAIN else b""
    mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes))
    root_start, root_size = struct.unpack_from("<IQ", raw[0], 116)
    mini_stream = chain(root_start)[:root_size] if root_size else b""

    def mini_chain(start: int) -> bytes:
        parts, seen = [], set()
        while start not in (ENDOFCHAIN, FREESECT):
            if start in seen or start >= len(mini_fat):
                raise CompoundFileError(f"broken mini sector chain at mini sector {start}")
            seen.add(start)
            parts.append(mini_stream[start * MINI_SECTOR:(start + 1) * MINI_SECTOR])
            start = mini_fat[start]
        return b"".join(parts)

    def entry(sid: int) -> Entry:
        record = raw[sid]
        name_length, kind, _ = struct.unpack_from("<HBB", record, 64)
        child = struct.unpack_from("<I", record, 76)[0]
        start, stream_size = struct.unpack_from("<IQ", record, 116)
        if size == 512:
            stream_size &= 0xFFFFFFFF
        result = Entry(name=record[:max(name_length - 2, 0)].decode("utf-16-le"), kind=kind,
                       clsid=record[80:96], state_bits=struct.unpack_from("<I", record, 96)[0],
                       created=record[100:108], modified=record[108:116])
        if kind == STREAM:
            content = mini_chain(start) if stream_size < MINI_CUTOFF else chain(start)
            result.data = content[:stream_size]
        elif child != NOSTREAM:
            result.children = [entry(s) for s in siblings(child)]
        return result

    def siblings(sid: int) -> list[int]:
        """The sids of one storage's children: an in-order walk of its red-black tree."""
        order, stack, seen = [], [], set()
        while stack or sid != NOSTREAM:
            while sid != NOSTREAM:
                if sid in seen:
                    raise CompoundFileError("directory tree has a cycle")
                seen.add(sid)
                stack.append(sid)
                sid = struct.unpack_from("<I", raw[sid], 68)[0]
            sid = stack.pop()
            order.append(sid)
            sid = struct.unpack_from("<I", raw[sid], 72)[0]
        return order

    root = entry(0)
    if root.kind != ROOT:
        raise CompoundFileError("the first directory entry is not the root")
    return root


# --- writing -------------------------------------------------------------------------------

def sort_key(name: str) -> tuple[int, str]:
    """MS-CFB 2.6.4: shorter names first, then by upper-cased name (simple case folding)."""
    return len(name.encode("utf-16-le")), name.upper()


def write_compound_file(root: Entry) -> bytes:
    entries: list[Entry] = [root]                       # index = sid
    links: dict[int, list[int]] = {}                    # sid -> [left, right, child, color]

    def add_storage(storage: Entry, sid: int) -> None:
        names = [sort_key(c.name) for c in storage.children]
        if len(set(names)) != len(names):
            raise CompoundFileError(f"two entries of the same name in storage {storage.name!r}")
        ordered = sorted(storage.children, key=lambda c: sort_key(c.name))
        first = len(entries)
        entries.extend(ordered)
        for offset in range(len(ordered)):
            links[first + offset] = [NOSTREAM, NOSTREAM, NOSTREAM, BLACK]
        links[sid][2] = balanced_tree(list(range(first, first + len(ordered))), 0, tree_height(len(ordered)))
        for offset, child in enumerate(ordered):
            if child.kind != STREAM:
                add_storage(child, first + offset)

    def balanced_tree(sids: list[int], depth: int, height: int) -> int:
        """Root sid of a tree split at the median; the deepest level is red, the rest black,
        which gives every path the same number of black entries (a valid red-black tree)."""
        if not sids:
            return NOSTREAM
        middle = len(sids) // 2
        sid = sids[middle]
        links[sid][0] = balanced_tree(sids[:middle], depth + 1, height)
        links[sid][1] = balanced_tree(sids[middle + 1:], depth + 1, height)
        links[sid][3] = RED if depth == height and depth > 0 else BLACK
        return sid

    for entry in [root, *(e for _, e in root.walk())]:
        if len(entry.name) > 31:
            raise CompoundFileError(f"entry name longer than 31 characters: {entry.name!r}")
    links[0] = [NOSTREAM, NOSTREAM, NOSTREAM, BLACK]
    add_storage(root, 0)

    # Stream contents: big streams in sectors, small ones in the mini stream.
    sectors: list[bytes] = []
    fat: list[int] = []
    starts: dict[int, tuple[int, int]] = {}             # sid -> (start sector, size)

    def place(content: bytes, unit: int, blocks: list[bytes], table: list[int]) -> int:
        if not content:
            return ENDOFCHAIN
        first = len(blocks)
        count = -(-len(content) // unit)
        for index in range(count):
            blocks.append(content[index * unit:(index + 1) * unit].ljust(unit, b"\0"))
            table.append(first + index + 1 if index + 1 < count else ENDOFCHAIN)
        return first

    mini_blocks: list[bytes] = []
    mini_fat: list[int] = []
    for sid, entry in enumerate(entries):
        if entry.kind == STREAM:
            if len(entry.data) < MINI_CUTOFF:
                starts[sid] = (place(entry.data, MINI_SECTOR, mini_blocks, mini_fat), len(entry.data))
            else:
                starts[sid] = (place(entry.data, SECTOR, sectors, fat), len(entry.data))
    mini_stream = b"".join(mini_blocks)
    starts[0] = (place(mini_stream, SECTOR, sectors, fat), len(mini_stream))
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_bytes += b"\xff" * (-len(mini_fat_bytes) % SECTOR)
    first_minifat = place(mini_fat_bytes, SECTOR, sectors, fat)

    directory = b"".join(directory_entry(entries[sid], links[sid], *starts.get(sid, (0, 0)))
                         for sid in range(len(entries)))
    directory += unused_entry() * (-len(entries) % (SECTOR // ENTRY_SIZE))
    first_dir = place(directory, SECTOR, sectors, fat)

    fat_count = 0
    while len(sectors) + fat_count > fat_count * (SECTOR // 4):
        fat_count += 1
    if fat_count > HEADER_DIFAT:
        raise CompoundFileError("compound file too large for a FAT without DIFAT sectors")
    fat_sectors = list(range(len(sectors), len(sectors) + fat_count))
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREESECT] * (fat_count * (SECTOR // 4) - len(fat)))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)

    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", SIGNATURE, bytes(16), 0x003E, 0x0003, 0xFFFE, 9, 6,
                         bytes(6), 0, fat_count, first_dir, 0, MINI_CUTOFF, first_minifat,
                         len(mini_fat_bytes) // SECTOR, ENDOFCHAIN, 0)
    header += struct.pack(f"<{HEADER_DIFAT}I", *(fat_sectors + [FREESECT] * (HEADER_DIFAT - fat_count)))
    return header + b"".join(sectors) + fat_bytes


def tree_height(count: int) -> int:
    """Depth of the deepest entry in a median-split tree of `count` entries."""
    return max(count.bit_length() - 1, 0)


def directory_entry(entry: Entry, link: list[int], start: int, size: int) -> bytes:
    name = entry.name.encode("utf-16-le")
    left, right, child, color = link
    if entry.kind == STORAGE:
        start, size = 0, 0
    return struct.pack("<64sHBBIII16sI8s8sIQ", name, len(name) + 2, entry.kind, color, left, right, child,
                       entry.clsid, entry.state_bits, entry.created, entry.modified, start, size)


def unused_entry() -> bytes:
    return struct.pack("<64sHBBIII16sI8s8sIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, bytes(16), 0,
                       bytes(8), bytes(8), 0, 0)
