"""The context word lists of a rule set (rules/context.yaml), compiled once: the words around a
figure that claims are read with, indexed by length where the longest one a phrase ends or starts
with is wanted, and what was made of a phrase remembered (it is asked about 增长 again and again).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from reportx.engine.patterns import alternation, word_pattern, words_but, words_outside
from reportx.engine.ruleset import RuleSet
from reportx.engine.wordsets import WordSet


@dataclass
class Words:
    """The context word lists of a rule set, compiled once."""
    breaks: str
    list_breaks: str
    after: list[tuple[str, str]]
    before: list[tuple[str, str]]
    verbs: re.Pattern        # word_pattern: `re` for the word lists searched per clause
    verb_at_end: re.Pattern
    change_words: tuple[str, ...]  # catalog words that say a change themselves (脱贫), shortest first
    between: list[str]
    in_clause: list[tuple[str, str]]
    subclause: tuple[str, ...]
    income_reform: dict | None   # 农民人均收入: net income before the 2014 reform, disposable after
    gap_words: tuple[str, ...]   # 高于…0.6个百分点: a figure's lead naming what it is measured against
    adverbial_rules: frozenset[str]      # a streak (连续三年) before a verb: an adverb of it
    verb_direction: dict[str, str | None]
    share_words: tuple[str, ...]
    tail_words: list[str]
    head_words: list[str]
    implied: dict
    period_year: regex.Pattern
    part_of_year: object = field(default=None, repr=False, compare=False)   # 一季度, 1-11月
    joiners: re.Pattern = field(default=None)
    joiner_not_words: tuple[str, ...] = ()     # 普及, 和美: a joiner's character inside a word
    breakdown: tuple[str, ...] = ()
    comparison: tuple[str, ...] = ()
    copulas: tuple[str, ...] = ()
    namely_copulas: tuple[str, ...] = ()     # 分别是: "namely" when a name follows
    verb_masks: tuple[str, ...] = ()
    head_pattern: regex.Pattern | None = None
    goal_head: regex.Pattern | None = None      # 主要预期目标是：, a lead only with a name after it
    place_year_head: regex.Pattern | None = None   # 河北2022年: a place and its year before a name
    tail_pattern: regex.Pattern | None = None
    sentence_ends: str = ""
    distributive: tuple[str, ...] = ()
    joint: tuple[str, ...] = ()
    joint_hosts: tuple[str, ...] = ()     # 年均, 人均: words a joint word (均) is part of
    expansions: dict = field(default_factory=dict)
    joined_expansions: tuple = field(default=(), repr=False, compare=False)   # 城、乡: with a joiner
    rank_scopes: tuple[str, ...] = ()
    rank_place: str | None = None             # 焦作市: a place a rank is within (a pattern)
    rank_place_alone: regex.Pattern | None = None   # 在六个大区中: one before a rank verb
    aliases: tuple[str, ...] = ()          # catalog names, kept whole (经济增长 is not 经济+增长)
    bare_aliases: frozenset = frozenset()  # names of the place's figure only alone (出口额, 生产总值)
    product_words: tuple[str, ...] = ()    # 产品, 品: a list's first word its later items share
    list_count: regex.Pattern | None = None   # 三项 after a list: no word of its last item
    companion_heads: frozenset = frozenset()   # 人均, 收入: kept whole when they are the phrase
    subject_stops: re.Pattern | None = None   # 继续: an adverb that ends a subject
    subject_stops_before_no_of: tuple[str, ...] = ()  # 超过: ends one only with no 的 after it
    rank_verbs: tuple[str, ...] = ()           # 居, 位居: a rank's verb
    rank_subjects: frozenset = frozenset()     # 总量, 增速: what a rank of the figure before names
    total_heads: tuple[str, ...] = ()      # 总产量: the total of what the figure before counts
    total_head_chars: int = 0              # how long such a name may be
    strip_chars: str = ""
    average_words: tuple[str, ...] = ()
    total_words: tuple[str, ...] = ()
    years_pattern: regex.Pattern | None = None
    base_pattern: regex.Pattern | None = None   # 比2010年 right before the verb: a growth since then
    base_lead: regex.Pattern | None = None      # 与2019年相比， at a sentence's head: for all after it
    pair_base: regex.Pattern | None = None      # 与2010年相比: the year a from–to pair starts from
    pair_years: regex.Pattern | None = None     # 由2015年的…增至2020年的: an earlier pair's two years
    pair_own_time: regex.Pattern | None = None  # 全年, 去年: a later pair's time of its own
    base_marks: str = ""                        # 比去年: a year compared with, not the figure's
    from_marks: str = ""                        # 从去年的: the start of a pair, not the figure's
    copula_marks: str = ""                      # 是去年的2倍: a base only before a multiple
    copula_base_after: regex.Pattern | None = None
    default_years: int = 5
    reach_words: tuple[str, ...] = ()
    hold_words: tuple[str, ...] = ()
    reached_totals: tuple[str, ...] = ()  # 总数, 总量: a list item's total reached (、总数达270家)
    generic_heads: tuple[str, ...] = ()
    minus_signs: str = ""
    target_pattern: re.Pattern | None = None   # any target word (力争, 确保 …), one search
    estimate_pattern: re.Pattern | None = None   # 预计, 初步核算: the year just ended, in preliminary figures
    plan_turn_pattern: regex.Pattern | None = None  # 力争, 确保: a news copy's paragraph looking ahead
    plan_turn_in_clause: regex.Pattern | None = None  # 将, in the figure's own clause
    whole_year_pattern: re.Pattern | None = None  # 全年: a year's whole figure
    whole_year_not_before: tuple[str, ...] = ()   # 全年龄: 全年 opening another word
    span_average_marks: tuple[str, ...] = ()      # 平均: a span's average whatever year is said
    record_after: regex.Pattern | None = None    # 以来最好: a span that measures a record
    month_after: regex.Pattern | None = None     # 今年2月底: a year in words made a date
    up_to_words: tuple[str, ...] = ()           # 截至: what leads such a date
    up_to_years: tuple[str, ...] = ()           # 今年, 去年: the years it may name
    recalled_target: regex.Pattern | None = None  # …增长8%的预期目标: a review's recalled target
    recalled_target_marks: tuple[str, ...] = ()   # 年初: a 目标 set at the year's start
    recalled_target_lead: regex.Pattern | None = None   # 去年政府工作报告提出，…: last year's plan
    remark_clause: regex.Pattern | None = None   # ，经过上下各方面的努力，: a clause naming nothing
    name_joiners: tuple[str, ...] = ()   # 、和与: what joins two names (not 及, which joins places)
    time_before_of: tuple[str, ...] = ()  # 季度, 年, 末: a time's last word before 的 (一季度的5.6%)
    level_after: regex.Pattern | None = None     # ，是2011年的2.3倍: a figure set beside a year's
    level_with_growth: regex.Pattern | None = None   # ，年均增长6.7%: a level with the years' growth
    span_compared_after: regex.Pattern | None = None  # ，比“九五”时期增长1.9倍: a period's total
    year_on_year: regex.Pattern | None = None   # 同比 right before the verb: one year's growth
    average_after: regex.Pattern | None = None   # ，年均增长 opening a clause after a figure
    sum_set: WordSet | None = field(default=None, repr=False, compare=False)   # 累计: a total
    leads: tuple[str, ...] = ()     # between words and leading qualifiers (分别, 超过): before a number
    quoted: regex.Pattern | None = None       # a quoted name (“亩均效益提升”行动): its verbs are words
    noun_linkers: tuple[str, ...] = ()        # 增长的贡献率: a verb before 的 is part of a noun
    rate_nouns: tuple[str, ...] = ()
    rate_after: tuple[tuple[str, str], ...] = ()   # 20%以上的增长: (words after the rate, direction)
    rate_after_pair: tuple[str, ...] = ()   # 增长到: the rate starts a pair, and rises by no noun
    fall_rate_nouns: tuple[str, ...] = ()     # 降幅: a rate of decline stated as a level
    improve_words: tuple[str, ...] = ()
    shared_head_nouns: tuple[str, ...] = ()
    subject_heads: tuple[str, ...] = ()       # 种植面积: cut from the item before, never an item
    owner_nouns: tuple[str, ...] = ()         # 企业: 规模以上工业企业…、增加值 is the sector's
    from_pattern: regex.Pattern | None = None
    level_at_end: regex.Pattern | None = None  # “十三五”末GDP实现…: the plan's last year's level
    to_pattern: regex.Pattern | None = None     # 47.36亿元增加到…: a pair's start with no from-word
    year_of_level: regex.Pattern | None = None  # 提升到2025年的57.7%: the year the level is of
    gap_tail: regex.Pattern | None = None       # 增速高于省平: a name that is a gap to another's
    target_gap: regex.Pattern | None = None     # 比预期目标高1.5个百分点: a gap to the target
    completion_words: tuple[str, ...] = ()    # 计划, 目标: a share of them is a plan's completion
    excess_words: tuple[str, ...] = ()        # 超额完成: by how much the plan was passed
    milestone_nouns: tuple[str, ...] = ()     # 大关, 台阶: 突破600亿元大关 is the indicator's level
    aside: regex.Pattern = None               # a bracketed aside ((预计，下同)): no subject
    base_clause_rest: regex.Pattern | None = None  # …年大幅下降的基础上: a base clause's year dates none after
    figure_tail: regex.Pattern = None         # a figure's own tail (元/月, 亿级): no word after it
    ordinal: regex.Pattern | None = None      # 第二 after a count: another figure, not its noun
    part_predicates: tuple[str, ...] = ()     # 竣工, 加快: a count's predicate, no noun of its own
    noise: regex.Pattern | None = None        # dropped from a phrase: a footnote mark, a PDF's spaces
    infix_aside: regex.Pattern | None = None  # 城镇（常住）居民: an aside inside a name
    modifier_only: regex.Pattern | None = None   # 国家级: a level, not yet a noun
    after_reach: int = 4      # how far after a number its qualifier or unit cue can reach
    # derived (__post_init__): the tail and head words by length, longest first, so that the
    # longest one a phrase ends or starts with is a few set lookups, not a scan of them all;
    # and what strip_words made of each phrase (it is asked about 增长 again and again)
    tail_index: tuple = field(default=(), repr=False, compare=False)
    head_index: tuple = field(default=(), repr=False, compare=False)
    between_index: tuple = field(default=(), repr=False, compare=False)
    leads_index: tuple = field(default=(), repr=False, compare=False)
    scopes_index: tuple = field(default=(), repr=False, compare=False)
    stripped: dict = field(default_factory=dict, repr=False, compare=False)
    masked: dict = field(default_factory=dict, repr=False, compare=False)     # mask's, likewise
    unbetween: dict = field(default_factory=dict, repr=False, compare=False)  # strip_between's
    last_break: regex.Pattern | None = field(default=None, repr=False, compare=False)
    any_break: regex.Pattern | None = field(default=None, repr=False, compare=False)  # a clause or list break
    last_list_break: regex.Pattern | None = field(default=None, repr=False, compare=False)
    last_sentence_end: regex.Pattern | None = field(default=None, repr=False, compare=False)
    next_sentence_end: regex.Pattern | None = field(default=None, repr=False, compare=False)
    share_set: WordSet | None = field(default=None, repr=False, compare=False)
    completion_set: WordSet | None = field(default=None, repr=False, compare=False)
    excess_set: WordSet | None = field(default=None, repr=False, compare=False)
    total_set: WordSet | None = field(default=None, repr=False, compare=False)
    summed_names: tuple[str, ...] = ()       # 投资, 收入: names a total's verb goes on over
    distributive_set: WordSet | None = field(default=None, repr=False, compare=False)
    subject_subgroups: WordSet | None = None   # 省属企业, 景区: a clause's subject that is a sub-group
    adjusted_series: regex.Pattern | None = None   # 扣除房地产开发投资后: a part taken out
    in_clause_set: WordSet | None = field(default=None, repr=False, compare=False)
    in_clause_of: dict = field(default_factory=dict, repr=False, compare=False)
    after_index: tuple = field(default=(), repr=False, compare=False)
    before_index: tuple = field(default=(), repr=False, compare=False)
    rank_verbs_index: tuple = field(default=(), repr=False, compare=False)
    place_after_rank_verb: regex.Pattern | None = field(default=None, repr=False, compare=False)
    shared_heads_index: tuple = field(default=(), repr=False, compare=False)
    cut_heads: tuple = field(default=(), repr=False, compare=False)   # shared + subject heads
    head_nouns: tuple = field(default=(), repr=False, compare=False)
    subject_rest: regex.Pattern | None = None   # what may follow a clause's subject for a head noun
    clause_subject_chars: int = 0                # how long that subject may be
    after_of: dict = field(default_factory=dict, repr=False, compare=False)
    before_of: dict = field(default_factory=dict, repr=False, compare=False)
    alias_set: frozenset = field(default=frozenset(), repr=False, compare=False)
    rate_after_reach: int = field(default=0, repr=False, compare=False)   # its longest word

    def sentence_start(self, norm: str, lo: int, hi: int) -> int:
        """Where the sentence that holds norm[hi] starts, looked for back to lo (lo if it starts
        before that): just after the nearest sentence end."""
        end = self.last_sentence_end.search(norm, lo, hi)
        return end.end() if end else lo

    def __post_init__(self):
        # the last clause or list break before a figure, searched backwards from it (a
        # reverse search stops at the nearest one instead of scanning the clause per character)
        self.last_break = regex.compile(f"(?r)[{regex.escape(self.breaks)}]")
        self.last_list_break = regex.compile(f"(?r)[{regex.escape(self.list_breaks)}]")
        # (compiled once: a pattern written in place is looked up in regex's cache per call)
        self.any_break = regex.compile(f"[{regex.escape(self.breaks + self.list_breaks)}]")
        self.last_sentence_end = regex.compile(f"(?r)[{regex.escape(self.sentence_ends)}]")
        self.next_sentence_end = regex.compile(f"[{regex.escape(self.sentence_ends)}]")
        self.after_of, self.before_of = dict(self.after), dict(self.before)
        self.alias_set = frozenset(self.aliases)
        self.rate_after_reach = max((len(w) for w, _ in self.rate_after), default=0)
        self.share_set, self.total_set = WordSet(self.share_words), WordSet(self.total_words)
        self.completion_set = WordSet(self.completion_words)
        self.excess_set = WordSet(self.excess_words)
        self.distributive_set = WordSet(self.distributive)
        self.in_clause_of = dict(self.in_clause)
        self.in_clause_set = WordSet(w for w, _ in self.in_clause)
        self.after_index = by_length(self.after_of)
        self.before_index = by_length(self.before_of)
        self.tail_index = by_length(self.tail_words)
        self.head_index = by_length(self.head_words)
        self.between_index = by_length(self.between)
        self.leads_index = by_length(self.leads)
        self.scopes_index = by_length(self.rank_scopes)
        self.rank_verbs_index = by_length(self.rank_verbs)
        # (the enumerations a joiner is part of, found once, not for every list's subject)
        self.joined_expansions = tuple(w for w in self.expansions if self.joiners.search(w))
        if self.rank_place:
            verbs = "|".join(regex.escape(v) for v in self.rank_verbs) or "(?!)"
            self.place_after_rank_verb = regex.compile(f"(?<={verbs})(?:{self.rank_place})$")
        self.cut_heads = (*self.shared_head_nouns, *self.subject_heads)
        self.shared_heads_index = by_length(self.cut_heads)
        # a figure's name that is only one of these (增加值, 总产) wants a subject
        self.head_nouns = tuple(dict.fromkeys((*self.shared_head_nouns, *self.total_heads)))


def by_length(affixes) -> tuple[tuple[int, frozenset], ...]:
    lengths = sorted({len(w) for w in affixes}, reverse=True)
    return tuple((n, frozenset(w for w in affixes if len(w) == n)) for n in lengths)


def longest_affix(phrase: str, index, at_end: bool, keep: int = 0) -> str | None:
    """The longest word of a by_length index the phrase ends (at_end) or starts with, leaving
    at least `keep` characters of it."""
    size = len(phrase)
    for n, affixes in index:
        if n <= size - keep:
            piece = phrase[size - n:] if at_end else phrase[:n]
            if piece in affixes:
                return piece
    return None


# phrases strip_words (and texts mask) remembers per rule set, at most (then it starts again)
REMEMBERED_LIMIT = 50_000


def remember(memo: dict, key: str, value: str) -> str:
    """Keep what was made of `key` in one of Words' memos, which start again when full."""
    if len(memo) >= REMEMBERED_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def longest_first(mapping: dict) -> list[tuple[str, str]]:
    return sorted(mapping.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=8)
def compile_words(rs: RuleSet) -> Words:
    ctx = rs.context
    verb_direction: dict[str, str | None] = {}
    for direction in ("increase", "decrease", "none"):
        for w in ctx["directions"].get(direction, []):
            verb_direction[w] = None if direction == "none" else direction
    verbs = word_pattern(verb_direction)
    # verbs that give a direction only right before their number (二氧化碳减排4.1%): read as a
    # clause's first verb they would turn the names they stand in (碳减排支持工具资金5亿元)
    at_end = dict(verb_direction)
    for direction, ws in (ctx["directions"].get("only_before_the_number") or {}).items():
        at_end.update((w, direction) for w in ws)
    quals = ctx["qualifiers"]
    return Words(
        breaks=ctx["clause_breaks"], list_breaks=ctx["list_breaks"],
        after=longest_first(quals["after"]), before=longest_first(quals["before"]),
        verbs=verbs, verb_at_end=word_pattern(at_end, "(?:{})$"),
        change_words=tuple(sorted({w for ind in rs.indicators for w in ind.changes}, key=len)),
        between=sorted(ctx["directions"].get("between", []), key=len, reverse=True),
        leads=tuple(sorted({*ctx["directions"].get("between", []), *quals["before"]},
                           key=len, reverse=True)),
        in_clause=longest_first(quals.get("in_clause", {})),
        subclause=tuple(ctx.get("subclause_words", [])), verb_direction=at_end,
        gap_words=tuple(ctx.get("gap_words", [])),
        income_reform=dict(ctx["income_reform"], names=tuple(ctx["income_reform"]["names"]))
        if ctx.get("income_reform") else None,
        adverbial_rules=frozenset(ctx.get("adverbial_rules", ())),
        share_words=tuple(ctx["share_words"]),
        # qualifier words around a number are not part of what it measures either
        tail_words=sorted({*ctx["indicator_tail_words"], *quals["before"]}, key=len, reverse=True),
        head_words=sorted({*ctx["indicator_head_words"], *quals["after"]}, key=len, reverse=True),
        implied=ctx["implied_units"],
        period_year=rs.context_patterns["period_year"],  # a user's is time-limited
        part_of_year=rs.context_patterns.get("part_of_year"),
        joiners=words_outside(ctx["list_joiners"], ctx.get("list_joiner_not_words", ())),
        joiner_not_words=tuple(ctx.get("list_joiner_not_words", ())),
        sentence_ends=ctx["sentence_ends"], distributive=tuple(ctx["distributive_words"]),
        joint=tuple(ctx.get("joint_words", ())),
        joint_hosts=tuple(ctx.get("joint_word_hosts", ())),
        # the longest first: 第一、二、三产业 is spelled out whole, not its 一、二、三产业
        expansions=dict(sorted(ctx.get("list_expansions", {}).items(), key=lambda kv: -len(kv[0]))),
        aliases=tuple(a for ind in rs.indicators for a in ind.aliases),
        bare_aliases=frozenset(a for ind in rs.indicators for a in (*ind.bare, *ind.bare_rates)),
        product_words=tuple(ctx.get("list_product_words", ())),
        list_count=regex.compile(ctx["list_count_pattern"]) if ctx.get("list_count_pattern")
        else None,
        companion_heads=frozenset(h for ind in rs.indicators for _, heads in ind.companions
                                  for h in heads),
        rank_scopes=tuple(sorted(ctx["directions"].get("rank_scopes", []), key=len, reverse=True)),
        rank_place=ctx["directions"].get("rank_place"),
        rank_place_alone=regex.compile(ctx["directions"]["rank_place_alone"])
        if ctx["directions"].get("rank_place_alone") else None,
        subject_stops=word_pattern(ctx["subject_stops"]) if ctx.get("subject_stops") else None,
        subject_stops_before_no_of=tuple(ctx.get("subject_stops_before_no_of", ())),
        rank_verbs=tuple(ctx.get("rank_verbs", ())),
        rank_subjects=frozenset(ctx.get("rank_subjects", ())),
        total_heads=tuple(ctx.get("total_heads", ())),
        total_head_chars=int(ctx.get("total_head_chars", 0)),
        strip_chars=ctx["indicator_strip_chars"],
        average_words=tuple(ctx["spans"]["average_words"]),
        total_words=tuple(ctx["spans"]["total_words"]),
        summed_names=tuple(ctx["spans"].get("summed_names", ())),
        years_pattern=regex.compile(ctx["spans"]["years_pattern"]),
        base_pattern=regex.compile(ctx["spans"]["base_pattern"]) if ctx["spans"].get("base_pattern")
        else None,
        base_lead=regex.compile(ctx["spans"]["base_lead_pattern"])
        if ctx["spans"].get("base_lead_pattern") else None,
        pair_base=regex.compile(ctx["spans"]["pair_base"]) if ctx["spans"].get("pair_base") else None,
        pair_years=regex.compile(ctx["spans"]["pair_years"]) if ctx["spans"].get("pair_years")
        else None,
        pair_own_time=regex.compile(ctx["spans"]["pair_own_time"])
        if ctx["spans"].get("pair_own_time") else None,
        subject_rest=regex.compile(ctx["subject_rest"]) if ctx.get("subject_rest") else None,
        clause_subject_chars=int(ctx.get("clause_subject_chars", 0)),
        base_marks=ctx["spans"].get("base_marks", ""),
        from_marks=ctx["spans"].get("from_marks", ""),
        copula_marks=ctx["spans"].get("copula_marks", ""),
        copula_base_after=regex.compile(ctx["spans"]["copula_base_after"])
        if ctx["spans"].get("copula_base_after") else None,
        default_years=int(ctx["spans"]["default_years"]),
        reach_words=_with_particles(ctx["spans"]["reach_words"], ctx["spans"].get("reach_particles", ())),
        level_after=regex.compile(ctx["spans"]["level_after"]) if ctx["spans"].get("level_after")
        else None,
        level_with_growth=regex.compile(ctx["spans"]["level_with_growth"])
        if ctx["spans"].get("level_with_growth") else None,
        span_compared_after=regex.compile(ctx["spans"]["span_compared_after"])
        if ctx["spans"].get("span_compared_after") else None,
        year_on_year=regex.compile(ctx["spans"]["year_on_year"])
        if ctx["spans"].get("year_on_year") else None,
        average_after=regex.compile(r"[，,；;]\s*" + alternation(ctx["spans"]["average_words"]))
        if ctx["spans"].get("average_words") else None,
        sum_set=WordSet(ctx["spans"].get("sum_words", ())),
        adjusted_series=regex.compile(ctx["adjusted_series"]) if ctx.get("adjusted_series") else None,
        subject_subgroups=WordSet(ctx["subject_subgroup_words"])
        if ctx.get("subject_subgroup_words") else None,
        hold_words=tuple(sorted(ctx["spans"]["hold_words"], key=len, reverse=True)),
        reached_totals=tuple(ctx["spans"].get("reached_totals", ())),
        generic_heads=tuple(ctx.get("generic_heads", ())),
        minus_signs=ctx["directions"].get("minus_signs", ""),
        target_pattern=words_but(ctx["target_words"], ctx.get("target_not_words", ()))
        if ctx["target_words"] else None,
        estimate_pattern=word_pattern(ctx["estimate_words"]) if ctx.get("estimate_words")
        else None,
        plan_turn_pattern=regex.compile(ctx["plan_turn"]) if ctx.get("plan_turn") else None,
        plan_turn_in_clause=regex.compile(ctx["plan_turn_in_clause"])
        if ctx.get("plan_turn_in_clause") else None,
        record_after=regex.compile(ctx["record_after"]) if ctx.get("record_after") else None,
        month_after=regex.compile(ctx["month_after"]) if ctx.get("month_after") else None,
        up_to_words=tuple(ctx.get("up_to_words", ())),
        up_to_years=tuple(ctx.get("up_to_years", ())),
        recalled_target=regex.compile(ctx["recalled_target_after"])
        if ctx.get("recalled_target_after") else None,
        recalled_target_marks=tuple(ctx.get("recalled_target_marks", ())),
        recalled_target_lead=regex.compile(ctx["recalled_target_lead"])
        if ctx.get("recalled_target_lead") else None,
        remark_clause=regex.compile(ctx["remark_clause"]) if ctx.get("remark_clause") else None,
        name_joiners=tuple(ctx.get("name_joiners", ())),
        time_before_of=tuple(ctx.get("time_before_of", ())),
        whole_year_pattern=word_pattern(ctx["whole_year_words"]) if ctx.get("whole_year_words")
        else None,
        whole_year_not_before=tuple(ctx.get("whole_year_not_before", ())),
        span_average_marks=tuple(ctx.get("span_average_marks", ())),
        quoted=regex.compile(ctx["directions"].get("quoted_name") or "(?!)"),
        noun_linkers=tuple(ctx["directions"].get("noun_linkers", ())),
        rate_nouns=tuple(ctx["directions"].get("rate_nouns", ())),
        rate_after=tuple(ctx["directions"].get("rate_after", {}).items()),
        rate_after_pair=tuple(ctx["directions"].get("rate_after_pair", ())),
        fall_rate_nouns=tuple(ctx["directions"].get("fall_rate_nouns", ())),
        improve_words=tuple(ctx["directions"].get("improve", ())),
        shared_head_nouns=tuple(ctx.get("shared_head_nouns", ())),
        subject_heads=tuple(ctx.get("subject_head_nouns", ())),
        owner_nouns=tuple(ctx.get("owner_nouns", ())),
        from_pattern=regex.compile(ctx["spans"]["from_pattern"]),
        level_at_end=regex.compile(ctx["spans"]["level_at_end"]) if ctx["spans"].get("level_at_end")
        else None,
        to_pattern=regex.compile(ctx["spans"]["to_pattern"]) if ctx["spans"].get("to_pattern")
        else None,
        year_of_level=regex.compile(ctx["spans"]["year_of_level"])
        if ctx["spans"].get("year_of_level") else None,
        gap_tail=regex.compile(ctx["gap_tail"]) if ctx.get("gap_tail") else None,
        target_gap=regex.compile(ctx["target_gap"]) if ctx.get("target_gap") else None,
        completion_words=tuple(ctx.get("completion_words", ())),
        excess_words=tuple(ctx.get("plan_excess_words", ())),
        milestone_nouns=tuple(ctx.get("milestone_nouns", ())),
        aside=regex.compile(ctx.get("aside_pattern") or "(?!)"),
        base_clause_rest=regex.compile(ctx["base_clause_rest"]) if ctx.get("base_clause_rest") else None,
        figure_tail=regex.compile(ctx.get("figure_tail_pattern") or "(?!)"),
        ordinal=regex.compile(ctx["ordinal_pattern"]) if ctx.get("ordinal_pattern") else None,
        part_predicates=tuple(ctx.get("part_predicates", ())),
        noise=regex.compile(ctx.get("phrase_noise") or "(?!)"),
        infix_aside=regex.compile(ctx["infix_aside"]) if ctx.get("infix_aside") else None,
        modifier_only=regex.compile(ctx["modifier_only"]) if ctx.get("modifier_only") else None,
        after_reach=max([len(w) for w in quals["after"]] + [len(w) for cues in
                        ctx["implied_units"].values() for w in cues.get("after_words", [])] + [3]),
        breakdown=tuple(sorted(ctx.get("breakdown_prefixes", []), key=len, reverse=True)),
        comparison=tuple(ctx.get("comparison_words", [])),
        copulas=tuple(ctx["directions"].get("copulas", [])),
        namely_copulas=tuple(sorted(ctx.get("namely_copulas", ()), key=len, reverse=True)),
        verb_masks=tuple(ctx["directions"].get("masks", [])),
        head_pattern=rs.context_patterns.get("indicator_head_pattern"),
        goal_head=rs.context_patterns.get("indicator_goal_head"),
        tail_pattern=rs.context_patterns.get("indicator_tail_pattern"),
        place_year_head=rs.context_patterns.get("place_year_head"))


def _with_particles(words, particles) -> tuple[str, ...]:
    """The words, and each with a particle after it (增长到 → 增长到了), longest first."""
    every = set(words) | {w + p for w in words for p in particles}
    return tuple(sorted(every, key=len, reverse=True))
