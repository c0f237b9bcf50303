"""Where the bundled rule files and reports live: inside the installed package (wheel) or at the
top of a source checkout (editable install, running from the tree)."""
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    packaged = _PKG / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PKG.parent.parent / name  # src/reportx -> checkout root


def rules_dir() -> Path:
    return _data_dir("rules")


def seeds_dir() -> Path:
    return _data_dir("seeds")
