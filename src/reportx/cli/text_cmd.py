"""`reportx text`: the text reportx reads from a report, so offsets can be checked against it."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, guarded


@app.command()
@guarded
def text(
    name: Annotated[str, typer.Argument(
        help="a report file (text, HTML, Word, .odt, .rtf, PDF), a bundled name, or - for stdin")],
    span: Annotated[Optional[str], typer.Option(
        "--span", help="print only text[START:END], e.g. --span 279:283 (a claim's start and end)")] = None,
    corpus: CorpusOpt = None,
) -> None:
    """Print the text reportx extracts from a report: the decoded file without its BOM, or the
    main text of an HTML page, Word file, .odt, .rtf or PDF. Claim offsets (start, end) index into exactly this.

    Example: reportx text page.html --span 279:283
    """
    from reportx.cli.common import one_report, report_text

    body = report_text(one_report(name, corpus))
    if span is not None:
        body = body[_span(span, len(body))]
    out = body if body.endswith("\n") or not body else body + "\n"
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:  # UTF-8 whatever the locale says
        sys.stdout.flush()
        stream.write(out.encode("utf-8"))
        stream.flush()
    else:
        sys.stdout.write(out)


def _span(spec: str, length: int) -> slice:
    from reportx.errors import InputError

    try:
        a, b = spec.split(":")
        start = int(a) if a.strip() else 0
        end = int(b) if b.strip() else length
    except ValueError:
        raise InputError(f"--span {spec}: give START:END, e.g. 279:283") from None
    if not (0 <= start <= end <= length):
        raise InputError(f"--span {spec}: outside the text (0:{length})")
    return slice(start, end)
