"""Our VBA module inside the add-in's vbaProject.bin, checked by independent readers (olefile, oletools)."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from xlpy.addin.compound_file import BLACK, NOSTREAM, RED, Entry, read_compound_file, sort_key, write_compound_file
from xlpy.addin.vba_project import compress, decompress, module_source

olefile = pytest.importorskip("olefile")
olevba = pytest.importorskip("oletools.olevba")

ADDIN = Path(__file__).parent.parent / "xlpy" / "addin"
CUSTOM_UI_NS = "{http://schemas.microsoft.com/office/2006/01/customui}"
CHANGED = {"VBA/dir", "VBA/RibbonMyAddin", "VBA/BudgetRibbon", "PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT"}

source_like = st.text(alphabet="Sub End RunPython\"().;_xlpy\r\n  '\tabcdefgh0123456789", max_size=12000)


def compressible(data: bytes) -> bool:
    """Whether compress() can represent data: a short last chunk must fit compressed (no short raw chunk)."""
    try:
        compress(data)
    except ValueError:
        return False
    return True


@settings(max_examples=60, deadline=None)
@given(st.one_of(source_like.map(lambda s: s.encode("utf-8")), st.binary(max_size=9000)))
def test_compression_round_trips_through_ours_and_oletools_decompressor(data):
    if not compressible(data):
        assert 0 < len(data) % 4096 < 4096
        return
    container = compress(data)
    assert decompress(container) == data
    assert bytes(olevba.decompress_stream(bytearray(container))) == data


@settings(max_examples=30, deadline=None)
@given(source_like)
def test_source_text_always_compresses(text):
    data = text.encode("utf-8")
    container = compress(data)
    assert bytes(olevba.decompress_stream(bytearray(container))) == data
    if len(data) > 200:
        assert len(container) < len(data)


def test_long_runs_use_copy_tokens_of_every_width():
    data = bytes(range(256)) * 40 + b"x" * 5000
    container = compress(data)
    assert bytes(olevba.decompress_stream(bytearray(container))) == data
    assert len(container) < len(data) // 2


# --- the compound file ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def template_bin() -> bytes:
    from xlpy.addin.build_addin import TEMPLATE

    if not TEMPLATE.exists():
        pytest.skip("xlwings without its add-in template")
    with zipfile.ZipFile(TEMPLATE) as template:
        return template.read("xl/vbaProject.bin")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from xlpy.addin.build_addin import TEMPLATE, build_addin

    if not TEMPLATE.exists():
        pytest.skip("xlwings without its add-in template")
    return build_addin(tmp_path_factory.mktemp("addin"))


@pytest.fixture(scope="module")
def built_bin(built) -> bytes:
    with zipfile.ZipFile(built) as xlam:
        return xlam.read("xl/vbaProject.bin")


def streams(data: bytes) -> dict[str, bytes]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    return {"/".join(path): ole.openstream(path).read() for path in ole.listdir(streams=True)}


def test_rewriting_the_template_unchanged_keeps_every_stream_and_entry(template_bin):
    rewritten = write_compound_file(read_compound_file(template_bin))
    assert streams(rewritten) == streams(template_bin)
    before, after = olefile.OleFileIO(io.BytesIO(template_bin)), olefile.OleFileIO(io.BytesIO(rewritten))
    for path in before.listdir(streams=True, storages=True):
        assert before.getclsid(path) == after.getclsid(path), path
        assert before.get_type(path) == after.get_type(path), path
    assert before.root.clsid == after.root.clsid


def test_big_and_small_streams_and_nested_storages_round_trip_through_olefile():
    root = Entry("Root Entry", kind=5, children=[
        Entry("big", data=bytes(range(256)) * 100),
        Entry("empty"),
        Entry("Sub", kind=1, clsid=bytes(range(16)),
              children=[Entry(f"s{i}", data=b"x" * i * 37) for i in range(12)]),
    ])
    data = write_compound_file(root)
    assert streams(data) == {"big": bytes(range(256)) * 100, "empty": b"",
                             **{f"Sub/s{i}": b"x" * i * 37 for i in range(12)}}
    clsid = olefile.OleFileIO(io.BytesIO(data)).getclsid("Sub")
    assert clsid == "03020100-0504-0706-0809-0A0B0C0D0E0F"  # a GUID's first three fields are little-endian
    assert streams(write_compound_file(read_compound_file(data))) == streams(data)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 8, 12, 20])
def test_each_storage_gets_a_valid_red_black_tree_in_cfb_order(count):
    root = Entry("Root Entry", kind=5, children=[Entry(f"n{i:0{i % 3 + 1}d}", data=b"y") for i in range(count)])
    data = write_compound_file(root)
    directory = olefile.OleFileIO(io.BytesIO(data)).direntries
    by_sid = {e.sid: e for e in directory if e is not None}

    def check(sid: int, low, high) -> int:
        """Black height below sid; asserts order and no red entry with a red child."""
        if sid == NOSTREAM:
            return 1
        entry = by_sid[sid]
        key = sort_key(entry.name)
        assert (low is None or low < key) and (high is None or key < high)
        for child in (entry.sid_left, entry.sid_right):
            if entry.color == RED and child != NOSTREAM:
                assert by_sid[child].color == BLACK
        left, right = check(entry.sid_left, low, key), check(entry.sid_right, key, high)
        assert left == right
        return left + (entry.color == BLACK)

    top = by_sid[0].sid_child
    assert by_sid[top].color == BLACK
    check(top, None, None)


# --- the built add-in -----------------------------------------------------------------------

def test_only_the_module_and_its_bookkeeping_change(template_bin, built_bin):
    before, after = streams(template_bin), streams(built_bin)
    assert set(after) == set(before) - {"VBA/RibbonMyAddin"} | {"VBA/BudgetRibbon"}
    for path in set(before) - CHANGED:
        assert after[path] == before[path], path
    assert after["VBA/_VBA_PROJECT"][:4] == struct.pack("<HH", 0x61CC, 0xFFFF)
    assert len(after["VBA/_VBA_PROJECT"]) == 7
    assert b"Module=BudgetRibbon\r\n" in after["PROJECT"] and b"RibbonMyAddin" not in after["PROJECT"]
    assert b"BudgetRibbon\0" + "BudgetRibbon".encode("utf-16-le") + b"\0\0" in after["PROJECTwm"]


def extracted(xlam: Path) -> dict[str, str]:
    """Module name -> source, as oletools' olevba (an independent parser) extracts them."""
    parser = olevba.VBA_Parser(str(xlam))
    try:
        return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").rstrip("\n").split("\n")


def test_olevba_extracts_our_module_as_written_in_budgetbook_bas(built):
    modules = extracted(built)
    assert "RibbonMyAddin" not in modules
    assert lines(modules["BudgetRibbon"]) == lines((ADDIN / "budgetbook.bas").read_text(encoding="utf-8"))


def test_our_own_reader_agrees_with_olevba(built, built_bin):
    assert lines(module_source(built_bin, "BudgetRibbon")) == lines(extracted(built)["BudgetRibbon"])


def test_every_on_action_of_the_built_ribbon_has_its_sub_in_the_built_vba(built):
    modules = extracted(built)
    with zipfile.ZipFile(built) as xlam:
        ui = etree.fromstring(xlam.read("customUI/customUI.xml"))
    actions = [b.get("onAction") for b in ui.iter(f"{CUSTOM_UI_NS}button")]
    assert actions
    for action in actions:
        module, sub = action.split(".")
        assert re.search(rf"^Sub {sub}\(control As IRibbonControl\)\s*$", modules[module], re.MULTILINE), action


def test_the_other_modules_extract_unchanged(built):
    from xlpy.addin.build_addin import TEMPLATE

    before, after = extracted(TEMPLATE), extracted(built)
    for name in ("xlwings", "Dictionary", "ThisWorkbook", "Sheet2"):
        assert after[name] == before[name], name
    assert "Sub RunPython(" in after["xlwings"] or "Function RunPython(" in after["xlwings"]


def test_the_vba_project_is_named_budget(template_bin, built_bin):
    from xlpy.addin.vba_project import project_name

    assert project_name(template_bin) == "MyAddin"
    assert project_name(built_bin) == "Budget"
    project = streams(built_bin)["PROJECT"]
    assert b'\r\nName="Budget"\r\n' in project and b"MyAddin" not in project


def test_a_project_cannot_be_named_like_one_of_its_modules(built_bin):
    from xlpy.addin.vba_project import VBAProjectError, rename_project

    with pytest.raises(VBAProjectError, match="module"):
        rename_project(built_bin, "BudgetRibbon")
    with pytest.raises(VBAProjectError):
        rename_project(built_bin, "1 Budget")
