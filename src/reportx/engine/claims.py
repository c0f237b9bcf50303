"""From quantities to claims: what each number measures (indicator phrase and catalog id), its
direction, qualifier, period and kind, read from the words around it (rules/context.yaml).

The clause of a quantity is the text from the last clause break (，；。：) before it; within a list
(A、B、C分别增长X、Y、Z) the part after the last 、 is its own, and a quantity with nothing of its
own before it continues the previous one (达1112亿元 after 合同投资额突破1000亿元).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex

from reportx.engine.claim import Claim
from reportx.engine.document import Document
from reportx.engine.indicators import IndicatorMatcher, first_word_length, trim_phrase
from reportx.engine.quantities import Quantity, find_quantities
from reportx.engine.ruleset import RuleSet
from reportx.engine.patterns import word_pattern
from reportx.engine.wordsets import WordSet

# Units whose direction is not read from the clause: a rank (only a verb right before it moves
# it), a streak of years (never).
_DIRECTIONLESS = {"rank", "year"}
# Units of a ratio: 2019年的92% compares with 2019, it is not about 2019.
_RATIOS = {"%", "pp", "x"}


@dataclass
class Words:
    """The context word lists of a rule set, compiled once."""
    breaks: str
    list_breaks: str
    after: list[tuple[str, str]]
    before: list[tuple[str, str]]
    verbs: re.Pattern        # word_pattern: `re` for the word lists searched per clause
    verb_at_end: re.Pattern
    between: list[str]
    in_clause: list[tuple[str, str]]
    subclause: tuple[str, ...]
    verb_direction: dict[str, str | None]
    share_words: tuple[str, ...]
    tail_words: list[str]
    head_words: list[str]
    implied: dict
    target_words: tuple[str, ...]
    period_year: regex.Pattern
    joiners: re.Pattern = field(default=None)
    breakdown: tuple[str, ...] = ()
    comparison: tuple[str, ...] = ()
    copulas: tuple[str, ...] = ()
    verb_masks: tuple[str, ...] = ()
    head_pattern: regex.Pattern | None = None
    tail_pattern: regex.Pattern | None = None
    sentence_ends: str = ""
    distributive: tuple[str, ...] = ()
    joint: tuple[str, ...] = ()
    expansions: dict = field(default_factory=dict)
    rank_scopes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()          # catalog names, kept whole (经济增长 is not 经济+增长)
    strip_chars: str = ""
    average_words: tuple[str, ...] = ()
    total_words: tuple[str, ...] = ()
    years_pattern: regex.Pattern | None = None
    default_years: int = 5
    reach_words: tuple[str, ...] = ()
    hold_words: tuple[str, ...] = ()
    generic_heads: tuple[str, ...] = ()
    minus_signs: str = ""
    target_pattern: re.Pattern | None = None   # any target word (力争, 确保 …), one search
    leads: tuple[str, ...] = ()     # between words and leading qualifiers (分别, 超过): before a number
    quoted: regex.Pattern | None = None       # a quoted name (“亩均效益提升”行动): its verbs are words
    noun_linkers: tuple[str, ...] = ()        # 增长的贡献率: a verb before 的 is part of a noun
    rate_nouns: tuple[str, ...] = ()
    fall_rate_nouns: tuple[str, ...] = ()     # 降幅: a rate of decline stated as a level
    improve_words: tuple[str, ...] = ()
    shared_head_nouns: tuple[str, ...] = ()
    from_pattern: regex.Pattern | None = None
    completion_words: tuple[str, ...] = ()    # 计划, 目标: a share of them is a plan's completion
    excess_words: tuple[str, ...] = ()        # 超额完成: by how much the plan was passed
    milestone_nouns: tuple[str, ...] = ()     # 大关, 台阶: 突破600亿元大关 is the indicator's level
    aside: regex.Pattern | None = None        # a bracketed aside ((预计，下同)): no subject
    after_reach: int = 4      # how far after a number its qualifier or unit cue can reach
    # derived (__post_init__): the tail and head words by length, longest first, so that the
    # longest one a phrase ends or starts with is a few set lookups, not a scan of them all;
    # and what _strip_words made of each phrase (it is asked about 增长 again and again)
    tail_index: tuple = field(default=(), repr=False, compare=False)
    head_index: tuple = field(default=(), repr=False, compare=False)
    between_index: tuple = field(default=(), repr=False, compare=False)
    leads_index: tuple = field(default=(), repr=False, compare=False)
    scopes_index: tuple = field(default=(), repr=False, compare=False)
    stripped: dict = field(default_factory=dict, repr=False, compare=False)
    masked: dict = field(default_factory=dict, repr=False, compare=False)     # _mask's, likewise
    unbetween: dict = field(default_factory=dict, repr=False, compare=False)  # _strip_between's
    last_break: regex.Pattern | None = field(default=None, repr=False, compare=False)
    last_list_break: regex.Pattern | None = field(default=None, repr=False, compare=False)
    last_sentence_end: regex.Pattern | None = field(default=None, repr=False, compare=False)
    next_sentence_end: regex.Pattern | None = field(default=None, repr=False, compare=False)
    share_set: WordSet | None = field(default=None, repr=False, compare=False)
    completion_set: WordSet | None = field(default=None, repr=False, compare=False)
    excess_set: WordSet | None = field(default=None, repr=False, compare=False)
    total_set: WordSet | None = field(default=None, repr=False, compare=False)
    distributive_set: WordSet | None = field(default=None, repr=False, compare=False)
    in_clause_set: WordSet | None = field(default=None, repr=False, compare=False)
    in_clause_of: dict = field(default_factory=dict, repr=False, compare=False)
    after_index: tuple = field(default=(), repr=False, compare=False)
    before_index: tuple = field(default=(), repr=False, compare=False)
    after_of: dict = field(default_factory=dict, repr=False, compare=False)
    before_of: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        # the last clause or list break before a figure, searched backwards from it (a
        # reverse search stops at the nearest one instead of scanning the clause per character)
        self.last_break = regex.compile(f"(?r)[{regex.escape(self.breaks)}]")
        self.last_list_break = regex.compile(f"(?r)[{regex.escape(self.list_breaks)}]")
        self.last_sentence_end = regex.compile(f"(?r)[{regex.escape(self.sentence_ends)}]")
        self.next_sentence_end = regex.compile(f"[{regex.escape(self.sentence_ends)}]")
        self.after_of, self.before_of = dict(self.after), dict(self.before)
        self.share_set, self.total_set = WordSet(self.share_words), WordSet(self.total_words)
        self.completion_set = WordSet(self.completion_words)
        self.excess_set = WordSet(self.excess_words)
        self.distributive_set = WordSet(self.distributive)
        self.in_clause_of = dict(self.in_clause)
        self.in_clause_set = WordSet(w for w, _ in self.in_clause)
        self.after_index = _by_length(self.after_of)
        self.before_index = _by_length(self.before_of)
        self.tail_index = _by_length(self.tail_words)
        self.head_index = _by_length(self.head_words)
        self.between_index = _by_length(self.between)
        self.leads_index = _by_length(self.leads)
        self.scopes_index = _by_length(self.rank_scopes)


def _by_length(affixes) -> tuple[tuple[int, frozenset], ...]:
    lengths = sorted({len(w) for w in affixes}, reverse=True)
    return tuple((n, frozenset(w for w in affixes if len(w) == n)) for n in lengths)


def _longest_affix(phrase: str, index, at_end: bool, keep: int = 0) -> str | None:
    """The longest word of a _by_length index the phrase ends (at_end) or starts with, leaving
    at least `keep` characters of it."""
    size = len(phrase)
    for n, affixes in index:
        if n <= size - keep:
            piece = phrase[size - n:] if at_end else phrase[:n]
            if piece in affixes:
                return piece
    return None


# phrases _strip_words (and texts _mask) remembers per rule set, at most (then it starts again)
_STRIPPED_LIMIT = 50_000


def _longest_first(mapping: dict) -> list[tuple[str, str]]:
    return sorted(mapping.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=8)
def _words(rs: RuleSet) -> Words:
    ctx = rs.context
    verb_direction: dict[str, str | None] = {}
    for direction in ("increase", "decrease", "none"):
        for w in ctx["directions"].get(direction, []):
            verb_direction[w] = None if direction == "none" else direction
    verbs = word_pattern(verb_direction)
    quals = ctx["qualifiers"]
    return Words(
        breaks=ctx["clause_breaks"], list_breaks=ctx["list_breaks"],
        after=_longest_first(quals["after"]), before=_longest_first(quals["before"]),
        verbs=verbs, verb_at_end=word_pattern(verb_direction, "(?:{})$"),
        between=sorted(ctx["directions"].get("between", []), key=len, reverse=True),
        leads=tuple(sorted({*ctx["directions"].get("between", []), *quals["before"]},
                           key=len, reverse=True)),
        in_clause=_longest_first(quals.get("in_clause", {})),
        subclause=tuple(ctx.get("subclause_words", [])), verb_direction=verb_direction,
        share_words=tuple(ctx["share_words"]),
        # qualifier words around a number are not part of what it measures either
        tail_words=sorted({*ctx["indicator_tail_words"], *quals["before"]}, key=len, reverse=True),
        head_words=sorted({*ctx["indicator_head_words"], *quals["after"]}, key=len, reverse=True),
        implied=ctx["implied_units"], target_words=tuple(ctx["target_words"]),
        period_year=rs.context_patterns["period_year"],  # a user's is time-limited
        joiners=word_pattern(ctx["list_joiners"]),
        sentence_ends=ctx["sentence_ends"], distributive=tuple(ctx["distributive_words"]),
        joint=tuple(ctx.get("joint_words", ())),
        expansions=dict(ctx.get("list_expansions", {})),
        aliases=tuple(a for ind in rs.indicators for a in ind.aliases),
        rank_scopes=tuple(sorted(ctx["directions"].get("rank_scopes", []), key=len, reverse=True)),
        strip_chars=ctx["indicator_strip_chars"],
        average_words=tuple(ctx["spans"]["average_words"]),
        total_words=tuple(ctx["spans"]["total_words"]),
        years_pattern=regex.compile(ctx["spans"]["years_pattern"]),
        default_years=int(ctx["spans"]["default_years"]),
        reach_words=tuple(sorted(ctx["spans"]["reach_words"], key=len, reverse=True)),
        hold_words=tuple(sorted(ctx["spans"]["hold_words"], key=len, reverse=True)),
        generic_heads=tuple(ctx.get("generic_heads", ())),
        minus_signs=ctx["directions"].get("minus_signs", ""),
        target_pattern=word_pattern(ctx["target_words"]) if ctx["target_words"]
        else None,
        quoted=regex.compile(ctx["directions"].get("quoted_name") or "(?!)"),
        noun_linkers=tuple(ctx["directions"].get("noun_linkers", ())),
        rate_nouns=tuple(ctx["directions"].get("rate_nouns", ())),
        fall_rate_nouns=tuple(ctx["directions"].get("fall_rate_nouns", ())),
        improve_words=tuple(ctx["directions"].get("improve", ())),
        shared_head_nouns=tuple(ctx.get("shared_head_nouns", ())),
        from_pattern=regex.compile(ctx["spans"]["from_pattern"]),
        completion_words=tuple(ctx.get("completion_words", ())),
        excess_words=tuple(ctx.get("plan_excess_words", ())),
        milestone_nouns=tuple(ctx.get("milestone_nouns", ())),
        aside=regex.compile(ctx.get("aside_pattern") or "(?!)"),
        after_reach=max([len(w) for w in quals["after"]] + [len(w) for cues in
                        ctx["implied_units"].values() for w in cues.get("after_words", [])] + [3]),
        breakdown=tuple(sorted(ctx.get("breakdown_prefixes", []), key=len, reverse=True)),
        comparison=tuple(ctx.get("comparison_words", [])),
        copulas=tuple(ctx["directions"].get("copulas", [])),
        verb_masks=tuple(ctx["directions"].get("masks", [])),
        head_pattern=rs.context_patterns.get("indicator_head_pattern"),
        tail_pattern=rs.context_patterns.get("indicator_tail_pattern"))


@dataclass(slots=True)
class _Draft:
    """A claim being read: the quantity and what its clause says."""
    q: Quantity
    sentence: tuple[int, int]
    clause: str            # from the clause break to the quantity
    own: str               # the part after the last 、 (the clause itself when no list)
    continues: bool        # nothing of its own: continues the previous quantity's statement
    indicator: str | None = None
    indicator_id: str | None = None
    direction: str | None = None
    qualifier: str | None = None
    unit: str = ""
    share: bool = False
    average: bool = False          # 年均增长5.5%: an average over the frame's years
    total: bool = False            # 累计完成3.7万亿元: a total over the frame's years
    span_years: int | None = None  # 5年增长18.7%: a span the clause itself names
    level: bool = False            # 达到4.93万亿元: a level reached, not a flow
    start_of_pair: bool = False    # the 3826.5亿元 of 从3826.5亿元增长到4398.6亿元
    qualifier_after: bool = False  # its qualifier word follows it (5%左右), rather than leads (约5%)
    inherited: bool = False        # its indicator is the previous figure's (达1112亿元, 增长5.2%)
    shares_verb: bool = False      # its verb may serve the list items after it
    completion_of: "_Draft | None" = None   # a share of the plan (占计划的100%) of this figure


def find_claims(doc: Document, rs: RuleSet) -> list[Claim]:
    words = _words(rs)
    matcher = IndicatorMatcher.for_rules(rs)
    drafts: list[_Draft] = []
    for q in find_quantities(doc.norm, rs):
        drafts.append(_draft(doc, q, drafts[-1].q.end if drafts else 0, words))
    for i, d in enumerate(drafts):
        prev = drafts[i - 1] if i and drafts[i - 1].sentence == d.sentence else None
        _read_clause(doc, d, prev, words)
    _distribute_lists(doc, drafts, words)
    _share_list_qualifiers(drafts, words)
    prev_in_sentence = None
    for d in drafts:
        if prev_in_sentence is not None and prev_in_sentence.sentence != d.sentence:
            prev_in_sentence = None
        if d.indicator:
            d.indicator = trim_phrase(d.indicator, matcher.words)
        d.unit = _unit(doc, d, words)
        if d.unit in _DIRECTIONLESS:
            # a rank moves only by the verb right before it (升至第5位); a streak never
            d.direction = _verb_before(_strip_scope(d.own, words), words) \
                if d.unit == "rank" else None
        if d.share:
            # a share is a level: only a verb right before it moves it (占比提高2个百分点)
            d.direction = _verb_before(d.own, words)
        ids = matcher.list_ids(d.indicator, d.unit, share=d.share, place=doc.city,
                               direction=d.direction)
        if not ids and prev_in_sentence is not None and prev_in_sentence.indicator_id \
                and (d.own != d.clause or d.continues):
            # 接待游客2.73亿人次、实现收入4140亿元: the catalog's companion of the list item before
            ids = matcher.companion(prev_in_sentence.indicator_id, _bare_head(d.indicator, words),
                                    d.unit)
        d.indicator_id = ids[0] if ids else None
        if d.direction is None and d.indicator_id and _verb_before_is(d.own, words.improve_words, words):
            # PM2.5浓度改善7.9%: an improvement is a fall where lower is better
            d.direction = "decrease" if matcher.lower_is_better(d.indicator_id) else "increase"
        prev_in_sentence = d
    for i, d in enumerate(drafts):
        prev = drafts[i - 1] if i and drafts[i - 1].sentence == d.sentence else None
        _read_span_cues(d, prev, words)
    sentences: dict = {}
    return [_claim(doc, d, words, sentences) for d in drafts]


def _draft(doc: Document, q: Quantity, prev_end: int, words: Words) -> _Draft:
    """The clause of a quantity runs from the last break or the previous quantity, whichever is
    nearer: in 从9.7万亿元增加到12.9万亿元 the second figure's own words are 增加到."""
    s_start, s_end = doc.sentence_at(q.start)
    lo = max(s_start, prev_end)
    cut = words.last_break.search(doc.norm, lo, q.start)
    clause_start = cut.end() if cut else lo
    clause = doc.norm[clause_start:q.start]
    lcut = words.last_list_break.search(doc.norm, clause_start, q.start)
    lcut = lcut.end() - clause_start - 1 if lcut else -1
    own = clause[lcut + 1:]
    bare = words.joiners.sub("", own).strip()
    continues = (not _strip_words(bare, words) and (lcut >= 0 or bare != own.strip())) \
        or not clause.strip()
    return _Draft(q, (s_start, s_end), clause, own, continues)


def _strip_words(phrase: str, words: Words) -> str:
    """Trim the verbs and lead-in words around an indicator phrase: 其中第一产业增加值增长 → 第一产业增加值."""
    known = words.stripped.get(phrase)
    if known is not None:
        return known
    asked = phrase
    changed = True
    while changed and phrase:
        changed = False
        if not phrase.endswith(words.aliases):                      # 经济增长 is a name
            w = _longest_affix(phrase, words.tail_index, at_end=True)
            if w is not None:
                phrase, changed = phrase[: -len(w)], True
        w = _longest_affix(phrase, words.head_index, at_end=False)
        if w is not None:
            phrase, changed = phrase[len(w):], True
        if words.tail_pattern is not None:
            m = words.tail_pattern.search(phrase)
            if m and m.end() > m.start():
                phrase, changed = phrase[:m.start()], True
        if words.head_pattern is not None:
            m = words.head_pattern.match(phrase)
            if m and m.end() > 0:
                phrase, changed = phrase[m.end():], True
        verb = words.verb_at_end.search(_mask(phrase, words))
        if verb and verb.start() >= 2 and not phrase.endswith(words.aliases):
            phrase, changed = phrase[:verb.start()], True     # 进出口总值翻番 → 进出口总值
        stripped = phrase.strip(words.strip_chars)
        changed = changed or stripped != phrase
        phrase = stripped
    if len(words.stripped) >= _STRIPPED_LIMIT:
        words.stripped.clear()
    words.stripped[asked] = phrase
    return phrase


def _read_clause(doc: Document, d: _Draft, prev: _Draft | None, words: Words) -> None:
    d.qualifier = _qualifier(doc, d, words)
    in_list = d.own != d.clause or d.continues   # follows a 、 (or 和) in its clause
    prev_in_clause = prev is not None and prev.q.end >= d.q.start - len(d.clause)
    d.direction, found = _direction(d.own, words)
    d.shares_verb = found and _verb_outside_name(d.own, words)
    if not found and in_list and prev_in_clause and prev.shares_verb:
        # a list shares its verb: 改造棚户区2740套、老旧小区3081套 (not 城镇新增就业4.7万人、城镇调查
        # 失业率5.3%, whose 新增 is a word of the first item's name)
        d.direction, d.shares_verb = prev.direction, True
    elif not found and in_list:
        d.direction, d.shares_verb = _direction(d.clause, words)   # 减征失业保险、工伤保险1.5亿元
    if d.direction == "increase" and doc.norm[d.q.start - 1:d.q.start] in words.minus_signs \
            and d.q.start > 0:
        d.direction = "decrease"              # 增长-2.5%: a fall written as negative growth
    elif d.direction is None and d.q.unit == "%" and (rate := _rate_noun_before(d.own, words)):
        d.direction = rate                    # 增速达到16.1% / 降幅为5%: a rate stated as a level
    d.share = words.share_set.found_in(d.own)
    if prev is not None and _is_subclause(d.clause, words) and not _moves(d.own, words) \
            and not d.share:
        d.direction = prev.direction
    phrase = _strip_words(d.own.strip(), words)
    if d.q.unit == "rank":
        phrase = _strip_words(_strip_scope(phrase, words), words)   # 增速全国第3: 增速
    if (d.share or words.excess_set.found_in(d.own)) and prev is not None and prev.indicator \
            and words.completion_set.found_in(d.own):
        # 地区生产总值564亿元，占计划的100%，同比下降2% / 为年度目标的98% / 超额完成年度任务2.1亿元:
        # a figure measured against the plan is about the plan; what follows it goes on with the
        # indicator before it
        d.completion_of = prev
    if d.share and phrase.startswith(words.share_words) and prev is not None and prev.indicator:
        phrase = prev.indicator + phrase
    if phrase and words.verbs.fullmatch(phrase):
        phrase = ""               # 新增2.6万个公办学位: the verb alone names nothing
    if not phrase and not d.continues and (following := _noun_after(doc, d, words)):
        # 3家企业荣获…, 完成30万亩高标准农田建设: a number with nothing before it counts what follows;
        # but 突破600亿元大关 is a milestone that the indicator before (or the clause's subject) passed
        named = None
        if following in words.milestone_nouns:
            named = prev.indicator if prev is not None and prev.indicator else \
                _subject_before(doc, d, prev, words)
        d.indicator = named or following
    elif not d.clause.strip():
        d.indicator = prev.indicator if prev else None
    elif not phrase and (subject := _subject_before(doc, d, prev, words)):
        # 全省进出口总值创历史新高，达到5379亿元: the clause before names what it reached
        d.indicator = subject
    elif prev is not None and prev.indicator and phrase in words.generic_heads:
        d.indicator = prev.indicator  # …增长7.4%，总额达到2360亿元: the indicator before
    elif prev is not None and prev.indicator and phrase in words.shared_head_nouns \
            and d.own != d.clause:
        # 粮食播种面积1584.6万亩、总产量132.4亿斤: the item takes the list's first word
        d.indicator = prev.indicator[:first_word_length(prev.indicator)] + phrase
    elif prev is not None and (d.continues or not phrase or phrase.startswith(words.comparison)):
        # 达1112亿元 / 增长5.2% / 比上年增加1000亿元: the same indicator as the figure before
        source = prev.completion_of or prev
        d.indicator, d.share, d.inherited = source.indicator, d.share or source.share, True
    else:
        d.indicator = phrase or None


def _subject_before(doc: Document, d: _Draft, prev: _Draft | None, words: Words) -> str:
    """What a figure with no words of its own is about, when a clause or list item since the
    previous figure names it: 全省进出口总值创历史新高，达到5379亿元 / 全体居民人均可支配收入增速高于
    经济增速、突破3万元 — the nearest such piece, up to its first verb."""
    start = max(d.sentence[0], prev.q.end if prev is not None else 0)
    # an aside in brackets ((预计，下同)) names nothing
    head = words.aside.sub("", doc.norm[start:d.q.start - len(d.own)])
    pieces = regex.split(f"[{regex.escape(words.breaks + words.list_breaks)}]", head)
    if prev is not None:
        pieces = pieces[1:]     # 4个千亿台阶: what runs on from the previous figure is its own noun
    for piece in reversed(pieces):
        verb = next((m for m in words.verbs.finditer(_mask(piece, words)) if m.start() > 0), None)
        subject = _strip_words((piece[:verb.start()] if verb else piece).strip(), words)
        if subject:
            return subject
    return ""


def _verb_before_is(own: str, verbs: tuple[str, ...], words: Words) -> bool:
    return bool(verbs) and _strip_between(own.rstrip(), words).endswith(verbs)


def _rate_noun_before(own: str, words: Words) -> str | None:
    """增速 / 增幅 / 增长率 right before the number, a copula or 为/达 between: a rate of growth."""
    text = _strip_between(own.rstrip(), words)
    verb = words.verb_at_end.search(_mask(text, words))
    if verb:
        text = text[:verb.start()]          # 增速达到 / 增速完成 / 增速为
    text = text.rstrip()
    if text.endswith(words.rate_nouns):
        return "increase"
    return "decrease" if words.fall_rate_nouns and text.endswith(words.fall_rate_nouns) else None


def _bare_head(phrase: str | None, words: Words) -> str | None:
    """A phrase less a leading verb (实现收入 → 收入): what a companion head must be, whole."""
    if not phrase:
        return phrase
    verb = words.verbs.match(_mask(phrase, words))
    return phrase[verb.end():] if verb else phrase


def _verb_outside_name(own: str, words: Words) -> bool:
    """Whether the verb that gave a figure its direction governs it from outside its name: at the
    start (新增高新技术企业120家) or after the name (…增加值分别增长), not inside it (城镇新增就业)."""
    phrase = _strip_words(own.strip(), words)
    masked = _mask(phrase, words)
    for v in words.verbs.finditer(masked):
        if len(v[0]) > 1 and 0 < v.start() and v.end() < len(phrase):
            return False
    return True


def _read_span_cues(d: _Draft, prev: _Draft | None, words: Words) -> None:
    """Whether a figure is an average (年均), a total (累计), a level reached (达到, 提高到, a bare 总量
    figure) or the start of a from–to pair, and any span its clause names (5年增长): what a
    multi-year frame needs to tell a span's figure from a year's."""
    listed = prev is not None and (d.continues or d.own != d.clause) and not _has_verb(d.own, words)
    d.average = _is_average(d.clause, words) or (listed and prev.average)
    d.total = words.total_set.found_in(d.clause) or (listed and prev.total)
    own = _strip_between(d.own.rstrip(), words)
    verb = next(iter(words.verbs.finditer(_mask(own, words))), None)
    before_verb = own[:verb.start()] if verb else own
    m = words.years_pattern.search(before_verb.rstrip())
    d.span_years = _small_number(m["n"]) if m else (prev.span_years if listed else None)
    d.start_of_pair = bool(words.from_pattern.search(own))
    said = d.own.rstrip()
    if d.start_of_pair or d.unit in _DIRECTIONLESS:
        d.level = True            # a start level, a rank, a streak
    elif own.endswith(words.reach_words) or said.endswith(words.reach_words):
        d.level = True            # 增长到4398.6亿元, 达到71.5%
    elif own.endswith(words.hold_words) or said.endswith(words.hold_words):
        d.level = False           # held through the span
    elif listed:
        d.level = prev.level
    elif not d.clause.strip():
        d.level = False           # 8家全国重点实验室落户: things that happened, counted
    else:
        d.level = d.share or not _has_verb(d.own, words)


def _is_average(clause: str, words: Words) -> bool:
    """年均增长5.5% / 年均5.5%: an average word before a verb or right before the number."""
    for w in words.average_words:
        at = clause.find(w)
        while at >= 0:
            rest = _strip_leading(clause[at + len(w):].lstrip(), words)
            if not rest or words.verbs.match(_mask(rest, words)):
                return True
            at = clause.find(w, at + 1)
    return False


def _strip_leading(text: str, words: Words) -> str:
    """Drop the words that may stand between an average word and its number (分别, 超过, 达)."""
    return _trim(text, words.leads_index, start=True)


def _small_number(text: str) -> int | None:
    from reportx.engine.numerals import parse_number, NumberError

    try:
        n = int(parse_number(text))
    except (NumberError, ValueError):
        return None
    return n if 1 < n <= 30 else None


def _has_verb(text: str, words: Words) -> bool:
    return words.verbs.search(_mask(text, words)) is not None


def _qualifier(doc: Document, d: _Draft, words: Words) -> str | None:
    if d.q.qualifier == "range":
        return "range"          # 控制在5%—6%: the range says it all
    after = doc.norm[d.q.end:d.q.end + words.after_reach + 2].lstrip()   # 5.2% 左右
    own = d.own.rstrip()
    following = _longest_affix(after, words.after_index, at_end=False)
    following = words.after_of[following] if following is not None else None
    d.qualifier_after = following is not None
    leading = _longest_affix(own, words.before_index, at_end=True)
    return (following
            or (words.before_of[leading] if leading is not None else None)
            or (words.in_clause_of[w] if (w := words.in_clause_set.first_in(d.clause)) is not None
                else None)
            or d.q.qualifier)


def _following_phrase(doc: Document, d: _Draft, words: Words) -> str:
    """3家企业荣获…: a number that opens its clause counts what follows it."""
    # the words to the next break: finds bounded by the sentence's end, on the text itself (a
    # copy of the rest of the sentence per figure is quadratic in a sentence of 10,000 figures)
    end = max(d.sentence[1], d.q.end)
    found = (doc.norm.find(ch, d.q.end, end) for ch in words.breaks + words.list_breaks)
    cut = min([i for i in found if i >= 0], default=end) - d.q.end
    phrase = doc.norm[d.q.end:d.q.end + cut].lstrip()     # 5.2% 左右: a space is no word
    for w, _ in words.after:
        if phrase.startswith(w):
            phrase = phrase[len(w):]
    return doc.text[d.q.end + (cut - len(phrase)):d.q.end + cut].strip()


def _noun_after(doc: Document, d: _Draft, words: Words) -> str:
    """The noun a figure counts when it stands before it (新增2.6万个公办学位): the words after it
    to the next break, if they are words (not 和10.1％, the next item of a list)."""
    following = _following_phrase(doc, d, words)
    if not following or words.joiners.match(following) or regex.search(r"\d", following):
        return ""
    return _strip_words(following, words) or following


def _is_subclause(clause: str, words: Words) -> bool:
    return clause.lstrip().startswith(words.subclause)


def _moves(text: str, words: Words) -> bool:
    return any(words.verb_direction.get(m[0]) for m in words.verbs.finditer(text))


def _direction(text: str, words: Words) -> tuple[str | None, bool]:
    """The direction of the verb governing a quantity whose clause is `text`.

    The verb right before the number decides, words like 分别/同比/超/至 between them skipped;
    else the clause's first verb of two or more characters. found=False: no verb at all.
    """
    tail = _strip_between(text.rstrip(), words)
    m = words.verb_at_end.search(_mask(tail, words))
    # a copula right before the number (分别为, 达) lets the clause's main verb decide
    if m and m[0] not in words.copulas:
        return words.verb_direction[m[0]], True
    masked = _mask(text, words)
    for v in words.verbs.finditer(masked):
        if len(v[0]) > 1 and not masked.startswith(words.noun_linkers, v.end()):
            return words.verb_direction[v[0]], True   # 对经济增长的贡献率: a noun, no verb
    return None, False


def _verb_before(text: str, words: Words) -> str | None:
    """The direction of a verb standing right before the number (升至, 下降至), if any."""
    tail = _strip_between(text.rstrip(), words)
    m = words.verb_at_end.search(_mask(tail, words))
    return words.verb_direction[m[0]] if m else None


def _strip_scope(text: str, words: Words) -> str:
    """升至全省第5位: the rank's scope (全省) is not the verb's."""
    return _trim(text.rstrip(), words.scopes_index, once=True)


def _strip_between(tail: str, words: Words) -> str:
    """Drop the words between a verb and its number (增长超3倍, 分别下降7.2％, 上升至48%).
    Remembered per text: a figure's clause is asked about several times."""
    known = words.unbetween.get(tail)
    if known is None:
        if len(words.unbetween) >= _STRIPPED_LIMIT:
            words.unbetween.clear()
        known = words.unbetween[tail] = _trim(tail, words.between_index, keep=1)
    return known


def _trim(text: str, index, *, start: bool = False, once: bool = False, keep: int = 0) -> str:
    """Strip the longest word of a _by_length `index` from the end (or the start) of `text`,
    again and again (once: only one), leaving at least `keep` characters."""
    while text:
        w = _longest_affix(text, index, at_end=not start, keep=keep)
        if w is None:
            break
        text = text[len(w):] if start else text[:-len(w)]
        if once:
            break
    return text


def _mask(text: str, words: Words) -> str:
    """Blank out nouns that contain a verb (增加值, 增速) and quoted names (“亩均效益提升”行动) so
    their verbs are not read as verbs; same length, so offsets hold."""
    known = words.masked.get(text)
    if known is not None:
        return known
    asked = text
    for noun in words.verb_masks:
        if noun in text:
            text = text.replace(noun, "□" * len(noun))
    text = words.quoted.sub(lambda m: "□" * len(m[0]), text)
    if len(words.masked) >= _STRIPPED_LIMIT:
        words.masked.clear()
    words.masked[asked] = text
    return text


def _distribute_lists(doc: Document, drafts: list[_Draft], words: Words) -> None:
    """A、B和C分别增长X、Y、Z: give each quantity its own item of the list as indicator."""
    i = first = 0
    while i < len(drafts):
        d = drafts[i]
        if i and drafts[i - 1].sentence != d.sentence:
            first = i         # a sentence's figures stand together, in order
        j = i + 1
        while j < len(drafts) and drafts[j].continues and drafts[j].sentence == d.sentence \
                and not words.distributive_set.found_in(drafts[j].own) \
                and not (drafts[j].q.unit != d.q.unit and _has_verb(drafts[j].own, words)):
            # …、分别增长X和Y starts a list of its own, and so does a verb with figures of another
            # unit (分别达到37462元和17597元、增长7%和10%)
            j += 1
        word = words.distributive_set.first_in(d.clause)
        if j - i > 1 and not word:
            # 国内游客人次、总花费增长5.6％、7.5％: as many subjects as figures share them out too
            word = _implicit_distribution(d, j - i, words)
        subject = _strip_words(d.clause.split(word)[0], words) if word else ""
        items = _expand(_subjects(subject, words), j - i, words.expansions)
        items = [s for s in items if s]
        # the figures before it in its sentence, as many as are read below (not all of them:
        # a sentence of 10,000 figures would make that quadratic)
        before = drafts[max(first, i - max(j - i, 2)):i]
        if j - i > 1 and items and len(items) == j - i:
            prefix = next((p for p in words.breakdown if items[0].startswith(p)), "")
            for k, item in enumerate(_share_heads(items)):
                drafts[i + k].indicator = item if item.startswith(prefix) else prefix + item
        elif j - i > 1 and not items and (word or not _strip_words(d.own, words)):
            # 接待游客7.6亿人次、实现旅游收入8432亿元，(分别)增长9.2%和11.4%: the figures just
            # before, in the same sentence, name the list
            named = before[-(j - i):]
            if (d.indicator is None or d.inherited) and len(named) == j - i and len({p.indicator for p in named}) == j - i:
                for k, p in enumerate(named):
                    drafts[i + k].indicator = p.indicator
        elif j - i > 1 and not word and _bare_list(doc, drafts[i:j], words) \
                and (groups := _groups(d.indicator, j - i, words)):
            # 城乡居民人均可支配收入达27732元、16695元 / 城镇和农村居民人均可支配收入44178元、25396元:
            # a subject naming as many groups as figures follow it gives each figure its group
            for k, group in enumerate(groups):
                drafts[i + k].indicator = group
        elif j - i == 1:
            _joint_subjects(d, word, words, before)
        i = j


def _subjects(subject: str, words: Words) -> list[str]:
    """The items of a list of subjects (A、B和C), each trimmed; one item when the list is a
    compact enumeration that list_expansions spells out (城、乡居民… is 城镇居民…, 农村居民…)."""
    if any(w in subject for w in words.expansions if words.joiners.search(w)):
        return [subject]
    return [_strip_words(s, words) for s in words.joiners.split(subject) if s]


def _bare_list(doc: Document, chain: list[_Draft], words: Words) -> bool:
    """Figures of one unit listed one after another (27732元、16695元; 815元和615元) with nothing
    after each: not 3万户，10.62万群众 (a comma, two things), nor 13条河流、300条侵蚀沟 (each
    counts its own noun)."""
    return all(d.q.unit == chain[0].q.unit and not _noun_after(doc, d, words)
               for d in chain) and all(d.clause.strip() for d in chain[1:])


def _groups(phrase: str | None, count: int, words: Words) -> list[str] | None:
    """The `count` groups a subject names jointly (城乡居民… → 城镇居民…, 农村居民…; 城镇和农村居民…
    likewise): groups of one indicator, so they end alike (…居民人均可支配收入). None when it
    does not name that many (卫生户厕普及率 is no list of 卫生户厕普 and 率)."""
    if not phrase:
        return None
    items = _expand(_subjects(phrase, words), count, words.expansions)
    items = _share_heads([s for s in items if s]) if len(items) == count else []
    if len(items) != count or len(_common_ending(items)) < 2:
        return None
    return items


def _common_ending(items: list[str]) -> str:
    ending = items[0]
    for item in items[1:]:
        n = 0
        while n < min(len(ending), len(item)) and ending[-1 - n] == item[-1 - n]:
            n += 1
        ending = ending[len(ending) - n:]
    return ending


def _joint_subjects(d: _Draft, word: str | None, words: Words, before: list[_Draft]) -> None:
    """One figure said of several subjects (游客人数、旅游收入均增长10%以上; 城乡居民人均可支配收入分别
    增长7.5%; 城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%): the indicator
    names them all, 、-joined, so each can be read off it."""
    joint = _joint_word(d.clause, words)
    cue = word or joint
    if cue is None:
        return
    head = d.clause[:d.clause.rfind(cue)] if cue == joint else d.clause.split(cue)[0]
    subject = _strip_words(head, words)
    if not subject and word:
        named = [p.indicator for p in before[-2:] if p.indicator]
        if len(named) == 2 and len(set(named)) == 2 and not _has_verb(head, words):
            d.indicator = "、".join(named)
        return
    if word is None and words.joiners.search(subject) is None:
        return
    items = _expand([_strip_words(s, words) for s in words.joiners.split(subject) if s], 2,
                    words.expansions)
    items = [s for s in items if s]
    if len(items) < 2:
        return
    items = _share_heads(items)
    first = items[0]
    items = [first] + [first[:first_word_length(first)] + s if s in words.shared_head_nouns else s
                       for s in items[1:]]
    d.indicator = "、".join(items)


def _joint_word(clause: str, words: Words) -> str | None:
    """均 / 都 saying one figure of all the subjects before it: standing right before the verb or
    the number (…均增长12%, …增长均超20%), not inside a word (人均, 年均, 成都)."""
    for w in words.joint:
        at = clause.rfind(w)
        if at < 0:
            continue
        rest = _strip_leading(clause[at + len(w):].strip(), words)   # 均超20%: 超 is no word
        if not rest or words.verbs.fullmatch(_mask(rest, words)):
            return w
    return None


def _share_list_qualifiers(drafts: list[_Draft], words: Words) -> None:
    """One qualifier written once for a list covers the list (GUIDELINE): 分别增长8%和10%左右 →
    both approx; 分别超过8万元、4.5万元 → both at_least."""
    i = 0
    while i < len(drafts):
        j = i + 1
        while j < len(drafts) and drafts[j].continues and drafts[j].sentence == drafts[i].sentence:
            j += 1
        chain = drafts[i:j]
        if len(chain) > 1:
            last, first = chain[-1], chain[0]
            if last.qualifier and last.qualifier_after and last.qualifier != "range":
                for d in chain[:-1]:
                    d.qualifier = d.qualifier or last.qualifier
            elif first.qualifier and not first.qualifier_after and first.qualifier != "range":
                for d in chain[1:]:       # bare items only: 突破4000亿元、达到4211亿元 is no list
                    if not words.joiners.sub("", d.own).strip(words.strip_chars):
                        d.qualifier = d.qualifier or first.qualifier
        i = j


def _implicit_distribution(d: _Draft, count: int, words: Words) -> str | None:
    """The verb that splits `A、B增长X、Y` into subjects and figures, when the subjects are as many
    as the figures (else None: 改造棚户区2740套、老旧小区3081套 is two clauses, not a list)."""
    verbs = [m for m in words.verbs.finditer(_mask(d.clause, words)) if len(m[0]) > 1]
    if not verbs:
        return None
    verb = verbs[-1]
    subject = d.clause[:verb.start()]
    if words.joiners.search(subject) is None:
        return None
    parts = [s for s in words.joiners.split(_strip_words(subject, words)) if s.strip()]
    return verb[0] if len(parts) == count else None


def _expand(items: list[str], count: int, expansions: dict) -> list[str]:
    """城乡居民人均可支配收入 with two figures → 城镇居民人均可支配收入, 农村居民人均可支配收入."""
    if len(items) == 1 and count > 1:
        for word, parts in expansions.items():
            if word in items[0] and len(parts) == count:
                return [items[0].replace(word, part, 1) for part in parts]
    return items


def _share_heads(items: list[str]) -> list[str]:
    """城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入; 城镇居民、农村居民
    人均可支配收入 → … too; 第一、二、三产业增加值 → 第一产业增加值 …: shorter items share the head of
    the last item. An item ending in a word the last item has (居民) takes what follows that word;
    otherwise short items (three characters or fewer) take the last item's head after its first
    word (jieba) or after as many characters as the item before it, whichever is shorter."""
    last, before = items[-1], items[-2]
    if len(last) <= len(before):
        return items
    shared = [_head_after_common_word(i, last) for i in items[:-1]]
    if all(shared):
        return [i + h for i, h in zip(items[:-1], shared)] + [last]
    if not all(len(i) <= 3 for i in items[:-1]):
        return items
    first_word = first_word_length(last)
    head = last[min(first_word, len(before)):]
    return [i if i.endswith(head) else i + head for i in items[:-1]] + [last]


def _head_after_common_word(item: str, last: str) -> str:
    """What `last` has after the longest ending of `item` (two characters or more) it contains:
    城镇居民 / 农村居民人均可支配收入 → 人均可支配收入 (empty if none, or if nothing follows)."""
    for n in range(len(item), 1, -1):
        at = last.find(item[-n:])
        if at > 0:
            return last[at + n:]
    return ""


def _unit(doc: Document, d: _Draft, words: Words) -> str:
    """A bare 万/亿 number's unit: from how its indicator ends (参保人数478.7万), how the noun
    after it ends (155万农村贫困人口), or a word for people right after it (2.5万玉工)."""
    if d.q.unit != "implied":
        return d.q.unit
    phrase = d.indicator or ""
    after = doc.norm[d.q.end:d.q.end + 2]
    following = _following_phrase(doc, d, words)      # 155万农村贫困人口
    for unit, cues in words.implied.items():
        suffixes = tuple(cues.get("before_suffixes", []))
        if phrase.endswith(suffixes) or (following and following.endswith(suffixes)):
            return unit
        if after.startswith(tuple(cues.get("after_words", []))):
            return unit       # 2.5万玉工; not 50亿，民营经济 across the comma
    return "other"


@dataclass
class _SentenceFacts:
    """What a whole sentence (to its 。) says about periods, read once for all its figures."""
    years: list[tuple[int, int, bool]]     # (end offset, year, followed by 的)
    plans: bool                            # it has a target word (力争, 确保 …)
    spans: list                            # time expressions naming a span (“十四五”时期, 过去五年)
    text: str | None = None                # the sentence as written, once for all its claims

    @classmethod
    def read(cls, doc: Document, bounds: tuple[int, int], words: Words, memo: dict
             ) -> "_SentenceFacts":
        """The facts of the ；-part `bounds`, from those of its whole 。-sentence, which are read
        once for all its parts (a sentence of 10,000 ；-parts is read once, not 10,000 times)."""
        whole = _whole_sentence(doc, bounds, words, memo)
        plans = bisect.bisect_left(whole.targets, bounds[1]) > 0
        return cls(whole.years, plans, whole.spans)


@dataclass
class _WholeSentence:
    """Years, spans and target words of a whole 。-sentence, for all its ；-parts."""
    start: int
    end: int
    years: list
    spans: list
    targets: list[int]      # start offsets of target words (力争, 确保 …), in order


def _whole_sentence(doc: Document, bounds: tuple[int, int], words: Words, memo: dict
                    ) -> _WholeSentence:
    norm = doc.norm
    last = memo.get("_whole")
    if last is not None and last.start <= bounds[0] < last.end:
        return last
    # just after the last sentence end before it; each end character is looked for only after
    # the nearest found so far (one the report never uses, ！, would otherwise be looked for back
    # to the top, for every sentence)
    start = last.end if last is not None and last.end <= bounds[0] else 0
    before = words.last_sentence_end.search(norm, start, bounds[0] + 1)
    start = before.end() if before else start
    # the nearest end after it, by one search that stops there (a find per end character
    # would look for one the report never uses to the end of the text, for every sentence)
    after = words.next_sentence_end.search(norm, bounds[0])
    end = max(after.end() if after else len(norm), bounds[1])
    years = [(m.end(), int(m["year"]), bool(m["of"]))
             for m in words.period_year.finditer(norm, start, end)]
    spans = []
    if doc.times is not None:
        spans = [(start + e.end, e) for e in
                 doc.times.expressions(norm[start:end], years=False, plan_suffix_only=True)
                 if e.last > e.first]
    targets = [m.start() for m in words.target_pattern.finditer(norm, start, end)] \
        if words.target_pattern is not None else []
    whole = memo["_whole"] = _WholeSentence(start, end, years, spans, targets)
    return whole


class _When(NamedTuple):     # a tuple: made for every claim, a frozen dataclass costs 4x
    period: str | None
    kind: str | None
    span: int | None


def _when(doc: Document, d: _Draft, words: Words, sentences: dict) -> _When:
    """Period, kind and span of a figure: the frame it stands in (a part's heading, a paragraph's
    opening), then a span named earlier in its sentence, then a year written before it."""
    frame = doc.frame_at(d.q.start)
    kind = frame.kind if frame else None
    first, last = (frame.first, frame.last) if frame else (None, None)
    sentence = sentences.get(d.sentence)
    if sentence is None:
        sentence = sentences[d.sentence] = _SentenceFacts.read(doc, d.sentence, words, sentences)
    for end, expr in sentence.spans:
        if end <= d.q.start:
            kind, first, last = expr.kind, expr.first, expr.last
    # a year written earlier in the sentence counts across its ；-parts (到2025年，…；…)
    explicit = None
    for end, found, of in sentence.years:
        if end > d.q.start or (of and (end != d.q.start or d.unit in _RATIOS)):
            continue          # 由2015年的98.6亿元: the year of that figure only
        explicit = found
    year = doc.year
    if d.start_of_pair and explicit is None and first is not None:
        # 从3826.5亿元增长到4398.6亿元: the level the frame started from
        return _When(str(first - 1), "actual", None)
    if explicit is not None:
        if year:
            kind = "actual" if explicit < year else "target"
        first = last = explicit
    elif kind is None and sentence.plans:
        kind = "target"
        if last is None and year:
            first = last = year
    return _When(str(last) if last is not None else None, kind, _span(d, first, last, words))


def _span(d: _Draft, first: int | None, last: int | None, words: Words) -> int | None:
    """How many years a figure covers, when more than one: a span its clause names (5年增长18.7%),
    an average (年均), a total (累计), or any flow in a multi-year frame; a level reached is its
    last year's."""
    if d.level and not (d.average or d.total):
        return None
    if d.span_years:
        return d.span_years
    years = last - first + 1 if first is not None and last is not None else 1
    if years > 1:
        return years
    return words.default_years if d.average else None


def _as_written(doc: Document, phrase: str | None, start: int, end: int) -> str | None:
    """The indicator phrase in the report's own characters when the text was matched in
    simplified form (國內生產總值 stays 國內生產總值): the same stretch of the original."""
    if not phrase or not doc.simplified:
        return phrase
    at = doc.norm.rfind(phrase, start, end)
    return doc.text[at:at + len(phrase)] if at >= 0 else phrase


def _claim(doc: Document, d: _Draft, words: Words, sentences: dict) -> Claim:
    when = _when(doc, d, words, sentences)
    section = doc.section_at(d.q.start)
    s, e = d.sentence
    facts = sentences[d.sentence]          # read by _when
    if facts.text is None:
        # one string object per sentence, shared by its claims: a sentence of 10,000 figures is
        # held once, not 10,000 times
        facts.text = doc.text[s:e].strip()
    return Claim(
        doc=doc.key, city=doc.city, year=doc.year, start=d.q.start, end=d.q.end,
        surface=doc.text[d.q.start:d.q.end], value=float(d.q.value), unit=d.unit,
        raw_number=doc.text[slice(*d.q.num_span)],
        raw_unit=doc.text[slice(*d.q.unit_span)] if d.q.unit_span else None,
        classifier=d.q.classifier, indicator=_as_written(doc, d.indicator, s, d.q.start),
        indicator_id=d.indicator_id, period=when.period, span=when.span, kind=when.kind,
        qualifier=d.qualifier,
        value_high=float(d.q.value_high) if d.q.value_high is not None else None,
        direction=d.direction, section=section.path if section else "",
        sentence=facts.text, rule=d.q.rule)
