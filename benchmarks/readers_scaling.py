"""Readers on big inputs: seconds and peak memory per MB of input, for plain text (GB18030 with
lone CRs), a saved HTML page, a .docx and an OFD (a text object a glyph, the costlier of the
producers' two ways; its size is its XML's), from 1 to 64 MB. Linear means flat per-MB figures.

    .venv/bin/python benchmarks/readers_scaling.py [--sizes 1,4,16,64] [--kinds text,html,docx,ofd]

Each reading runs in a fresh child process (`read_text` on a file written beforehand) that reports
its own peak RSS (VmHWM, Linux); the figure includes the interpreter and the reader's imports
(15-40 MB), which is why the 1 MB rows read high per MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "guigang-2024.txt").read_text(encoding="utf-8")
PARAS = [ln.strip(" \u3000") for ln in SEED.splitlines() if ln.strip(" \u3000")]
CHILD = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
from reportx.readers.loading import read_text
start = time.perf_counter()
text = read_text(sys.argv[1])
seconds = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux carries the parent's ru_maxrss into a child across exec
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "chars": len(text)}))
"""


def text_bytes(mb: int) -> bytes:
    unit = SEED.replace("\n", "\r").encode("gb18030")
    return unit * max(1, mb * 2**20 // len(unit))


def html_bytes(mb: int) -> bytes:
    menu = "<ul>" + "".join(f"<li><a href='/c{i}'>栏目{i}</a></li>" for i in range(200)) + "</ul>"
    body = "".join(f"<p>{p}</p>\n" for p in PARAS).encode()
    copies = max(1, mb * 2**20 // len(body))
    return (f"<html><head><meta charset='utf-8'></head><body>{menu}<div class='article'>".encode()
            + body * copies + f"</div>{menu}</body></html>".encode())


def docx_bytes(mb: int) -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from readers_fixtures import document_xml, make_docx, p

    body = "".join(p(x) for x in PARAS)
    copies = max(1, mb * 2**20 // len(body.encode()))
    return make_docx(document=document_xml(body * copies).encode())


def ofd_pages(copies: int) -> list[list]:
    """The report's paragraphs typeset on pages of about 30 lines, `copies` times over."""
    sys.path.insert(0, str(ROOT / "tests"))
    from readers_fixtures import wrap

    pages, page = [], []
    for _ in range(copies):
        for para in PARAS:
            page.append(wrap(para))
            if sum(len(lines) for lines in page) > 30:
                pages.append(page)
                page = []
    return pages + [page] if page else pages


def ofd_bytes(mb: int) -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from readers_fixtures import make_ofd

    one = _xml_size(make_ofd(ofd_pages(1), per_glyph=True))
    return make_ofd(ofd_pages(max(1, mb * 2**20 // one)), per_glyph=True)


def _xml_size(data: bytes) -> int:
    import io
    import zipfile

    return sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())


MAKERS = {"text": (text_bytes, ".txt"), "html": (html_bytes, ".html"), "docx": (docx_bytes, ".docx"),
          "ofd": (ofd_bytes, ".ofd")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,4,16,64")
    ap.add_argument("--kinds", default="text,html,docx,ofd")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'kind':>5} {'MB in':>6} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'peak/MB in':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            make, suffix = MAKERS[kind]
            for mb in sizes:
                # a .docx holds at most 64 MB of XML (its ZIP-bomb bound): stay under it
                data = make(mb if kind != "docx" else min(mb, 48))
                path = Path(tmp) / f"in{suffix}"
                path.write_bytes(data)
                size = (_xml_size(data) if kind == "ofd" else len(data) if kind != "docx" else
                        __import__("zipfile").ZipFile(path).getinfo("word/document.xml").file_size)
                out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                                     text=True, check=True)
                r = json.loads(out.stdout)
                mb_in = size / 2**20
                print(f"{kind:>5} {mb_in:>6.1f} {r['seconds']:>8.2f} {r['seconds'] / mb_in:>6.3f} "
                      f"{r['peak_mb']:>8.0f} {r['peak_mb'] / mb_in:>10.1f}")


if __name__ == "__main__":
    main()
