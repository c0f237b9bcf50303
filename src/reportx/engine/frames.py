"""Time frames: which years a stretch of a report is about, and whether it reviews or plans.

A report is not always 一、2023年工作回顾 / 二、2024年工作安排. A 2026 report reviews 2025 *and* the
十四五 period (2021–2025), sets the 十五五 goals (2026–2030) and plans 2026, under headings such as
一、“十四五”时期和2025年工作回顾 or none at all (甘肃: “十四五”时期工作回顾 on a line of its own), with
the switch between one year and five often made by a paragraph's opening words (过去五年… / 刚刚过去的
2025年… / 今年是“十五五”开局之年…). A Frame is that reading: from an offset on, the text is about the
years `first`–`last`, achieved (`actual`) or planned (`target`).

The time expressions are data (rules/document.yaml, `frames`): years, the five-year plans by name,
and relative words (过去五年, 今后五年, 一年来, 今年). The first expression in a heading's title sets its
part's frame; one that opens a paragraph sets the frame of what follows, until the next.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import regex

from reportx.engine.patterns import DIGIT, alternation, word_pattern


# what a frame opened by a goals paragraph's lead (…主要预期目标是：) records as its source
GOALS_SOURCE = "目标"


@dataclass(frozen=True)
class Frame:
    start: int                # offset the frame begins at
    kind: str | None          # actual | target | None (not known)
    first: int | None         # first year covered
    last: int | None          # last year covered: the period of its figures
    source: str = ""          # the words that set it (for tests and debugging)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    kind: str | None
    first: int
    last: int
    text: str


_SENTENCE_ENDS = ("。", "！", "!", "？", "?", "；", ";", "，", ",")

# a back-reference (\1, (?P=name), \g<1>) or an inline flag group ((?i), (?a)) in a pattern
_NOT_COMBINABLE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]+[-a-zA-Z]*\)")


class TimeReader:
    """Finds time expressions (2025年, “十四五”时期, 过去五年, 今年) and reads them for a report's year."""

    def __init__(self, rules: dict, year: int | None, now: int | None = None):
        self.year = year
        # the year the speech is given in, which words like 今年 and 去年 count from: the report's
        # year, or the year before it for a report delivered late in the year before (a report
        # for 2023 delivered in December 2022 calls 2022 今年)
        self.now = now if now is not None else year
        # the patterns, compiled once per rule set: a reader is made for every document
        self.__dict__.update(_compiled(rules))

    def expressions(self, text: str, *, years: bool = True, plan_suffix_only: bool = False,
                    future_plans: bool = False) -> list[TimeExpression]:
        """Every time expression of `text`, in order; overlapping ones keep the longest.

        years=False leaves bare years to the caller (sentences read them with their own grammar;
        a year's 以来 and a range of years, 2021年至2023年, are still spans);
        plan_suffix_only keeps only plan names that say a time (“十四五”时期, 十四五期间), not a plan
        document (“十四五”规划目标任务 is no statement about those years);
        future_plans keeps, with it, a plan yet to begin named as a document (a paragraph opening
        “十五五”规划提出20项主要指标 in 2026 plans 2026–2030; inside a sentence, 为“十五五”开好局
        dates nothing)."""
        if self.any_time is not None and not self.any_time.search(text):
            return []       # one search says none of the patterns below finds anything
        found: list[TimeExpression] = []
        for m in self.plan_name.finditer(text):
            plan_span = self.plan_years(m["plan"])     # (not `years`, the caller's choice)
            if plan_span is None:
                continue
            first, last = plan_span
            end_word = next((w for w in self.plan_end_words if text.startswith(w, m.end())), None)
            if end_word is not None and not m[0].endswith(self.plan_time_words):
                # “十二五”末，全区生产总值达到202.5亿元，五年年均增长13.4%；累计…: the plan's years,
                # of which a level reached is the last one's and a total or an average all
                # five's, as under “十二五”时期; inside a sentence it is a year as a bare one is
                # (the claims' reading: 比“十一五”末增长 is a base, “十三五”末GDP实现… a level)
                if not years:
                    continue
                found.append(self._expr(m, first, last, end=m.end() + len(end_word), text=text))
                continue
            if plan_suffix_only and not m[0].endswith(self.plan_time_words) and not (
                    future_plans and self.year is not None and first >= self.year
                    and self.plan_sets.match(text, m.end())):
                continue
            if m[0].endswith(self.since_words) and self.year is not None \
                    and first < self.year <= last:
                # “十四五”以来 in 2025: the years of the plan so far, achieved
                found.append(TimeExpression(m.start(), m.end(), "actual", first, self.year - 1, m[0]))
            else:
                found.append(self._expr(m, first, last))
        if self.year is not None:
            for pattern, rule in self.relative:
                for m in pattern.finditer(text):
                    span = self._relative_years(m, rule)
                    if span is not None:
                        # a time before the report's year is done, whatever the word (今年 in a
                        # December speech is the year under review)
                        kind = "actual" if span[1] < self.year else rule["kind"]
                        found.append(TimeExpression(m.start(), m.end(), kind, *span, m[0]))
            for m in self.year_ranges(text):     # 2021年至2023年: the span of those years
                found.append(self._expr(m, int(m["first"]), int(m["last"])))
            for m in self.year_pattern.finditer(text):
                y = int(m["year"])
                since = next((w for w in self.since_words if text.startswith(w, m.end())), None)
                if since is None and (event := self.since_event.match(text, m.end())):
                    since = event[0]      # 2012年换届以来: since what happened that year
                if since and y < self.year:
                    # 2021年以来: the years since, to the last one reviewed
                    end = m.end() + len(since)
                    found.append(TimeExpression(m.start(), end, "actual", y, self.year - 1,
                                                text[m.start():end]))
                elif years:
                    found.append(self._expr(m, y, y))
        found.sort(key=lambda e: (e.start, -(e.end - e.start)))
        kept: list[TimeExpression] = []
        for e in found:
            if kept and e.start < kept[-1].end:
                continue
            kept.append(e)
        return kept

    def next_time(self, text: str, pos: int) -> int | None:
        """Where the first time expression of text at or after `pos` may start; None when none
        does (one search). Searched in place, not on text[pos:], so a look-behind sees what
        stands before `pos`: at a sentence's start that is its end mark, which no time pattern's
        look-behind names. Without the combined pattern (a rule with a back-reference) every
        position may."""
        if self.any_time is None:
            return pos
        m = self.any_time.search(text, pos)
        return m.start() if m is not None else None

    def year_ranges(self, text: str, start: int = 0, end: int | None = None) -> list:
        """The matches of the ranges of years in text[start:end] (2021年至2023年), but one inside
        brackets, a programme's years said aside (“三年行动”（实施期2025—2027年）), which dates
        nothing after it."""
        end = len(text) if end is None else end
        return [m for m in self.year_range.finditer(text, start, end)
                if int(m["first"]) < int(m["last"]) and not self._aside(text, start, m)]

    def _aside(self, text: str, lo: int, m) -> bool:
        """The range stands in a bracket opened in text[lo:] before it, which closes with no
        figure after the range (（实施期2024—2026年）; not （2026—2028年规上工业增加值年均增长10%）)."""
        if not self.bracket_opens:
            return False
        opened = max(text.rfind(b, lo, m.start()) for b in self.bracket_opens)
        if opened < 0 or max(text.rfind(b, opened, m.start()) for b in self.bracket_closes) >= 0:
            return False
        closes = [i for i in (text.find(b, m.end()) for b in self.bracket_closes) if i >= 0]
        return bool(closes) and not DIGIT.search(text, m.end(), min(closes))

    def plan_years(self, plan: str) -> tuple[int, int] | None:
        """十四五 → (2021, 2025): a five-year plan's first and last year."""
        first = self.plans.get(plan)
        return (first, first + 4) if first is not None else None

    def _relative_years(self, m, rule) -> tuple[int, int] | None:
        """First and last year of a relative expression: fixed offsets (过去五年: −5…−1), or n years
        back or forward when the pattern names n (三年行动期间, 未来三年)."""
        if "n" not in m.groupdict():
            base = self.now if rule.get("from") == "now" else self.year
            return base + rule["first"], base + rule["last"]
        from reportx.engine.numerals import NumberError, parse_number

        try:
            n = int(parse_number(m["n"]))
        except (NumberError, ValueError):
            return None
        if n < 2:
            return None
        return (self.year - n, self.year - 1) if rule["past"] else (self.year, self.year + n - 1)

    def _expr(self, m, first: int, last: int, end: int | None = None, text: str = ""
              ) -> TimeExpression:
        """The expression of a match, to `end` in `text` when it reaches past the match."""
        kind = None
        if self.year is not None:
            kind = "actual" if last < self.year else "target"
        if end is None:
            return TimeExpression(m.start(), m.end(), kind, first, last, m[0])
        return TimeExpression(m.start(), end, kind, first, last, text[m.start():end])

    def first_in(self, text: str) -> TimeExpression | None:
        found = self.expressions(text)
        return found[0] if found else None

    def in_heading(self, title: str) -> TimeExpression | None:
        """A heading's time: its first time expression, else a year written without 年 at its
        start, as digests head their parts (2021重点回顾, 2022主要任务)."""
        found = self.first_in(title)
        if found is not None or (m := self.heading_year.match(title)) is None:
            return found
        return self._year(m)

    def label(self, line: str) -> TimeExpression | None:
        """A line that is only a year (2019, 2019年：) or a plan's time (▎“十四五”时期): the label
        of the lines after it."""
        m = self.year_label.match(line)
        if m is not None:
            return self._year(m)
        m = self.plan_label.match(line)
        found = self.expressions(m["time"], plan_suffix_only=True) if m is not None else []
        return found[0] if found else None

    def announced(self, line: str, framed: bool) -> TimeExpression | None:
        """The year a line announces the work of before a colon (…报告了2008年工作取得的成绩：), or,
        before any frame (not `framed`), whose work it ends telling was reviewed (…总结了增城2022年
        主要工作。) or whose results it names (2023年成绩单来了): the frame of the lines after it."""
        m = self.announces_year.search(line) if line.rstrip().endswith(COLONS) else None
        if m is None and not framed:
            # …总结了增城2022年主要工作。 before any frame (in a plan's part, 刚才，我简要回顾了
            # 2022年工作。 turns nothing)
            m = self.reviewed_year.search(line) or self.results_of_year.search(line)
        return self._year(m) if m else None

    def topic(self, text: str, start: int, end: int) -> TimeExpression | None:
        """The time the sentence text[start:end], with no figure, names beside a review's or a
        plan's results or goals (先看看咱中国过去五年的“成绩单”。): the frame of what follows, in a
        copy with no part headings."""
        if self.topic_words is None or end - start > self.topic_max_chars + _TOPIC_SLACK:
            return None
        sentence = text[start:end]
        if len(sentence.strip()) > self.topic_max_chars or DIGIT.search(sentence) \
                or not self.topic_words.search(sentence):
            return None
        found = self.expressions(sentence, plan_suffix_only=True)
        return found[0] if found else None

    def results_heading(self, line: str) -> TimeExpression | None:
        """A line of its own that names results already had and no time (数字见证成绩; rules
        frames `results_heading`): the year just ended, when the report's year is known."""
        if self.results_heading_pattern is None or self.year is None \
                or len(line) > self.topic_max_chars or DIGIT.search(line) \
                or line.endswith(_SENTENCE_ENDS):
            return None
        if self.results_heading_pattern.match(line):
            year = self.year - 1
            return TimeExpression(0, len(line), "actual", year, year, line)
        if self.results_to_come is not None and self.results_to_come.match(line):
            # 奋力交出高质量发展新答卷: results promised, the plan's
            return TimeExpression(0, len(line), "target", self.year, self.year, line)
        return None

    def _year(self, m) -> TimeExpression:
        year = int(m["year"])
        return self._expr(m, year, year)

    def opening(self, paragraph: str, start: int = 0, future_plans: bool = False
                ) -> TimeExpression | None:
        """The time expression a paragraph or sentence opens with (刚刚过去的2025年…, 五年来，…):
        nothing but a salutation or a lead-in word before it. `start`: where the sentence
        begins in `paragraph`; offsets are from there. `future_plans`: a plan yet to begin,
        named as a document, counts (a copy with no part headings: 十五五规划提出20项主要指标;
        in a review, “十五五”规划编制工作高质量完成 is work done)."""
        # a speaker only where one of its verbs stands in the first characters, a dateline only
        # where its 讯 or 电 does
        window = start + _SPEAKER_WINDOW
        lead_pattern = self.leads[self.speaker_verbs.search(paragraph, start, window) is not None,
                                  self.dateline_marks.search(paragraph, start, window) is not None]
        paragraph = _opening_piece(lead_pattern, paragraph, start)
        lead = lead_pattern.match(paragraph)
        at = lead.end() if lead else 0
        head = paragraph[: at + 16]
        # (expressions() itself first asks any_time whether there is any: most sentences stop there)
        # a plan by name opens a frame only as a time (“十四五”时期, 以来), not as a plan document
        # (“十二五”规划22项主要指标提前完成 is about the plan, not its years)
        for e in self.expressions(head, plan_suffix_only=True, future_plans=future_plans):
            # at the lead's end, or taking in its last words (报告指出，过去的一年: 过去的 is both)
            if e.start == at or (lead and (e.start == 0 or e.start < at < e.end)):
                return e
            if e.start > at:
                return None
        return None


def _compiled(rules: dict) -> dict:
    """A TimeReader's patterns for a rule set's frames, compiled once and remembered (the rule
    set's dict is the one object its loader keeps for all the documents read with it)."""
    known = _COMPILED.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    g = SimpleNamespace()
    g.plans = dict(rules["five_year_plans"])
    g.plan_name = regex.compile(rules["plan_name"])
    g.plan_time_words = tuple(rules["plan_time_words"])   # “十四五”时期: a time, not a plan
    g.plan_sets = regex.compile(rules.get("plan_sets") or "(?!)")   # …规划提出20项主要指标
    g.plan_end_words = tuple(rules.get("plan_end_words", ()))  # “十二五”末: its last year
    g.since_words = tuple(rules["since_words"])           # “十四五”以来: the years so far
    g.since_event = regex.compile(rules.get("since_event") or "(?!)")   # 2012年换届以来
    g.year_pattern = regex.compile(rules["year"])
    g.year_range = regex.compile(rules.get("year_range") or "(?!)")
    g.bracket_opens, g.bracket_closes = tuple(rules.get("bracket_opens", "")), \
        tuple(rules.get("bracket_closes", ""))
    g.relative = [(regex.compile(r["pattern"]), r) for r in rules["relative"]]
    speaker = rules["speaker_lead"].replace("{verbs}", alternation(rules["speaker_verbs"]))
    # (a verb that follows only a short name, and its comma: 龚正指，)
    name_said = [v + c for v in rules.get("name_speaker_verbs") or () for c in _SAID_MARKS]
    if name_said:
        speaker = f"(?:{speaker}|\\p{{Han}}{{2,12}}?(?<![一直]){alternation(name_said)})"
    if rules.get("report_read_lead"):           # 从…政府工作报告看出，
        speaker = f"(?:{speaker}|{rules['report_read_lead']})"
    g.speaker_lead = regex.compile(speaker)
    # the lead-in with and without a speaker and a dateline (a group that never matches): a
    # sentence is tried with only those whose words stand in its first characters (a verb of
    # speaking, 讯 or 电), since trying them at every sentence would cost most of opening()
    dateline = rules.get("dateline") or "(?!)"
    g.leads = {(named, dated): regex.compile(
        rules["opening_lead"].replace("{dateline}", dateline if dated else "(?!)")
        .replace("{speaker}", speaker if named else "(?!)"))
        for named in (False, True) for dated in (False, True)}
    g.opening_lead = g.leads[True, True]
    g.speaker_verbs = word_pattern([*rules["speaker_verbs"], *name_said,
                                    *(rules.get("report_read_verbs") or ())])
    g.dateline_marks = word_pattern(rules.get("dateline_marks") or ["(?!)"])
    g.goal_lead = regex.compile(rules["goal_lead"].replace("{speaker}", speaker))
    g.heading_year = regex.compile(rules.get("heading_year") or "(?!)")
    g.year_label = regex.compile(rules.get("year_label") or "(?!)")
    g.plan_label = regex.compile(rules.get("plan_label") or "(?!)")
    g.focus_lead = regex.compile(rules.get("focus_lead") or "(?!)")
    g.delivered_before = regex.compile(rules.get("delivered_before") or "(?!)")
    g.announces_year = regex.compile(rules.get("announces_year") or "(?!)")
    g.reviewed_year = regex.compile(rules.get("reviewed_year") or "(?!)")
    g.results_of_year = regex.compile(rules.get("results_of_year") or "(?!)")
    g.topic_words = word_pattern(rules["topic_words"]) if rules.get("topic_words") else None
    g.topic_max_chars = int(rules.get("topic_max_chars", 0))
    g.results_heading_pattern = regex.compile(rules["results_heading"]) \
        if rules.get("results_heading") else None
    g.results_to_come = regex.compile(rules["results_to_come"]) \
        if rules.get("results_to_come") else None
    # one search that finds nothing where none of the patterns above would find anything:
    # most sentences open without a time expression, and opening() then costs one regex
    # pass instead of nine (none when a pattern has a back-reference or a flag of its own,
    # which an alternation of them all would change)
    sources = [g.plan_name.pattern, g.year_pattern.pattern,
               *(p.pattern for p, _ in g.relative)]
    g.any_time = None if any(_NOT_COMBINABLE.search(s) for s in sources) else \
        regex.compile("|".join(f"(?:{s})" for s in sources))
    _COMPILED[id(rules)] = (rules, vars(g))
    return vars(g)


_COMPILED: dict[int, tuple[dict, dict]] = {}


# spaces a topic sentence may carry around it (its length is checked without them)
_TOPIC_SLACK = 8


# the colons a line that announces or labels what follows ends with; the commas a weak goal
# lead ends with (聚焦高质量发展目标，); what follows a verb of speaking that only a name stands
# before (龚正指，) is either
COLONS = ("：", ":")
COMMAS = ("，", ",")
SEMICOLONS = ("；", ";")
_SAID_MARKS = COMMAS + COLONS

# how far into a sentence a speaker's verb is looked for (a salutation, a name and the verb)
_SPEAKER_WINDOW = 64


def _opening_piece(lead_pattern, text: str, start: int, size: int = 64) -> str:
    """text[start:], or as much of it as opening() reads (the lead-in and 16 characters after
    it), so that a paragraph of thousands of sentences is not copied from each of them. The
    lead-in is matched on a growing window until its match is complete without the window's
    end (not a partial match: more text could not change it)."""
    while start + size < len(text):
        piece = text[start:start + size]
        m = lead_pattern.match(piece, partial=True)
        if m is None or (not m.partial and m.end() + 16 <= size):
            return piece
        size *= 4
    return text[start:]


def frame_of(expr: TimeExpression, start: int) -> Frame:
    return Frame(start, expr.kind, expr.first, expr.last, expr.text)
