"""The library behind the CLI: one explicit entry per kind of input (a string is text, never a
file name by accident), names resolved by a function that raises, and a package that shows
what it offers (`dir`, `help`, `py.typed`, types and docstrings on every public function)."""
from __future__ import annotations

import doctest
import inspect
from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_bundled_report_by_name():
    path = reportx.find_report("guigang")
    assert path == SEEDS / "guigang-2024.txt" or path.name == "guigang-2024.txt"
    assert len(reportx.extract(path)) > 200
    assert reportx.find_report("YULIN").name == "yulin-2024.txt"
    with pytest.raises(InputError, match="not a known report"):
        reportx.find_report("nowhere")


@pytest.mark.parametrize("text", ["guigang", "贵港", "seeds/guigang-2024.tx",
                                  str(SEEDS / "guigang-2024.txt")])
def test_a_name_or_a_path_passed_as_text_is_refused(text):
    with pytest.raises(InputError, match="not a report's text|not its text"):
        reportx.extract(text)


@pytest.mark.parametrize("text", ["means", "known", "not a file"])
def test_a_short_text_naming_no_report_is_text_whatever_its_words(text):
    # (the words of the "no such report" message are no sign that a text names one)
    assert reportx.extract(text) == []


def test_compare_of_names_as_text_is_refused_and_of_paths_works(rules):
    with pytest.raises(InputError):
        reportx.compare(["guigang", "yulin"], rules=rules)
    rows = reportx.compare([reportx.find_report("guigang"), reportx.find_report("yulin")],
                           rules=rules)
    assert set(rows["doc"]) == {"guigang-2024", "yulin-2024"}


def test_a_file_by_path_or_by_its_own_function():
    path = SEEDS / "guigang-2024.txt"
    by_path = reportx.extract(path)
    assert [c.start for c in reportx.extract_file(str(path))] == [c.start for c in by_path]
    with pytest.raises(InputError, match="no such file"):
        reportx.extract_file("seeds/guigang-2024.tx")
    with pytest.raises(InputError, match="no such file"):
        reportx.extract(Path("seeds/guigang-2024.tx"))


def test_text_is_text_even_when_a_file_of_that_name_exists(tmp_path, monkeypatch):
    (tmp_path / "地区生产总值增长5％").write_text("一、2023年工作回顾\n固定资产投资增长9％。\n",
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [c.surface for c in reportx.extract("地区生产总值增长5％", year=2024)] == ["5％"]


def test_a_document_from_text_or_bytes():
    doc = reportx.load_text("地区生产总值增长5％。", year=2024)
    assert doc.year == 2024 and reportx.extract(doc)[0].value == 5.0
    doc = reportx.load_bytes("一、2023年工作回顾\n地区生产总值增长0.1％。\n".encode("gb18030"))
    assert reportx.extract(doc)[0].surface == "0.1％"


def test_dir_and_help_show_the_entry_points():
    names = dir(reportx)
    for name in ("extract", "extract_file", "find_report", "load", "load_text", "compare",
                 "to_frame", "Claim", "InputError", "__version__"):
        assert name in names and name in reportx.__all__
    text = pydoc_text()
    assert "find_report" in text and "extract_file" in text and "__getattr__" not in text.split(
        "FUNCTIONS")[-1].split("DATA")[0].split()[:1]


def pydoc_text() -> str:
    import pydoc

    return pydoc.render_doc(reportx, renderer=pydoc.plaintext)


def test_the_package_is_typed():
    assert (Path(reportx.__file__).parent / "py.typed").is_file()


PUBLIC = ["extract", "extract_file", "extract_document", "load", "load_text", "load_bytes",
          "find_report", "to_frame", "load_rules", "compare", "evaluate"]


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_function_has_types_and_a_docstring(name):
    fn = getattr(reportx, name)
    assert (fn.__doc__ or "").strip(), name
    if name in ("to_frame", "load_rules", "compare", "evaluate"):
        return  # defined by the engine and the views; their modules' owners type them
    signature = inspect.signature(fn)
    assert signature.return_annotation is not inspect.Signature.empty, name
    for p in signature.parameters.values():
        assert p.annotation is not inspect.Parameter.empty, (name, p.name)


@pytest.mark.parametrize("module", ["reportx", "reportx.extraction", "reportx.corpus",
                                    "reportx.output.safe", "reportx.output.sheets",
                                    "reportx.output.display"])
def test_doctests(module, monkeypatch):
    import importlib

    monkeypatch.chdir(SEEDS.parent)
    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried and not failures
