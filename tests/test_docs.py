"""The README keeps up with the code: every snippet in it runs, and where it shows output, the
output is what reportx prints.

How each fenced block is run, in README order, in one sandbox folder that holds the bundled
`seeds/`, `rules/` and `tests/` (links to the checkout) and the example files of
`docs/examples/` (test-2024.txt):

- ```python: executed like a notebook cell: each expression's value is kept, and a `# literal`
  comment after an expression is checked against its value; a ```text block right after it
  is the output (its lines, spaces collapsed, must appear in order in the values shown);
- ```bash: each line that starts with `reportx` runs (`| head -N` is understood); the install
  and test lines of the quick start are CI's job (.ci/run runs them); a ```json block right
  after is the last command's output, compared field by field;
- ```console: `$ reportx …` lines run; the lines under one are its output (stdout, then
  stderr). Compared with runs of spaces and of ─ collapsed and timings (0.3 s) ignored; a `...`
  line skips any number of lines, `…` inside a line any text; the README may show only the first
  lines of an output;
- ```yaml (or any block) whose first line is `# path/file.ext`: that file, written into the
  sandbox before any snippet runs.

Commands run in-process through Typer's CliRunner (fast); anything else in a line runs in bash.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from conftest import ROOT
from reportx.cli import app

README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
FENCE = re.compile(r"^( *)```(\w*)\s*$")
runner = CliRunner()


@dataclass
class Block:
    lang: str
    body: str
    line: int                  # 1-based line of the opening fence
    output: "Block | None" = None  # a text/json block right after a code block


def blocks(text: str) -> list[Block]:
    """The fenced blocks, each code block with the output block that follows it directly."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, lang, start = len(m.group(1)), m.group(2), i
        body = []
        i += 1
        while i < len(lines) and not FENCE.match(lines[i]):
            body.append(lines[i][indent:])
            i += 1
        found.append(Block(lang, "\n".join(body), start + 1))
        i += 1
    for prev, cur in zip(found, found[1:]):
        between = lines[prev.line + prev.body.count("\n") + 2:cur.line - 1]  # after its fence
        if prev.lang in ("python", "bash") and cur.lang in ("text", "json") and \
                not "".join(between).strip():
            prev.output = cur
    return found


ALL = blocks(README)
OUTPUTS = {id(b.output) for b in ALL if b.output}
RUNNABLE = [b for b in ALL if id(b) not in OUTPUTS]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    # a checkout beside the shared folder, as the repository stands (../shared/corpus)
    root = tmp_path_factory.mktemp("readme") / "checkout"
    root.mkdir()
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (root.parent / "shared").symlink_to(shared, target_is_directory=True)
    for name in ("seeds", "rules", "tests", "scripts"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    # docs/ is copied, not linked: a snippet that writes docs/panel-hailar.png writes a copy
    shutil.copytree(ROOT / "docs", root / "docs")
    for example in sorted((ROOT / "docs" / "examples").glob("*")):
        shutil.copy(example, root / example.name)
    for block in ALL:  # the files the README shows (my_rules/livestock.yaml), for any snippet
        _write_named_file(block, root)
    return root


def normal(line: str) -> str:
    """A line with runs of spaces and of ─ collapsed and timings blanked."""
    line = re.sub(r"─+", "─", line)
    line = re.sub(r"\b\d+(\.\d+)? s\b", "N s", line)
    return " ".join(line.split())


def same_line(expected: str, actual: str) -> bool:
    if "…" not in expected:
        return expected == actual
    pos = 0
    for part in expected.split("…"):
        found = actual.find(part, pos)
        if found < 0:
            return False
        pos = found + len(part)
    return True


def assert_shows(expected: str, actual: str, where: str) -> None:
    """The expected lines, in order, from the start of the actual ones (`...` skips lines)."""
    want = [normal(x) for x in expected.splitlines() if x.strip()]
    have = [normal(x) for x in actual.splitlines() if x.strip()]
    pos = 0
    skipping = False
    for line in want:
        if line == "...":
            skipping = True
            continue
        if skipping:
            while pos < len(have) and not same_line(line, have[pos]):
                pos += 1
            skipping = False
        assert pos < len(have) and same_line(line, have[pos]), (
            f"{where}: expected {line!r}, got {have[pos] if pos < len(have) else '(the end)'!r}\n"
            f"--- output ---\n{actual}")
        pos += 1


# Output of a command that writes no file, by its words: the README shows some commands twice
# (a block of examples, then one of them with its output), and they need to run only once.
_SEEN: dict[tuple, object] = {}
_WRITES = ("-o", "--output", "--plot")


def _invoke(words: list[str]):
    key = tuple(words)
    if any(w in _WRITES or w.startswith("--output=") for w in words):
        return runner.invoke(app, words, env=ENV)
    if key not in _SEEN:
        _SEEN[key] = runner.invoke(app, words, env=ENV)
    return _SEEN[key]


def reportx(command: str) -> str:
    """Run one `reportx …` command line; stdout then stderr."""
    piped = re.fullmatch(r"(.*?)\|\s*head -(\d+)\s*", command)
    words = shlex.split(piped.group(1) if piped else command, comments=True)
    if words[0] == "reportx" and all(w not in ("|", ">", "<", "&&", ";") for w in words):
        result = _invoke(words[1:])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == 0, f"{command}: exit {result.exit_code}\n{result.output}"
        out = result.stdout
        if piped:
            out = "".join(out.splitlines(keepends=True)[:int(piped.group(2))])
        return out + result.stderr
    bin_dir = Path(sys.executable).parent
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **ENV, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert proc.returncode == 0, f"{command}: exit {proc.returncode}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def _write_named_file(block: Block, root: Path) -> bool:
    """A block whose first line is `# path/file.ext` is that file's content."""
    first = block.body.splitlines()[0] if block.body else ""
    m = re.fullmatch(r"#\s*([\w./-]+\.\w+)\s*", first)
    if not m or block.lang in ("bash", "console", "python"):
        return False
    path = root / m.group(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(block.body + "\n", encoding="utf-8")
    return True


def run_python(block: Block) -> None:
    import pandas as pd

    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", None)
    import contextlib
    import io

    namespace: dict = {"__name__": "__readme__"}
    shown = []
    tree = ast.parse(block.body)
    lines = block.body.splitlines()
    for node in tree.body:
        code = ast.Module(body=[node], type_ignores=[])
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):  # what print() shows is output too
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), "README", "eval"), namespace)
            else:
                exec(compile(code, "README", "exec"), namespace)
                value = None
        if printed.getvalue():
            shown.append(printed.getvalue())
        if isinstance(node, ast.Expr):
            if value is not None:
                shown.append(value.to_string() if hasattr(value, "to_string") else repr(value))
            _check_literal_comment(lines[node.end_lineno - 1], value, block)
    if block.output is not None:
        assert_shows_in_order(block.output.body, "\n".join(shown), f"README.md:{block.line}")


def _check_literal_comment(line: str, value, block: Block) -> None:
    """`expr  # ('0.1％', 0.1, 'gdp')`: the comment, when it is a literal, is the value."""
    if "#" not in line:
        return
    comment = line[line.index("#") + 1:].strip()
    try:
        expected = ast.literal_eval(comment)
    except (ValueError, SyntaxError):
        return
    assert value == expected, f"README.md:{block.line}: {line.strip()} gives {value!r}"


def assert_shows_in_order(expected: str, actual: str, where: str) -> None:
    """Each expected line (spaces collapsed) appears among the actual lines, in order."""
    have = [normal(x) for x in actual.splitlines() if x.strip()]
    pos = 0
    for line in (normal(x) for x in expected.splitlines() if x.strip()):
        while pos < len(have) and have[pos] != line:
            pos += 1
        assert pos < len(have), f"{where}: {line!r} is not shown\n--- shown ---\n{actual}"
        pos += 1


# Commands that install reportx or run the test suite: CI's job (.ci/run), not a snippet's.
SETUP = re.compile(r"^(python3? -m venv|\.venv/bin/|pip install|bash scripts/setup\.sh)|\bpytest\b")


def commands(body: str):
    """The block's commands: a line, or lines joined while a quote is open or a line ends in \\."""
    pending = ""
    for line in body.splitlines():
        pending = f"{pending}\n{line}" if pending else line
        if pending.rstrip().endswith("\\"):
            continue
        try:
            words = shlex.split(pending, comments=True)
        except ValueError:  # an open quote: the command goes on
            continue
        if words:
            yield pending
        pending = ""


def run_bash(block: Block) -> None:
    out = None
    for command in commands(block.body):
        if SETUP.search(command):
            continue
        out = reportx(command)
    if block.output is not None and block.output.lang == "json":
        assert out is not None, f"README.md:{block.line}: no command for the JSON below it"
        expected = json.loads(block.output.body)
        got = json.loads(out.splitlines()[0])
        assert {k: got.get(k) for k in expected} == expected and list(got) == list(expected), \
            f"README.md:{block.output.line}: the JSON differs\n{json.dumps(got, ensure_ascii=False)}"


def run_console(block: Block) -> None:
    command, expected = None, []

    def check():
        if command is not None:
            assert_shows("\n".join(expected), reportx(command), f"README.md:{block.line} $ {command}")
    for line in block.body.splitlines():
        if line.startswith("$ "):
            check()
            command, expected = line[2:], []
        else:
            expected.append(line)
    check()


@pytest.mark.parametrize("block", RUNNABLE, ids=lambda b: f"line{b.line}-{b.lang or 'plain'}")
def test_readme_snippet_runs(block, sandbox, monkeypatch):
    monkeypatch.chdir(sandbox)
    if block.lang == "python":
        run_python(block)
    elif block.lang == "bash":
        run_bash(block)
    elif block.lang == "console":
        run_console(block)


def _commands():
    group = typer.main.get_group(app)
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, cmd


def test_every_command_is_in_the_readme_with_help():
    for name, cmd in _commands():
        assert f"reportx {name}" in README, f"`reportx {name}` is not in README.md"
        assert (cmd.help or "").strip(), f"`reportx {name}` has no help text"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in README
    assert ".venv/bin/python -m pytest" in ci
    assert "reportx compare guigang yulin" in README and "reportx compare guigang yulin" in ci


def test_the_readme_documents_the_command_line_habits():
    for words in ("reportx --version", "--install-completion", "reportx extract -", "-o -",
                  "reportx.find_report", "reportx.extract_file"):
        assert words in README, f"README.md does not mention {words}"
