"""Start-up: what a command imports, each in a fresh process (no timing: the modules themselves).

`reportx --help` imports neither the library's engine nor Markdown (markdown_it, pygments) nor
pandas; `extract … --format json`, `compare` on the terminal, `list` and `indicators` import no
pandas (0.3 s); help pages read as they did in Markdown mode (a paragraph's lines joined, `code`
in Markdown's style) and the stand-ins typer.rich_utils got stay private to it.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "pyarrow", "markdown_it", "pygments", "rich.markdown",
         "rich.traceback")

# run a command as the `reportx` script does, then list what it imported
PROBE = """
import json, sys
sys.argv = ["reportx", *json.loads(sys.argv[1])]
from reportx.cli import main
try:
    main()
except SystemExit:
    pass
print("\\n" + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))],
                          capture_output=True, text=True, timeout=120)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def test_help_imports_no_engine_markdown_or_pandas():
    modules = imported("--help")
    assert "typer.rich_utils" in modules          # the help is typer's rich one
    assert not modules & set(HEAVY), modules & set(HEAVY)
    assert not {m for m in modules if m.startswith(("reportx.engine", "reportx.views",
                                                    "reportx.readers", "reportx.batch"))}


@pytest.mark.parametrize("words", [["extract", "--help"], ["rules", "--help"], []],
                         ids=["extract --help", "rules --help", "no arguments"])
def test_every_help_page_leaves_markdown_out(words):
    assert not imported(*words) & set(HEAVY)


@pytest.mark.parametrize("words", [
    ["extract", "guigang", "--format", "json"],
    ["extract", "guigang", "--format", "markdown"],
    ["extract", "guigang", "--format", "jsonl"],
    ["compare", "guigang", "yulin", "--jobs", "1", "--color", "never", "--no-pager"],
    ["compare", "guigang", "yulin", "--jobs", "1", "--format", "jsonl"],
    ["list", "--jobs", "1", "--color", "never", "--no-pager"],
    ["list", "--jobs", "1", "--format", "csv"],
    ["indicators", "--color", "never", "--no-pager"],
    ["indicators", "--format", "json"],
], ids=" ".join)
def test_text_output_needs_no_pandas(words):
    modules = imported(*words)
    assert "reportx.engine.ruleset" in modules    # it did the work
    assert not {"pandas", "numpy", "pyarrow"} & modules


def test_help_paragraphs_read_as_markdown_joined_them():
    from typer.testing import CliRunner

    from reportx.cli import app

    out = CliRunner().invoke(app, ["compare", "--help"], env={"COLUMNS": "200"}).stdout
    # the docstring breaks this paragraph after "value_high"; the help does not
    assert "each report's value, value_high and qualifier as numbers" in out
    assert "`" not in CliRunner().invoke(app, ["review", "--help"]).stdout


def test_paragraphs_join_lines_style_code_and_escape_markup():
    from reportx.cli.help import paragraphs

    assert paragraphs("one\n  two\n\nthree `x` [bold]y[/bold]") == \
        "one two\n\nthree [markdown.code]x[/] \\[bold]y\\[/bold]"
    assert paragraphs(None) is None


@pytest.mark.parametrize("text", ["a [b] c", "[WORD] and [1]", "[bold]y[/bold]", "x\\",
                                  "x\\\\", "\\[bold]", "[link=https://x.org]x[/link]", ""])
def test_escape_is_rich_markup_escape(text):
    from rich.markup import escape

    from reportx.cli.help import _escape

    assert _escape(text) == escape(text)


def test_the_stand_ins_stay_inside_typer_rich_utils():
    code = ("import sys; from reportx.cli.help import import_rich_utils; ru = import_rich_utils(); "
            "assert 'rich.markdown' not in sys.modules; "
            "import rich.markdown, rich.traceback; "
            "assert rich.markdown.Markdown is not ru.Markdown; "
            "md = ru.Markdown('*x*'); assert isinstance(md, rich.markdown.Markdown); "
            "assert isinstance(md, ru.Markdown); "
            "assert ru.Traceback.from_exception is not None; print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_doctests():
    import doctest

    import reportx.cli.help

    failures, tried = doctest.testmod(reportx.cli.help)
    assert tried and not failures
