"""Help pages: typer's rich help (panels, colour, wrapped to the terminal, Chinese measured in
terminal cells), with each docstring paragraph's lines joined as Markdown would join them, at a
fraction of Markdown's start-up cost.

typer's `markdown` markup mode joins a paragraph's lines (so the help wraps to the terminal,
not to the source's line breaks) but parses every help text with markdown_it; its `rich` mode
keeps single line breaks. So the commands run in `rich` mode and their help texts are made
what Markdown would have shown (`paragraphs`): lines joined, `code` in Markdown's code style.

`typer.rich_utils` imports `rich.markdown` (markdown_it, pygments) and `rich.traceback` at its
top whatever the mode, about 40 ms of a 150 ms `reportx --help`; in rich mode, with typer's
pretty tracebacks off, it never uses them. `import_rich_utils` imports it with stand-ins for
those two names that import the real class if they are ever used.

The rest of a help page's start-up: typer and click, rich's console and tables, building every
command from its signature, rendering. For the signatures, the command modules do without
`from __future__ import annotations`: typer evaluates string annotations anew (twice per
command) at every start, where plain ones are evaluated once, from the cached bytecode.
"""
from __future__ import annotations

import importlib
import inspect
import re
import sys

import typer
from typer.core import TyperCommand, TyperGroup

# A Markdown code span, and what rich markup would take for a tag ([bold], [/], [link=…]):
# the second is escaped so that a help text's brackets print as written.
_CODE = re.compile(r"`([^`\n]+)`")
_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# What typer.rich_utils imports and, in rich mode, does not use: module → names.
_UNUSED = {"rich.markdown": ("Markdown",), "rich.traceback": ("Traceback",)}


def paragraphs(text: str | None) -> str | None:
    """A help text for rich markup: each paragraph on one line, `code` styled as Markdown shows
    it, rich markup's brackets escaped.

    >>> paragraphs("Every claim of the\\nreports.\\n\\nSee `reportx eval`.")
    'Every claim of the reports.\\n\\nSee [markdown.code]reportx eval[/].'
    """
    if not text:
        return text
    out = []
    for para in re.split(r"\n\s*\n", inspect.cleandoc(text)):
        line = " ".join(part.strip() for part in para.splitlines())
        pieces = _CODE.split(line)   # text, code, text, code, …
        out.append("".join(_escape(p) if i % 2 == 0 else f"[markdown.code]{_escape(p)}[/]"
                           for i, p in enumerate(pieces)))
    return "\n\n".join(out)


def _escape(text: str) -> str:
    """rich.markup.escape, without importing rich at every start."""
    text = _TAG.sub(lambda m: f"{m.group(1)}{m.group(1)}\\{m.group(2)}", text)
    return text + "\\" if text.endswith("\\") and not text.endswith("\\\\") else text


class _Deferred(type):
    """A stand-in for a class that imports the real one the first time it is used."""

    def _real(cls):
        return getattr(importlib.import_module(cls._module), cls.__name__)

    def __call__(cls, *args, **kwargs):
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, name):
        return getattr(cls._real(), name)

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls._real())


def import_rich_utils():
    """typer.rich_utils, imported with stand-ins for the modules of `_UNUSED` (see above)."""
    if "typer.rich_utils" in sys.modules:
        return sys.modules["typer.rich_utils"]
    placed = {}
    for module, names in _UNUSED.items():
        if module not in sys.modules:
            stand_in = type(sys)(module)
            for name in names:
                setattr(stand_in, name, _Deferred(name, (), {"_module": module}))
            placed[module] = sys.modules[module] = stand_in
    try:
        import typer.rich_utils

        return typer.rich_utils
    finally:
        # only typer.rich_utils holds the stand-ins: anyone else importing these gets the real
        for module, stand_in in placed.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


class _Help:
    """Help that reads as Markdown would show it (its own and its parameters'), with typer's
    rich help imported the cheap way."""

    def __init__(self, *args, help: str | None = None, **kwargs):   # noqa: A002 (click's name)
        super().__init__(*args, help=paragraphs(help), **kwargs)
        for param in self.params:
            if getattr(param, "help", None):
                param.help = paragraphs(param.help)

    def format_help(self, ctx, formatter) -> None:
        import_rich_utils()
        super().format_help(ctx, formatter)


class HelpCommand(_Help, TyperCommand):
    """A command, with _Help's help."""


class HelpGroup(_Help, TyperGroup):
    """A group of commands, with _Help's help."""


def use_help_classes(app: typer.Typer) -> None:
    """Every command and sub-group of app (registered by now) gets the classes above; app's own
    group gets HelpGroup from `typer.Typer(cls=HelpGroup)`."""
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):    # typer's default: a command asked for no class
            info.cls = HelpCommand
    for group in app.registered_groups:
        group.cls = HelpGroup
        use_help_classes(group.typer_instance)
