"""reportx: numeric claims from Chinese government work reports (政府工作报告), as tables.

    >>> import reportx
    >>> claims = reportx.extract("一、2023年工作回顾\\n地区生产总值增长0.1％。")
    >>> (claims[0].surface, claims[0].value, claims[0].unit, claims[0].indicator_id)
    ('0.1％', 0.1, '%', 'gdp')

Names are imported lazily so that `import reportx` (and the CLI's start-up) stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "Claim": "engine.claim", "CLAIM_FIELDS": "engine.claim", "to_frame": "engine.claim",
    "Document": "engine.document",
    "extract": "extraction", "extract_document": "extraction", "load": "extraction",
    "load_rules": "engine.ruleset", "RuleSet": "engine.ruleset",
    "compare": "views.comparison", "panel": "views.panel",
    "evaluate": "views.evaluation",
    "ReportxError": "errors", "InputError": "errors", "RuleError": "errors",
    "RuleTimeout": "errors", "OutputError": "errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        import importlib

        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'reportx' has no attribute {name!r}")
