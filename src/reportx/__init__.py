"""reportx: numeric claims from Chinese government work reports (政府工作报告), as tables.

One entry per kind of input (a string is never taken for a file name):

    >>> import reportx
    >>> claims = reportx.extract("一、2023年工作回顾\\n地区生产总值增长0.1％。")   # text
    >>> (claims[0].surface, claims[0].value, claims[0].unit, claims[0].indicator_id)
    ('0.1％', 0.1, '%', 'gdp')
    >>> path = reportx.find_report("guigang")          # a bundled report by name → its Path
    >>> len(reportx.extract(path)) > 200               # a file: a Path, or extract_file(str)
    True

Names are imported lazily so that `import reportx` (and the CLI's start-up) stays cheap;
`dir(reportx)` and `help(reportx)` list them all.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

# public name → the module (below reportx) that defines it
_EXPORTS = {
    "Claim": "engine.claim", "CLAIM_FIELDS": "engine.claim", "to_frame": "engine.claim",
    "Document": "engine.document",
    "extract": "extraction", "extract_file": "extraction", "extract_document": "extraction",
    "load": "extraction", "load_text": "extraction", "load_bytes": "extraction",
    "find_report": "extraction",
    "load_rules": "engine.ruleset", "RuleSet": "engine.ruleset",
    "compare": "views.comparison", "panel": "views.panel",
    "evaluate": "views.evaluation",
    "ReportxError": "errors", "InputError": "errors", "RuleError": "errors",
    "RuleTimeout": "errors", "OutputError": "errors", "ReportxWarning": "errors",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value  # resolved once
        return value
    raise AttributeError(f"module 'reportx' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
