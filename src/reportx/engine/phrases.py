"""The words around one figure: trimming an indicator phrase of its verbs and lead-in words, the
verb that gives a figure its direction, what follows a figure, whether a clause holds an average
word or a verb at all. Each takes the rule set's compiled context words (context_words.Words).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportx.engine.context_words import Words, longest_affix, remember
from reportx.engine.indicators import ends_a_word
from reportx.engine.patterns import DIGIT

if TYPE_CHECKING:
    from reportx.engine.claims import Draft
    from reportx.engine.document import Document


def strip_words(phrase: str, words: Words) -> str:
    """Trim the verbs and lead-in words around an indicator phrase: 其中第一产业增加值增长 → 第一产业增加值."""
    known = words.stripped.get(phrase)
    if known is not None:
        return known
    asked = phrase
    phrase = words.noise.sub("", phrase)
    changed = True
    while changed and phrase:
        changed = False
        # 经济增长 is a name; 人均 alone is a companion's head (…，人均达到5.62万元)
        if not phrase.endswith(words.aliases) and phrase not in words.companion_heads:
            w = longest_affix(phrase, words.tail_index, at_end=True)
            if w is not None:
                phrase, changed = phrase[: -len(w)], True
        w = longest_affix(phrase, words.head_index, at_end=False)
        if w is not None and not _joiner_inside_a_word(phrase, w, words):
            phrase, changed = phrase[len(w):], True
        if words.tail_pattern is not None:
            m = words.tail_pattern.search(phrase)
            if m and m.end() > m.start():
                phrase, changed = phrase[:m.start()], True
        if words.head_pattern is not None:
            m = words.head_pattern.match(phrase)
            if m and m.end() > 0:
                phrase, changed = phrase[m.end():], True
        if words.goal_head is not None:
            m = words.goal_head.match(phrase)
            # (a goal's lead with nothing after it but tail words leads to no name: what it holds is
            # the name, 城镇居民人均可支配收入定的目标为再(增长15%), and its tail words go)
            if m and trim(phrase[m.end():], words.tail_index):
                phrase, changed = phrase[m.end():], True
        if words.place_year_head is not None:
            m = words.place_year_head.match(phrase)
            if m and m.end() < len(phrase) and not m["place"].endswith(words.aliases):
                phrase, changed = phrase[m.end():], True
        verb = words.verb_at_end.search(mask(phrase, words))
        if verb and verb.start() >= 2 and not phrase.endswith(words.aliases):
            phrase, changed = phrase[:verb.start()], True     # 进出口总值翻番 → 进出口总值
        stripped = _unpaired_quotes(phrase.strip(words.strip_chars))
        changed = changed or stripped != phrase
        phrase = stripped
    return remember(words.stripped, asked, phrase)


def _joiner_inside_a_word(phrase: str, head: str, words: Words) -> bool:
    """A joiner opening the phrase is its first word's character (和平区, 与会代表: jieba's word
    boundaries; 和美乡村: the rules' not-words), not a joiner to strip (和第三产业增加值)."""
    if not words.joiners.fullmatch(head):
        return False
    if phrase.startswith(words.joiner_not_words):
        return True           # (rules list_joiner_not_words: 和美乡村, which jieba does not know)
    return not ends_a_word(phrase, len(head))


_OPENING, _CLOSING = "“‘「『", "”’」』"


def _unpaired_quotes(phrase: str) -> str:
    """A quote mark at an end of the phrase whose partner is not in it (“GDP增长5.5%左右” → GDP):
    the quotation was around more than the name. A paired one (“久建未完”项目) stays."""
    if phrase and phrase[0] in _OPENING and _CLOSING[_OPENING.index(phrase[0])] not in phrase:
        phrase = phrase[1:]
    if phrase and phrase[-1] in _CLOSING and _OPENING[_CLOSING.index(phrase[-1])] not in phrase:
        phrase = phrase[:-1]
    return phrase


def verb_before_is(own: str, verbs: tuple[str, ...], words: Words) -> bool:
    return bool(verbs) and strip_between(own.rstrip(), words).endswith(verbs)


def rate_noun_before(own: str, words: Words, clause: str | None = None) -> str | None:
    """增速 / 增幅 / 增长率 right before the number, a copula or 为/达 between: a rate of growth;
    given the figure's `clause`, also a rate named before the words of its target when the clause
    names nothing else (经济增长速度的调控目标定为8%)."""
    text = between = strip_between(own.rstrip(), words)
    verb = words.verb_at_end.search(mask(text, words))
    if verb:
        text = text[:verb.start()].rstrip()    # 增速达到 / 增速完成 / 增速为
        # 增速连续两年保持在: what stands between, again; but after 分别 the rate noun is the
        # last item's name only (城镇登记失业率、人口自然增长率分别为3.6%和4.96‰), unless it is
        # the whole subject (…，增速分别为5.6%、6.6%)
        if not text.endswith(words.distributive):
            text = strip_between(text, words)
        elif (whole := strip_between(text, words).strip()) in words.rate_nouns \
                or whole in words.fall_rate_nouns:
            text = whole
    text = text.rstrip()
    if text.endswith(words.rate_nouns):
        return "increase"
    if words.fall_rate_nouns and text.endswith(words.fall_rate_nouns):
        return "decrease"
    # (or the name the words before the number leave, one name: 经济增长速度的调控目标定为8%; not a
    # list's, whose last item alone may be a rate, 城镇登记失业率、人口自然增长率分别为3.6%和4.96‰,
    # 城镇登记失业率和经济增长率的预期目标为4%和6%左右)
    if clause is None or any(j in clause for j in words.name_joiners):
        return None
    name = strip_words(between, words)
    return "increase" if name.endswith(words.rate_nouns) and not has_verb(name, words) else None


def rate_noun_after(norm: str, end: int, words: Words) -> str | None:
    """实现20%以上的增长 / 保持7%左右的增速: the rate's noun after it (and its qualifier)."""
    if not words.rate_after:
        return None
    rest = past_qualifier(norm[end:end + words.after_reach + words.rate_after_reach], words)
    # (not a pair's start: 由1.2%增长到2.5%)
    return next((d for w, d in words.rate_after
                 if rest.startswith(w) and not rest.startswith(words.rate_after_pair, len(w))),
                None)


def past_qualifier(text: str, words: Words) -> str:
    """The text after a number less the spaces and qualifier words it starts with (5.2% 左右)."""
    text = text.lstrip()
    for w, _ in words.after:
        if text.startswith(w):
            text = text[len(w):]
    return text


def bare_head(phrase: str | None, words: Words) -> str | None:
    """A phrase less a leading verb (实现收入 → 收入): what a companion head must be, whole."""
    if not phrase:
        return phrase
    verb = words.verbs.match(mask(phrase, words))
    return phrase[verb.end():] if verb else phrase


def verb_outside_name(own: str, words: Words) -> bool:
    """Whether the verb that gave a figure its direction governs it from outside its name: at the
    start (新增高新技术企业120家) or after the name (…增加值分别增长), not inside it (城镇新增就业)."""
    phrase = strip_words(own.strip(), words)
    masked = mask(phrase, words)
    for v in words.verbs.finditer(masked):
        if len(v[0]) > 1 and 0 < v.start() and v.end() < len(phrase):
            return False
    return True


def is_average(clause: str, words: Words) -> bool:
    """年均增长5.5% / 年均5.5% / 年均增速8.2%: an average word before a verb, before a rate of
    growth (增速, 增幅) with nothing after it but the words before a number, right before the
    number, or opening the clause before the name (年均固定资产投资达到150亿元)."""
    for w in words.average_words:
        at = clause.find(w)
        while at >= 0:
            if not strip_words(clause[:at].strip(), words):
                return True     # said before the name: 年均固定资产投资达到150亿元, 我市年均GDP增速为6.1%
            rest = strip_leading(clause[at + len(w):].lstrip(), words)
            if not rest or words.verbs.match(mask(rest, words)):
                return True
            if _rate_before_number(rest, words) or _names_a_rate(rest, words):
                return True
            at = clause.find(w, at + 1)
    return False


def _names_a_rate(text: str, words: Words) -> bool:
    """A name of a rate of growth and the words before a number, nothing else (经济增长速度预期目标为:
    年均经济增长速度预期目标为7%左右 is an average)."""
    name = strip_words(text, words)
    noun = max((n for n in words.rate_nouns if name.endswith(n)), key=len, default=None)
    return noun is not None and not has_verb(name[:-len(noun)], words)


def _rate_before_number(text: str, words: Words) -> bool:
    """增速 / 增幅 and nothing after it but a copula or the words before a number (增速为,
    增速超过): a rate of growth stated right before its figure."""
    noun = next((n for n in words.rate_nouns + words.fall_rate_nouns if text.startswith(n)), None)
    if noun is None:
        return False
    after = strip_leading(text[len(noun):].strip(), words)
    return not after or after in words.copulas


def strip_leading(text: str, words: Words) -> str:
    """Drop the words that may stand between an average word and its number (分别, 超过, 达)."""
    return trim(text, words.leads_index, start=True)


def small_number(text: str) -> int | None:
    from reportx.engine.numerals import parse_number, NumberError

    try:
        n = int(parse_number(text))
    except (NumberError, ValueError):
        return None
    return n if 1 < n <= 30 else None


def has_verb(text: str, words: Words) -> bool:
    return words.verbs.search(mask(text, words)) is not None


def following_phrase(doc: Document, d: Draft, words: Words) -> str:
    """3家企业荣获…: a number that opens its clause counts what follows it."""
    # the words to the next break: finds bounded by the sentence's end, on the text itself (a
    # copy of the rest of the sentence per figure is quadratic in a sentence of 10,000 figures)
    end = max(d.sentence[1], d.q.end)
    found = (doc.norm.find(ch, d.q.end, end) for ch in words.breaks + words.list_breaks)
    cut = min([i for i in found if i >= 0], default=end) - d.q.end
    phrase = past_qualifier(doc.norm[d.q.end:d.q.end + cut], words)   # 5.2% 左右: no word
    return doc.norm[d.q.end + (cut - len(phrase)):d.q.end + cut].strip()


def noun_after(doc: Document, d: Draft, words: Words) -> str:
    """The noun a figure counts when it stands before it (新增2.6万个公办学位): the words after it
    to the next break, if they are words (not 和10.1％, the next item of a list), or to a joiner
    before the next figure (60个贫困村和8.77万贫困人口脱贫: 贫困村)."""
    following = following_phrase(doc, d, words)
    if following and (digit := DIGIT.search(following)):
        following = _before_next_count(following, digit.start(), words)
    if not following or words.joiners.match(following):
        return ""
    return strip_words(following, words) or following


def _before_next_count(following: str, digit: int, words: Words) -> str:
    """The words a count names when another count follows it in the same clause: those up to the
    joiner right before the next figure (60个贫困村和8.77万贫困人口: 贫困村), or, where they are only
    a level (3个国家级和12个省级现代农业产业园), the noun after both counts' levels; none else."""
    joined = list(words.joiners.finditer(following, 0, digit))
    if not joined or joined[-1].end() != digit:
        return ""
    named = following[:joined[-1].start()]
    if named and is_modifier(named, words):
        levels = list(words.modifier_only.finditer(following, digit))
        return following[levels[-1].end():] if levels else ""
    return named


def is_modifier(text: str, words: Words) -> bool:
    """The text is only a level or a scope (国家级, 全省), no noun (rules `modifier_only`)."""
    return words.modifier_only is not None and words.modifier_only.fullmatch(text) is not None


def split_gap(name: str | None, gap) -> tuple[str, str] | None:
    """A name that sets its indicator against another's figure (rules/context.yaml `gap_tail`),
    split into the indicator's words and what it is set against (地区生产总值增速高于全省 →
    地区生产总值, 高于全省); None for any other name, and for a gap with nothing before it."""
    m = gap.search(name) if name and gap is not None else None
    if m is None or not m.start():
        return None
    return name[:m.start()], name[m.end("rate") if m["rate"] else m.start():]


def is_subclause(clause: str, words: Words) -> bool:
    return clause.lstrip().startswith(words.subclause)


def moves(text: str, words: Words) -> bool:
    return any(words.verb_direction.get(m[0]) for m in words.verbs.finditer(text))


def direction_of(text: str, words: Words) -> tuple[str | None, bool]:
    """The direction of the verb governing a quantity whose clause is `text`.

    The verb right before the number decides, words like 分别/同比/超/至 between them skipped;
    else the clause's first verb of two or more characters. found=False: no verb at all.
    """
    tail = strip_between(text.rstrip(), words)
    m = words.verb_at_end.search(mask(tail, words))
    # a copula right before the number (分别为, 达) lets the clause's main verb decide
    if m and m[0] not in words.copulas:
        return words.verb_direction[m[0]], True
    masked = mask(text, words)
    for v in words.verbs.finditer(masked):
        if len(v[0]) > 1 and not masked.startswith(words.noun_linkers, v.end()):
            return words.verb_direction[v[0]], True   # 对经济增长的贡献率: a noun, no verb
    return None, False


def verb_before(text: str, words: Words) -> str | None:
    """The direction of a verb standing right before the number (升至, 下降至), if any."""
    tail = strip_between(text.rstrip(), words)
    m = words.verb_at_end.search(mask(tail, words))
    return words.verb_direction[m[0]] if m else None


def strip_scope(text: str, words: Words) -> str:
    """升至全省第5位: the rank's scope (全省, or a place: 居焦作市第1位) is not the verb's."""
    text = text.rstrip()
    cut = trim(text, words.scopes_index, once=True)
    if cut == text and words.place_after_rank_verb is not None \
            and (m := words.place_after_rank_verb.search(text)):
        return text[:m.start()]       # 居焦作市 → 居
    return cut


def is_rank_place(text: str, words: Words) -> bool:
    """The text is only a place named as a rank's scope (在六个大区中)."""
    return words.rank_place_alone is not None and words.rank_place_alone.fullmatch(text) is not None


def strip_between(tail: str, words: Words) -> str:
    """Drop the words between a verb and its number (增长超3倍, 分别下降7.2％, 上升至48%).
    Remembered per text: a figure's clause is asked about several times."""
    known = words.unbetween.get(tail)
    if known is None:
        known = remember(words.unbetween, tail, trim(tail, words.between_index, keep=1))
    return known


def trim(text: str, index, *, start: bool = False, once: bool = False, keep: int = 0) -> str:
    """Strip the longest word of a by_length `index` from the end (or the start) of `text`,
    again and again (once: only one), leaving at least `keep` characters."""
    while text:
        w = longest_affix(text, index, at_end=not start, keep=keep)
        if w is None:
            break
        text = text[len(w):] if start else text[:-len(w)]
        if once:
            break
    return text


def mask(text: str, words: Words) -> str:
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
    return remember(words.masked, asked, text)
