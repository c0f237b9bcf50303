"""Reports side by side: the same indicator, period and kind from each report, in one row.

`compare(sources)` returns the long form of CONTRACT.md ("Comparison rows"): one row per
(indicator, unit, period, kind, report). `wide_table(rows)` turns it into the table people read:
one row per indicator, measure and period, one column per report, each cell as the report writes
it (`5%左右`, `+0.1%`, `-8.8%`, `149.3万吨`).

Which rows: the catalog's headline indicators (rules/indicators.yaml, `headline: true`), in
catalog order, grouped by kind (achieved results, then targets) and period. `include_all` adds
every other indicator that two or more of the reports name, by catalog id or by the same
indicator phrase as written (脱贫人口人均纯收入, 改造老旧小区).

One report may state a figure twice (the headline in the opening paragraph, a repeat in its
section). The cell shows one: a target stated in the 主要预期目标 paragraph, else the earliest in
the document. The row's `mentions` counts them all and `Comparison.cells` keeps every one, so
nothing is lost.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

import regex

from reportx.engine.claim import Claim, to_frame
from reportx.engine.context_words import compile_words
from reportx.engine.document import Document, build_document, fold
from reportx.engine.indicators import series_words
from reportx.engine.periods import last_part_of_year
from reportx.engine.phrases import split_gap, strip_words

# The columns of a comparison row (CONTRACT.md), then the extras that tell where it came from.
ROW_FIELDS: tuple[str, ...] = ("indicator_id", "indicator", "period", "kind", "doc", "city",
                               "value", "unit", "qualifier", "direction", "value_high", "display")
EXTRA_FIELDS: tuple[str, ...] = ("phrase", "surface", "sentence", "start", "end", "mentions",
                                  "stretch_value", "stretch_qualifier", "stretch_display")
# The wide table's row key columns, before one column per report.
WIDE_KEYS: tuple[str, ...] = ("indicator_id", "indicator", "unit", "period", "kind")

# Rates: their sign comes from the direction (+0.1%, -8.8%). A level (149.3万吨) has none.
RATE_UNITS = ("%", "pp", "x")
_HAN = regex.compile(r"\p{Han}")
# Row order within an indicator: rates before levels, then CONTRACT.md's unit table order.
UNIT_ORDER = ("%", "pp", "x", "CNY", "person", "person_time", "household", "mu", "hectare", "km",
              "km2", "t", "kW", "item", "rank", "year", "other")
# What a unit code is called in a row label when one indicator has rows in two units.
UNIT_NAMES = {"%": "%", "pp": "百分点", "x": "倍", "CNY": "元", "person": "人",
              "person_time": "人次", "household": "户", "mu": "亩", "hectare": "公顷",
              "km": "公里", "km2": "平方公里", "t": "吨", "kW": "千瓦", "item": "个数",
              "rank": "位次", "year": "年", "other": "其他"}
KIND_NAMES = {"actual": "实际", "target": "目标"}
# The qualifier word shown after the figure when the report's own word stands before it
# (约5% → 5%左右) or cannot be seen (claims built without their text).
QUALIFIER_SUFFIX = {"approx": "左右", "at_least": "以上", "at_most": "以内"}
# Indicator phrases shorter than this are verbs or fragments (总量, 项目, 连续, 全市) that name
# nothing by themselves; two reports sharing one says nothing.
MIN_SHARED_PHRASE = 4


@dataclass(frozen=True)
class Mention:
    """One statement of a figure: the claim and how it reads in a cell."""
    claim: Claim
    display: str


@dataclass(frozen=True)
class Row:
    """One line of the wide table: an indicator (catalog id or phrase), unit, period and kind."""
    ident: str                # catalog id, or the indicator phrase when the claim has none
    unit: str
    period: str | None
    kind: str | None
    indicator: str            # the catalog's name, or the phrase
    label: str                # 地区生产总值 · 2024 目标 (with the unit when the indicator has two)


@dataclass
class Comparison:
    """Everything `reportx compare` shows: the reports, their claims, the rows in order, and each
    cell's mentions (the one shown first, then any repeats in document order)."""
    documents: list[Document]                        # in the order given, keys made unique
    claims: dict[str, list[Claim]]                   # doc key → every claim of that report
    records: list[dict]                              # the long form's rows (ROW_FIELDS …)
    lines: list[Row] = field(default_factory=list)   # the wide table's rows, in order
    cells: dict[tuple[Row, str], list[Mention]] = field(default_factory=dict)  # (row, doc key)

    @property
    def keys(self) -> list[str]:
        return [d.key for d in self.documents]

    @cached_property
    def rows(self):
        """The long form as a pandas DataFrame, built when asked for: the table on a terminal
        needs no pandas (0.3 s to import)."""
        import pandas as pd

        frame = pd.DataFrame(self.records, columns=[*ROW_FIELDS, *EXTRA_FIELDS])
        frame["value"] = frame["value"].astype(float)
        frame["value_high"] = frame["value_high"].astype(float)
        frame["mentions"] = frame["mentions"].astype(int)
        frame.attrs["docs"] = list(self.keys)
        return frame

    def sources(self):
        """One row per report: where it came from and who delivered it."""
        import pandas as pd

        return pd.DataFrame([{"doc": d.key, "city": d.city, "year": d.year, "date": d.date,
                              "speaker": d.speaker, "title": d.title, "file": d.source,
                              "claims": len(self.claims.get(d.key, ()))}
                             for d in self.documents],
                            columns=["doc", "city", "year", "date", "speaker", "title", "file",
                                     "claims"])

    def all_claims(self):
        """Every claim of every compared report, the extract contract's columns."""
        return to_frame([c for d in self.documents for c in self.claims.get(d.key, ())])

    def wide(self, *, sentences: bool = False):
        return wide_table(self.rows, self.keys, sentences=sentences)


def compare(sources, *, rules=None, include_all: bool = False):
    """The long comparison frame of two or more reports (CONTRACT.md, "Comparison rows").

    sources: Documents (from `load`), paths, or report texts; one source alone is allowed.
    rules: a RuleSet from `load_rules` (default: the bundled rules).
    include_all: add every indicator two or more reports share, not only headline ones.

    `rows.attrs["docs"]` lists the reports in order, those without any row included.
    """
    return build_comparison(sources, rules=rules, include_all=include_all).rows


def build_comparison(sources, *, rules=None, include_all: bool = False,
                     relative: bool = False) -> Comparison:
    """Load and extract each source, then compare; see `compare`."""
    from reportx.engine.ruleset import load_rules
    from reportx.extraction import extract_document

    rs = rules or load_rules()
    documents = _documents(sources)
    claims = {d.key: extract_document(d, rs) for d in documents}
    return compare_with_rules(documents, claims, rs, include_all=include_all, relative=relative)


def compare_with_rules(documents, claims: dict[str, list[Claim]], rs, *, include_all: bool = False,
                       relative: bool = False) -> Comparison:
    """Compare claims already extracted (doc key → claims) with what a rule set says about
    comparing them: its catalog, qualifier words, main-targets words and list readings."""
    words = compile_words(rs)
    return compare_claims(documents, claims, catalog=rs.indicators,
                          qualifier_words=rs.context.get("qualifiers", {}).get("after", {}),
                          goal_words=tuple(rs.context.get("goal_paragraph_words", ())),
                          level_marks=tuple(rs.context.get("level_reached_marks", ())),
                          change_marks=tuple(rs.context.get("change_amount_marks", ())),
                          stretch_words=tuple(rs.context.get("stretch_target_words", ())),
                          include_all=include_all, ids_of=_joint_ids(rs), relative=relative,
                          part_of_year=_PartOfYear.for_rules(rs),
                          ratio_to_year=rs.context_patterns.get("ratio_to_year"),
                          # (a claim's name less its lead-in and verbs, as the engine reads
                          # names: 完成全区一般公共预算收入 → 一般公共预算收入)
                          bare_name=partial(strip_words, words=words), gap=words.gap_tail)


def _flows(catalog) -> frozenset[str]:
    """The catalog's indicators whose figure is itself a change: of one way only (农村贫困人口减少),
    or named as what was added (新增学位, 城镇新增就业)."""
    return frozenset(ind.id for ind in catalog if ind.direction or "新增" in ind.name)


def _joint_ids(rs):
    """A claim said of several indicators at once (游客人数、旅游收入均增长10%以上) fills each one's
    row: the ids of the items of its indicator phrase."""
    from reportx.engine.indicators import IndicatorMatcher

    matcher = IndicatorMatcher.for_rules(rs)

    def ids_of(c: Claim) -> list[str]:
        if not c.indicator or "、" not in c.indicator:
            return [c.indicator_id] if c.indicator_id else []
        return matcher.list_ids(c.indicator, c.unit, place=c.city) or (
            [c.indicator_id] if c.indicator_id else [])
    return ids_of


def compare_claims(documents, claims: dict[str, list[Claim]], *, catalog,
                   qualifier_words=None, goal_words=(), level_marks=(), change_marks=(),
                   stretch_words=(), include_all: bool = False,
                   ids_of=None, relative: bool = False, part_of_year=None,
                   ratio_to_year=None, bare_name=None, gap=None) -> Comparison:
    """Compare claims already extracted (doc key → claims); `catalog` is the list of indicators
    (RuleSet.indicators: id, name, headline) in catalog order; a target stated in a paragraph
    with one of `goal_words` (主要预期目标) is the headline one. `ids_of(claim)` lists every
    indicator a claim is about when one figure is said of several (default: its own id).
    `relative` lines reports up by their own year: each report's results for the year before it
    (period 上年) and its targets for its own year (period 今年), so reports of different years
    share rows; other periods are left out. `part_of_year` (a _PartOfYear) finds the figures
    about part of a year (前三季度), which fill no year's cell. `bare_name(name)` cuts a claim's
    name to the words the catalog would name it by (its lead-in and verbs dropped): a claim so
    named as the catalog names it is preferred in its cell (default: the name as it stands).
    `gap` finds, at the end of a points figure's name, what it is set against (高于全省): the cell
    shows it (高于全省1个百分点)."""
    keys = [d.key for d in documents]
    norms = {d.key: d.norm for d in documents}
    cities = {d.key: d.city for d in documents}
    order = {ind.id: i for i, ind in enumerate(catalog)}
    names = {ind.id: ind.name for ind in catalog}
    prefer = {ind.id: ind.prefer for ind in catalog if ind.prefer}
    named = {ind.id: (ind.name,) + tuple(ind.aliases) + tuple(ind.bare) for ind in catalog}
    headline = {ind.id for ind in catalog if ind.headline}
    flows = _flows(catalog)
    shared = _shared(claims, keys, headline) if include_all else set()

    years = {d.key: d.year for d in documents}
    cells: dict[tuple, list[Claim]] = {}
    first_seen: dict[str, tuple] = {}
    for di, key in enumerate(keys):
        for c in claims.get(key, ()):
            if c.span is not None:
                continue        # a five-year average or total is no year's figure
            if part_of_year is not None and part_of_year.covers(norms.get(key), c.start):
                continue        # nor is a figure for its first three quarters
            if c.unit == "%" and c.direction is None and ratio_to_year is not None \
                    and _ratio_to_year(ratio_to_year, norms.get(key), c.start):
                continue        # nor a ratio to a year before (是2019年的113.7%)
            period = _relative_period(c, years.get(key)) if relative else c.period
            if relative and period is None:
                continue
            idents = ids_of(c) if ids_of and c.indicator_id else [_ident(c)]
            for ident in idents:
                if ident is None or not (ident in headline or ident in shared):
                    continue
                first_seen.setdefault(ident, (di, c.start))
                cells.setdefault(((ident, c.unit, period, c.kind), key), []).append(c)

    def indicator_rank(ident: str):
        if ident in headline:
            return (0, order[ident], ())
        if ident in order:
            return (1, order[ident], ())
        return (2, 0, first_seen[ident])

    def row_rank(row):
        ident, unit, period, kind = row
        kind_rank = {"actual": 0, "target": 1}.get(kind, 2)
        return (kind_rank, period is None, str(period or ""), indicator_rank(ident),
                UNIT_ORDER.index(unit) if unit in UNIT_ORDER else len(UNIT_ORDER), unit)

    ordered = sorted({row for row, _ in cells}, key=row_rank)
    units_of: dict[tuple, set] = {}
    for ident, unit, period, kind in ordered:
        units_of.setdefault((ident, period, kind), set()).add(unit)
    lines, shown, records = [], {}, []
    for ident, unit, period, kind in ordered:
        indicator = names.get(ident, ident)
        row = Row(ident, unit, period, kind, indicator,
                  row_label(indicator, unit, period, kind,
                            with_unit=len(units_of[(ident, period, kind)]) > 1))
        lines.append(row)
        for key in keys:
            found = cells.get(((ident, unit, period, kind), key))
            if not found:
                continue
            # (the catalog's preferred series counts only where one of the cell's claims is it)
            series = prefer.get(ident, ())
            if not any(_series_words(o, series) for o in found):
                series = ()
            # (read in the folded, simplified copy: the rules' words are simplified, 預期目標 is
            # 预期目标; offsets are the same)
            # (so does a name the catalog has, where one of the cell's claims is so named)
            plain = {c.start: (bare_name or str)(c.indicator or "") in named.get(ident, ())
                     for c in found}
            if not any(plain.values()):
                plain = {}
            found = sorted(found, key=lambda c: _preference(c, norms.get(key), goal_words, series,
                                                            plain))
            # (a flow's figure is the change itself: 农村贫困人口减少0.8万人, 学位增加1.2万个 keep no sign)
            signed = () if ident in flows else change_marks
            said = [Mention(c, _against(c, gap) + display(c, norms.get(key), qualifier_words,
                                                          level_marks, signed))
                    for c in found]
            c = found[0]
            shown_as = said[0].display
            stretch = _stretch(said, norms.get(key), stretch_words) if kind == "target" else None
            if stretch is not None:
                # (the upper tier is part of the first's statement: shown in its cell, not listed
                # as a restatement)
                shown_as = f"{shown_as}，{stretch[0]}{stretch[1].display}"
                said = [Mention(c, shown_as)] + [m for m in said[1:] if m is not stretch[1]]
            shown[(row, key)] = said
            records.append({
                "indicator_id": ident if ident in order else c.indicator_id, "indicator": indicator,
                "period": period, "kind": kind, "doc": key, "city": c.city or cities.get(key),
                "value": c.value, "unit": unit, "qualifier": c.qualifier,
                "direction": c.direction, "value_high": c.value_high,
                "display": shown_as,
                "phrase": c.indicator, "surface": c.surface, "sentence": c.sentence,
                "start": c.start, "end": c.end, "mentions": len(found),
                "stretch_value": stretch[1].claim.value if stretch else None,
                "stretch_qualifier": stretch[1].claim.qualifier if stretch else None,
                "stretch_display": stretch[1].display if stretch else None})
    return Comparison(documents=list(documents), claims=claims, records=records, lines=lines,
                      cells=shown)


def _stretch(said: list[Mention], text: str | None, words: tuple[str, ...]):
    """A two-tier target's upper tier: the cell's target stated first, then in its sentence a
    higher one that a word of striving leads (地区生产总值确保增长6.5%、力争7%以上): (the word, its
    Mention), or None."""
    if not text or not words:
        return None
    base = said[0].claim
    for m in said[1:]:
        o = m.claim
        if o.sentence != base.sentence or o.start <= base.end or o.value <= base.value:
            continue
        between = text[base.end:o.start]
        if len(between) <= _STRETCH_REACH and not any(s in between for s in _STRETCH_STOPS):
            word = next((w for w in words if w in between), None)
            if word is not None:
                return word, m
    return None


# the stretch is said right after the base (、力争, ，争取达到): this near, in one clause of the list
_STRETCH_REACH = 10
_STRETCH_STOPS = ("。", "；", ";")


# --relative: a report's results for the year before it, its targets for its own year
RELATIVE_PERIODS = {("actual", -1): "上年", ("target", 0): "今年"}


def _relative_period(c: Claim, year: int | None) -> str | None:
    if year is None or c.period is None or not str(c.period).isdigit():
        return None
    return RELATIVE_PERIODS.get((c.kind, int(c.period) - year))


def _ident(c: Claim) -> str | None:
    """What a claim is about: its catalog id, else its indicator phrase (folded), else nothing."""
    if c.indicator_id:
        return c.indicator_id
    if c.indicator:
        phrase = fold(c.indicator).strip()
        return phrase if len(phrase) >= MIN_SHARED_PHRASE else None
    return None


def _shared(claims, keys, headline) -> set[str]:
    """Non-headline indicators (ids or phrases) named by two or more of the reports (by the one
    report, when only one is compared)."""
    seen: dict[str, set[str]] = {}
    for key in keys:
        for c in claims.get(key, ()):
            ident = _ident(c)
            if ident is not None and ident not in headline:
                seen.setdefault(ident, set()).add(key)
    need = min(2, len(keys))
    return {ident for ident, docs in seen.items() if len(docs) >= need}


def _ratio_to_year(pattern, norm: str | None, start: int) -> bool:
    """The words right before a rate (40 characters back) make it a share of a year before."""
    return bool(norm) and pattern.search(norm, max(0, start - 40), start) is not None


@dataclass(frozen=True)
class _PartOfYear:
    """Whether a figure is about part of a year: the nearest time word before it in its
    sentence (rules/context.yaml `part_of_year`, on the folded text) names a part (前三季度)."""
    pattern: object               # a compiled pattern with groups `part` and `whole`
    words: object                 # the rule set's Words: where a sentence starts
    ends: tuple[str, ...]         # what ends a part of a sentence (；)
    marks: tuple[str, ...]        # what sets a part word off as the time of what follows (，：)
    pair_from: tuple[str, ...] = ()   # a part word after one of these starts a from–to pair (从)
    pair_to: tuple[str, ...] = ()     # and the figure after one of these is the year's (到, 至)

    # how far back in its sentence a figure's part of the year is looked for
    REACH = 160

    @classmethod
    def for_rules(cls, rs) -> "_PartOfYear | None":
        from reportx.engine.context_words import compile_words

        pattern = rs.context_patterns.get("part_of_year")
        if pattern is None:
            return None
        pair = rs.context.get("part_of_year_pair") or {}
        return cls(pattern, compile_words(rs), tuple(rs.context.get("part_of_year_ends", ())),
                   tuple(rs.context.get("part_of_year_marks", ())),
                   tuple(pair.get("from", ())), tuple(pair.get("to", ())))

    def covers(self, norm: str | None, start: int) -> bool:
        if not norm:
            return False
        lo = self.words.sentence_start(norm, max(0, start - self.REACH), start)
        last = last_part_of_year(self.pattern, norm, lo, start)
        if last is None:
            return False
        if norm[max(0, last.start() - 1):last.start()] in self.pair_from \
                and any(norm.find(to, last.end(), start) >= 0 for to in self.pair_to):
            return False        # 从上半年5.5%降到(5.3%): the pair's end is the year's
        # a part said inside an earlier ；-part is that part's; one set off as the time of what
        # follows (上半年，…；…, 2019年前三季度，…；…), or opening the sentence (1—11月固定资产投资
        # 增长17.9%；社会消费品零售总额增长27.1%), covers all of it (rules/context.yaml)
        return not any(norm.find(end, last.end(), start) >= 0 for end in self.ends) \
            or norm.startswith(self.marks, last.end()) \
            or not norm[lo:last.start()].strip(self.LEAD)

    # what may stand before a part word that opens its sentence: space, a dash, a bullet
    LEAD = " \t\n\u3000—-–●•■◆▪"


def _preference(c: Claim, text: str | None, goal_words=(), prefer=(), plain=None):
    """Sort key: the claim a cell shows comes first. A target in the paragraph of main goals
    (主要预期目标) beats one stated earlier; of two series of one id, the one whose name holds more
    of the words the catalog `prefer`s (地方公共财政收入 over 公共财政收入, which holds the central
    government's share); one in a paragraph's sentences beats one in a title or subheading; an
    achieved figure passed (突破3万亿元) gives way to one stated about or exactly (达3.6万亿元),
    and one about to one exact, and of two levels passed the higher wins; a level beats an amount
    of change (增加40亿元); then one named as the catalog names it beats one whose name adds a kind
    of it (全市新增学位7620个 over 新增公办幼儿园学位2090个: `plain`, by start offset, given only when
    one of the cell's claims is so named); otherwise the earliest wins. `prefer`: the catalog's words, given only
    when one of the cell's claims holds one."""
    in_goals = in_title = False
    if text is not None:
        para_start = text.rfind("\n", 0, c.start) + 1
        para_end = text.find("\n", c.end)
        paragraph = text[para_start:len(text) if para_end < 0 else para_end]
        in_goals = c.kind == "target" and any(w in paragraph for w in goal_words)
        # a newspaper copy's subheading (GDP增长9%新年小目标：涨8%) repeats what its paragraphs say
        in_title = len(paragraph.strip()) <= _TITLE_CHARS and \
            not paragraph.rstrip().endswith(_SENTENCE_STOPS)
    # an achieved figure stated exactly beats one stated as about, and that one stated as passed
    # (突破3万亿元 … 32765亿元; 跨越了两千亿元和三千亿元两个台阶 … 完成3440亿元左右)
    loose = _LOOSENESS.get(c.qualifier, 0) if c.kind == "actual" else 0
    # of levels passed, the highest (迈上5000亿元、6000亿元两大台阶: it passed 6000亿元); not of rates,
    # where a higher one is more often a part's (旅游收入增长20%以上，其中乡村旅游收入增长30%以上)
    passed = -c.value if loose == _LOOSENESS["at_least"] and c.unit not in RATE_UNITS else 0
    # (the more of the catalog's words a name holds, the nearer it is the series: 地方一般预算收入
    # beats 全口径一般预算收入, which holds 预算 only)
    series = -_series_words(c, prefer)
    # an amount that rose or fell by (减税减少一般公共预算收入1.3亿元, 比上年增加40亿元) is a change, and
    # gives way to the level stated with no rise or fall (完成一般公共预算收入19.09亿元); a level
    # reached by a rise (提高到286亿元, 增至18.6亿元) is none
    change = c.direction is not None and c.unit not in RATE_UNITS and text is not None \
        and not text[max(0, c.start - 2):c.start].rstrip().endswith(_REACHED)
    named_plainly = not plain or plain.get(c.start, False)
    return (not in_goals, series, in_title, change, loose, passed, not named_plainly, c.start)


# what a verb of change ends with when it names the level reached (提高到, 增至), not the change
_REACHED = ("到", "至")

# how loosely an achieved figure is stated: exactly (and a ceiling or a range, which state their
# bounds exactly), about, or as a threshold passed
_LOOSENESS = {"approx": 1, "at_least": 2}


def _series_words(c: Claim, words) -> int:
    """How many of the catalog's preferred words (地方, 预算) the claim's name holds."""
    return series_words(c.indicator, words)


# a line this short that does not end a sentence is a title or subheading
_TITLE_CHARS = 40
_SENTENCE_STOPS = ("。", "；", "！", "？", ";", "!", "?", "．")


def display(c: Claim, text: str | None = None, qualifier_words: dict | None = None,
            level_marks: tuple[str, ...] = (), change_marks: tuple[str, ...] = ()) -> str:
    """How a claim reads in a cell: the figure as written (full-width folded), a sign for a
    rising or falling rate, the qualifier after it.

    >>> from reportx.engine.claim import Claim
    >>> def claim(surface, unit, kind="actual", qualifier=None, direction=None):
    ...     return Claim("d", None, 2024, 0, len(surface), surface, 0.0, unit, surface, None,
    ...                  None, None, None, "2024", None, kind, qualifier, None, direction,
    ...                  "", "", "r")
    >>> display(claim("0.1％", "%", direction="increase"))
    '+0.1%'
    >>> display(claim("8.8％", "%", direction="decrease"))
    '-8.8%'
    >>> display(claim("5％", "%", "target", "approx", "increase"))
    '5%左右'
    >>> display(claim("149.3万吨", "t"))
    '149.3万吨'
    >>> display(claim("6600多万", "person", qualifier="at_least"))
    '6600多万'
    >>> from dataclasses import replace
    >>> rise = replace(claim("1207元", "CNY", direction="increase"), start=8, end=13)
    >>> display(rise, "农民人均收入增加1207元", change_marks=("增加",))
    '+1207元'
    >>> display(rise, "城镇新增就业人数达1207元", change_marks=("增加",))
    '1207元'
    >>> display(rise, "农民人均收入增加1207元补贴", change_marks=("增加",))
    '1207元'

    A target's rise carries no `+` (`5%左右`, as CONTRACT.md shows it: a growth target reads as
    one); a fall is always `-`. The qualifier word is the report's own when it follows the figure
    (`3%以内`, `5%以下`); one written before it (约, 超过, 控制在) becomes the usual suffix. A
    level reached by a rise or a fall (森林覆盖率提高到42.5%, 失业率下降至3.5%: a word of
    `level_marks` right before it) carries no sign: it is no rate of change. An amount with a
    verb of change of `change_marks` right before it (增加320亿元, 减少5万吨) carries its sign,
    a target's too: without it, it would read as the level; not one that counts the things its
    name follows it with (增加1万个普惠性学位: a flow).
    """
    figure = fold(c.surface)
    before = "" if text is None else _before(text, c.start)
    sign = ""
    if c.unit in RATE_UNITS:
        if c.direction == "decrease":
            sign = "-"
        elif c.direction == "increase" and c.kind != "target":
            sign = "+"
        if sign and level_marks and before.endswith(level_marks):
            sign = ""
    elif c.direction is not None and change_marks and before.endswith(change_marks) \
            and not _HAN.match(text, c.end):
        # an amount a level rose or fell by (比上年增加320亿元, 农民人均收入增加1207元) is no level:
        # its sign tells the two apart in a row that holds levels. A flow keeps none: its verb is
        # in its name (城镇新增就业22.89万人), or the figure counts what follows it (增加1万个学位).
        sign = "-" if c.direction == "decrease" else "+"
    suffix = ""
    if c.qualifier and not any(ch in c.surface for ch in "多余"):
        suffix = QUALIFIER_SUFFIX.get(c.qualifier, "")
        if text is not None and qualifier_words:
            after = text[c.end:c.end + 4]
            for word in sorted(qualifier_words, key=len, reverse=True):
                if after.startswith(word) and qualifier_words[word] == c.qualifier:
                    suffix = word
                    break
    return f"{sign}{figure}{suffix}"


def _against(c: Claim, gap) -> str:
    """What a points figure of an indicator is set against, as its name ends (地区生产总值增速高于全省
    1个百分点: 高于全省), for its cell; else nothing."""
    split = split_gap(c.indicator, gap) if c.unit == "pp" else None
    return split[1] if split else ""


def _before(text: str, start: int) -> str:
    """The few characters right before a figure, an approximating word dropped (增加约320亿元)."""
    return text[max(0, start - 7):start].rstrip().removesuffix("约").removesuffix("近").rstrip()


def row_label(indicator: str, unit: str, period, kind, *, with_unit: bool = False) -> str:
    """地区生产总值 · 2024 目标; with_unit adds the measure: 接待游客（人次） · 2023 实际."""
    name = f"{indicator}（{UNIT_NAMES.get(unit, unit)}）" if with_unit else indicator
    when = " ".join(p for p in (period or "?", KIND_NAMES.get(kind, kind or "?")) if p)
    return f"{name} · {when}"


def wide_table(rows, docs=None, *, sentences: bool = False):
    """One row per indicator, unit, period and kind; one column per report holding the display
    (empty where the report says nothing). `docs` orders the report columns (default: the
    frame's `attrs["docs"]`, else the order reports appear); sentences adds a `DOC sentence`
    column after each report's."""
    import pandas as pd

    if docs is None:
        docs = rows.attrs.get("docs") or list(dict.fromkeys(rows["doc"]))
    columns = [*WIDE_KEYS]
    for d in docs:
        columns += [d, f"{d} sentence"] if sentences else [d]
    out: dict[tuple, dict] = {}
    for r in rows.to_dict(orient="records"):
        key = (r["indicator_id"], r["indicator"], r["unit"], r["period"], r["kind"])
        line = out.setdefault(key, dict(zip(WIDE_KEYS, key)))
        line[r["doc"]] = r["display"]
        if sentences:
            line[f"{r['doc']} sentence"] = r["sentence"]
    return pd.DataFrame(list(out.values()), columns=columns)


def _documents(sources) -> list[Document]:
    """Documents for the sources, each key unique (a second guigang-2024 from another folder
    becomes that-folder/guigang-2024; the very same file twice is compared once).

    A source is a Document, a file as a path-like object (pathlib.Path), or report text (a
    `str` is always text: a report by name is `reportx.find_report(name)`). A compilation
    (several reports in one file) gives a Document for each of its reports."""
    from reportx.engine.compilation import reports_of
    from reportx.extraction import as_document

    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    documents, seen_files, keys = [], set(), set()
    for i, s in enumerate(sources):
        doc = as_document(s, key=None if isinstance(s, (Document, os.PathLike)) else f"text-{i + 1}")
        if doc.source:
            real = Path(doc.source).resolve()
            if real in seen_files:
                continue
            seen_files.add(real)
        elif any(d is doc for d in documents):
            continue
        for part in reports_of(doc):
            if part.key in keys:
                base = f"{Path(part.source).parent.name}/{part.key}" if part.source else part.key
                key, n = base, 2
                while key in keys:
                    key, n = f"{base}~{n}", n + 1
                part = _rekeyed(part, key)
            keys.add(part.key)
            documents.append(part)
    return documents


def _rekeyed(doc: Document, key: str) -> Document:
    from dataclasses import replace

    return replace(doc, key=key, reports=None)   # its reports are worked out under the new key
