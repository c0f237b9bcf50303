"""A font that draws Chinese, for the panel's charts.

matplotlib's default (DejaVu Sans) has no CJK glyphs and draws boxes (tofu) instead, with only
a warning. So the font is resolved before drawing and checked to hold the glyphs the chart needs;
with none, the chart is not drawn and the error says what to install. REPORTX_FONT=FILE picks a
font file; else the first installed family of CJK_FAMILIES (the usual Linux, macOS and Windows
CJK fonts; Debian/Ubuntu: `apt-get install fonts-wqy-microhei` or `fonts-noto-cjk`).
"""
from __future__ import annotations

import os
from pathlib import Path

from reportx.errors import OutputError

CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
                "Source Han Sans CN", "WenQuanYi Zen Hei", "Droid Sans Fallback", "PingFang SC",
                "Hiragino Sans GB", "Heiti SC", "STHeiti", "Microsoft YaHei", "SimHei",
                "AR PL UMing CN", "AR PL UKai CN")
# Characters every panel chart draws; a font lacking one of them would draw a box.
PROBE = "海拉尔区地区生产总值目标实际年"
INSTALL_HINT = ("install a Chinese font (Debian/Ubuntu: apt-get install fonts-wqy-microhei) "
                "or set REPORTX_FONT=/path/to/font.ttf")


def cjk_font(text: str = "") -> Path:
    """The file of a font that holds every character of PROBE and text; OutputError if none."""
    from matplotlib import font_manager

    wanted = {ch for ch in PROBE + text if ord(ch) > 0x2E80}
    own = os.environ.get("REPORTX_FONT")
    if own:
        path = Path(own)
        if not path.is_file():
            raise OutputError(f"REPORTX_FONT={own}: no such font file")
        missing = _missing(path, wanted)
        if missing:
            raise OutputError(f"REPORTX_FONT={own}: the font cannot draw {''.join(sorted(missing))}")
        return path
    by_family = {}
    for entry in font_manager.fontManager.ttflist:
        by_family.setdefault(entry.name, entry.fname)
    for family in CJK_FAMILIES:
        fname = by_family.get(family)
        if fname and not _missing(Path(fname), wanted):
            return Path(fname)
    raise OutputError(f"no installed font can draw Chinese for the chart; {INSTALL_HINT}")


def _missing(path: Path, chars: set[str]) -> set[str]:
    """The characters the font at path has no glyph for (all of them if it cannot be read)."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(str(path))
    except (OSError, RuntimeError, ValueError):
        return set(chars) or {"?"}
    return {ch for ch in chars if font.get_char_index(ord(ch)) == 0}
