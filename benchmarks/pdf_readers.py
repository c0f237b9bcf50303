"""PDF text extraction: pypdf against pdfium (pypdfium2), on PDFs made here from the bundled
reports, and the time of reportx's whole PDF reader.

The PDFs are typeset with fpdf2 in a real CJK font (embedded subset with a ToUnicode map, as Word
and WPS export them): each paragraph indented two characters, its lines filled to the margin, a
page number in the footer. fpdf2 is needed only here: `.venv/bin/pip install fpdf2`.

    .venv/bin/python benchmarks/pdf_readers.py [--font FILE.ttf|.ttc] [--runs 5]

For each size it prints the median seconds of pypdf's extract_text, of pdfium's raw text, and of
reportx's pdf_text (pdfium's text plus glyph positions, furniture, paragraphs); how much of the
source's Chinese text each recovers in order; and how many of the source's paragraphs reportx
gives back whole, as one line each (spaces aside).
"""
from __future__ import annotations

import argparse
import difflib
import io
import re
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u9fff]")


def find_font() -> str:
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
    fonts = sorted(line.split(":")[0] for line in out.splitlines() if line.strip())
    if not fonts:
        sys.exit("no CJK font found: give one with --font")
    # the one scripts/setup.sh installs, where there: a heavier font (Noto CJK) makes a PDF that
    # takes pdfium three times as long, so figures from machines with other fonts would not compare
    return next((f for f in fonts if "wqy-microhei" in f), fonts[0])


def paragraphs() -> list[str]:
    out = []
    for name in ("guigang-2024.txt", "yulin-2024.txt"):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        out += [ln.strip(" \u3000") for ln in text.splitlines() if ln.strip(" \u3000")]
    return out


def make_pdf(paras: list[str], font: str) -> bytes:
    """Each paragraph broken greedily to the column width (so a line ends within a character of
    the margin, as a justifying typesetter ends it exactly), its first line indented two
    characters; a page number in each footer."""
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    size, leading = 12, 7  # pt, mm
    pdf = Report(unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=font)
    pdf.set_font("cjk", size=size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    indent = 2 * size * 25.4 / 72
    pdf.add_page()
    y = pdf.t_margin + leading
    for para in paras:
        line, x0 = "", indent
        lines = []
        for ch in para:
            if pdf.get_string_width(line + ch) > width - x0:
                lines.append((line, x0))
                line, x0 = "", 0.0
            line += ch
        lines.append((line, x0))
        for text, x in lines:
            if y > pdf.h - 25:  # mm: the footer sits below
                pdf.add_page()
                y = pdf.t_margin + leading
            pdf.text(pdf.l_margin + x, y, text)
            y += leading
    return bytes(pdf.output())


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def reportx_text(data: bytes) -> str:
    from reportx.readers.pdf import pdf_text

    return pdf_text(data, "bench.pdf")


def median_seconds(fn, data: bytes, runs: int) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        out = fn(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def han_recovered(source: str, text: str) -> float:
    """Share of the source's Chinese characters found in order (1.0: all of them, none added)."""
    a, b = HAN.findall(source), HAN.findall(text)
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), len(b))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--font", default=None)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    font = args.font or find_font()
    warnings.simplefilter("ignore")
    base = paragraphs()
    print(f"font: {font}")
    print(f"{'pages':>5} {'MB':>5} {'pypdf_s':>8} {'pdfium_s':>8} {'reportx_s':>9} {'ratio':>6}  "
          f"{'han_pypdf':>9} {'han_pdfium':>10} {'han_reportx':>11} {'whole_paras':>11}")
    for copies in (1, 4, 16):
        paras = base * copies
        data = make_pdf(paras, font)
        pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
        t_pypdf, out_pypdf = median_seconds(pypdf_text, data, args.runs)
        t_pdfium, out_pdfium = median_seconds(pdfium_text, data, args.runs)
        t_reportx, out_reportx = median_seconds(reportx_text, data, args.runs)
        source = "\n".join(paras)
        # spaces aside: reportx drops an ASCII space between two Chinese characters in a PDF
        lines = {ln.replace(" ", "") for ln in out_reportx.splitlines()}
        whole = sum(p.replace(" ", "") in lines for p in paras) / len(paras)
        print(f"{pages:>5} {len(data) / 1e6:>5.2f} {t_pypdf:>8.3f} {t_pdfium:>8.3f} {t_reportx:>9.3f} "
              f"{t_pypdf / t_pdfium:>6.1f}  {han_recovered(source, out_pypdf):>9.4f} "
              f"{han_recovered(source, out_pdfium):>10.4f} {han_recovered(source, out_reportx):>11.4f} "
              f"{whole:>11.3f}")


if __name__ == "__main__":
    main()
