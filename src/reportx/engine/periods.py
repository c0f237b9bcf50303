"""When a figure is about: the time frame it stands in (a part's heading, a paragraph's opening),
a span named earlier in its sentence, a year written before it; and how many years it covers
(a span's average or total, a flow in a multi-year frame). A sentence's years, spans and target
words are read once for all its figures.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import NamedTuple, TYPE_CHECKING

import regex

from reportx.engine.frames import SEMICOLONS

if TYPE_CHECKING:
    from reportx.engine.claims import Draft
    from reportx.engine.context_words import Words
    from reportx.engine.document import Document


# Units of a ratio: 2019年的92% compares with 2019, it is not about 2019.
RATIO_UNITS = {"%", "pp", "x"}


@dataclass
class SentenceFacts:
    """What a whole sentence (to its 。) says about periods, read once for all its figures."""
    years: list[tuple[int, int, bool]]     # (end offset, year, followed by 的)
    plans: bool                            # it has a target word (力争, 确保 …)
    spans: list                            # time expressions naming a span (“十四五”时期, 过去五年)
    text: str | None = None                # the sentence as written, once for all its claims
    review_words: str | None = None        # it gives preliminary figures (预计, 初步核算: "estimate")
                                           # or a whole year's (全年: "year")

    @classmethod
    def read(cls, doc: Document, bounds: tuple[int, int], words: Words, memo: dict
             ) -> "SentenceFacts":
        """The facts of the ；-part `bounds`, from those of its whole 。-sentence, which are read
        once for all its parts (a sentence of 10,000 ；-parts is read once, not 10,000 times)."""
        whole = whole_sentence(doc, bounds, words, memo)
        plans = bisect.bisect_left(whole.targets, bounds[1]) > 0
        return cls(whole.years, plans, whole.spans, review_words=whole.review_words)


@dataclass
class WholeSentence:
    """Years, spans and target words of a whole 。-sentence, for all its ；-parts."""
    start: int
    end: int
    years: list
    spans: list
    targets: list[int]      # start offsets of target words (力争, 确保 …), in order
    review_words: str | None = None  # "estimate" (预计 …), "year" (全年) or None


def whole_sentence(doc: Document, bounds: tuple[int, int], words: Words, memo: dict
                    ) -> WholeSentence:
    norm = doc.norm
    last = memo.get("_whole")
    if last is not None and last.start <= bounds[0] < last.end:
        return last
    # just after the last sentence end before it; each end character is looked for only after
    # the nearest found so far (one the report never uses, ！, would otherwise be looked for back
    # to the top, for every sentence)
    start = last.end if last is not None and last.end <= bounds[0] else 0
    start = words.sentence_start(norm, start, bounds[0] + 1)
    # the nearest end after it, by one search that stops there (a find per end character
    # would look for one the report never uses to the end of the text, for every sentence)
    after = words.next_sentence_end.search(norm, bounds[0])
    end = max(after.end() if after else len(norm), bounds[1])
    years = _years_in(norm, start, end, words, doc.times)
    if not years and words.subclause and norm[start:start + _INDENT].lstrip().startswith(
            words.subclause) and _in_one_year(doc, start):
        # 其中，地区生产总值预期增长6.5%: a detail of the sentence before, and of its year
        # (…对2019年仍确定了较高的预期目标。); inside a span's frame (“十五五”时期) the span
        # stands (…充分考虑了2035年…的需要。其中地区生产总值年均增长5%左右)
        years = _years_before(norm, start, words, doc.times)
    spans = []
    if doc.times is not None:
        # a span (过去五年, “十四五”时期), or a year said in words (去年, 今年) that is not a base of
        # comparison (比去年增长 is this year's growth; 是“十一五”时期的3.4倍 is the span's since)
        # (not a span that measures a record: 创2010年以来最好位次)
        spans = [(start + e.end, e) for e in
                 doc.times.expressions(norm[start:end], years=False, plan_suffix_only=True)
                 if (start + e.start == 0 or not _a_base(norm, start + e.start, start + e.end, e, words))
                 and not _measures_a_record(norm, start + e.end, words)]
    targets = [m.start() for m in words.target_pattern.finditer(norm, start, end)] \
        if words.target_pattern is not None else []
    review_words = "estimate" if _says(words.estimate_pattern, norm, start, end) \
        else "year" if _says(words.whole_year_pattern, norm, start, end) else None
    whole = memo["_whole"] = WholeSentence(start, end, years, spans, targets, review_words)
    return whole


def _a_base(norm: str, begin: int, end: int, e, words: Words) -> bool:
    """The time norm[begin:end] is one compared with (比去年, 是“十一五”时期的3.4倍), or a single
    year a from–to pair starts at (从“十二五”末的): no time of the figures after it."""
    before = norm[begin - 1]
    if before in words.copula_marks:
        return words.copula_base_after is not None \
            and words.copula_base_after.match(norm, end) is not None
    return before in words.base_marks or (e.first == e.last and before in words.from_marks)


def _measures_a_record(norm: str, end: int, words: Words) -> bool:
    return words.record_after is not None and words.record_after.match(norm, end) is not None


# how far back the sentence before a 其中 sentence is looked for; how much indent may stand
# before its 其中 (a sentence that opens a line: \n　　其中，…)
_DETAIL_REACH = 160
_INDENT = 8


def _years_in(norm: str, start: int, end: int, words: Words, times=None) -> list:
    """(end offset, year, followed by 的) of each year written in norm[start:end], but one inside
    a bracketed aside (扣除2022年灾后恢复重建专项资金支出外), which dates nothing after it, and the
    ends of a range of years (2021年至2023年), which is a span (`times`, the report's TimeReader,
    reads it as one)."""
    years = [(m.end(), int(m["year"]), bool(m["of"]))
             for m in words.period_year.finditer(norm, start, end)]
    if years and norm.find("(", start, end) >= 0:
        asides = [(m.start(), m.end()) for m in words.aside.finditer(norm, start, end)]
        years = [y for y in years if not any(a < y[0] <= b for a, b in asides)]
    if years and times is not None:     # (2023—2025年: only the last year has its 年)
        ranges = [m.span() for m in times.year_ranges(norm, start, end)]
        years = [y for y in years if not any(a < y[0] <= b for a, b in ranges)]
    return years


def _in_one_year(doc: Document, at: int) -> bool:
    frame = doc.frame_at(at)
    return frame is None or frame.first == frame.last


def _years_before(norm: str, start: int, words: Words, times=None) -> list:
    """The years of the sentence ending at `start` (to its own start, or _DETAIL_REACH back)."""
    lo = max(0, start - _DETAIL_REACH)
    return _years_in(norm, words.sentence_start(norm, lo, max(lo, start - 1)), start, words, times)


class When(NamedTuple):     # a tuple: made for every claim, a frozen dataclass costs 4x
    period: str | None
    kind: str | None
    span: int | None


def time_of(doc: Document, d: Draft, words: Words, sentences: dict) -> When:
    """Period, kind and span of a figure: the frame it stands in (a part's heading, a paragraph's
    opening), then a span named earlier in its sentence, then a year written before it."""
    frame = doc.frame_at(d.q.start)
    kind = frame.kind if frame else None
    first, last = (frame.first, frame.last) if frame else (None, None)
    sentence = sentences.get(d.sentence)
    if sentence is None:
        sentence = sentences[d.sentence] = SentenceFacts.read(doc, d.sentence, words, sentences)
    # a year said in words (去年) dates the sentence's figures inside a span's frame (过去五年…。去年
    # 城镇居民可支配收入26500元); inside a year's frame the frame's year stands (a December copy's
    # 明年 cannot be told from a January one's without a date)
    in_span = frame is None or frame.first != frame.last
    said_at = -1      # where the span or the year in words that dates the figure ends
    for end, expr in sentence.spans:
        if end > d.q.start:
            continue
        dated = _made_a_date(doc.norm, end, expr, words) \
            and _dates_the_figure(doc.norm, end, d.q.start, words)
        if expr.last > expr.first or in_span or _turns_in_its_own_sentence(expr, frame, d) or dated:
            kind, first, last, said_at = expr.kind, expr.first, expr.last, end
            if dated:
                kind = "actual"     # 截至今年2月底: what was done by then
    # a year written earlier in the sentence counts across its ；-parts (到2025年，…；…)
    explicit, its_own = None, False
    # (a total or an average in a span's frame is the span's, whatever year a ；-part before it
    # names: 五年来…。2021年预计地区生产总值4700亿元；固定资产投资累计达3600亿元; not a total its
    # clause gives the year of: …；全年累计接待游客3600万人次)
    own_part_only = in_span and frame is not None and (d.total or d.average) \
        and not _says(words.whole_year_pattern, doc.norm, d.clause_start, d.q.start)
    goals_from = _goals_lead_end(doc, frame, d, words, sentences)
    for end, found, of in sentence.years:
        if end > d.q.start or (of and (doc.norm[end:d.q.start].strip() or d.unit in RATIO_UNITS)):
            continue          # 由2015年的98.6亿元: the year of that figure only (spaced: 2016 年的 26681 元)
        if end <= goals_from:
            continue          # 回顾总结了2018年工作,提出了今年…主要预期指标：: said before the goals
        if _in_a_base_before(doc.norm, end, d.q.start, words):
            continue          # 在2022年大幅下降的基础上，同比再下降27.9%: the base's year, not the figure's
        if own_part_only and end <= d.sentence[0]:
            continue
        if end < said_at and first == last \
                and any(doc.norm.find(s, end, said_at) >= 0 for s in SEMICOLONS):
            continue          # 2012年地区生产总值突破一千亿元；去年达1422.33亿元: the year said later,
            # in a ；-part of its own (not 2021年…，超过去年2亿元, a base the reading missed)
        explicit, its_own = found, of
    if explicit is None and in_span and kind == "actual" and last is not None \
            and not any(end <= d.q.start and e.last > e.first for end, e in sentence.spans) \
            and _whole_year_of_its_own(doc, d, words):
        # “十一五”期间，…。全年地区生产总值增长12%: the whole year of a review's span is its last
        first = last
    if explicit is None and (d.ends_pair or (d.start_of_pair and d.pair_from is None)) \
            and (earlier := _earlier_pair(doc, d, words)) is not None:
        # ；一般公共预算收入由85亿元增至137亿元 after 由2015年的…增至2020年的…: that pair's years
        if d.start_of_pair:
            return When(earlier["from"], "actual", None)
        explicit = int(earlier["to"])
    if explicit is None and d.average and not (d.start_of_pair or d.ends_pair) \
            and (earlier := _earlier_pair(doc, d, words)) is not None:
        # 由2011年的80亿元增加到2015年的130亿元，年均增长10.2%: the pair's years, whatever the frame's
        first, last = int(earlier["from"]) + 1, int(earlier["to"])
        kind = "actual" if doc.year is None or last < doc.year else "target"
    year = doc.year
    if d.start_of_pair and not its_own and (start := _start_year(doc, d, words, explicit, first)):
        # 从3826.5亿元增长到4398.6亿元: the level the frame (or the year the sentence names)
        # started from, or the year it is set against (2015年与2010年相比，…从127.9亿元增加到…);
        # a total's (五年累计从208.9亿元增加到…) sums as many years before
        sums = d.total and words.sum_set.found_in(d.clause)
        return When(str(start), "actual", span(d, first, last, words) if sums else None)
    if explicit is not None:
        if year:
            kind = "actual" if explicit < year else "target"
        first = last = explicit
    elif kind is None and sentence.plans:
        kind = "target"
        if last is None and year:
            first = last = year
    elif kind == "actual" and year and first == last == year - 1 \
            and _plans_after_news_of_review(doc, d, sentence, frame, words):
        kind, first, last = "target", year, year
    elif sentence.review_words and year and (
            (kind is None and last is None and _reviews_in_no_frame(d, sentence))
            or (kind == "target" and first == last == year
                and _reviews_after_news_of_the_year(doc, d, sentence, frame, year))):
        kind, first, last = "actual", year - 1, year - 1
    if kind == "target" and year and first == last == year and not sentence.plans \
            and _in_no_plan_part(doc, d.q.start) and _part_of_year_before(doc, d, words):
        # 第一季度全区GDP实现337.43亿元 in a news story of the year's own report: a part past (not
        # a plan part's 泊位上半年建成运营)
        kind = "actual"
    if kind == "actual" and _recalls_a_target(doc, d, words):
        kind = "target"     # 超额完成年初确定的增长8%的预期目标: the year's target, recalled
    return When(str(last) if last is not None else None, kind, span(d, first, last, words))


def _recalls_a_target(doc: Document, d: Draft, words: Words) -> bool:
    """A review's figure that recalls the year's target (rules/context.yaml recalled_target_after,
    or a sentence that opens telling what last year's report set: recalled_target_lead)."""
    if words.recalled_target_lead is not None and (lead := words.recalled_target_lead.match(
            doc.norm, d.sentence[0], d.q.start)) is not None:
        # (in the clause of its 要 only: …，实际回落到6.1% is the result)
        return words.last_break.search(doc.norm, lead.end(), d.q.start) is None
    # (most figures have no 目标 or 要求 near them: plain finds first)
    if words.recalled_target is None or (
            doc.norm.find("目标", d.q.end, d.q.end + _RECALL_REACH) < 0
            and doc.norm.find("要求", d.q.end, d.q.end + _RECALL_REACH) < 0):
        return False
    m = words.recalled_target.match(doc.norm, d.q.end, d.sentence[1])
    if m is None or m["year"] is not None:
        return m is not None
    # (年初 in the clause, from its break: a list's later items share it)
    cut = words.last_break.search(doc.norm, d.sentence[0], d.q.start)
    clause = doc.norm[cut.end() if cut else d.sentence[0]:d.q.start]
    return any(w in clause for w in words.recalled_target_marks)


# how far after a figure the 目标 of a recalled target may stand (the pattern's 24 characters, 的, 预期)
_RECALL_REACH = 32


def last_part_of_year(pattern, norm: str, lo: int, hi: int):
    """The nearest time word of rules/context.yaml `part_of_year` in norm[lo:hi] when it names a
    part of the year (前三季度, 1-11月), not the whole (全年, 2023年); else None."""
    last = None
    for last in pattern.finditer(norm, lo, hi):
        pass
    return last if last is not None and last.groupdict().get("part") is not None else None


def _in_no_plan_part(doc: Document, at: int) -> bool:
    section = doc.section_at(at)
    return section is None or section.part != "plan"


def _part_of_year_before(doc: Document, d: Draft, words: Words) -> bool:
    """The nearest time before the figure in its sentence is a part of the year (一季度, 1-4月,
    上半年: rules/context.yaml `part_of_year`), not the whole of it, written with the report's
    year right before it (2009年一季度, 2024年上半年): a part told as past, not one a plan sets
    (其中上半年完成投资260亿元以上)."""
    if words.part_of_year is None or doc.year is None:
        return False
    last = last_part_of_year(words.part_of_year, doc.norm, d.sentence[0], d.q.start)
    if last is None:
        return False
    return doc.norm[max(0, last.start("part") - 8):last.start("part")].rstrip().endswith(
        (f"{doc.year}年", f"{doc.year} 年"))


def _whole_year_of_its_own(doc: Document, d: Draft, words: Words) -> bool:
    """The figure's sentence says 全年 before it (全年地区生产总值增长12%，财政收入增长9%), and the
    figure sums, averages, counts years or starts a pair by no word of its own: it is the whole
    year's (the caller has seen no span named before it in the sentence: “十三五”期间，全市全年…).
    Not 全年龄 or 全年候, words of their own; not …，累计新增城镇就业4.8万人, 全年接待游客累计…,
    全年…平均控制在3%以内, 全年…从2800万人次增加到…: the span's."""
    if d.total or d.average or d.span_years or d.start_of_pair or words.whole_year_pattern is None:
        return False
    said = doc.norm[d.sentence[0]:d.q.start]
    return any(not said.startswith(words.whole_year_not_before, m.end())
               for m in words.whole_year_pattern.finditer(said)) \
        and not any(w in doc.norm[d.clause_start:d.q.start] for w in words.span_average_marks)


def _turns_in_its_own_sentence(expr, frame, d: Draft) -> bool:
    """A year of the other side later in the sentence that opened the frame (省长…作《政府工作
    报告》时说，去年全省生产总值增长5.2%，今年预期增长5%左右): the figures after it are that year's."""
    return frame is not None and frame.start >= d.sentence[0] and expr.kind != frame.kind \
        and expr.first == expr.last and frame.first == frame.last


def _goals_lead_end(doc: Document, frame, d: Draft, words: Words, cache: dict) -> int:
    """Where the lead of a goals paragraph before the figure in its 。-sentence ends, in a plan's
    frame (at its colon: …提出了今年经济发展的主要预期指标：; 在全面总结2018年工作的基础上，今年…的主要
    预期指标是：), or -1: a year said in that lead (回顾总结了2018年工作) is no time of the goals.
    The leads' ends are found once a sentence (`cache`: the sentences' facts, keyed apart)."""
    if frame is None or frame.kind != "target":
        return -1
    key = ("goals", d.sentence)
    ends = cache.get(key)
    if ends is None:
        lo = _sentence_start_before(doc, d, words, _GOALS_REACH)
        ends = cache[key] = [m.end() for m in _GOALS_COLON.finditer(doc.norm, lo, d.sentence[1])]
    return max((e for e in ends if e <= d.q.start), default=-1)


# the end of a goals paragraph's lead (…主要预期目标是：, …预期指标：)
_GOALS_COLON = regex.compile(r"(?:目标|指标)(?:主要)?(?:(?:确|设)?定为|是|为|如下)?[：:]")
_GOALS_REACH = 600


def _earlier_pair(doc: Document, d: Draft, words: Words):
    """The last from–to pair with both its years before the figure's clause in its 。-sentence,
    its ；-parts before too (rules/context.yaml spans `pair_years`), or None; None too where the
    figure's clause names a time of its own before it (`pair_own_time`: 全年, 去年). Looked for back to
    _PAIR_REACH characters, so a sentence of 10,000 figures stays linear."""
    if words.pair_years is None or (words.pair_own_time is not None and words.pair_own_time.search(
            doc.norm, d.clause_start, d.q.start) is not None):
        return None
    last = None
    for last in words.pair_years.finditer(doc.norm, _sentence_start_before(doc, d, words, _PAIR_REACH),
                                          d.clause_start):
        pass
    return last


def _sentence_start_before(doc: Document, d: Draft, words: Words, reach: int) -> int:
    """Where the 。-sentence that holds the figure's ；-part starts, looked for back `reach`
    characters at most (a sentence of 10,000 figures stays linear)."""
    return words.sentence_start(doc.norm, max(d.sentence[0] - reach, 0), d.sentence[0])


_PAIR_REACH = 400


def _start_year(doc: Document, d: Draft, words: Words, explicit: int | None,
                first: int | None) -> int | None:
    """The year a from–to pair starts from: the one written with its start (由2015年的…), else the
    one its sentence sets the figures against (与2010年相比), else the year before the one it names
    or its frame begins with."""
    if d.pair_from is not None:
        return d.pair_from          # 由2015年的52.1%提高到…: the year written with it
    m = words.pair_base.search(doc.norm, d.sentence[0], d.q.start) if words.pair_base else None
    if m:
        return int(m["year"])
    begins = explicit if explicit is not None else first
    return begins - 1 if begins is not None else None


def _reviews_in_no_frame(d: Draft, sentence: SentenceFacts) -> bool:
    """A figure in no frame whose sentence gives the year just ended's estimates (预计全年增长5.7%),
    or a whole year's figure (全年…) that does not read as a plan's (全年地区生产总值增长5%左右)."""
    return sentence.review_words == "estimate" or d.qualifier not in _PLANNED


def _reviews_after_news_of_the_year(doc: Document, d: Draft, sentence: SentenceFacts, frame,
                                    year: int) -> bool:
    """An estimate (预计完成…) in a newspaper copy whose paragraph on the report's year (2012年，
    是…重要一年) the review's figures follow, there being no part heading to say which side they
    stand on: the year just ended's. Not one in a sentence with a target word, nor one that opens
    that frame itself or names the year (今年，全市地区生产总值预计增长6%左右)."""
    return not sentence.plans and sentence.review_words == "estimate" \
        and frame is not None and frame.start < d.sentence[0] \
        and not any(e.first == e.last == year for _, e in sentence.spans) \
        and _in_no_part(doc, d.q.start)


def _plans_after_news_of_review(doc: Document, d: Draft, sentence: SentenceFacts, frame,
                                words: Words) -> bool:
    """A newspaper copy, no part headings, whose paragraph on the year just ended (2024年，忠县地区
    生产总值增长6.7%) is followed by paragraphs on what comes next: a sentence of a later paragraph
    whose own clause looks ahead (…，力争规上工业增加值增长11%以上) plans the report's year. Not
    one that names a time of its own before the figure (去年…)."""
    if frame is None or words.plan_turn_pattern is None or not _in_no_part(doc, d.q.start) \
            or doc.norm.rfind("\n", frame.start, d.sentence[0]) < 0 \
            or any(end <= d.q.start for end, _ in sentence.spans):
        return False
    if words.plan_turn_pattern.search(doc.norm, d.sentence[0], d.q.start):
        return True         # 力争实现地区生产总值增长6%左右，一般公共预算收入增长5%
    # 将 only in the clause to its last comma, its list items and all
    cut = words.last_break.search(doc.norm, d.sentence[0], d.q.start)
    return words.plan_turn_in_clause is not None and words.plan_turn_in_clause.search(
        doc.norm, cut.end() if cut else d.sentence[0], d.q.start) is not None


# qualifiers a plan's figures have more often than a year's results (5%左右, 6%以上)
_PLANNED = ("approx", "at_least")


def _made_a_date(norm: str, end: int, expr, words: Words) -> bool:
    """A year said in words, ending at `end`, that a month follows and 截至 leads (截至今年2月底):
    the date what is told was done by. Not a later year's (截至明年3月), a deadline (截至今年6月底前),
    nor one a target word leads (力争截至今年12月底)."""
    if words.month_after is None or expr.first != expr.last \
            or not expr.text.startswith(words.up_to_years):
        return False
    month = words.month_after.match(norm, end)
    if month is None or norm[month.end():month.end() + 2].lstrip("底末初").startswith("前"):
        return False
    start = end - (expr.end - expr.start)
    if not norm[max(0, start - 3):start].endswith(words.up_to_words):
        return False
    return words.target_pattern is None \
        or words.target_pattern.search(norm, max(0, start - 8), start) is None


def _dates_the_figure(norm: str, end: int, at: int, words: Words) -> bool:
    """No plan between such a date and the figure: …，全年计划完成投资500亿元 or a ；-part after it
    keeps its frame."""
    between = norm[end:at]
    return not any(s in between for s in SEMICOLONS) and "全年" not in between \
        and (words.target_pattern is None or words.target_pattern.search(between) is None)


# how far before a year the 在 opening its base clause may stand (在上半年和2023年…)
_BASE_LEAD = 12


def _in_a_base_before(norm: str, year_end: int, at: int, words: Words) -> bool:
    """The year ending at `year_end` stands in a base clause (在2022年大幅下降的基础上) that closes
    before the figure at `at`."""
    if words.base_clause_rest is None:
        return False
    m = words.base_clause_rest.match(norm, year_end, at)
    if m is None:
        return False
    lead = norm.rfind("在", max(0, year_end - _BASE_LEAD), year_end)
    return lead >= 0 and not any(ch in norm[lead:year_end] for ch in "，,。；;")


def _says(pattern, norm: str, start: int, end: int) -> bool:
    return pattern is not None and pattern.search(norm, start, end) is not None


def _in_no_part(doc: Document, at: int) -> bool:
    section = doc.section_at(at)
    return section is None or not section.level


def span(d: Draft, first: int | None, last: int | None, words: Words) -> int | None:
    """How many years a figure covers, when more than one: a span its clause names (5年增长18.7%),
    an average (年均), a total (累计), or any flow in a multi-year frame; a level reached is its
    last year's."""
    if d.level and not (d.average or d.total):
        return None
    if d.span_years:
        return d.span_years
    if d.one_year and not (d.average or d.total):
        return None                    # 同比增长8.9% under “十二五”期间: the last year's growth
    if d.base_year is not None and last is not None and d.base_year < last - 1:
        return last - d.base_year      # 比2010年增长68.1% in 2015: five years of growth
    years = last - first + 1 if first is not None and last is not None else 1
    if years > 1:
        return years
    return words.default_years if d.average or d.total_with_average else None
