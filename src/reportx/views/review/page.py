"""The one self-contained HTML file: the template, its stylesheet and script (package data files
in assets/) and the report's data, inlined. No file, font or script is fetched from anywhere."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib.resources import files

ASSETS = ("page.html", "review.css", "review.js")
_TOKEN = re.compile(r"@@([A-Z]+)@@")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return (files("reportx.views.review") / "assets" / name).read_text(encoding="utf-8")


def script_json(data) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` is left to end it early
    (`</script>` or `<!--` in a report's text), each written as its \\u escape, which JSON reads back."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(payload: dict, title: str) -> str:
    """The page for a payload (see payload.py). Tokens are replaced in the template only, so
    nothing inserted (a report could contain `@@DATA@@`) is read as a token."""
    values = {"TITLE": html.escape(title), "CSS": asset("review.css"), "JS": asset("review.js"),
              "DATA": script_json(payload)}
    parts = _TOKEN.split(asset("page.html"))
    # split() alternates text and token names: odd positions are the names
    return "".join(values[p] if i % 2 else p for i, p in enumerate(parts))
