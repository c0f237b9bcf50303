"""Targets against outcomes, across places and years: the panel view.

    >>> import reportx
    >>> rows = reportx.panel(["../shared/corpus/hailar-2015.txt",
    ...                       "../shared/corpus/hailar-2016.txt"])   # doctest: +SKIP
    >>> rows.loc[rows.indicator_id == "gdp", ["year", "target_display", "actual_display", "met"]]  # doctest: +SKIP

`panel(sources)` returns the long DataFrame of CONTRACT.md ("Panel rows"); `build_panel` returns
the Panel behind it (the reports used, those left out, the warnings). build.py lines compare's
cells up by place and year; met.py holds the gap and met rule; reports.py which report stands for
which place and year; wide.py, workbook.py and plot.py are the views of the long table.
"""
from __future__ import annotations

from reportx.views.panel.build import Panel, build_panel, panel_of, select


def panel(sources, *, rules=None, include_all: bool = False):
    """The long panel of many reports: one row per (place, indicator, unit, year).

    sources: Documents (from `load`), paths, or report texts, in any order and of any places.
    rules: a RuleSet from `load_rules` (default: the bundled rules).
    include_all: every catalog indicator two or more reports name, not only headline ones.

    Two reports of one place and year: the later one given wins, with a UserWarning; the
    warnings are also in `rows.attrs["warnings"]`.
    """
    import warnings

    result = build_panel(sources, rules=rules, include_all=include_all)
    for message in result.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    result.rows.attrs["warnings"] = list(result.warnings)
    return result.rows


__all__ = ["Panel", "build_panel", "panel", "panel_of", "select"]
