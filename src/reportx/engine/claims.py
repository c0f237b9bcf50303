"""From quantities to claims: what each number measures (indicator phrase and catalog id), its
direction, qualifier, period and kind, read from the words around it (rules/context.yaml).

The clause of a quantity is the text from the last clause break (，；。：) before it; within a list
(A、B、C分别增长X、Y、Z) the part after the last 、 is its own, and a quantity with nothing of its
own before it continues the previous one (达1112亿元 after 合同投资额突破1000亿元).

This module reads each figure's clause and puts the claim together; the pieces it uses are
apart: the compiled context words (context_words), the words around one figure (phrases),
lists of figures (lists), and when a figure is about (periods).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from reportx.engine.claim import Claim
from reportx.engine.context_words import Words, compile_words, longest_affix
from reportx.engine.document import Document
from reportx.engine.frames import COMMAS, SEMICOLONS
from reportx.engine.indicators import IndicatorMatcher, ends_a_word, first_word_length, trim_phrase
from reportx.engine.lists import REMARK_UNITS, distribute_lists, share_list_qualifiers
from reportx.engine.periods import RATIO_UNITS, time_of
from reportx.engine.phrases import (bare_head, direction_of, following_phrase, has_verb,
                                    is_average, is_modifier, is_rank_place, is_subclause, mask,
                                    moves, noun_after, rate_noun_after, rate_noun_before,
                                    small_number, split_gap, strip_between, strip_scope,
                                    strip_words, trim,
                                    verb_before, verb_before_is, verb_outside_name)
from reportx.engine.quantities import Quantity, find_quantities
from reportx.engine.ruleset import RuleSet

# Units whose direction is not read from the clause: a rank (only a verb right before it moves
# it), a streak of years (never).
_DIRECTIONLESS = {"rank", "year"}


@dataclass(slots=True)
class Draft:
    """A claim being read: the quantity and what its clause says."""
    q: Quantity
    sentence: tuple[int, int]
    clause: str            # from the clause break to the quantity
    own: str               # the part after the last 、 (the clause itself when no list)
    continues: bool        # nothing of its own: continues the previous quantity's statement
    clause_start: int      # where the clause and its own part begin in the text (they end at
    own_start: int         # the figure, or at an aside right before it)
    indicator: str | None = None
    indicator_id: str | None = None
    direction: str | None = None
    qualifier: str | None = None
    unit: str = ""
    share: bool = False
    average: bool = False          # 年均增长5.5%: an average over the frame's years
    total: bool = False            # 累计完成3.7万亿元: a total over the frame's years
    total_with_average: bool = False   # 累计8475亿元，年均增长6.2%: a total over years
    span_years: int | None = None  # 5年增长18.7%: a span the clause itself names
    base_year: int | None = None   # 比2010年增长68.1%: growth since that year, not the year's
    level: bool = False            # 达到4.93万亿元: a level reached, not a flow
    one_year: bool = False         # 同比增长8.9%: a growth on the year before, one year's
    start_of_pair: bool = False    # the 3826.5亿元 of 从3826.5亿元增长到4398.6亿元
    pair_from: int | None = None   # the year a from–to pair it starts or ends is from (由2015年的…)
    ends_pair: bool = False        # the 4398.6亿元 of 从3826.5亿元增长到4398.6亿元
    qualifier_after: bool = False  # its qualifier word follows it (5%左右), rather than leads (约5%)
    inherited: bool = False        # its indicator is the previous figure's (达1112亿元, 增长5.2%)
    shares_verb: bool = False      # its verb may serve the list items after it
    counts_after: bool = False     # it counts the noun after it (…，10件民生实事全面完成): no list item
    in_brackets: bool = False      # it stands in a bracketed remark (5.6%(全市第四)、6.6%)
    after_words: bool = False      # its 、 follows words, not a figure: no item of a figures' list
    gap_id: str | None = None      # 地区生产总值增速高于全省1个百分点: the id of a target set so
    remark_on: "Draft | None" = None   # the figure this one remarks on: a share of the plan
                                       # (占计划的100%) or a rank (总量居全省第三) of it
    before: "Draft | None" = None      # the figure before it in its sentence
    previous: "Draft | None" = None    # the figure before it in the text
    income_reform: bool = False        # its name is rural income's, neither net nor disposable


def find_claims(doc: Document, rs: RuleSet) -> list[Claim]:
    words = compile_words(rs)
    matcher = IndicatorMatcher.for_rules(rs)
    drafts: list[Draft] = []
    last_end = 0
    for q in find_quantities(doc.norm, rs):
        drafts.append(d := _draft(doc, q, last_end, words))
        if not d.in_brackets:
            last_end = q.end   # (a bracketed remark is passed over: 5.6%(全市第四)、6.6%)
    prev = None
    for k, d in enumerate(drafts):
        if prev is not None and prev.sentence != d.sentence:
            prev = None
        d.before, d.previous = prev, drafts[k - 1] if k else None
        _read_clause(doc, d, prev, words)
        if not d.in_brackets or prev is None:
            prev = d
    distribute_lists(doc, drafts, words)
    share_list_qualifiers(drafts, words)
    prev_in_sentence = None
    named: dict[str, str] = {}   # a head noun's name from the clause before, per sentence
    subgroups_named: set[str] = set()   # names a sub-group's subject took, per sentence
    led_refused: set[str] = set()       # lead-only names with a subject before them, per sentence
    ids_in_sentence: dict[tuple, str] = {}  # the catalog ids (and units) read so far, per sentence,
    # with the name each was read from
    last_claim: Draft | None = None     # the figure read before, in any sentence
    for d in drafts:
        if prev_in_sentence is not None and prev_in_sentence.sentence != d.sentence:
            prev_in_sentence = None
            named.clear()
            subgroups_named.clear()
            led_refused.clear()
            ids_in_sentence.clear()
        if d.indicator:
            d.indicator = trim_phrase(d.indicator, matcher.words)
        d.unit = _unit(doc, d, words)
        if d.unit in _DIRECTIONLESS:
            # a rank moves only by the verb right before it (升至第5位); a streak never
            d.direction = verb_before(strip_scope(d.own, words), words) \
                if d.unit == "rank" else None
        if d.share:
            # a share is a level: only a verb right before it moves it (占比提高2个百分点), or the
            # one before the list it goes on (占比分别提高15、22个百分点)
            d.direction = verb_before(d.own, words) or (
                prev_in_sentence.direction if d.continues and prev_in_sentence is not None
                and prev_in_sentence.share and not has_verb(d.own, words) else None)
        ids = matcher.list_ids(d.indicator, d.unit, share=d.share, place=doc.city,
                               direction=d.direction)
        if d.indicator and "、" not in d.indicator and words.joiners.search(d.indicator):
            # 城镇调查失业率和登记失业率稳定在4.3%左右: one figure said of two catalog indicators
            ids = _said_of_each(d, ids, matcher, words, doc.city)
        if not ids and prev_in_sentence is not None and prev_in_sentence.indicator_id:
            # 接待游客2.73亿人次、实现收入4140亿元 / 地区生产总值25.23亿元，人均达到5.62万元: the
            # catalog's companion of the figure before (the whole head, 收入 not 村集体收入)
            ids = matcher.companion(prev_in_sentence.indicator_id, bare_head(d.indicator, words),
                                    d.unit)
        elif not ids and prev_in_sentence is not None and prev_in_sentence.indicator \
                and _totals_the_one_before(d, words):
            # 播种粮食220.6万亩，总产量72.4万吨: the total of what the figure before counts
            # (粮食种植面积61.57万亩，预计总产34.93万吨: the head of that one's name, 粮食)
            found = matcher.match(prev_in_sentence.indicator + d.indicator, d.unit, d.share,
                                  doc.city, d.direction) \
                or matcher.with_head_of(prev_in_sentence.indicator, d.indicator, d.unit, d.share,
                                        doc.city, d.direction)
            ids = [found] if found else []
        led = matcher.led_alias(d.indicator)
        if (not ids or (led is not None and ids[0] == led[1])) and d.indicator \
                and d.indicator.endswith(words.head_nouns) \
                and bare_head(d.indicator, words) in words.head_nouns:
            # 服务业快速发展，实现增加值7170亿元，增长9%: a head noun alone takes its subject from
            # the clause before it (and the figures that go on with it, theirs: 增长9%); a clause
            # of its own names the next (…，工业生产稳中有进，实现增加值320亿元); so before a name
            # the catalog reads after a lead verb only (完成增加值: the place's, when nothing names it)
            since = prev_in_sentence.q.end if prev_in_sentence is not None else d.sentence[0]
            if (name := _named_by_clause_before(doc, d, since, matcher, words)) is not None:
                named[d.indicator] = name
            elif not d.inherited:
                named.pop(d.indicator, None)
            if d.indicator in named and (found := matcher.match(
                    named[d.indicator], d.unit, d.share, doc.city, d.direction)):
                d.indicator, ids = named[d.indicator], [found]   # (a unit its id takes)
        if ids and (led := matcher.led_alias(d.indicator)) is not None and ids[0] == led[1]:
            # 全区实现增加值559.9亿元 is the place's, and so is 完成增加值1000.6亿元 in a list of the
            # place's headline figures; else it is a subject's the text names elsewhere
            # (农业农村加快发展。全年完成增加值35亿元), which the catalog does not name, and so are
            # the figures that go on with it
            if not d.inherited and not _led_by_the_place(doc, d, led[0], last_claim, matcher, words):
                led_refused.add(d.indicator)
            if d.indicator in led_refused:
                ids = []
        if d.indicator and d.indicator.startswith(words.gap_words):
            ids = []     # 高于地区生产总值增速0.6个百分点: the gap to GDP's growth, not GDP's
        elif d.unit == "pp" and words.target_gap is not None and words.target_gap.match(d.own):
            ids = []     # 增长11.5%，比预期目标高1.5个百分点: how far the result passed its target
        elif d.unit == "%" and _share_of_the_named(doc, d, words):
            ids = []     # 国家财政收入的60%以上来自国有企业: a share of the revenue, not its figure
        elif d.unit == "pp" and (against := _gap_of(d.indicator, words)):
            # 地区生产总值增速高于全省1个百分点: its growth set against another's, in points: a target
            # of the indicator's own when the figure is one (_claim; compare shows it with the words
            # it is set against), a remark on a result; never what it is set against (规模以上工业
            # 增加值增速高于地区生产总值增速2个百分点 is no GDP figure)
            ids = []
            d.gap_id = next(iter(matcher.list_ids(against, d.unit, share=d.share, place=doc.city)),
                            None)
        if ids and prev_in_sentence is not None and is_subclause(d.clause, words) \
                and (ids[0], d.unit) in ids_in_sentence \
                and words.period_year.search(d.clause) is None \
                and not matcher.preferred_over(ids[0], d.indicator, ids_in_sentence[ids[0], d.unit]):
            # 实际利用外资5.2亿美元，其中外商直接投资3.1亿美元: a part of a figure of the same series
            # and unit said before it in the sentence is no figure of that series, nor what goes on
            # from it (，增长20%); a part that is a year is (五年累计完成…117.6亿元，其中2007年当年实现50亿元),
            # and so is a part the catalog prefers for the series (财政收入1432.4亿元，其中地方财政收入746亿元)
            ids = []
            subgroups_named.add(d.indicator)
        if ids and (_subject_is_subgroup(doc, d, words) or _adjusted(doc, d, words)
                    or (d.inherited and d.indicator in subgroups_named)):
            # 省属企业完成产业类投资553.1亿元、研发投入133.5亿元，分别增长10.6%、10.3%: the firms'
            # R&D, and its growth that the list hands on
            ids = []
            subgroups_named.add(d.indicator)
        d.indicator_id = ids[0] if ids else None
        if d.indicator_id:
            ids_in_sentence.setdefault((d.indicator_id, d.unit), d.indicator or "")
        if (reform := words.income_reform) is not None and d.indicator_id == reform["after"] \
                and (d.indicator.endswith(reform["names"])
                     or matcher.plain(d.indicator).endswith(reform["names"])):
            # 农民人均收入 says neither 纯收入 nor 可支配收入: which one, its period says (_claim)
            d.income_reform = True
        if d.direction is None and d.indicator_id and verb_before_is(d.own, words.improve_words, words):
            # PM2.5浓度改善7.9%: an improvement is a fall where lower is better
            d.direction = "decrease" if matcher.lower_is_better(d.indicator_id) else "increase"
        prev_in_sentence = last_claim = d
    _read_spans(doc, drafts, words)
    _unname_stock_levels(drafts, matcher, words)
    sentences: dict = {}
    return [_claim(doc, d, words, sentences) for d in drafts]


def _unname_stock_levels(drafts: list[Draft], matcher: IndicatorMatcher, words: Words) -> None:
    """农村贫困人口由4960万人减少到2820万人: the levels a stock went between, named by the stock, are
    no figures of the flow its verb makes of it (not 城镇新增就业由3万人增加到5万人, whose name is
    the flow's)."""
    for d in drafts:
        ends_pair = d.previous is not None and d.previous.start_of_pair \
            and d.previous.sentence == d.sentence
        if d.indicator_id and (d.start_of_pair or ends_pair) \
                and matcher.is_flow(d.indicator_id) and not has_verb(d.indicator or "", words):
            d.indicator_id = None


def _read_spans(doc: Document, drafts: list[Draft], words: Words) -> None:
    """Each figure's span cues (_read_span_cues), and what a figure before it says for it: a
    base year said with 下同 or once before a list of level–growth pairs, a 同比（下同）."""
    below = None     # a base year said with 下同 (比2012年（下同）增长), and where it was said
    shared_base = None   # the last base year said, and where: its sentence's later growths share it
    yoy_to = -1      # where the paragraph ends whose growths a 同比（下同） makes the year's
    for i, d in enumerate(drafts):
        prev = drafts[i - 1] if i and drafts[i - 1].sentence == d.sentence else None
        _read_span_cues(d, prev, words, doc.times, doc.norm)
        if d.one_year and _BELOW in doc.text[d.clause_start:d.q.start]:
            # 2021年全市地区生产总值4977亿元，同比（下同）增长10.1%: every growth after it in the
            # paragraph is on the year before too
            line_end = doc.norm.find("\n", d.q.end)
            yoy_to = line_end if line_end >= 0 else len(doc.norm)
        elif d.q.start < yoy_to and not (d.average or d.total) and d.base_year is None \
                and not d.span_years:
            d.one_year = True       # (not 比2017年增长48%: a growth since then)
        if d.base_year is not None:
            below = (d.base_year, d.q.end) if _BELOW in doc.text[d.clause_start:d.q.start] \
                else None
            # (a growth, or a change by an amount: 比一九七八年减少一百多亿元，减少近百分之十)
            shared_base = (d.base_year, d.q.end) \
                if (d.q.unit in _GROWTH_UNITS or d.direction is not None) \
                and not d.in_brackets else None
        elif shared_base is not None and _rate_of_the_change(doc, d, prev, shared_base[1]):
            # 比一九七八年减少一百多亿元，减少近百分之十: the change's rate, on the same base
            d.base_year = shared_base[0]
        elif shared_base is not None and _shares_the_base(doc, d, shared_base[1]):
            # 实现生产总值26.8亿元、比2016年增长28%，完成社会消费品零售总额9.7亿元、增长56.5%: the
            # base said once is the list's
            d.base_year = shared_base[0]
        elif below is not None:
            if _sentence_goes_on(doc.norm, below[1], d.q.start):
                d.base_year = below[0]     # …；固定资产投资353.7亿元，增长125.1%: the same base
            else:
                below = None


def _draft(doc: Document, q: Quantity, prev_end: int, words: Words) -> Draft:
    """The clause of a quantity runs from the last break or the previous quantity, whichever is
    nearer: in 从9.7万亿元增加到12.9万亿元 the second figure's own words are 增加到."""
    s_start, s_end = doc.sentence_at(q.start)
    lo = max(s_start, prev_end)
    end = _before_aside(doc.norm, lo, q.start, words)
    cut = words.last_break.search(doc.norm, lo, end)
    while cut is not None and (opened := _infix_aside(doc.norm, lo, cut.start(), words)) is not None:
        cut = words.last_break.search(doc.norm, lo, opened)    # 城镇（常住）居民: one name
    clause_start = cut.end() if cut else lo
    clause = doc.norm[clause_start:end]
    lcut = words.last_list_break.search(doc.norm, clause_start, end)
    lcut = lcut.end() - clause_start - 1 if lcut else -1
    own = clause[lcut + 1:]
    bare = words.joiners.sub("", own).strip()
    continues = (not strip_words(bare, words) and (lcut >= 0 or bare != own.strip())) \
        or not clause.strip()
    # a 、 that follows words, not a figure (rules figure_tail_pattern)
    after_words = continues and lcut >= 0 and _words_between(doc.norm[lo:clause_start + lcut], words)
    return Draft(q, (s_start, s_end), clause, own, continues, clause_start,
                 clause_start + lcut + 1, in_brackets=_in_brackets(doc.norm, lo, q, words),
                 after_words=after_words)


def _gap_of(name: str | None, words: Words) -> str | None:
    """The indicator a name sets against another's figure (地区生产总值增速高于全省 → 地区生产总值),
    or None."""
    split = split_gap(name, words.gap_tail)
    return (strip_words(split[0], words) or None) if split else None


def _counts_the_noun_after(doc: Document, d: Draft, words: Words) -> bool:
    """A count after a 、 that follows words (新培育10个概念验证中心、20个中试平台) counts the noun after
    it: not a share (100%网上可办、84%“全程网办”), a streak or a rank, a rate's noun (实现1.2%的增长), a
    verb (11个竣工投用、14个加快建设: a part of the noun before) or another figure (4项第一、2项第二)."""
    if d.q.unit in REMARK_UNITS or d.q.unit in RATIO_UNITS \
            or rate_noun_after(doc.norm, d.q.end, words) is not None:
        return False
    # (what follows as written: 加快建设, which the noun the caller reads cuts to 加快; that there
    # is a noun at all the caller asks)
    said = (following_phrase(doc, d, words) or "").lstrip()
    return not said.startswith(words.part_predicates) \
        and not (words.ordinal is not None and words.ordinal.match(said))


def _words_between(between: str, words: Words) -> bool:
    """Words, not a figure's own tail or bracketed remarks, between a figure and the 、 after it."""
    between = words.aside.sub("", words.figure_tail.sub("", between))
    return bool(strip_words(between, words))


# the bracket rules' `aside_pattern` opens with (the folded text has （ as this one): looked for
# with str.find first, as most figures have none near them
_ASIDE_OPENS = "("


def _infix_aside(norm: str, lo: int, close: int, words: Words) -> int | None:
    """Where an aside inside a name opens, when the break at `close` closes one: a bracketed
    word or two between characters of one name (城镇（常住）居民人均可支配收入, 污水治理（管控）率;
    rules context `infix_aside`), which the phrase then drops (`phrase_noise`)."""
    if words.infix_aside is None or norm[close] != _ASIDE_CLOSES:
        return None
    opened = norm.rfind(_ASIDE_OPENS, max(lo, close - _INFIX_REACH), close)
    if opened <= lo or words.infix_aside.fullmatch(norm, opened - 1, close + 2) is None:
        return None
    return opened


# an aside inside a name is this short, with its brackets
_INFIX_REACH = 8
_ASIDE_CLOSES = ")"


def _remark_between(norm: str, end: int, start: int, words: Words) -> bool:
    """Only a bracketed remark (and the break after it) stands between a figure's end and a
    clause's start: 5.6%(全市第四)、6.6% is one clause."""
    if not norm.startswith(_ASIDE_OPENS, end):
        return False
    m = words.aside.match(norm, end)
    return m is not None and start - 1 <= m.end() <= start


def _in_brackets(norm: str, lo: int, q: Quantity, words: Words) -> bool:
    """The figure stands in a bracketed aside (rules `aside_pattern`) opened after the figure
    before it: a remark on that figure (增速分别为5.6%(全市第四)、6.6%), no item of its list."""
    opened = norm.rfind(_ASIDE_OPENS, lo, q.start)
    if opened < 0:
        return False
    for m in words.aside.finditer(norm, opened, min(len(norm), q.end + _ASIDE_REACH)):
        if m.start() >= q.start:
            return False
        if m.end() >= q.end:
            return True
    return False


# an aside right before a figure is looked for this far back
_ASIDE_REACH = 64


def _before_aside(norm: str, lo: int, at: int, words: Words) -> int:
    """Where a figure's words end: before a bracketed aside standing right before it
    (地区生产总值（预计，下同）7100亿元 is 地区生产总值's), else at the figure."""
    end = at
    while end > lo and norm[end - 1] == " ":
        end -= 1
    if end <= lo:
        return at
    for m in words.aside.finditer(norm, max(lo, end - _ASIDE_REACH), end):
        if m.end() == end and m.start() > lo:
            return m.start()
    return at


def _detailed(d: Draft, prev: Draft) -> Draft:
    """The figure a 其中 clause details: the nearest before it in its sentence in its own unit
    (全口径财政收入133.3亿元，年均增长31.1%，其中地方一般预算收入51.9亿元: the 133.3亿元, whose level
    it shares, not the growth after it), else, for an amount, the nearest amount (市场主体8.5万户，
    增长12%，其中企业2.1万家), else the one right before it."""
    same = amount = None
    f: Draft | None = prev
    while f is not None and same is None:
        if f.q.unit == d.q.unit:
            same = f
        elif amount is None and f.q.unit not in RATIO_UNITS:
            amount = f
        f = f.before
    if same is not None:
        return same
    return amount if amount is not None and d.q.unit not in RATIO_UNITS else prev


def _reaches_total(own: str, words: Words) -> bool:
    """A list item's words are a reach word alone (、达157万户) or after a total (、总数达270家): the
    level the subject before reached, not a second item of its change."""
    said = own.rstrip()
    if not said.endswith(words.reach_words):
        said = strip_between(said, words)       # 、总数达到了: the words between dropped first
    reach = next((w for w in words.reach_words if said.endswith(w)), None)
    if reach is None:
        return False
    head = said[:-len(reach)].strip("、，, ")
    return not head or head.endswith(words.reached_totals)


def _read_clause(doc: Document, d: Draft, prev: Draft | None, words: Words) -> None:
    d.qualifier = _qualifier(doc, d, words)
    in_list = d.own != d.clause or d.continues   # follows a 、 (or 和) in its clause
    prev_in_clause = prev is not None and (prev.q.end >= d.clause_start
                                           or _remark_between(doc.norm, prev.q.end, d.clause_start,
                                                              words))
    own = d.own
    if prev is not None and prev.q.rule in words.adverbial_rules and prev.q.end == d.clause_start:
        # 增速连续三年达到13%: the run of years is an adverb; the verb's words stand before it
        own = doc.norm[prev.own_start:prev.q.start] + own
    elif prev is None and not own.strip() and (colon := _after_colon(doc, d)) is not None:
        own = _before_colon(doc, d, colon, words)     # 生产总值增长目标：7.5%至8%: a rise
    d.direction, found = direction_of(own, words)
    d.shares_verb = found and verb_outside_name(d.own, words)
    if not found and in_list and prev_in_clause and (prev.shares_verb or (
            prev.direction is not None and prev.q.unit == d.q.unit
            and not strip_words(own.strip(), words))) \
            and not strip_between(own.rstrip(), words).endswith(words.hold_words) \
            and not _reaches_total(own, words):
        # a list shares its verb: 改造棚户区2740套、老旧小区3081套, 新增绿地超100万平方米、口袋公园
        # 超50个 (not 城镇新增就业4.7万人、城镇调查失业率5.3%, whose 新增 is a word of the first item's
        # name; nor an item that holds its own level, …增长11.2%、居民消费价格涨幅控制在1.7%以内, or
        # reaches its total, 增长6.0%、总量达4168.5亿元, 净增15万户、达157万户)
        d.direction, d.shares_verb = prev.direction, True
    elif not found and in_list:
        d.direction, d.shares_verb = direction_of(d.clause, words)   # 减征失业保险、工伤保险1.5亿元
    minus = d.q.start > 0 and doc.norm[d.q.start - 1:d.q.start] in words.minus_signs
    if d.direction is None and d.q.unit == "%" and \
            (rate := rate_noun_before(own[:-1] if minus else own, words, d.clause)):
        # 增速达到16.1% / 降幅为5%: a rate stated as a level (增速分别为5.6%、6.6%: for the list
        # its 分别 shares out; not for the items after 增速8.1%、恩格尔系数28.5%, which are levels)
        d.direction = rate
        d.shares_verb = words.distributive_set.found_in(own)
    elif d.direction is None and d.q.unit == "%" and (rate := rate_noun_after(doc.norm, d.q.end,
                                                                             words)):
        d.direction = rate                    # 实现20%以上的增长: the rate's noun after it
    if d.direction == "increase" and minus:
        d.direction = "decrease"              # 增长-2.5%, 增速-14.7%: a fall written as negative growth
    elif d.direction is None and minus and _on_the_year_before(
            doc.norm[prev.clause_start if d.continues and prev_in_clause else d.clause_start:
                     d.q.start], words):
        d.direction = "decrease"              # 同比分别-6.2%、-19.3%: a change on the year, negative
    d.share = words.share_set.found_in(d.own)
    if prev is not None and is_subclause(d.clause, words) and not moves(d.own, words) \
            and not d.share:
        d.direction = _detailed(d, prev).direction
    phrase = strip_words(d.own.strip(), words)
    if d.q.unit == "rank":
        phrase = strip_words(strip_scope(phrase, words), words)   # 增速全国第3: 增速
    if (d.share or words.excess_set.found_in(d.own)) and prev is not None and prev.indicator \
            and words.completion_set.found_in(d.own):
        # 地区生产总值564亿元，占计划的100%，同比下降2% / 为年度目标的98% / 超额完成年度任务2.1亿元:
        # a figure measured against the plan is about the plan; what follows it goes on with the
        # indicator before it
        d.remark_on = prev
    elif d.share and d.q.unit == "%" and phrase.startswith(words.share_words) and prev is not None \
            and prev.indicator and not prev.share and prev.q.unit not in RATIO_UNITS \
            and not moves(d.own, words) \
            and not (words.from_pattern is not None and words.from_pattern.search(d.own)):
        # 地区生产总值实现1135.8亿元,占全市的比重为29.37%,比2015年提高0.56个百分点,增长7.8%: a share of
        # the level before, said of it; the level's own growth follows the share's remarks
        d.remark_on = prev
    elif d.q.unit == "rank" and prev is not None and prev.indicator and prev.q.unit != "rank" \
            and _ranks_the_figure_before(phrase, words):
        # 实现地区生产总值2223.81亿元，总量居全省第三，增长3.5%: so does what follows a rank of it
        # (not one with a subject of its own: 财政收入居全省第二，增长10%)
        d.remark_on = prev
    if d.share and phrase.startswith(words.share_words) and prev is not None and prev.indicator:
        phrase = prev.indicator + phrase
    if phrase and words.verbs.fullmatch(phrase):
        phrase = ""               # 新增2.6万个公办学位: the verb alone names nothing
    elif phrase and prev is not None and prev.counts_after \
            and ((before := words.joiners.sub("", d.own).strip()) == prev.indicator
                 or is_modifier(before, words)):
        # 60个贫困村和8.77万贫困人口: the noun before is the one before's (3个国家级和12个省级…: its level)
        phrase = ""
    if not phrase and (not d.continues or _opens_clause(doc, d, words)
                       or (d.after_words and _counts_the_noun_after(doc, d, words))
                       or (prev is not None and (prev.counts_after or not prev.indicator))) \
            and (following := noun_after(doc, d, words)):
        # 3家企业荣获…, 完成30万亩高标准农田建设, …，2.1万名贫困人口脱贫: a number with nothing
        # before it counts what follows (so does a list item after a count of its own noun, or
        # of none: 124个贫困村、7.35万贫困人口脱贫; 96户、183人实现全部脱贫);
        # but 突破600亿元大关 is a milestone that the indicator before (or the clause's subject) passed
        named = None
        if following in words.milestone_nouns:
            named = prev.indicator if prev is not None and prev.indicator else \
                _subject_before(doc, d, prev, words)
        d.indicator, d.counts_after = named or following, named is None
    elif not d.clause.strip() and (prev is not None or _after_colon(doc, d) is None):
        d.indicator = prev.indicator if prev else None
    elif not phrase and (subject := _subject_before(doc, d, prev, words)):
        # 全省进出口总值创历史新高，达到5379亿元: the clause before names what it reached
        d.indicator = subject
    elif prev is not None and prev.indicator and phrase in words.generic_heads:
        # …增长7.4%，总额达到2360亿元: the indicator before (past the ranks and the gaps said of
        # it: GDP增速为11.8%，全市、全省排名第3，…前进了21位；总量为40.3亿元; 地区生产总值增长5%，高于全市
        # 3个百分点，总量突破400亿元)
        d.indicator = _past_remarks(prev, words).indicator
    elif prev is not None and prev.indicator \
            and (named := _head_noun_item(doc, d, phrase, prev, words)) is not None:
        # 粮食播种面积1584.6万亩、总产量132.4亿斤: the item takes the subject of the one before
        d.indicator = named
    elif prev is not None and (d.continues or not phrase or phrase.startswith(words.comparison)):
        # 达1112亿元 / 增长5.2% / 比上年增加1000亿元: the same indicator as the figure before
        # (a list item goes on with the item before it, whatever that remarks on: 80个学科进入
        # ESI世界学科排名前1%、7个学科进入前1‰)
        source = prev.remark_on if prev.remark_on is not None and not d.continues else prev
        if prev.share and prev.remark_on is not None and d.q.unit == "pp":
            # …占全市的比重为29.37%,比2015年提高0.56个百分点: the share's change, a remark too
            source, d.remark_on = prev, prev.remark_on
        d.indicator, d.share, d.inherited = source.indicator, d.share or source.share, True
        if d.q.unit != source.q.unit and words.gap_tail is not None and source.indicator \
                and (gap := words.gap_tail.search(source.indicator)) is not None and gap.start():
            # 地区生产总值增速高于省平1个百分点、7%左右: the growth itself, not its gap to the province's
            d.indicator = strip_words(source.indicator[:gap.start()], words) or source.indicator
            if gap["rate"] and d.q.unit == "%" and d.direction is None:
                d.direction = "increase"        # (增速: a rate of growth)
    elif not phrase and prev is None and (last := _before_a_semicolon(doc, d, words)) is not None:
        # 地区生产总值突破一千亿元；达1422.33亿元: a ；-part with no name of its own goes on with the
        # figure that ends the part before
        d.indicator, d.inherited = last.indicator, True
    else:
        d.indicator = phrase or None


def _before_a_semicolon(doc: Document, d: Draft, words: Words) -> Draft | None:
    """The figure that ends the ；-part right before a figure's own, with nothing but the ；
    and the figure's own words between them in the text, when it has a catalog name and the
    figure's unit (or a rate, its growth: 财政收入12亿元；增长8%); none for a figure with words
    after it (；为3729户低收入农牧户发放…: it counts them), nor after another thing's figure
    (总投资280亿元；开工42个, 普及率达到98%；解决3.2万人, 开工亿元以上项目60个；建成投产25个)."""
    last = d.previous
    if last is None or not last.indicator or last.in_brackets \
            or (last.q.unit != d.q.unit and d.q.unit != "%") \
            or not last.indicator.endswith(words.aliases) \
            or _past_qualifier(doc.norm[d.q.end:d.sentence[1]], words)[:1] not in _ENDS_A_FIGURE:
        return None
    # (a qualifier after either figure: 增长4.7%左右；2025年预期目标增长5%左右)
    between = _past_qualifier(doc.norm[last.q.end:d.sentence[0]], words)
    return last if any(m in between for m in SEMICOLONS) \
        and not between.strip(" \u3000" + "".join(SEMICOLONS)) else None


def _past_qualifier(after: str, words: Words) -> str:
    """What follows a figure past the qualifier word right after it (5%左右；→ ；)."""
    qualifier = longest_affix(after, words.after_index, at_end=False)
    return after[len(qualifier):] if qualifier is not None else after


# what may follow a figure that stands for the one before (达1422.33亿元。): a clause's end, or none
_ENDS_A_FIGURE = ("", "。", "、", "\n") + COMMAS + SEMICOLONS


def _rate_of_the_change(doc: Document, d: Draft, prev: Draft | None, base_end: int) -> bool:
    """A rate right after an amount changed since a base year, the same way (减少一百多亿元，减少近
    百分之十): the same change as a rate, on that base."""
    if prev is None or prev.q.end != base_end or prev.q.unit in RATIO_UNITS \
            or d.q.unit != "%" or d.direction is None or d.direction != prev.direction:
        return False
    between = doc.norm[base_end:d.q.start]
    return len(between) <= _RATE_REACH and not any(mark in between for mark in _BASE_STOPS)


# how far after the amount its rate may stand (，减少近)
_RATE_REACH = 8


def _shares_the_base(doc: Document, d: Draft, base_end: int) -> bool:
    """A growth of a multi-year frame's list of levels and growths takes the base year said
    before it (…、比2016年增长28%，…9.7亿元、增长56.5%): one with no base, average, total or
    year-on-year word of its own, right after a level of its own, with no 年 (another year, 今年),
    ；, 。 or line end between. Not in one year's frame, where a growth is the year's."""
    if d.q.unit not in _GROWTH_UNITS or d.direction is None \
            or d.one_year or d.average or d.total or d.span_years:
        return False
    level = d.before
    if level is None or level.q.unit in RATIO_UNITS or level.q.end <= base_end:
        return False
    between = doc.norm[base_end:d.q.start]
    if any(mark in between for mark in _BASE_STOPS):
        return False
    frame = doc.frame_at(d.q.start)
    return frame is not None and frame.first != frame.last


_BASE_STOPS = ("年", "。", "\n", ")", "）") + SEMICOLONS


def _past_remarks(prev: Draft, words: Words) -> Draft:
    """The figure before, or the nearest before it in its sentence that is no rank or streak
    remarking on the figure before it (…增速为11.8%，全市排名第3; not 财政收入增速居全市第1位, a
    rank with a subject of its own) and no gap to another place's figure (高于全市3个百分点)."""
    f: Draft | None = prev
    while f is not None and ((f.q.unit in _DIRECTIONLESS and f.remark_on is not None)
                             or (f.indicator and f.indicator.startswith(words.gap_words))):
        f = f.before
    return f if f is not None and f.indicator else prev


def _head_noun_item(doc: Document, d: Draft, phrase: str, prev: Draft, words: Words) -> str | None:
    """The name of a list item that is only a head noun (粮食播种面积1584.6万亩、总产量132.4亿斤 →
    粮食总产量), or of a clause right after the figure before that is, its lead verb aside (粮食种植
    面积379.2万亩，实现总产量97.8万吨; ，产量237.5万吨), with the subject of the figure before, where
    that names a catalog series; else None."""
    if phrase in words.shared_head_nouns and d.own != d.clause and prev.q.end >= d.clause_start:
        return _with_subject_of(prev.indicator, phrase, words)
    # (a head noun that opens like a verb is no verb: 增加值)
    lead = None if phrase in words.shared_head_nouns else words.verbs.match(phrase)
    # (，产量237.5万吨 too, after a figure of a head noun of its own: 播种面积917.05万亩, a share of its
    # subject, 服务业占地区生产总值的比重达49.7%，增加值增长7.5%, or a streak of it, 全国粮食连续四年增产，
    # 产量达到50150万吨; not after firms counted, 规上工业企业30家，产值10亿级工业企业…)
    noun = phrase[lead.end():] if lead is not None else \
        phrase if prev.indicator.endswith(words.cut_heads) or prev.share \
        or prev.q.unit == "year" else ""
    between = doc.norm[prev.q.end:d.clause_start].strip().strip(_ITEM_BREAKS + "".join(words.breaks))
    # (a streak's own verb may stand between: 连续四年增产，…)
    if noun not in words.shared_head_nouns or (
            between and not (prev.q.unit == "year" and words.verbs.fullmatch(between))):
        return None
    # (only where that names a catalog series: 新增规上企业20家，实现总产值224.2亿元 is theirs, no 新增总产值)
    named = _with_subject_of(prev.indicator, noun, words)
    # (a bare name standing alone names it too: 服务业 + 增加值)
    return named if named in words.bare_aliases \
        or any(named.endswith(a) for a in words.aliases if a not in words.bare_aliases) else None


_ITEM_BREAKS = "、"


def _with_subject_of(before: str, noun: str, words: Words) -> str:
    """A list item that is only a head noun takes the subject of the item before: what stands
    before that item's own head noun, less a verb (粮食播种面积 → 粮食总产量; 规模以上工业实现总产值
    → 规模以上工业增加值), else the item's first word (粮食产量 → 粮食单产)."""
    cut = trim(before, words.shared_heads_index, once=True)
    if cut != before and ends_a_word(before, len(cut)) and (subject := strip_words(cut, words)):
        return subject + noun       # (not 营业收入 → 营业 + 增加值: its head is no word of its own)
    # the firms counted before it (规模以上工业企业达7.6万家、增加值增长3%): their sector's figure,
    # where that is a catalog name
    owner = next((w for w in words.owner_nouns if before.endswith(w)), None)
    if owner and before[:-len(owner)] + noun in words.alias_set:
        return before[:-len(owner)] + noun
    return before[:first_word_length(before)] + noun


def _named_by_clause_before(doc: Document, d: Draft, since: int, matcher: IndicatorMatcher,
                            words: Words) -> str | None:
    """The catalog name a head noun makes with the start of the list item before it in its clause,
    else of the clause before it, after the figure before (`since`), the longest (规上工业总产值突破千亿
    大关、增加值增长8.6% → 规上工业增加值; 服务业快速发展，实现增加值7170亿元 → 服务业增加值; 粮食生产再夺丰收
    + 总产 → 粮食总产); not with a whole that the clause goes on to part (规上工业中战略性新兴产业…, 规模以上
    工业民营企业…: rules context `subject_rest`)."""
    noun = bare_head(d.indicator, words)
    for end in dict.fromkeys((d.own_start, d.clause_start)):     # the list item, then the clause
        head = doc.norm[since:end].rstrip(words.breaks + words.list_breaks + " ")
        cut = max(head.rfind(b) for b in words.breaks + words.list_breaks)
        piece = strip_words(head[cut + 1:].strip(), words)
        for k in range(min(len(piece), words.clause_subject_chars), 1, -1):
            found = matcher.match(piece[:k] + noun, d.unit, d.share, doc.city, d.direction)
            if found:
                rest_ok = words.subject_rest is None or words.subject_rest.match(piece, k)
                return piece[:k] + noun if rest_ok else None
    return None


def _ranks_the_figure_before(phrase: str | None, words: Words) -> bool:
    """A rank's phrase names nothing but the figure before it: a verb of ranking (居, 位居), and at
    most a word for that figure's size or pace (总量, 增速)."""
    rest = trim((phrase or "").rstrip(), words.rank_verbs_index, once=True)
    return rest == "" or rest in words.rank_subjects or is_rank_place(rest, words)  # 在六个大区中排名


def _totals_the_one_before(d: Draft, words: Words) -> bool:
    """The figure's name opens with a total (总产量, 总产值) and is short, a total and little more:
    a total of what the figure before counts."""
    return bool(d.indicator) and d.indicator.startswith(words.total_heads) \
        and len(d.indicator) <= words.total_head_chars


def _said_of_each(d: Draft, ids: list, matcher, words: Words, place: str | None) -> list:
    """A subject of joined names, every one a catalog indicator, shares the figure: the names
    are 、-joined, as a 均 list's are, so each one's row shows it. Returns the figure's ids."""
    # (not 城乡居民人均可支配收入增长8% with no 分别 or 均: one figure of all residents, as
    # tests/real/NOTES-gold-hailar.md rules)
    parts = [p for p in words.joiners.split(d.indicator) if p]
    if len(parts) < 2:
        return ids
    joint = "、".join(parts)
    each = matcher.list_ids(joint, d.unit, share=d.share, place=place, direction=d.direction)
    if len(each) != len(parts):
        return ids
    d.indicator = joint
    return each


def _before_figure(doc: Document, d: Draft) -> int:
    """Where the text before a figure ends, spaces skipped, in its sentence (looked for back over
    spaces only: a copy to the sentence's start per figure would be quadratic)."""
    at = d.q.start
    while at > d.sentence[0] and doc.norm[at - 1].isspace():
        at -= 1
    return at


def _after_colon(doc: Document, d: Draft) -> int | None:
    """Where the colon stands that the figure follows (2019年陕西生产总值增长目标：7.5%至8%: what
    stands before the colon names it), if it follows one."""
    at = _before_figure(doc, d)
    return at - 1 if at > 0 and doc.norm[at - 1] in "：:" else None


def _before_colon(doc: Document, d: Draft, colon: int, words: Words) -> str:
    """The clause before the colon a figure follows (…生产总值增长目标)."""
    cut = words.last_break.search(doc.norm, d.sentence[0], colon)
    return doc.norm[cut.end() if cut else d.sentence[0]:colon]


def _opens_clause(doc: Document, d: Draft, words: Words) -> bool:
    """The figure stands first in its clause, after a break or at the sentence's start (…，2.1万名
    贫困人口脱贫), not right after another figure (连跨4个千亿台阶)."""
    if d.clause.strip():
        return False
    at = _before_figure(doc, d)
    return at == d.sentence[0] or doc.norm[at - 1] in words.breaks


def _subject_before(doc: Document, d: Draft, prev: Draft | None, words: Words) -> str:
    """What a figure with no words of its own is about, when a clause or list item since the
    previous figure names it: 全省进出口总值创历史新高，达到5379亿元 / 全体居民人均可支配收入增速高于
    经济增速、突破3万元 — the nearest such piece, up to its first verb."""
    start = max(d.sentence[0], prev.q.end if prev is not None else 0)
    # an aside in brackets ((预计，下同)) names nothing
    head = words.aside.sub("", doc.norm[start:d.own_start])
    pieces = words.any_break.split(head)
    if prev is not None:
        pieces = pieces[1:]     # 4个千亿台阶: what runs on from the previous figure is its own noun
    for piece in reversed(pieces):
        if piece.strip() and (not strip_words(piece.strip(), words) or (
                words.remark_clause is not None and words.remark_clause.match(piece.strip()))):
            continue      # a remark between commas (，考虑价格下降因素，，经过各方面的努力，) names nothing
        masked = mask(piece, words)
        verb = next((m for m in words.verbs.finditer(masked) if m.start() > 0), None)
        stop = words.subject_stops.search(masked, 1) if words.subject_stops is not None else None
        if stop is not None and stop[0] in words.subject_stops_before_no_of \
                and "的" in masked[stop.end():]:
            stop = None       # 增速超过全省平均水平的县区: a sub-group picked out, not a comparison
        if stop is not None and (verb is None or stop.start() < verb.start()):
            verb = stop       # 地区生产总值继续全市领跑: an adverb ends the subject too
        subject = strip_words((piece[:verb.start()] if verb else piece).strip(), words)
        if subject:
            return subject
        if verb is not None and (named := _named_after_lead_verb(piece, masked, verb, words)):
            return named
    return ""


def _subject_is_subgroup(doc: Document, d: Draft, words: Words) -> bool:
    """The clause's subject, before its first verb, is a sub-group (省属企业, 重点监测景区): every
    figure of the clause is the sub-group's, list items with no subject of their own too."""
    if words.subject_subgroups is None:
        return False
    cut = words.last_break.search(doc.norm, d.sentence[0], d.own_start)
    start = cut.end() if cut else d.sentence[0]
    clause = doc.norm[start:d.q.start]
    verb = next(iter(words.verbs.finditer(mask(clause, words))), None)
    subject = clause[:verb.start()] if verb else clause
    if not words.subject_subgroups.found_in(subject):
        return False
    # (a zone's own report names itself so: 经开区 in 长沙经济技术开发区's)
    return not doc.city or any(w in subject and w not in doc.city
                               for w in words.subject_subgroups.words)


def _adjusted(doc: Document, d: Draft, words: Words) -> bool:
    """A part is taken out of the figure in its clause or the clause before (扣除房地产开发投资后，
    固定资产投资增长2.7%): another series than the catalog's (rules/context.yaml `adjusted_series`).
    Only those two clauses: the next clause of the sentence names its own figure."""
    if words.adjusted_series is None:
        return False
    cut = words.last_break.search(doc.norm, d.sentence[0], d.own_start)
    lo = d.sentence[0]
    if cut is not None:
        before = words.last_break.search(doc.norm, d.sentence[0], cut.start())
        lo = before.end() if before else d.sentence[0]
    return words.adjusted_series.search(doc.norm, lo, d.q.start) is not None


def _led_by_the_place(doc: Document, d: Draft, alias: str, before: Draft | None,
                      matcher: IndicatorMatcher, words: Words) -> bool:
    """A name the catalog reads only after a scope or lead word (增加值) is the place's: the place
    is named in its words (全区实现增加值, 2023年，全区…), or it opens a ；-part of a list of the
    place's headline figures in its 。-sentence (全年完成区地方财政收入127.1亿元…；完成增加值1000.6亿元)."""
    said = doc.norm[d.clause_start:d.q.start]      # (the phrase has dropped its scope words)
    if matcher.names_the_place(said[:said.rfind(alias)] if alias in said else said, doc.city):
        return True
    if before is None or before.indicator_id not in matcher.headline \
            or words.next_sentence_end.search(doc.norm, before.q.end, d.q.start) is not None:
        return False
    # (a ；-part of its own: …，工业生产稳中有进，实现增加值320亿元 after a headline is industry's)
    return doc.norm[max(0, d.clause_start - 8):d.clause_start].rstrip().endswith(SEMICOLONS)


def _named_after_lead_verb(piece: str, masked: str, verb, words: Words) -> str:
    """A catalog name right after a verb that only leads in (全年实现地区生产总值再迈上新的百亿台阶、
    增长8.1%: 实现 after 全年), up to the next verb; nothing else (继续实施国家中小河流治理 names no
    indicator: the figures after it count their own nouns)."""
    after = next((m for m in words.verbs.finditer(masked, verb.end())), None)
    name = strip_words(piece[verb.end():after.start() if after else len(piece)].strip(), words)
    return name if name.endswith(words.aliases) else ""


_GROWTH_UNITS = ("%", "x")
_BELOW = "下同"       # "the same below": a note that what it qualifies holds to the sentence's end


def _base_year(m, times) -> int | None:
    """比2010年 → 2010; 比“十一五”末 → the plan's last year (2010). `times`: the document's
    TimeReader, which knows the plans."""
    if m["year"]:
        return int(m["year"])
    plan = m.groupdict().get("plan")
    years = times.plan_years(plan) if plan and times is not None else None
    return years[1] if years else None


def _read_pair_year(d: Draft, prev: Draft | None, start, words: Words, times) -> None:
    """由2015年的45603元提高到2020年的65632元，增幅43.9%: the pair's start year passes to its end
    level, and from there to a rate right after it with no base of its own, which is then the
    growth of all the years since."""
    d.ends_pair = prev is not None and prev.start_of_pair and prev.sentence == d.sentence \
        and prev.q.end >= d.clause_start and not d.start_of_pair
    if d.ends_pair and prev.total and words.sum_set.found_in(prev.clause):
        # 五年累计从208.9亿元增加到978.8亿元: a pair of totals, both of the years the start names
        # (a word of summing, not the years alone: 五年来由12.3亿元增加到20.1亿元 is levels)
        d.total, d.span_years = True, d.span_years or prev.span_years
    if start is not None:
        d.pair_from = _base_year(start, times)
    elif prev is not None and prev.pair_from and prev.sentence == d.sentence:
        if prev.start_of_pair:
            d.pair_from = prev.pair_from                  # the level the pair reaches
        elif d.q.unit == "%" and d.base_year is None and not strip_words(d.own.strip(), words):
            # the growth over the pair, with no name of its own (…提高到2020年的65632元，增幅
            # 43.9%; not …，城镇居民人均可支配收入增长5.6%, another figure's year)
            d.base_year = prev.pair_from


def _named_after_a_total(d: Draft, prev: Draft | None, words: Words) -> bool:
    """A figure whose clause is only a name that sums over years (rules spans `summed_names`),
    right after a total of the same unit in its sentence: the total's verb goes on over it
    (累计完成一般公共预算收入318亿元，固定资产投资709亿元，社会消费品零售总额788亿元; not 贷款余额8.5亿元)."""
    return prev is not None and prev.total and prev.sentence == d.sentence \
        and _same_measure(prev, d) and not d.in_brackets and not has_verb(d.clause, words) \
        and strip_words(d.clause, words).endswith(words.summed_names)


def _share_of_the_named(doc: Document, d: Draft, words: Words) -> bool:
    """A per cent right after the name and 的 (国家财政收入的60%以上来自国有企业, 全市税收的80%): a share
    of what is named; not a level with its year (提高到2025年的57.7%) or its plan's end (“十四五”末的)."""
    before = doc.norm[d.clause_start:d.q.start].rstrip()
    if qualifier := longest_affix(before, words.before_index, at_end=True):
        before = before[:-len(qualifier)].rstrip()      # (的约60%)
    return before.endswith("的") and len(before) > 1 and not before[-2].isdigit() \
        and not before[:-1].endswith(words.time_before_of) and not has_verb(before, words)


def _same_measure(a: Draft, b: Draft) -> bool:
    """Two figures of one unit, or both sums of money (848億元 and 48億美元)."""
    return a.q.unit == b.q.unit or ((a.q.raw_unit or "").endswith("元")
                                    and (b.q.raw_unit or "").endswith("元"))


def _sentence_goes_on(norm: str, start: int, end: int) -> bool:
    """No sentence end (。, a line end) between two offsets: the 。-sentence goes on."""
    return norm.find("。", start, end) < 0 and norm.find("\n", start, end) < 0


def _read_span_cues(d: Draft, prev: Draft | None, words: Words, times, norm: str) -> None:
    """Whether a figure is an average (年均), a total (累计), a level reached (达到, 提高到, a bare 总量
    figure) or the start of a from–to pair, and any span its clause names (5年增长): what a
    multi-year frame needs to tell a span's figure from a year's."""
    # (a list item with no verb of its own, after a figure of the same clause: not …年均增长6.3%，
    # 全区地方财政收入、支出分别突破300亿元, whose 年均 is the clause before's)
    listed = prev is not None and prev.q.end >= d.clause_start \
        and (d.continues or d.own != d.clause) and not has_verb(d.own, words)
    d.average = is_average(d.clause, words) or (listed and prev.average)
    d.total = words.total_set.found_in(d.clause) or (listed and prev.total) \
        or _named_after_a_total(d, prev, words)
    # (a total with the years' average growth opening a clause after it in its sentence sums
    # years, whatever the frame: 累计8475亿元，年均增长6.2%; not …，“十四五”以来年均增长10.5%, another
    # span's, nor 较上年均有增长)
    d.total_with_average = d.total and words.average_after is not None \
        and words.average_after.search(norm, d.q.end, d.sentence[1]) is not None
    own = strip_between(d.own.rstrip(), words)
    # (the verb of the figure is the last: 接待游客人次较2019年增长24.2% is measured against 2019)
    verbs = list(words.verbs.finditer(mask(own, words)))
    verb = verbs[-1] if verbs else None
    before_verb = own[:verb.start()] if verb else own
    m = words.years_pattern.search(before_verb.rstrip())
    d.span_years = small_number(m["n"]) if m else (prev.span_years if listed else None)
    d.one_year = _on_the_year_before(d.own, words) or (listed and prev.one_year)
    base = words.base_pattern.search(before_verb.rstrip()) if words.base_pattern else None
    if base is None and words.base_lead is not None \
            and (d.unit in _GROWTH_UNITS or d.direction is not None):
        # (a growth or a change: 与2019年相比，接待游客5000万人次，增长20% spans only the 20%)
        base = words.base_lead.match(norm, d.sentence[0], d.clause_start)
    d.base_year = _base_year(base, times) if base else (prev.base_year if listed else None)
    # (从44026元、21235元提高到…: a list of start levels)
    start = words.from_pattern.search(own)
    d.start_of_pair = bool(start) or (listed and prev.start_of_pair) \
        or (words.to_pattern is not None and words.to_pattern.match(norm, d.q.end) is not None)
    _read_pair_year(d, prev, start, words, times)
    said = d.own.rstrip()
    # (a qualifier between the reach word and the figure: 增加到约12.7万元)
    before = longest_affix(said, words.before_index, at_end=True)
    reached = said[:-len(before)].rstrip() if before else said
    if words.year_of_level is not None and d.unit != "x":
        # 提升到2025年的(57.7%); not a multiple, whose year is its base (提高到2020年的1.4倍)
        reached = words.year_of_level.sub("", reached)
    if d.start_of_pair or d.unit in _DIRECTIONLESS:
        d.level = True            # a start level, a rank, a streak
    elif words.span_compared_after is not None and d.unit not in RATIO_UNITS \
            and not (own.endswith(words.reach_words) or said.endswith(words.reach_words)) \
            and words.span_compared_after.match(norm, d.q.end) is not None:
        # 支出51.6亿元，比“九五”时期增长1.9倍: its own period's total (not a level reached,
        # 存款余额达到5000亿元，比“十二五”时期增长80%)
        d.level = False
    elif d.unit not in RATIO_UNITS and words.level_at_end is not None \
            and words.level_at_end.search(d.own) is not None:
        d.level = True            # “十三五”末GDP实现441.7亿元: the level at the plan's end
    elif (own.endswith(words.reach_words) or said.endswith(words.reach_words)
          or reached.endswith(words.reach_words)) \
            and not (d.unit in RATIO_UNITS and rate_noun_before(said, words)):
        d.level = True            # 增长到4398.6亿元, 达到71.5%; not 增幅达73.6%, a rate of change
    elif d.direction is None and d.unit not in RATIO_UNITS and _level_after(d, norm, words):
        d.level = True            # 完成固定资产投资664亿元，是2011年的2.3倍: a year's, set beside one's
    elif own.endswith(words.hold_words) or said.endswith(words.hold_words):
        d.level = False           # held through the span
    elif listed:
        d.level = prev.level
    elif not d.clause.strip():
        d.level = False           # 8家全国重点实验室落户: things that happened, counted
    else:
        # a bare figure is a level (城镇化率58%), not one a rate noun gave a rise (增幅43.9%)
        d.level = d.share or (not has_verb(d.own, words) and d.direction is None)


def _on_the_year_before(own: str, words: Words) -> bool:
    """A growth on the year before in the figure's own words (同比增长8.9%, 比上年下降2%), as
    written (strip_between drops these)."""
    return words.year_on_year is not None and words.year_on_year.search(own) is not None


def _level_after(d: Draft, norm: str, words: Words) -> bool:
    """What follows a figure makes it a year's level: a year's multiple (，是2011年的2.3倍), or the
    span's average growth or the year's own (，同比增长8.9%) where no word of summing stands before
    it in its sentence (完成生产总值435亿元，年均增长6.7%; not 五年累计…，实现旅游收入2480亿元，年均增长
    9.8%); a list's items by what follows the list (分别实现15.5亿元、53亿元和13.5亿元,比2002年…)."""
    end = _LIST_AFTER.match(norm, d.q.end, d.sentence[1]).end()
    if words.level_after is not None and words.level_after.match(norm, end):
        return True
    return words.level_with_growth is not None \
        and words.level_with_growth.match(norm, end) is not None \
        and not words.sum_set.found_in(norm[d.sentence[0]:d.q.start])


# the rest of a list of figures after one of them (、53亿元和13.5亿元): bounded, so a sentence of
# 10,000 figures is not read to its end for each
_LIST_AFTER = regex.compile(r"(?:\s*[、和及与]\s*\d[\d.]*\s*[^\d\s，,。；;、和及与]{0,4}){0,12}")


def _qualifier(doc: Document, d: Draft, words: Words) -> str | None:
    if d.q.qualifier == "range":
        return "range"          # 控制在5%—6%: the range says it all
    # 5.2% 左右, and a stray full stop of a web copy's (增长6%.左右)
    after = doc.norm[d.q.end:d.q.end + words.after_reach + 3].lstrip().removeprefix(".")
    own = d.own.rstrip()
    following = longest_affix(after, words.after_index, at_end=False)
    following = words.after_of[following] if following is not None else None
    d.qualifier_after = following is not None
    leading = longest_affix(own, words.before_index, at_end=True)
    return (following
            or (words.before_of[leading] if leading is not None else None)
            or (words.in_clause_of[w] if (w := words.in_clause_set.first_in(d.clause)) is not None
                else None)
            or d.q.qualifier)


def _unit(doc: Document, d: Draft, words: Words) -> str:
    """A bare 万/亿 number's unit: from how its indicator ends (参保人数478.7万), how the noun
    after it ends (155万农村贫困人口), or a word for people right after it (2.5万玉工)."""
    if d.q.unit != "implied":
        return d.q.unit
    if d.continues and d.before is not None and d.before.q.unit == "implied" \
            and d.before.unit not in ("", "other"):
        return d.before.unit    # 跨越7万亿、8万亿、9万亿: a list of bare numbers, the first's unit
    phrase = _less_verb(d.indicator or "", words)    # 农村贫困人口减少130万: what fell is the cue
    # (own_words: only the figure's own words are a cue, not an indicator taken from the figure
    # before: 投资近15亿元…，3万多居民受益)
    own = "" if d.inherited or not d.own.strip() else phrase
    after = doc.norm[d.q.end:d.q.end + 2]
    following = _less_verb(following_phrase(doc, d, words), words)   # 155万农村贫困人口(脱贫)
    for unit, cues in words.implied.items():
        suffixes = tuple(cues.get("before_suffixes", []))
        if (own if cues.get("own_words") else phrase).endswith(suffixes) \
                or (following and following.endswith(suffixes)):
            return unit
        if after.startswith(tuple(cues.get("after_words", []))):
            return unit       # 2.5万玉工; not 50亿，民营经济 across the comma
    return "other"


def _less_verb(phrase: str, words: Words) -> str:
    """A phrase without the verb (or the change word) it ends with, and the adverbs before that
    (农村贫困人口减少 → 农村贫困人口; 贫困人口全部脱贫 → 贫困人口)."""
    verb = words.verb_at_end.search(phrase)
    if verb and verb.start() > 0:
        less = phrase[:verb.start()]
    elif change := next((w for w in words.change_words
                         if phrase.endswith(w) and len(phrase) > len(w)), None):
        less = phrase[:-len(change)]
    else:
        return phrase
    return strip_words(less, words) or less


def _as_written(doc: Document, phrase: str | None, where: tuple[int, int],
                always: bool = False) -> str | None:
    """The indicator phrase in the report's own characters when the text was matched in
    simplified form (國內生產總值 stays 國內生產總值): the same stretch of the original, looked for
    where it was read. A noun a figure counts after it (`always`: 3家企业荣获ＡＡＡ级…) is so shown
    in any text, folded forms and all, as it always was."""
    if not phrase or not (doc.simplified or always):
        return phrase
    at = doc.norm.rfind(phrase, *where)
    return doc.text[at:at + len(phrase)] if at >= 0 else phrase


def _year_named(period: str | None, report_year: int | None) -> int | None:
    """The year whose usage a name has: its figure's, or the report's when that is earlier (a
    target set years ahead) or the figure has none."""
    years = [y for y in (int(period) if period else None, report_year) if y is not None]
    return min(years) if years else None


def _claim(doc: Document, d: Draft, words: Words, sentences: dict) -> Claim:
    when = time_of(doc, d, words, sentences)
    indicator_id = d.indicator_id or (d.gap_id if when.kind == "target" else None)
    if d.income_reform and (year := _year_named(when.period, doc.year)) is not None \
            and year < words.income_reform["from_year"]:
        indicator_id = words.income_reform["before"]    # 2010年农民人均收入: the net income
    section = doc.section_at(d.q.start)
    s, e = d.sentence
    facts = sentences[d.sentence]          # read by time_of
    if facts.text is None:
        # one string object per sentence, shared by its claims: a sentence of 10,000 figures is
        # held once, not 10,000 times
        facts.text = doc.text[s:e].strip()
    return Claim(
        doc=doc.key, city=doc.city, year=doc.year, start=d.q.start, end=d.q.end,
        surface=doc.text[d.q.start:d.q.end], value=float(d.q.value), unit=d.unit,
        raw_number=doc.text[slice(*d.q.num_span)],
        raw_unit=doc.text[slice(*d.q.unit_span)] if d.q.unit_span else None,
        classifier=d.q.classifier,
        indicator=_as_written(doc, d.indicator, (s, d.q.start)) if not d.counts_after
        else _as_written(doc, d.indicator, (d.q.end, e), always=True),
        indicator_id=indicator_id, period=when.period, span=when.span, kind=when.kind,
        qualifier=d.qualifier,
        value_high=float(d.q.value_high) if d.q.value_high is not None else None,
        direction=d.direction, section=section.path if section else "",
        sentence=facts.text, rule=d.q.rule)
