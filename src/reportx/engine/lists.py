"""Lists of figures in one sentence: A、B和C分别增长X、Y、Z gives each figure its own item; one figure
said of several subjects names them all (游客人数、旅游收入均增长10%); a qualifier written once for a
list covers it; a subject naming groups (城乡居民…) is spelled out (城镇居民…, 农村居民…).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportx.engine.context_words import Words, longest_affix
from reportx.engine.indicators import first_word_length
from reportx.engine.phrases import has_verb, noun_after, strip_leading, strip_words, mask

if TYPE_CHECKING:
    from reportx.engine.claims import Draft
    from reportx.engine.document import Document


def distribute_lists(doc: Document, drafts: list[Draft], words: Words) -> None:
    """A、B和C分别增长X、Y、Z: give each quantity its own item of the list as indicator."""
    i = first = 0
    while i < len(drafts):
        d = drafts[i]
        if i and drafts[i - 1].sentence != d.sentence:
            first = i         # a sentence's figures stand together, in order
        chain, j = _chain(drafts, i, words)
        n = len(chain)
        word = words.distributive_set.first_in(d.clause)
        if word and _namely(d.clause.split(word, 1)[1], words):
            i = j       # 分别是建筑业总产值比增79.7%;项目投资…: each figure is named after it
            continue
        if n > 1 and not word:
            # 国内游客人次、总花费增长5.6％、7.5％: as many subjects as figures share them out too
            word = implicit_distribution(d, n, words)
        subject = strip_words(d.clause.split(word)[0], words) if word else ""
        items = expand(subjects(subject, words), n, words.expansions)
        items = [s for s in items if s]
        # (…三项增速分别为5.7%、4.5%和7.6%，总量分别为33893元、42291元和21460元: a size word names
        # no list of its own; the figures before do)
        sized = n > 1 and items == [subject] and subject in words.generic_heads
        if sized:
            items = []
        if n > 1 and word and not subject and _only_distributed(d.clause, word, words):
            # A、B和C跃上新台阶，分别为X、Y、Z: with no name of their own (not 分别引进项目12个、8个),
            # the figures' list stands in the clause before, with what it did
            items = _listed_before(doc, drafts, i, n, words) or items
        # the figures before it in its sentence, as many as are read below (not all of them:
        # a sentence of 10,000 figures would make that quadratic)
        before = [p for p in drafts[max(first, i - max(n, 2) * 2):i] if not p.in_brackets]
        if n > 1 and items and len(items) == n:
            prefix = next((p for p in words.breakdown if items[0].startswith(p)), "")
            for member, item in zip(chain, share_heads(share_modifier(share_subject(items, words), words),
                                                      words.alias_set)):
                member.indicator = item if item.startswith(prefix) else prefix + item
        elif n > 1 and not items and (word or not strip_words(d.own, words)):
            # 接待游客7.6亿人次、实现旅游收入8432亿元，(分别)增长9.2%和11.4%: the figures just
            # before, in the same sentence, name the list (not a rank said of them all between:
            # 固定资产投资48亿元，均居全省第二、三县第一，分别增长…)
            named = [p for p in before if p.q.unit not in REMARK_UNITS][-n:]
            if (d.indicator is None or d.inherited or sized) and len(named) == n \
                    and len({p.indicator for p in named}) == n:
                for member, p in zip(chain, named):
                    member.indicator = p.indicator
            elif d.inherited and before and len(joint := (before[-1].indicator or "").split("、")) == n:
                # 固定资产投资和社会消费品零售总额均突破万亿元，分别达到12488和10163亿元: the joint
                # subject of the figure before, one item to each
                for member, item in zip(chain, joint):
                    member.indicator = item
            elif word and d.indicator and len(joint := subjects(d.indicator, words)) == n:
                # 农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元: the
                # subject before the comma (or handed on) lists as many names as there are figures
                for member, item in zip(chain, joint):
                    member.indicator = item
            elif d.inherited and (groups := named_groups(d.indicator, n, words)):
                # 城乡居民人均可支配收入均稳居全省第2，分别增长3.9%、6.9%: the subject handed on names
                # as many groups as there are figures, one to each
                for member, group in zip(chain, groups):
                    member.indicator = group
        elif n > 1 and not word and bare_list(doc, chain, words) \
                and (groups := named_groups(d.indicator, n, words)
                     or named_groups(strip_words(d.clause.strip(), words), n, words)):
            # 城乡居民人均可支配收入达27732元、16695元 / 城镇和农村居民人均可支配收入44178元、25396元:
            # a subject naming as many groups as figures follow it gives each figure its group
            # (城镇、农村常住居民人均可支配收入29973元、11206元: the groups 、-joined, in the clause)
            for member, group in zip(chain, groups):
                member.indicator = group
        elif n == 1:
            joint_subjects(d, word, words, before)
        _remarks_follow_their_item(drafts, i, j)
        i = j


# units of a figure that remarks on the items of a list rather than being one (a rank, a streak)
REMARK_UNITS = ("rank", "year")


def _only_distributed(clause: str, word: str, words: Words) -> bool:
    """A figures' clause that is only 分别 and a verb, a comparison before it or not (，分别达到;
    ，同比分别增长): no name of its own."""
    clause = clause.lstrip()
    lead = max((c for c in words.comparison if clause.startswith(c)), key=len, default="")
    rest = clause[len(lead):]
    return rest.startswith(word) and not strip_words(rest[len(word):], words)


def _listed_before(doc: Document, drafts: list[Draft], i: int, n: int,
                   words: Words) -> list[str]:
    """The list of subjects in the clause before a figure's own (in its sentence, after the
    figure before it) when the figures' clause is only 分别 and a verb (A、B和C稳步增长，分别达到X、Y、
    Z): as many items as figures, each a name with no verb left in it, one of them the catalog's
    (not 2023年3月、6月, 新建、改扩建中小学校, 地区生产总值、财政收入增速高于全省平均水平); else none."""
    d = drafts[i]
    lo = d.sentence[0]
    if i and drafts[i - 1].sentence == d.sentence:
        lo = max(lo, drafts[i - 1].q.end)
    head = doc.norm[lo:d.clause_start].strip().rstrip(words.breaks)
    cut = words.last_break.search(head)     # the clause before: from its own break
    clause = head[cut.end():] if cut else head
    listed = expand(subjects(strip_words(clause, words), words), n, words.expansions)
    items = [s for s in listed if s]
    if len(items) != n or any(has_verb(s, words) for s in items) \
            or not any(s.endswith(words.aliases) for s in items):
        return []
    return items


def _namely(after: str, words: Words) -> bool:
    """What follows a distributive word is a copula and a name (分别是建筑业总产值比增): "namely",
    each figure after it with its own name, not a list of subjects shared out (分别为5%和6%,
    分别带动销售额218亿元和96亿元, 分别为上年的1.2倍和1.5倍)."""
    copula = next((c for c in words.namely_copulas if after.startswith(c)), None)
    if copula is None:
        return False      # (not 分别达全省平均水平的105%: a base; rules namely_copulas)
    rest = after[len(copula):].rstrip()
    # (what ends in 的 before the figures is their base or kind, no name: 为上年的1.2倍)
    return not rest.endswith("的") and bool(strip_words(rest, words))


def _remarks_follow_their_item(drafts: list[Draft], i: int, j: int) -> None:
    """A bracketed remark inside a list that goes on with the figure before it (320亿元(增长6.5%)、
    28亿元…) is about that item, as the list shared it out."""
    item = drafts[i]
    for e in drafts[i + 1:j]:
        if not e.in_brackets:
            item = e
        elif e.inherited:
            e.indicator = item.indicator


def _chain(drafts: list[Draft], i: int, words: Words) -> tuple[list[Draft], int]:
    """The figures of the list that drafts[i] opens, and the index after it. …、分别增长X和Y starts
    a list of its own, and so does a verb with figures of another unit (分别达到37462元和17597元、
    增长7%和10%); a figure counting the noun after it (…8.6%，10件民生实事全面完成) is no item of
    the list before; a bracketed remark inside it (增速分别为5.6%(全市第四)、6.6%) is passed over."""
    d = drafts[i]
    chain, j = [d], i + 1
    while j < len(drafts) and drafts[j].sentence == d.sentence:
        e = drafts[j]
        if e.in_brackets and not e.continues:
            j += 1
            continue
        if not e.continues or e.counts_after or e.after_words \
                or words.distributive_set.found_in(e.own) \
                or (e.q.unit != d.q.unit and has_verb(e.own, words)):
            break
        chain.append(e)
        j += 1
    while j > i + 1 and drafts[j - 1] is not chain[-1]:
        j -= 1          # a remark after the last item belongs to what follows it
    return chain, j


def subjects(subject: str, words: Words) -> list[str]:
    """The items of a list of subjects (A、B和C), each trimmed; one item when the list is a
    compact enumeration that list_expansions spells out (城、乡居民… is 城镇居民…, 农村居民…)."""
    if any(w in subject for w in words.joined_expansions):
        return [subject]
    items = [strip_words(s, words) for s in words.joiners.split(subject) if s]
    opening = words.joiners.match(subject)
    if opening is not None and items:
        # a joiner's character opening the list is its first word's (和平区、南开区, 与会代表和…)
        items[0] = opening[0] + items[0]
    if len(items) > 1 and words.list_count is not None:
        # (A、B、C三项增速: the count of the items is no word of the last)
        items[-1] = strip_words(words.list_count.sub("", items[-1]), words)
    return items


def bare_list(doc: Document, chain: list[Draft], words: Words) -> bool:
    """Figures of one unit listed one after another (27732元、16695元; 815元和615元) with nothing
    after each: not 3万户，10.62万群众 (a comma, two things), nor 13条河流、300条侵蚀沟 (each
    counts its own noun)."""
    return all(d.q.unit == chain[0].q.unit and not noun_after(doc, d, words)
               for d in chain) and all(d.clause.strip() for d in chain[1:])


def named_groups(phrase: str | None, count: int, words: Words) -> list[str] | None:
    """The `count` groups a subject names jointly (城乡居民… → 城镇居民…, 农村居民…; 城镇和农村居民…
    likewise): groups of one indicator, so they end alike (…居民人均可支配收入). None when it
    does not name that many (卫生户厕普及率 is no list of 卫生户厕普 and 率)."""
    if not phrase:
        return None
    items = expand(subjects(phrase, words), count, words.expansions)
    items = share_heads([s for s in items if s], words.alias_set) if len(items) == count else []
    if len(items) != count or len(common_ending(items)) < 2:
        return None
    return items


def common_ending(items: list[str]) -> str:
    ending = items[0]
    for item in items[1:]:
        n = 0
        while n < min(len(ending), len(item)) and ending[-1 - n] == item[-1 - n]:
            n += 1
        ending = ending[len(ending) - n:]
    return ending


def joint_subjects(d: Draft, word: str | None, words: Words, before: list[Draft]) -> None:
    """One figure said of several subjects (游客人数、旅游收入均增长10%以上; 城乡居民人均可支配收入分别
    增长7.5%; 城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%): the indicator
    names them all, 、-joined, so each can be read off it."""
    joint = joint_word(d.clause, words)
    cue = word or joint
    if cue is None:
        return
    head = d.clause[:d.clause.rfind(cue)] if cue == joint else d.clause.split(cue)[0]
    subject = strip_words(head, words)
    if not subject:     # …分别达到10558元、6238元，(分别/同步)增长…: the figures before name them
        named = _named_before(d, before)
        if len(named) >= 2 and not has_verb(head, words):
            d.indicator = "、".join(named)
        return
    if word is None and words.joiners.search(subject) is None \
            and not any(w in subject for w in words.expansions):
        return      # 均 after one subject, unless it names groups (城乡居民…均增长7%)
    items = expand([strip_words(s, words) for s in words.joiners.split(subject) if s], 2,
                    words.expansions)
    items = [s for s in items if s]
    if len(items) < 2:
        return
    items = share_heads(items, words.alias_set)
    first = items[0]
    items = [first] + [first[:first_word_length(first)] + s if s in words.shared_head_nouns else s
                       for s in items[1:]]
    d.indicator = "、".join(items)


def _named_before(d: Draft, before: list[Draft]) -> list[str]:
    """The names of the figures right before a figure said of them all (地区生产总值1230亿元,服务业增加值
    1000亿元,社会消费品零售总额860亿元,同比增幅均达8%以上), each named once, back to a figure of the
    shared figure's own unit (…增长8%；财政收入50亿元，… : the rate closes what came before it)."""
    run: list[str] = []
    for p in reversed(before):
        if not p.indicator or p.indicator in run or p.q.unit == d.q.unit:
            break
        run.append(p.indicator)
    return run[::-1]


def joint_word(clause: str, words: Words) -> str | None:
    """均 / 都 saying one figure of all the subjects before it: standing right before the verb or
    the number (…均增长12%, …增长均超20%), not inside a word (人均, 年均, 成都)."""
    for w in words.joint:
        at = clause.rfind(w)
        if at < 0 or _inside_word(clause, at, w, words.joint_hosts):
            continue
        rest = strip_leading(clause[at + len(w):].strip(), words)   # 均超20%: 超 is no word
        if not rest or words.verbs.fullmatch(mask(rest, words)):
            return w
    return None


def _inside_word(clause: str, at: int, w: str, hosts) -> bool:
    """The joint word at `at` is a character of a longer word (年均, 人均)."""
    for host in hosts:
        k = host.find(w)
        if k >= 0 and at - k >= 0 and clause.startswith(host, at - k):
            return True
    return False


def share_list_qualifiers(drafts: list[Draft], words: Words) -> None:
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
            if last.qualifier and last.qualifier_after and last.qualifier != "range" \
                    and not _own_words(last, words):
                # (not when the last item has words of its own: a verb, 2780亿元、增长2%以上; a
                # time, 上半年3.2%、前三季度4.4%、预计全年5%左右)
                # (back over the items joined to the next one with no break between: 稳定在426万亩、
                # 183万吨以上 is a list; 增长10%，500万元以上固定资产投资… is two clauses)
                # (nor back over a gap in points to the rate after it: 增速高于省平1个百分点、7%左右)
                for d, after in zip(reversed(chain[:-1]), reversed(chain[1:])):
                    if _broken_off(after, d) or (d.q.unit == "pp" and after.q.unit == "%"):
                        break
                    d.qualifier = d.qualifier or last.qualifier
            elif first.qualifier and not first.qualifier_after and first.qualifier != "range":
                # (bare items only, up to the first with words of its own: 突破4000亿元、达到4211亿元 is
                # no list, nor 双双超过1万亿元、分别达11012.62亿元和10914.28亿元)
                for before, d in zip(chain, chain[1:]):
                    if _broken_off(d, before) or _own_words(d, words):
                        break
                    d.qualifier = d.qualifier or first.qualifier
        i = j


def _broken_off(d: Draft, before: Draft) -> bool:
    """A clause break (，；) stands between a list item and the one before it: its clause starts
    after the break, not at the figure before."""
    return d.clause_start > before.q.end


def _own_words(d: Draft, words: Words) -> str:
    """What a list item says besides its joiner (和10%, 、4.5万元: nothing)."""
    return words.joiners.sub("", d.own).strip(words.strip_chars)


def implicit_distribution(d: Draft, count: int, words: Words) -> str | None:
    """The verb that splits `A、B增长X、Y` into subjects and figures, when the subjects are as many
    as the figures (else None: 改造棚户区2740套、老旧小区3081套 is two clauses, not a list)."""
    verbs = [m for m in words.verbs.finditer(mask(d.clause, words)) if len(m[0]) > 1]
    if verbs:
        verb, at = verbs[-1][0], verbs[-1].start()
    else:
        # a threshold word standing for the verb (A、B相继跨过X、Y大关, A、B突破X、Y)
        verb = longest_affix(d.clause.rstrip(), words.before_index, at_end=True)
        if verb is None or len(verb) < 2:
            return None
        at = len(d.clause.rstrip()) - len(verb)
    subject = d.clause[:at]
    if words.joiners.search(subject) is None:
        return None
    parts = [s for s in words.joiners.split(strip_words(subject, words)) if s.strip()]
    return verb if len(parts) == count else None


def expand(items: list[str], count: int, expansions: dict) -> list[str]:
    """城乡居民人均可支配收入 with two figures → 城镇居民人均可支配收入, 农村居民人均可支配收入; a part
    that opens with the character before the word takes its place (第一、二、三产业 → 第一产业 …)."""
    if len(items) == 1 and count > 1:
        for word, parts in expansions.items():
            at = items[0].find(word)
            if at >= 0 and len(parts) == count:
                before, after = items[0][:at], items[0][at + len(word):]
                return [(before[:-1] if before and part.startswith(before[-1]) else before)
                        + part + after for part in parts]
    return items


def share_subject(items: list[str], words: Words) -> list[str]:
    """Later items that are only a head noun take what stands before the first item's own head
    noun where that makes a catalog name (规模以上工业总产值、增加值 → 规模以上工业增加值; 粮食播种面积、
    总产量 → 粮食总产量; not 粮食生产面积、总产 → 粮食生产总产, which the totals' reading names)."""
    first = items[0]
    head = longest_affix(first, words.shared_heads_index, at_end=True, keep=1)
    if head is None or not all(i in words.shared_head_nouns for i in items[1:]):
        return items
    named = [first[:-len(head)] + i for i in items[1:]]
    return [first] + named if all(n in words.alias_set for n in named) else items


def share_modifier(items: list[str], words: Words) -> list[str]:
    """A later item that is only a name the catalog reads as the place's when it stands alone
    (出口额, 生产总值) takes the first word of a first item that is no catalog name, when that word
    is a product (rules/context.yaml `product_words`): what the list is of (农产品网络零售额、出口额 →
    农产品出口额; not 地区生产总值、出口额, or 全市外贸进出口总额、出口额, the place's own)."""
    first = items[0]
    if not words.product_words or not any(i in words.bare_aliases for i in items[1:]) \
            or first.endswith(words.aliases) or first in words.bare_aliases:
        return items
    lead = first[:first_word_length(first)]
    # (only a product's figures: a list that opens with a part of what follows shares no word,
    # 工业投资、固定资产投资, 民间投资、固定资产投资, 财政科技支出、研发经费投入)
    if lead == first or not lead.endswith(words.product_words):
        return items
    return [first] + [lead + i if i in words.bare_aliases else i for i in items[1:]]


def share_heads(items: list[str], names: frozenset) -> list[str]:
    """城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入; 城镇居民、农村居民
    人均可支配收入 → … too; 第一、二、三产业增加值 → 第一产业增加值 …: shorter items share the head of
    the last item. An item ending in a word the last item has (居民) takes what follows that word;
    otherwise short items (three characters or fewer) take the head of the last item that makes
    them all catalog `names`, else its head after its first word (jieba) or after as many
    characters as the item before it, whichever is shorter."""
    last, before = items[-1], items[-2]
    if len(last) <= len(before):
        return items
    shared = [head_after_common_word(i, last) for i in items[:-1]]
    if all(shared):
        return [i + h for i, h in zip(items[:-1], shared)] + [last]
    if not all(len(i) <= 3 for i in items[:-1]):
        return items
    # the head that makes every item a catalog name (城镇和农村牧区常住居民… → 城镇常住居民…: 农村牧区
    # is one word, which a cut after 农村 would split)
    if last in names:
        for at in range(1, len(last)):
            if all(i + last[at:] in names for i in items[:-1]):
                return [i + last[at:] for i in items[:-1]] + [last]
    # else the longest head that makes one of them a catalog name (粮食、蔬菜、肉蛋奶产量 → 粮食产量,
    # 蔬菜产量: the last item's first word, 肉蛋, is no part of the head)
    for at in range(1, len(last) - 1):
        if any(i + last[at:] in names for i in items[:-1]):
            return [i + last[at:] for i in items[:-1]] + [last]
    first_word = first_word_length(last)
    head = last[min(first_word, len(before)):]
    return [i if i.endswith(head) else i + head for i in items[:-1]] + [last]


def head_after_common_word(item: str, last: str) -> str:
    """What `last` has after the longest ending of `item` (two characters or more) it contains:
    城镇居民 / 农村居民人均可支配收入 → 人均可支配收入 (empty if none, or if nothing follows)."""
    for n in range(len(item), 1, -1):
        at = last.find(item[-n:])
        if at > 0:
            return last[at + n:]
    return ""
