"""Indicator phrases → catalog ids (rules/indicators.yaml), and word boundaries for long phrases.

The head of a Chinese noun phrase is its last word, so a phrase gets the id of the longest alias
it ends with (城镇居民人均可支配收入 → disposable_income_urban, not disposable_income), provided
the figure's unit is one that indicator can have.

jieba cuts phrases too long to show whole at word boundaries, with the catalog's aliases loaded
as its user words so that 社会消费品零售总额 stays one piece. Its dictionary is loaded once per
process, on first use, with its log chatter silenced.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from reportx.engine.ruleset import RuleSet
from reportx.engine.wordsets import WordSet

# Longest indicator phrase kept whole; a longer one keeps its last words up to this length.
MAX_PHRASE = 24

# a Latin letter written in lower case (人均gdp): the catalog writes capitals
_LOWER_LATIN = re.compile("[a-z]")


class IndicatorMatcher:
    def __init__(self, rs: RuleSet):
        self.aliases = rs.alias_index()
        # the same (alias, indicator) pairs by the alias's last character, each list still
        # longest first: a phrase is tried only against the aliases it can end with
        self.by_last: dict[str, list] = {}
        for alias, ind in self.aliases:
            self.by_last.setdefault(alias[-1], []).append((alias, ind))
        self.words = tuple(sorted({a for a, _ in self.aliases}))
        self.breakdown = tuple(rs.context.get("breakdown_prefixes", ()))
        self.subgroups = WordSet((*rs.context.get("subgroup_words", ()),
                                  *rs.context.get("subject_subgroup_words", ())))
        self.share_words = tuple(rs.context.get("share_words", ()))
        # X占Y比重 → X占比, and the like: the first form that fits a share's phrase rewrites it
        forms = rs.context["share_forms"]
        self.share_forms = [(regex.compile(f["pattern"]), f["as"]) for f in forms]
        self.particles = tuple(rs.context.get("name_particles", ()))
        self.size_words = tuple(rs.context.get("name_size_words", ()))
        self.synonyms = tuple((rs.context.get("name_synonyms") or {}).items())
        self.place_suffixes = tuple(rs.context.get("place_suffixes", ()))
        # a province's short name, alone or with its ending (河南, 河南省, 西藏自治区): a scope only
        # where the report's own place is not known (a news copy); in a city's report the
        # province's figure is the province's (河南生产总值增长5.1%，我市生产总值增长6%)
        self.regions = tuple(r + s for r in rs.context.get("region_names", ())
                             for s in ("", *self.place_suffixes))
        self.scopes = tuple(sorted(rs.context.get("scope_prefixes", ()), key=_longest_first))
        self.town_scopes = tuple(rs.context.get("town_scope_prefixes", ()))
        self.town_suffixes = tuple(rs.context.get("town_suffixes", ()))
        self.level_scopes = tuple(rs.context.get("level_scopes", ()))
        self._scope_words: dict[str | None, tuple[str, ...]] = {}
        # a year among the scope words before a name dates the figure, it narrows nothing
        self.scope_year = rs.context_patterns.get("scope_year")
        self._place_names: dict[str, tuple[str, ...]] = {}
        self.bare = {(a, ind.id) for ind in rs.indicators for a in ind.bare}
        self.bare_rates = {(a, ind.id) for ind in rs.indicators for a in ind.bare_rates}
        self.bare_led = {(a, ind.id) for ind in rs.indicators for a in ind.bare_led}
        self.led_words = tuple(a for a, _ in self.bare_led)
        self.headline = frozenset(ind.id for ind in rs.indicators if ind.headline)
        self.led_scope = rs.context_patterns.get("led_scope")    # 全区, 我市
        self.changes = {(a, ind.id) for ind in rs.indicators for a in ind.changes}
        self.lower_better = {ind.id for ind in rs.indicators if ind.better == "lower"}
        # the words that tell the series an id is of from a wider one (地方 of 地方财政收入)
        self.prefer = {ind.id: tuple(ind.prefer) for ind in rs.indicators if ind.prefer}
        # the flows: a change each year (新增就业, 农村贫困人口减少), named with its verb
        self.flows = frozenset(ind.id for ind in rs.indicators if ind.direction)
        self.companions = [(after, head, ind) for ind in rs.indicators
                           for after, heads in ind.companions for head in heads]

    @classmethod
    def for_rules(cls, rs: RuleSet) -> "IndicatorMatcher":
        return _matcher(rs)

    def match(self, phrase: str | None, unit: str, share: bool = False,
              place: str | None = None, direction: str | None = None) -> str | None:
        """The id of the longest alias the phrase ends with, if the unit (and, for an indicator
        that is a change, the direction) fits. A share (民生支出占一般公共预算支出比重) names only an
        indicator that is itself a share (产业投资占比); a bare alias (生产总值) only with nothing but
        scope words, or the report's `place`, before it. A phrase opening with a breakdown prefix
        (对欧盟进出口) is a part, unless an alias itself opens so (对外贸易进出口)."""
        if not phrase:
            return None
        found = self._match(phrase, unit, share, place, direction)
        if found is None and "“" in phrase and _QUOTED.search(phrase):
            # “规上”工业增加值: a short word quoted inside a name (the phrase keeps its quotes)
            found = self._match(_QUOTED.sub(r"\1", phrase), unit, share, place, direction)
        if found is None and (plain := self.plain(phrase)) != phrase:
            # 农村居民的人均可支配收入, 固定资产投资规模, 单位国内生产毛额二氧化碳排放: a particle inside
            # the name, a size word after it, another region's word in it
            found = self._match(plain, unit, share, place, direction)
        return found

    def led_alias(self, phrase: str | None) -> tuple[str, str] | None:
        """(alias, id) of the alias the phrase ends with, when that alias names its indicator only
        after a scope or lead word (`bare_led`: 完成增加值 → gdp), a name the clause before may
        give a subject of its own; else None."""
        if not phrase or not phrase.endswith(self.led_words):
            return None
        # the longest alias it ends with (服务业增加值 is the tertiary sector's, not 增加值)
        longest = next(((a, ind.id) for a, ind in self.by_last.get(phrase[-1], ())
                        if phrase.endswith(a)), None)
        return longest if longest in self.bare_led else None

    def names_the_place(self, prefix: str, place: str | None) -> bool:
        """The words before a name hold the place itself: a scope of its level (全区, 我市:
        rules/context.yaml `led_scope`) or its own name."""
        if self.led_scope is not None and self.led_scope.search(prefix):
            return True
        return any(n in prefix for n in self.place_names(place))

    def plain(self, phrase: str) -> str:
        """The phrase as matched when its own form names nothing: without particles, with the
        synonyms put in, without a size word after the name, with Latin letters in capitals (人均gdp,
        pm2.5浓度: the catalog writes GDP, PM2.5), without spaces (PM2.5 平均浓度: a page that spaces
        figures and Latin out from Chinese)."""
        if " " in phrase:
            phrase = phrase.replace(" ", "")
        if _LOWER_LATIN.search(phrase):
            phrase = phrase.upper()
        for p in self.particles:
            phrase = phrase.replace(p, "")
        for theirs, ours in self.synonyms:
            phrase = phrase.replace(theirs, ours)
        for w in self.size_words:
            if phrase.endswith(w) and len(phrase) > len(w):
                return phrase[:-len(w)]
        return phrase

    def _match(self, phrase: str, unit: str, share: bool, place: str | None,
               direction: str | None) -> str | None:
        # a sub-group's figure (脱贫人口人均纯收入) is not everyone's; an alias may hold the word
        # itself (贫困人口脱贫)
        in_subgroup = self.subgroups.found_in(phrase) and self._subgroup_besides(phrase, place)
        if phrase.startswith(self.breakdown) and not phrase.startswith(self.words):
            return None
        if share:
            # 产业投资占全部投资比重 names the share 产业投资占比
            phrase = _share_name(phrase, self.share_forms)
        for alias, ind in self.by_last.get(phrase[-1:], ()):
            if phrase.endswith(alias) and unit in ind.units:
                if in_subgroup and (self._subgroup_besides(phrase[:-len(alias)], place)
                                    or not self.subgroups.found_in(alias)):
                    return None
                if share and not any(w in alias for w in self.share_words):
                    continue
                if ind.direction and direction != ind.direction \
                        and (alias, ind.id) not in self.changes:
                    continue          # 年末农村贫困人口551万人 is a stock, not a reduction
                if (alias, ind.id) in self.bare and not self._only_scope(phrase[:-len(alias)], place):
                    return None       # 海洋生产总值, 酒泉经济总量: another thing of that name
                if (alias, ind.id) in self.bare_led and not phrase[:-len(alias)].strip():
                    continue          # 增加值增长4.4% alone: a sector's, named before it
                if unit != "%" and (alias, ind.id) in self.bare_rates:
                    continue          # 规上工业突破3000亿元 may be its output, 增长8% is its value added
                return ind.id
        return None

    def _subgroup_besides(self, text: str, place: str | None) -> bool:
        """Whether `text` names a sub-group other than the report's own place (经开区 in a zone's
        own report, 长沙经开区, is the place: 经开区财政收入 is its revenue)."""
        if not self.subgroups.found_in(text):
            return False
        return not place or any(w in text and w not in place for w in self.subgroups.words)

    def list_ids(self, phrase: str | None, unit: str, share: bool = False,
                 place: str | None = None, direction: str | None = None) -> list[str]:
        """The ids of every item of a joint indicator (游客人数、旅游收入 → tourist_arrivals,
        tourism_revenue), in order; the one id of a plain phrase."""
        items = [p for p in (phrase or "").split("、") if p]
        ids = [self.match(p, unit, share, place, direction) for p in items]
        for k in range(1, len(items)):
            if ids[k] is None:   # 单位地区生产总值能耗、二氧化碳排放量: the second shares the first's head
                ids[k] = self.with_head_of(items[0], items[k], unit, share, place, direction)
        return list(dict.fromkeys(i for i in ids if i))

    def with_head_of(self, first: str, item: str, unit, share, place, direction) -> str | None:
        """The id `item` names with the head of `first` before it, the longest head that makes a
        catalog name (单位地区生产总值 + 二氧化碳排放量; claims.py asks it too, for a total after the
        figure before: 粮食种植面积 + 总产)."""
        for k in range(len(first) - 1, 1, -1):
            found = self.match(first[:k] + item, unit, share, place, direction)
            if found:
                return found
        return None

    def lower_is_better(self, indicator_id: str) -> bool:
        return indicator_id in self.lower_better

    def is_flow(self, indicator_id: str) -> bool:
        return indicator_id in self.flows

    def preferred_over(self, indicator_id: str, name: str | None, other: str) -> bool:
        """`name` holds more of the words the catalog prefers for the id's series than `other`
        (地方财政收入 over 财政收入: the local general budget, not the total with the centre's)."""
        words = self.prefer.get(indicator_id, ())
        return series_words(name, words) > series_words(other, words)

    def companion(self, before_id: str, phrase: str | None, unit: str) -> list[str]:
        """The id a bare head (收入, 花费) takes right after a figure of `before_id` (接待游客2.73亿
        人次、实现收入4140亿元 → tourism_revenue), as the catalog's `companions` say."""
        for after, head, ind in self.companions:
            if after == before_id and phrase == head and unit in ind.units:
                return [ind.id]
        return []

    def _only_scope(self, prefix: str, place: str | None) -> bool:
        words = self._scope_words.get(place)
        if words is None:   # the longest first, the report's own place among them (河南省, not 河南)
            names = self.place_names(place) if place else self.regions
            # (全镇 is the place only in a town's report, or one whose place is not known)
            towns = self.town_scopes if not place or place.endswith(self.town_suffixes) else ()
            level = tuple(c for c in self.level_scopes if not place or place.endswith(c))
            words = self._scope_words[place] = tuple(
                sorted({*self.scopes, *names, *towns, *level}, key=_longest_first))
        if self.level_scopes and sum(prefix.count(c) for c in self.level_scopes) > 1 \
                and any(prefix.startswith(c) for c in self.level_scopes):
            return False        # 县区, 区县, 旗县: the place's counties or districts
        while prefix:
            word = next((w for w in words if prefix.startswith(w)), None)
            if word is None:
                # 五莲县2012年全年实现生产总值: a year among the scope words
                year = self.scope_year.match(prefix) if self.scope_year else None
                if year is None:
                    return False
                word = year[0]
            prefix = prefix[len(word):]
        return True

    def place_names(self, place: str | None) -> tuple[str, ...]:
        """河北省 → (河北省, 河北): the report's own place, with and without its ending; a county
        named with its prefecture (日照市五莲县) also by its own name (五莲县, 五莲)."""
        if not place:
            return ()
        known = self._place_names.get(place)
        if known is None:
            known = self._place_names[place] = self._names_of(place)
        return known

    def _names_of(self, place: str) -> tuple[str, ...]:
        names = [place]
        for s in self.place_suffixes:
            at = place.find(s)
            if 2 <= at and at + len(s) <= len(place) - 2:      # 日照市 | 五莲县
                names.append(place[at + len(s):])
                break
        for name in list(names):
            names.append(next((name[: -len(s)] for s in self.place_suffixes
                               if name.endswith(s) and len(name) - len(s) >= 2), name))
        return tuple(dict.fromkeys(names))


# a word of one to three characters quoted inside a name
_QUOTED = regex.compile(r"“(\p{Han}{1,3})”(?=\p{Han})")


def series_words(name: str | None, prefer) -> int:
    """How many of the catalog's preferred words for a series (`prefer`: 地方, 预算) a name holds."""
    return sum(w in (name or "") for w in prefer)


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word


def _share_name(phrase: str, forms) -> str:
    for pattern, name in forms:
        named, n = pattern.subn(name, phrase)
        if n:
            return named
    return phrase


@lru_cache(maxsize=8)
def _matcher(rs: RuleSet) -> IndicatorMatcher:
    return IndicatorMatcher(rs)


@lru_cache(maxsize=4)  # one tokenizer per word list: the catalog's, and the plain one
def _jieba(user_words: tuple[str, ...]):
    # jieba's dictionary is read in place from an index in the per-user cache folder (built on
    # the first run), not loaded whole: see wordcut
    from reportx.engine.wordcut import tokenizer

    return tokenizer(user_words)


def trim_phrase(phrase: str, user_words: tuple[str, ...] = (), limit: int = MAX_PHRASE) -> str:
    """A phrase longer than `limit` keeps its last whole words that fit (jieba word boundaries).
    A list of names (地区生产总值、工业增加值、固定资产投资及社会消费品零售总额均增长5%) is trimmed in its
    first name only, where any lead-in stands, while each later name fits."""
    if len(phrase) <= limit:
        return phrase
    first, sep, rest = phrase.partition("、")
    if sep and all(len(name) <= limit for name in rest.split("、")):
        return _trim_words(first, user_words, limit) + sep + rest
    return _trim_words(phrase, user_words, limit)


def _trim_words(phrase: str, user_words: tuple[str, ...], limit: int) -> str:
    if len(phrase) <= limit:
        return phrase
    tokens = list(_jieba(tuple(user_words)).cut(phrase, HMM=False))
    kept = ""
    for tok in reversed(tokens):
        if len(kept) + len(tok) > limit:
            break
        kept = tok + kept
    kept = kept or phrase[-limit:]
    # never open inside a quotation: take the whole quoted name back in
    if kept.count("”") > kept.count("“"):
        start = phrase.rfind("“", 0, len(phrase) - len(kept))
        kept = phrase[start:] if start >= 0 else kept
    return kept


def ends_a_word(phrase: str, at: int) -> bool:
    """Whether a word of the phrase (jieba's general dictionary) ends at offset `at`."""
    end = 0
    for word in _jieba(()).cut(phrase, HMM=False):
        end += len(word)
        if end >= at:
            return end == at
    return at == end


def first_word_length(phrase: str) -> int:
    """Length of the first word of a phrase, by jieba's general dictionary."""
    for word in _jieba(()).cut(phrase, HMM=False):
        return len(word)
    return len(phrase)
