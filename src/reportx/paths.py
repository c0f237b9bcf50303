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


def user_cache_dir() -> Path:
    """reportx's per-user cache folder ($XDG_CACHE_HOME/reportx, else ~/.cache/reportx): things
    worth keeping between runs (jieba's word index, parsed rule files). Nothing in it is needed:
    where it cannot be written, everything is computed again."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportx"
