"""A report as text plus what the extractor needs to know about it: header facts (city, year,
date, speaker), the heading tree (each section knows whether it reviews or plans), sentences.

`text` is the decoded original; `norm` is the same text with full-width forms folded to ASCII,
one character for one, so an offset in `norm` is an offset in `text`.
"""
from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice, takewhile
from pathlib import Path

import regex

from reportx.engine.frames import COLONS, COMMAS, GOALS_SOURCE, Frame, TimeReader, frame_of
from reportx.engine.rules_io import load_yaml
from reportx.paths import rules_dir

# Full-width digits, letters and the punctuation numbers use, folded one-for-one.
_FOLD = {0x3000: " ", 0xFEFF: " "}
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
# ℅ (care of) stands for % in many a county's report, typed from an input method's symbol list
# (增长15℅): it is never anything else in a work report
_FOLD[0x2105] = ord("%")
# the traditional forms of the two scale words (億, 萬), which a simplified copy keeps here and there
# (3423億元) and which stand for nothing else: a text too short or too mixed to be read as
# traditional (rules/document.yaml `traditional`) still has its figures' scales
_FOLD[ord("億")], _FOLD[ord("萬")] = ord("亿"), ord("万")
_FOLD_TABLE = str.maketrans({k: chr(v) if isinstance(v, int) else v for k, v in _FOLD.items()})
_FOLD_PAIRS = tuple((chr(k), _FOLD_TABLE[k]) for k in _FOLD)
# below this length one translate beats asking for each of the 98 characters (a phrase, a surface)
_SHORT = 64


def fold(text: str) -> str:
    """Full-width forms to ASCII, same length: ０-９ → 0-9, ％ → %, ． → ., （ → (.

    A report uses a dozen of the 97 folded characters: asking for each and replacing those it
    has, each a pass in C, is 3x faster than `str.translate`, which looks up every character
    (a short string is faster translated: the asking costs more than it saves)."""
    if len(text) < _SHORT:
        text = text.translate(_FOLD_TABLE)
    else:
        for wide, narrow in _FOLD_PAIRS:
            if wide in text:
                text = text.replace(wide, narrow)
    if "。" in text and _uses_stop_for_decimals(text):
        text = _DECIMAL_STOP.sub(".", text)
    if "·" in text:
        text = _DECIMAL_DOT.sub(".", text)
    if " " in text:
        text = _close_stray_spaces(text)
    return text


# A stray space before the last one or two characters of a run of Chinese ones, right before a
# figure or a mark (增 长9.5%, 144亿 元,: a page's or a PDF's) is read as not there: it moves to the
# run's start, so the text keeps its length and every offset outside the run, and the verb or the
# unit is whole again. Not a space that parts words (区长 王南健; 日报12月28日讯 今日上午, a dateline's).
_STRAY_SPACE = regex.compile(r" (?<=[^\P{Han}讯电] )(?=\p{Han}{1,2}(?!\p{Han}))")
# the run of Chinese characters a stray space follows, looked for back this far
_RUN_BEFORE = regex.compile(r"\p{Han}+$")
_RUN_REACH = 64


def _close_stray_spaces(text: str) -> str:
    """Each stray space moved to the start of the run of Chinese characters before it (one search
    for the spaces, which starts at a space; a run found back from each)."""
    parts, last = [], 0
    for m in _STRAY_SPACE.finditer(text):
        at = m.start()
        run = _RUN_BEFORE.search(text, max(last, at - _RUN_REACH), at)
        start = run.start() if run else at
        if start > 0 and text[start - 1].isdigit():
            continue    # a unit after its figure (312万 增长): moved, the space would part them
        parts += [text[last:start], " ", text[start:at]]
        last = at + 1
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


# 。 typed for the decimal point (增长9。5%, 373。15亿元), as some copies have it throughout. Only a
# text that writes no decimal point at all and 。 between digits at least twice is read so: in any
# other a 。 between digits ends a sentence (销量全国第1。30个县区…).
_DECIMAL_STOP = re.compile(r"(?<=\d)。(?=\d{1,4}(?!\d))(?!(?:19|20)\d\d\s*年)")
_DECIMAL_POINT = re.compile(r"\d[.．]\d")
# a middle dot as the decimal point of a rate (增长4·3%, an older page's); not a date's (“7·21”特大暴雨)
_DECIMAL_DOT = re.compile(r"(?<=\d)·(?=\d{1,4}\s*%)")


def _uses_stop_for_decimals(text: str) -> bool:
    return _DECIMAL_POINT.search(text) is None and \
        sum(1 for _ in zip(range(2), _DECIMAL_STOP.finditer(text))) == 2


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    path: str            # "一、2023年工作回顾 > （一）坚定不移做大做强产业"
    part: str | None     # review | plan | None (preamble, or a text with no headings)
    level: int = 0       # 1 for a part (一、), 2 for a section of it (（一）); 0: the preamble


@dataclass
class Document:
    key: str                         # file stem, e.g. guigang-2024
    text: str                        # decoded original (a file's BOM stripped by its reader)
    norm: str = ""                   # folded copy, same offsets
    title: str | None = None
    city: str | None = None
    year: int | None = None
    date: str | None = None          # ISO date of delivery, when the header gives it
    speaker: str | None = None
    source: str | None = None        # file path it came from
    sections: list[Section] = field(default_factory=list)
    sentence_bounds: list[tuple[int, int]] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)   # time frames, by start offset
    times: TimeReader | None = field(default=None, repr=False, compare=False)  # for sentences
    simplified: bool = False         # `norm` is also traditional → simplified (國 → 国)
    offset: int = 0                  # where this text starts in its file's (one report of several)
    # the reports it holds (engine/compilation.py: itself, or a compilation's), worked out once
    reports: list["Document"] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        # the folded copy is derived; a Document made by hand gets it too
        if len(self.norm) != len(self.text):
            self.norm = fold(self.text)

    def section_at(self, pos: int) -> Section | None:
        i = bisect.bisect_right(self._starts("sections"), pos) - 1
        return self.sections[i] if i >= 0 else None

    def frame_at(self, pos: int) -> Frame | None:
        """The time frame the text at `pos` stands in (None before any heading or opening says)."""
        i = bisect.bisect_right(self._starts("frames"), pos) - 1
        return self.frames[i] if i >= 0 else None

    def sentence_at(self, pos: int) -> tuple[int, int]:
        # (pos, inf) sorts after every sentence starting at pos: tuples compare in C
        i = bisect.bisect_right(self.sentence_bounds, (pos, _AFTER_ALL)) - 1
        return self.sentence_bounds[i] if i >= 0 else (0, len(self.text))

    def _starts(self, name: str) -> list[int]:
        """The start offsets of `sections` or `frames`, kept while that attribute is the same
        list of the same length: every claim asks where it stands, and a bisect with a key
        function calls it a dozen times a question."""
        items, known = getattr(self, name), self.__dict__.get("_starts_of_" + name)
        if known is None or known[0] is not items or len(known[1]) != len(items):
            known = self.__dict__["_starts_of_" + name] = (items, [x.start for x in items])
        return known[1]


_AFTER_ALL = float("inf")

# header entries that are words, not patterns
_PLAIN = ("national_place",)


@lru_cache(maxsize=4)
def _layout_rules(path: str):
    data = load_yaml(Path(path))
    header = {k: (regex.compile(v, regex.M) if isinstance(v, str) and k not in _PLAIN else v)
              for k, v in data["header"].items()}
    headings = [(h["level"], regex.compile(h["pattern"], regex.M)) for h in data["headings"]]
    parts = dict(data["parts"], sentence_end=regex.compile(data["sentence_end"]),
                 gloss=regex.compile(data["abbreviation_gloss"]) if data.get("abbreviation_gloss")
                 else None,
                 escaped=regex.compile(data["escaped_code_point"]) if data.get("escaped_code_point")
                 else None,
                 chinese_year=regex.compile(data["chinese_year"]) if data.get("chinese_year")
                 else None,
                 chinese_digits=str.maketrans(data.get("chinese_digits") or {}),
                 chinese_month_day=regex.compile(data["chinese_month_day"])
                 if data.get("chinese_month_day") else None,
                 estimate_of_year=regex.compile(data["parts"].get("estimate_of_year") or "(?!)"),
                 part_of_year=regex.compile(data["parts"].get("part_of_year") or "(?!)"),
                 year=header["title_year"], opening=header["opening"],
                 unnumbered=data["unnumbered_heading"], traditional=data["traditional"],
                 frames=data["frames"])
    return header, headings, parts



def build_document(text: str, key: str = "text", source: str | None = None,
                   layout: str | Path | None = None, year: int | None = None) -> Document:
    """Read header, headings and sentences of a report's text. `year` is the report's year for
    a text whose header does not say it (a snippet)."""
    header, headings, parts = _layout_rules(str(layout or rules_dir() / "document.yaml"))
    norm = fold(text)     # a leading BOM (a library caller's text) folds to a space: offsets
                          # stay those of the caller's string (a file's reader drops its BOM)
    simplified = _looks_traditional(text, parts["traditional"])    # (before 億 folds to 亿)
    if simplified:
        norm = to_simplified(norm)
    if parts["escaped"] is not None and "<U+" in norm:
        norm = parts["escaped"].sub(_space_written_as_code, norm)
    if parts["gloss"] is not None and "(" in norm:
        norm = parts["gloss"].sub(lambda m: " " * len(m[0]), norm)   # (GDP): a gloss, as spaces
    if parts["chinese_year"] is not None and parts["chinese_year"].search(norm):
        digits = parts["chinese_digits"]     # 二〇〇七年 → 2007年, one character for one
        norm = parts["chinese_year"].sub(lambda m: m[0].translate(digits), norm)
        if parts["chinese_month_day"] is not None:   # the month, then the day after it
            for _ in range(2):
                norm = parts["chinese_month_day"].sub(_digits_same_length, norm)
    doc = Document(key=key, text=text, norm=norm, source=source, simplified=simplified)
    lines = _header_lines(doc.norm, header["lines"])
    found_in = _read_header(doc, lines, header)
    if doc.year is None:
        doc.year = year or _year_from_headings(doc.norm, headings, parts)
    if doc.year is None and (posted := _posted_date(lines, header)):
        _take_date(doc, posted, header)   # a news copy is posted the day of its session
    if doc.year is None:
        doc.year = _year_from_name(source, header)
    if doc.date is None and doc.year is not None:
        _date_from_dateline(doc, lines, header)
    doc.times = TimeReader(parts["frames"], doc.year, _speech_year(doc))
    body = _body_start(doc, parts)
    doc.sections = _read_sections(doc, headings, parts, body)
    if found_in == "title" and (reviewed := _reviewed_year(doc, parts)) is not None \
            and reviewed != doc.year - 1:
        _warn(f"{doc.key}: its title says {doc.year}, but its first part reviews {reviewed}; "
              f"{reviewed + 1} is taken as the report's year", depth=0)
        titled = doc.year
        doc.year = reviewed + 1
        doc.times = TimeReader(parts["frames"], doc.year, _speech_year(doc))
        body = _body_start(doc, parts)
        doc.sections = _read_sections(doc, headings, parts, body)
        # (a December speech titled by the year it reviews is given in that year: its 今年 is the
        # year reviewed, its 明年 the report's; not one whose plan says 今年 of the year it plans:
        # 2014年度政府工作报告 … 今年经济社会发展的主要预期目标是…, given in January)
        if reviewed == titled and not _given_in_the_year_it_plans(doc, parts):
            doc.times = TimeReader(parts["frames"], doc.year, reviewed)
            doc.sections = _read_sections(doc, headings, parts, body)
    if doc.date is None and (reviewed := _reviewed_as_this_year(doc, parts)) is not None:
        doc.times = TimeReader(parts["frames"], doc.year, reviewed)
    if found_in == "date" and _reviews_its_own_year(doc, parts, header):
        doc.year = _speech_year(doc) + 1
        doc.times = TimeReader(parts["frames"], doc.year, _speech_year(doc))
        body = _body_start(doc, parts)
        doc.sections = _read_sections(doc, headings, parts, body)
    if year is not None and doc.year != year:
        # (the year given is for texts whose header says none: said, so that a header misread
        # or a wrong file is not passed over in silence)
        _warn(f"{doc.key}: read as the report of {doc.year}, not of the year given ({year}): "
              f"its header or headings date it", depth=0)
    elif year is not None and found_in is None \
            and (reviewed := _reviewed_year(doc, parts)) is not None and reviewed != year - 1:
        _warn(f"{doc.key}: its first part reviews {reviewed}, not {year - 1}: is {year}, the "
              f"year given, this report's?", depth=0)
    doc.frames = _read_frames(doc, doc.times, parts, body)
    doc.sentence_bounds = _split_sentences(doc.norm, parts["sentence_end"])
    _say_if_compilation(doc)
    return doc


def _space_written_as_code(m) -> str:
    """<U+00A0> as spaces when the code point is a space; any other as written."""
    code = int(m["hex"], 16)
    return " " * len(m[0]) if code <= sys.maxunicode and chr(code).isspace() else m[0]


def _say_if_compilation(doc: Document) -> None:
    """A warning when the text holds several reports (engine/compilation.py): each is read as a
    report of its own, which changes the claims' doc keys, places and years from the file's."""
    from reportx.engine.compilation import reports_of

    parts = reports_of(doc)
    if len(parts) < 2:
        return
    lines = ", ".join(str(doc.norm.count("\n", 0, p.offset - doc.offset) + 1) for p in parts)
    keys = ", ".join(p.key for p in parts)
    name = doc.source or doc.key
    _warn(f"{name}: holds {len(parts)} reports (a compilation?), beginning at lines {lines}; "
          f"each is read as a report of its own ({keys}), with the place and year its header "
          f"gives; `reportx split {name}` writes each to a file of its own")


_NOT_HAN = regex.compile(r"[^\u4e00-\u9fff]+")


def _looks_traditional(text: str, rules) -> bool:
    head = text[:10000]
    han = len(_NOT_HAN.sub("", head))   # one pass in C, not a Python step per character
    marks = sum(head.count(ch) for ch in rules["markers"])
    return han > 0 and marks >= max(5, rules["min_share"] * han)


def to_simplified(norm: str) -> str:
    """Traditional characters to simplified, one for one (OpenCC t2s; a line whose conversion
    would change its length is converted a character at a time), so offsets hold."""
    cc = _opencc()
    whole = cc.convert(norm)
    if len(whole) == len(norm):
        return whole
    lines = []
    for line in norm.splitlines(keepends=True):
        out = cc.convert(line)
        if len(out) != len(line):
            out = "".join(c if len(c := cc.convert(ch)) == 1 else ch for ch in line)
        lines.append(out)
    return "".join(lines)


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


def _header_lines(norm: str, count: int) -> list[str]:
    """The first `count` lines of the text that are not blank, stripped, as str.splitlines cuts
    them; found from the top (splitting the whole text would cost a pass over a report for its
    first lines)."""
    lines = (m[0].strip() for m in _LINE.finditer(norm))
    return list(islice((line for line in lines if line), count))


# a line as str.splitlines cuts them (a blank line between \r and \n is dropped with the rest)
_LINE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def _read_header(doc: Document, lines: list[str], header) -> str | None:
    """The header's facts: year and date, place, speaker. Returns what dated the report: "date"
    (the delivery line), "title" (a dated title, no date) or "session" (the national congress's);
    None if nothing did. A page's posting time counts only after all else (see build_document)."""
    head = "\n".join(lines)
    found_in = None
    if lines:
        doc.title = doc.text.lstrip("\ufeff").strip().splitlines()[0].strip()
    if m := _delivery_date(lines, header):
        _take_date(doc, m, header)
        found_in = "date"
    elif m := _dated_title(lines, header):
        doc.year, found_in = int(m["year"]), "title"
        posted = _posted_date(lines, header)
        if posted is not None and _report_year(posted, header) == doc.year:
            _take_date(doc, posted, header)    # posted the day it was delivered: its 今年 and 明年
    session = _session_year(head, header)
    if session is not None and session != doc.year:
        if doc.year is not None:
            _warn(f"{doc.key}: the header's date says {doc.year}, the session of the National "
                  f"People's Congress {session}; using {session}")
        doc.year, doc.date = session, doc.date if doc.date and doc.date.startswith(str(session)) \
            else None
        found_in = "session"
    if m := header["city"].search(head):
        doc.city = m["city"]
    elif (title := header.get("city_in_title")) is not None and (m := title.search(head)):
        doc.city = m["city"]
    elif m := header["city_in_lead"].search(head):
        doc.city = m["city"]
    elif (news := header.get("city_in_news")) is not None and (m := news.search(head)):
        doc.city = m["city"]
    elif header["national"].search(head):
        doc.city = header["national_place"]
    if m := header["speaker"].search(head):
        doc.speaker = regex.sub(r"\s", "", m["speaker"])
    return found_in


def _speech_year(doc: Document) -> int | None:
    """The year the speech was given in (today's 今年), when its date is known."""
    return int(doc.date[:4]) if doc.date else None


def _report_year(m, header) -> int:
    """The year of the report delivered on a date: the next one from November (a December
    session plans the next year)."""
    return int(m["year"]) + (int(m["month"]) >= header["next_year_from_month"])


def _take_date(doc: Document, m, header) -> None:
    doc.year = _report_year(m, header)
    doc.date = f"{int(m['year']):04d}-{int(m['month']):02d}-{int(m['day']):02d}"


def _above_salutation(lines: list[str], header) -> list[str]:
    """The lines before the one the speech's salutation opens (rules header `salutations`)."""
    salutations = tuple(header.get("salutations") or ())
    return list(takewhile(lambda line: not line.lstrip().startswith(salutations), lines))


def _date_from_dateline(doc: Document, lines: list[str], header) -> None:
    """A newspaper copy's dateline gives the day the speech was given (12月30日讯): in December
    (from next_year_from_month), the year before the report's, whose 今年 is that year."""
    pattern = header.get("dateline_date")
    if pattern is None:
        return
    m = next((m for line in _above_salutation(lines, header) if (m := pattern.search(line))), None)
    if m is not None and int(m["month"]) >= header["next_year_from_month"]:
        doc.date = f"{doc.year - 1:04d}-{int(m['month']):02d}-{int(m['day']):02d}"


def _posted_date(lines: list[str], header):
    """A page's posting time (2013-12-26 15:25, 发布日期:2025年07月08日): the report's date only
    when nothing else dates it."""
    for line in lines:
        if m := header["posted_date"].search(line):
            return m
        if _posting_label(line, header) and (m := header["date"].search(line)):
            return m
    return None


def _posting_label(line: str, header) -> bool:
    """The line holds a page's posting label (发布日期:, 发布时间：, a date with its time of day or
    the page's source): its date is the page's. Not a line that names the session (2016年12月28日
    09:30，…人民代表大会第一次会议开幕: a news copy's dateline)."""
    label = header.get("posted_label")
    return label is not None and label.search(line) is not None \
        and not any(w in line for w in header["meeting_words"])


def _delivery_date(lines: list[str], header):
    """The date of the line the report was delivered on (——2024年3月5日在…代表大会上), else the
    first date of the header: a saved page puts its own posting date above the report. Not
    a date a news copy's paragraph tells of another event by (2013年3月7日，…实验区建设正式上升为国家
    战略。昨日，该区举行工作会议): rules header `meeting_words`. The first date stands above the
    salutation: one in the speech (各位代表：… 2011年12月30日挂牌成立以来, a zone's founding) dates
    nothing, but a delivery line may follow the salutation (各位代表：\n（2015年12月28日在…会议上）)."""
    dates = [(k, line, m) for k, line in enumerate(lines) if (m := header["date"].search(line))]
    for _, line, m in dates:
        if header["delivery_line"].search(line):
            return m        # (a copy may put its source after it: …会议上 来源：柳州日报)
    above = len(_above_salutation(lines, header))
    return next((m for k, line, m in dates if k < above and not _posting_label(line, header)
                 and not _of_another_event(line, m, header)), None)


def _of_another_event(line: str, m, header) -> bool:
    """A header line of prose that opens with its date and a comma (2013年3月7日，…) and names no
    meeting before it or in the date's sentence, to its first end."""
    after = line[m.end():].lstrip()
    after = after[len(next((w for w in header["day_times"] if after.startswith(w)), "")):]
    if after[:1] not in _COMMAS or any(w in line[:m.start()] for w in header["meeting_words"]):
        return False          # a dated line (发布时间：2024年1月12日。), or a meeting's
    ends = [i for mark in _SENTENCE_ENDS if (i := line.find(mark, m.end())) >= 0]
    sentence = line[m.end():min(ends)] if ends else line[m.end():]
    return not any(w in sentence for w in header["meeting_words"])


_COMMAS = COMMAS + ("、",)
_SENTENCE_ENDS = ("。", "！", "？", "!", "?")


def _dated_title(lines: list[str], header):
    """The year of the report's title (长沙市2015年政府工作报告全文) when the header has no date: the
    first short header line with a year before 报告. A saved page puts its portal's menu lines
    above the title; a long line is a news copy's paragraph (…市长作政府工作报告。他说，2014年…)."""
    for line in lines:
        if len(line) <= header["title_max_chars"] and (m := header["title_dated"].search(line)):
            return m
    return None


def _session_year(head: str, header) -> int | None:
    """第十四届全国人民代表大会第三次会议 → 2025: the year a national report was delivered in."""
    from reportx.engine.numerals import NumberError, parse_number

    m = header["national_session"].search(head)
    if not m:
        return None
    try:
        term, session = int(parse_number(m["term"])), int(parse_number(m["session"]))
    except NumberError:
        return None
    first = header["national_first_term"]
    return first["year"] + 5 * (term - first["term"]) + session - 1


def _digits_same_length(m) -> str:
    """一月 → 1, 十六 → 16, 二十三 → ' 23': a small Chinese numeral as digits, right-aligned in
    as many characters as it had (offsets unchanged)."""
    from reportx.engine.numerals import NumberError, parse_number

    try:
        digits = str(int(parse_number(m[0])))
    except NumberError:
        return m[0]
    return digits.rjust(len(m[0])) if len(digits) <= len(m[0]) else m[0]


def _year_from_name(source: str | None, header) -> int | None:
    """The one year a file's name holds (changsha-2015.txt), for a text that says none; said in a
    warning, since it is the name's word, not the report's."""
    if not source:
        return None
    name = Path(source).name
    years = {m["year"] for m in header["name_year"].finditer(name)}
    if len(years) != 1:
        return None
    year = int(years.pop())
    _warn(f"{source}: the text gives no year; {year}, from the file's name, is taken as the "
          "report's")
    return year


def _year_from_headings(norm: str, headings, parts) -> int | None:
    """No dated header: a plan heading (二、2024年工作安排) gives the report's year, a review
    heading (一、2023年工作回顾) the year before it."""
    top = [pat for level, pat in headings if level == 1]
    for pat in top:
        for m in pat.finditer(norm):
            end = norm.find("\n", m.start())
            line = norm[m.start():end if end >= 0 else len(norm)]
            y = parts["year"].search(line)
            if not y:
                continue
            if any(w in line for w in parts["review"]):
                return int(y["year"]) + 1
            return int(y["year"])
    return None


def _reviewed_year(doc: Document, parts) -> int | None:
    """The year the first part says it reviews, where the title's year may be wrong: a review
    heading's year (2018年沧州市政府工作报告 … 一、2014年工作回顾: a copying site's title; 旅顺口区2012年政府
    工作报告 … 2012年及过去五年政府工作回顾: the page named the report by the year it reviews, as sites
    often do); or, under a review heading with no year, the title's year when the first paragraph
    opens with it or the part's first paragraphs give its estimates (a December speech). None:
    nothing says."""
    for section in doc.sections:
        if section.level != 1:
            continue
        title = _read_title(doc.norm, section)       # (as read: 工作回顧 is 工作回顾)
        y = parts["year"].search(title)
        if y:
            return _last_year_reviewed(title, parts) if any(w in title for w in parts["review"]) \
                else None
        if section.part == "review":      # 一、过去一年政府工作成效显著 / 2019年，是我县…的一年
            paragraph = _first_paragraph(doc.norm, section)
            opens = doc.times.opening(paragraph)
            if opens is not None:
                # (the title's year; or a span ending with it that the heading names too: 一、“十二五”
                # 工作回顾 / “十二五”时期，… under 2015年政府工作报告; not a remark on the plan's span
                # opening a review of the year before, 一、过去一年工作回顾 / “十二五”时期是…)
                spans_to_it = any(e.first is not None and e.first < e.last == doc.year
                                  for e in doc.times.expressions(title))
                return doc.year if opens.last == doc.year and (opens.first == opens.last
                                                               or spans_to_it) else None
            # (一、本届政府工作回顾 … 预计2021年，…: the review ends with the title's year; said in
            # its first paragraphs, as under its first subheading: （一）…。预计2007年实现…)
            part_end = _part_end(doc, section)
            estimate = parts["estimate_of_year"].search(
                doc.norm, section.start, min(part_end, section.start + _ESTIMATE_REACH))
            return doc.year if estimate is not None and int(estimate["year"]) == doc.year else None
    return None


def _reviewed_as_this_year(doc: Document, parts) -> int | None:
    """The year a review part names (一、2023年工作回顾), when its first paragraph opens calling
    that year 今年 (今年是全面贯彻党的二十大精神的开局之年): a speech given in December of the year
    reviewed, its date unknown, whose 今年 is that year, not the report's, when its plan part does not
    say 今年 too (a February speech says it of the year it plans: 今年经济社会发展的主要预期目标是…).
    None otherwise."""
    first = next((s for s in doc.sections if s.level == 1), None)
    if first is None or first.part != "review" or doc.year is None \
            or (reviewed := _reviewed_year(doc, parts)) != doc.year - 1:
        return None
    opens = doc.times.opening(_first_paragraph(doc.norm, first))
    # (a word for this year, not a year by number)
    if opens is None or not opens.first == opens.last == doc.year or parts["year"].search(opens.text):
        return None
    plan = next((s for s in doc.sections if s.level == 1 and s.part == "plan"), None)
    if plan is None or _plan_says_this_year(doc, parts):
        return None       # (the plan's 今年: a speech of the year it plans)
    return reviewed


def _first_plan_text(doc: Document) -> str | None:
    """The text of the first plan part, or None."""
    plan = next((s for s in doc.sections if s.level == 1 and s.part == "plan"), None)
    return doc.norm[plan.start:_part_end(doc, plan)] if plan is not None else None


def _plan_says_this_year(doc: Document, parts) -> bool:
    """The first plan part says 今年 (今年经济社会发展的主要预期目标是…): the speech is given in the
    year it plans."""
    plan = _first_plan_text(doc)
    return plan is not None and any(w in plan for w in parts["this_year_words"])


def _given_in_the_year_it_plans(doc: Document, parts) -> bool:
    """The plan says 今年 of the year it plans, and neither 明年 (a December speech's word for
    it) nor a review opening with 今年 (今年，全区…: the year reviewed) says otherwise."""
    plan = _first_plan_text(doc)
    if plan is None or not any(w in plan for w in parts["this_year_words"]) \
            or any(w in plan for w in parts.get("next_year_words", ())):
        return False
    review = next((s for s in doc.sections if s.level == 1 and s.part == "review"), None)
    opening = _first_paragraph(doc.norm, review) if review is not None else ""
    return not opening.lstrip().startswith(tuple(parts["this_year_words"]))


def _reviews_its_own_year(doc: Document, parts, header) -> bool:
    """A speech given in autumn (rules header `review_own_year_from_month`, before
    `next_year_from_month`) whose review part opens with a span of years ending in the year it is
    given (从2011年到2016年) or an estimate of that year (预计2016年), or whose first heading reviews
    that year by name (2021年工作回顾及过去五年主要成就): an election session's review of its own
    year, whose report is the next year's. Not one whose review names that year only
    as a year (获评2021年国家级…): its figures are the last full year's."""
    year, month = _speech_year(doc), int(doc.date[5:7])
    if not header["review_own_year_from_month"] <= month < header["next_year_from_month"] \
            or year != doc.year:
        return False
    first = next((s for s in doc.sections if s.level == 1), None)
    if first is None:
        return False
    title = _read_title(doc.norm, first)
    if any(w in title for w in parts["review"]) and _last_year_reviewed(title, parts) == year \
            and not parts["part_of_year"].search(title):
        return True       # (2021年工作回顾及过去五年主要成就, given in October 2021; not a mid-year
                          # report's 2021年上半年工作回顾)
    if first.part != "review":
        return False
    # (to the first part that is not a review: a five-year review's areas may each be a part)
    end = next((s.start for s in doc.sections if s.level == 1 and s.start > first.start
                and s.part != "review"), len(doc.norm))
    window = doc.norm[first.start:min(end, first.start + _ESTIMATE_REACH)]
    if any(e.first is not None and e.first < e.last == year for e in doc.times.expressions(window)):
        return True
    estimate = parts["estimate_of_year"].search(window)
    return estimate is not None and int(estimate["year"]) == year


def _part_end(doc: Document, part: Section) -> int:
    """Where a top-level part ends: at the next one's heading (its sections are within it)."""
    return next((s.start for s in doc.sections if s.level == 1 and s.start > part.start),
                len(doc.norm))


# how far into a review part with no year its estimates of the year reviewed are looked for
_ESTIMATE_REACH = 1000


def _last_year_reviewed(title: str, parts) -> int | None:
    """The last year a review heading names (2013年至2017年工作回顾: 2017; 2018年以来和2022年工作
    回顾: 2022), not a year it counts from (2016年以来工作回顾: none), nor the year of a plan named
    after the review (2014年工作回顾及2015年工作安排: 2014)."""
    years = [int(m["year"]) for m, after in _years_in(title, parts)
             if not title.startswith(tuple(parts["frames"]["since_words"]), m.end())
             and not _names_a_plan(after, parts)]
    return max(years) if years else None


def _years_in(title: str, parts) -> list[tuple]:
    """Each year a heading names, with the words after it up to the next year."""
    found = list(parts["year"].finditer(title))
    ends = [m.start() for m in found[1:]] + [len(title)]
    return [(m, title[m.end():end]) for m, end in zip(found, ends)]


def _names_a_planned_year(title: str, parts) -> bool:
    """A heading names a year and then a plan's words after it (…和1999年工作的总体要求)."""
    return any(_names_a_plan(after, parts) for _, after in _years_in(title, parts))


def _names_a_plan(words: str, parts) -> bool:
    """The words after a year in a heading make it a plan's (…及2015年工作安排), not a review's."""
    return any(w in words for w in parts["plan"]) and not any(w in words for w in parts["review"])


def _read_title(norm: str, section: Section) -> str:
    """A part's heading as read (folded and simplified), not as written."""
    end = norm.find("\n", section.start, section.end)
    return _heading_title(norm[section.start:section.end if end < 0 else end])


def _first_paragraph(norm: str, section: Section) -> str:
    """The first line with text after a section's heading line (looked for line by line, not by
    splitting the whole section)."""
    at = norm.find("\n", section.start, section.end)
    while 0 <= at < section.end:
        end = norm.find("\n", at + 1, section.end)
        line = norm[at + 1:section.end if end < 0 else end].strip()
        if line:
            return line
        at = end
    return ""


def _warn(message: str, depth: int = 1) -> None:
    """A warning about how the report was read, pointed at build_document's caller; `depth`:
    the calls between build_document and this one (1: a function build_document calls)."""
    import warnings

    from reportx.errors import ReportxWarning

    warnings.warn(ReportxWarning(message), stacklevel=depth + 3)


def _heading_title(line: str) -> str:
    for stop in ("。", "："):
        if stop in line:
            line = line.split(stop, 1)[0]
    return line.strip()[:40]


def _part_of(title: str, year: int | None, parts) -> str | None:
    m = parts["year"].search(title)
    if m and year:
        return "review" if int(m["year"]) < year else "plan"
    if any(w in title for w in parts["review"]):
        return "review"
    if any(w in title for w in parts["plan"]):
        return "plan"
    return None


def _read_sections(doc: Document, headings, parts, body: int) -> list[Section]:
    found = []  # (start, level, title as written, title as read: simplified, folded)
    for level, pat in headings:
        for m in pat.finditer(doc.norm):
            line_end = doc.norm.find("\n", m.start())
            line_end = len(doc.norm) if line_end < 0 else line_end
            # (as written from where the folded copy's indent ends: <U+00A0> indents are spaces there)
            lead = m.start() + len(m[0]) - len(m[0].lstrip())
            found.append((lead, level, _heading_title(doc.text[lead:line_end]),
                          _heading_title(doc.norm[m.start():line_end])))
    found = _without_outline(doc.norm, sorted(found))
    numbered = {h[0] for h in found}
    found += [(*h, h[2]) for h in _unnumbered_headings(doc, parts, doc.times, body)
              if h[0] not in numbered]
    found.sort()
    sections, stack, part, carried = [], [], None, None
    for i, (start, level, title, read) in enumerate(found):
        stack = [t for t in stack if t[0] < level] + [(level, title)]
        if level == 1:
            # (its words are read in the folded text: 本屆政府工作回顧 is a review)
            own = _part_of(read, doc.year, parts)
            part = own or carried
            # (a review that turns to the plan in its heading, 一、1998年工作回顾和1999年工作的总体要求:
            # the parts after it with no year or word of their own are the plan's)
            carried = "plan" if own == "review" and _names_a_planned_year(read, parts) else part
        end = found[i + 1][0] if i + 1 < len(found) else len(doc.text)
        sections.append(Section(start, end, " > ".join(t for _, t in stack), part, level))
    if not sections or sections[0].start > 0:
        first = sections[0].start if sections else len(doc.text)
        sections.insert(0, Section(0, first, "", None))
    return sections


def _without_outline(norm: str, found: list) -> list:
    """The numbered headings less an outline: part headings listed one under another with nothing
    between them (报告分为两大部分\n一、2023年工作回顾\n二、2024年目标任务和主要工作\n回顾2023…): a news
    copy's list of the report's parts, not parts of its own (the last would make all that follows a
    plan). (A part heading and the unnumbered title under it, 二、2024年工作安排\n主要目标, are no list.)"""
    parts = [h for h in found if h[1] == 1]
    listed = set()
    for a, b in zip(parts, parts[1:]):
        line_end = norm.find("\n", a[0])
        if line_end >= 0 and not norm[line_end:b[0]].strip():
            listed.update((a[0], b[0]))
    return [h for h in found if h[0] not in listed] if listed else found


# what may stand around a heading's title on its line: 【主要目标】, “工作回顾”
_TITLE_MARKS = "【】[]〔〕“”\"'《》 \u3000"


def _unnumbered_headings(doc: Document, parts, times: TimeReader, body_start: int
                         ) -> list[tuple[int, int, str]]:
    """Part titles standing alone on a line without 一、 (“十四五”时期工作回顾, 2026年重点工作). Not in
    the header (`body_start`: where the speech begins, _body_start)."""
    found, pos, first = [], 0, True
    for line in doc.norm.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        text = line.strip()
        # (a title line that states a figure is a news story's headline: only the first line is
        # read so; a line inside the speech that does is a part's subhead all the same)
        headline = first and bool(text) and _states_a_figure(text, parts)
        first = first and not text
        if start >= body_start and not headline and _is_part_title(text, parts, times):
            found.append((start + len(line) - len(line.lstrip()), 1, text))
    return found


def _states_a_figure(title: str, parts) -> bool:
    pattern = parts["unnumbered"].get("figure")
    return bool(pattern) and regex.search(pattern, title) is not None


def _is_part_title(title: str, parts, times: TimeReader) -> bool:
    """A line that is a part's title: short, no sentence or list punctuation, holding a review or
    plan word and a time (or one of the titles that need none)."""
    rules = parts["unnumbered"]
    if not title or not _bare_line(title, rules) \
            or not any(w in title for w in parts["review"]) and not any(w in title for w in parts["plan"]) \
            or any(w in title for w in rules["not_words"]):
        return False
    # 重点改革任务全面完成: a bold line in a part, not a part of its own
    return times.in_heading(title.strip(_TITLE_MARKS)) is not None \
        or title.strip(_TITLE_MARKS) in rules["timeless"]


def _body_start(doc: Document, parts) -> int:
    """Where the speech begins: after its salutation (各位代表：), else at the top; at a part's
    title before the salutation (去年以来及“十三五”工作回顾 … 各位代表！“十三五”期间，…): the copy lost
    the speech's opening, and the salutation is one inside it."""
    m = parts["opening"].search(doc.norm, 0, 3000)
    if m is None:
        return 0
    pos = 0
    for line in doc.norm[:m.start()].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if _is_part_title(line.strip(), parts, doc.times):
            return start + len(line) - len(line.lstrip())
    return m.end()


def _read_frames(doc: Document, reader: TimeReader, parts, body: int) -> list[Frame]:
    """The time frame of every stretch: a part's heading sets it, a paragraph's opening time
    expression changes it, a heading with no time (三、扩大有效投资) keeps the current one unless its
    words name the other side (a review heading in a plan part)."""
    frames: list[Frame] = []
    heading_at = {s.start: s for s in doc.sections if s.level}
    # a copy with no part headings: a sentence naming a time beside its results or goals frames
    # what follows (TimeReader.topic)
    unheaded = not heading_at
    current: Frame | None = None
    pos = 0
    for line in doc.norm.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        text = line.strip()
        if not text:
            continue
        if start + len(line) <= body:
            # the header's lines frame nothing, but a box of the year's main figures set before
            # the speech (江门日报's 2008年我市主要经济指标) is that year's
            if current is None and (told := reader.announced(text, framed=False)) is not None \
                    and told.kind == "actual" and _frames_ahead(told, doc):
                current = frame_of(told, pos)
                frames.append(current)
            continue
        lead = start + len(line) - len(line.lstrip())
        section = heading_at.get(lead)
        if section is not None and section.level == 1:
            expr = reader.in_heading(_heading_title(text).strip(_TITLE_MARKS))
            if expr is not None:
                current = frame_of(expr, lead)
            else:
                current = _frame_by_words(section.part, current, lead, doc.year)
            if current is not None:
                frames.append(current)
            continue
        # a paragraph's opening sets the frame; later in it, only a span does (2025年是“十四五”
        # 收官之年。五年来，…): a sentence opening with a bare year speaks of that year alone, and
        # the sentence's own reading (claims) dates its figures. A sentence that names who speaks
        # (他说，2014年，…) or follows the news that it was delivered (…作政府工作报告。2019年，…)
        # opens a stretch of the speech, as a paragraph does, and so does one whose
        # year turns from the review to the plan (2023年，…。2024年，该县将…), and one that turns from a
        # span to its last year (五年来…。特别是刚刚过去的2012年，…); not one that looks
        # back from the plan (去年…达到…，今年再难也要…), which speaks of that year alone.
        if _is_title(text, parts):
            continue        # 2017年江西省政府工作报告(全文): the page's title frames nothing
        if (label := reader.label(text)) is not None and _frames_ahead(label, doc):
            current = frame_of(label, lead)      # a line that is only a year (2019): a label
            frames.append(current)
            continue
        # (a goal word in the line: most lines have none, and are not asked sentence by sentence)
        goals = doc.year is not None and any(w in text for w in _GOAL_WORDS)
        line_frame, episode, looks_back = current, False, False
        starts = _sentence_starts(text, parts["sentence_end"])
        time_at = -1      # where the line's next time expression stands; None: none after
        for k, offset in enumerate(starts):
            back = False        # (asked below only of a sentence that opens with one year)
            if looks_back and _plans(text, starts, k, parts):
                # (the look back ends where the paragraph plans again: 这为做好今年的工作打下了基础)
                current, looks_back, episode = replace(line_frame, start=lead + offset), False, False
                frames.append(current)
            if time_at is not None and time_at < offset:
                time_at = reader.next_time(text, offset)
            # (a sentence with no time expression after its start opens none: most do not, and
            # are not read for a lead-in and its time; the whole line is searched, so a year
            # whose month stands past the 16 characters opening() reads, 2023年 and ten spaces
            # before 1月, is a date here, as it is)
            expr = reader.opening(text, offset, future_plans=unheaded) \
                if time_at is not None else None
            topic = expr is None and unheaded and doc.year is not None \
                and (expr := _topic(reader, text, starts, k)) is not None
            if goals and (current is None or current.kind == "actual") \
                    and (m := reader.goal_lead.match(text, offset)) is not None \
                    and not (_in_review_part(doc, lead + offset) and m[0].endswith(COMMAS)) \
                    and _plans_the_report(expr, doc):
                # 经济社会发展预期目标是：… after the review (a news copy's sentence: 市长在会中表示，…
                # 建议今年…主要预期目标为：)
                current = Frame(lead + offset, "target", doc.year, doc.year, GOALS_SOURCE)
                frames.append(current)
            if expr is None or not _frames_ahead(expr, doc) \
                    or _loose_plan_word(expr, text, offset, doc, lead):
                continue
            if offset and not topic and expr.first == expr.last \
                    and not reader.speaker_lead.match(text, offset) \
                    and not reader.focus_lead.match(text, offset) \
                    and not reader.delivered_before.search(text, max(0, offset - 64), offset) \
                    and not _turns_to_plan(expr, current) and not _labels_what_follows(text, offset) \
                    and not _first_review_year(expr, current, doc) \
                    and not (back := _looks_back_on_the_year(expr, current, text, starts, k,
                                                             parts)):
                continue
            if current is None or _differs(expr, current):
                current = frame_of(expr, lead + offset)
                frames.append(current)
                looks_back = offset > 0 and back
                # (a span of other than a term's years opened inside the paragraph is an
                # episode's: 2015年杭州成功申办亚运会。8年来，…; it ends with the paragraph; so
                # does a look back from the plan, or where the paragraph plans again)
                episode = offset > 0 and (looks_back or expr.first < expr.last
                                          and expr.last - expr.first + 1 != _TERM_YEARS)
        if episode and line_frame is not None:
            current = replace(line_frame, start=pos)
            frames.append(current)
        if (told := reader.announced(text, framed=current is not None)) is not None \
                and _frames_ahead(told, doc) and (current is None or _differs(told, current)):
            current = frame_of(told, pos)     # the lines after it tell that year's work
            frames.append(current)
    return frames


# the years of a five-year plan and of a government's term: a span of them opened inside a
# paragraph frames what follows it (2025年是“十四五”收官之年。五年来，…)
_TERM_YEARS = 5


def _is_title(line: str, parts) -> bool:
    """A line that names the report (2017年江西省政府工作报告(全文)): short, holding a title word
    (rules unnumbered_heading `not_words`), no sentence punctuation."""
    rules = parts["unnumbered"]
    return _bare_line(line, rules) and any(w in line for w in rules["not_words"])


def _bare_line(line: str, rules) -> bool:
    """Short, with no sentence or list punctuation: a title's line (rules unnumbered_heading)."""
    return len(line) <= rules["max_chars"] and not any(ch in line for ch in rules["not_containing"])


def _topic(reader: TimeReader, text: str, starts: list[int], k: int):
    """The time the k-th sentence of a line names beside its results or goals, as a short
    sentence with no figure (先看看咱中国过去五年的“成绩单”。国内生产总值…); in mid-paragraph only a
    year (再看今年的任务。), not a span remarked on (…。这是“十四五”以来的最好成绩。)."""
    offset = starts[k]
    expr = reader.topic(text, offset, starts[k + 1] if k + 1 < len(starts) else len(text))
    if expr is None and len(starts) == 1:
        return reader.results_heading(text)     # 数字见证成绩, a line of its own
    return None if expr is None or (offset and expr.first != expr.last) else expr


def _loose_plan_word(expr, line: str, offset: int, doc: Document, lead: int) -> bool:
    """The year being planned, said as a time since (今年来, 今年以来), opening a paragraph of a part
    whose heading says it reviews (一、2024年工作回顾 … 今年来，在县委县政府的坚强领导下，…): loose
    wording for the year the part reviews, which its heading framed already. (今年 alone there may
    open the plan: 今年，我们将…力争增长6%左右.)"""
    return expr.first == expr.last == doc.year and (
        expr.text.endswith(_SINCE) or line.startswith(_SINCE, offset + expr.end)) \
        and _in_review_part(doc, lead + offset)


_SINCE = ("以来", "来")


def _in_review_part(doc: Document, at: int) -> bool:
    """Inside a part whose heading says it reviews (一、2025年工作回顾): a goal named there before a
    comma (a weak lead) is one the review reports on (聚焦高质量发展目标，地区生产总值增长6.5%), not the plan's lead
    (主要预期目标是： still is: a part heading the reader did not know may stand between)."""
    section = doc.section_at(at)
    return section is not None and section.level > 0 and section.part == "review"


# every goal word of rules/document.yaml `goal_lead` holds one of these
_GOAL_WORDS = ("目标", "预期指标")     # (主要预期指标：, a goals paragraph too)


def _first_review_year(expr, current: Frame | None, doc: Document) -> bool:
    """No frame yet, and a sentence opens with the year before the report's (a page run together
    into one paragraph: …政府工作报告，一年来，…。2013年，全市完成财政总收入…): the review begins
    (not an older year: …。2010年，我市被确定为国家级试点城市)."""
    return current is None and doc.year is not None and expr.kind == "actual" \
        and expr.last == doc.year - 1


def _plans_the_report(opening, doc: Document) -> bool:
    """A goals paragraph (…预期目标是：) with no time of its own plans the report's year; so does
    one whose 明年 points past it, which only a December speech of unknown date says
    (报告提出明年的奋斗目标主要是：…)."""
    return opening is None or not _frames_ahead(opening, doc)


def _labels_what_follows(line: str, offset: int) -> bool:
    """The sentence is only a time and a colon ending its line (…新亮点。2003年：): a label of the
    lines after it, as a heading is."""
    if not line.rstrip().endswith(COLONS):
        return False          # (asked before the copy: a flattened page has many sentences a line)
    return len(line[offset:].strip()) <= _LABEL_CHARS


_LABEL_CHARS = 12


def _looks_back_on_the_year(expr, current: Frame | None, line: str, starts: list[int],
                            k: int, parts) -> bool:
    """A sentence of the plan that opens with the year past, holds no figure and says what was
    achieved (2011年，是“十二五”开局之年…。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，…),
    the sentence after it planning nothing (rules parts `look_back_results`, `look_back_not_after`):
    the figures after it are that year's results, up to a sentence that plans."""
    if current is None or current.kind != "target" or expr.kind != "actual" \
            or expr.first != expr.last or k + 1 >= len(starts):
        return False
    # (the time is the sentence's topic, a comma after it: not 在去年工作基础上，制定…)
    sentence = line[starts[k]:starts[k + 1]]
    return sentence[expr.end:].startswith(COMMAS) and not any(ch.isdigit() for ch in sentence) \
        and any(w in sentence for w in parts.get("look_back_results", ())) \
        and not _plans(line, starts, k + 1, parts)


def _plans(line: str, starts: list[int], k: int, parts) -> bool:
    """The k-th sentence of a line says what is planned (rules parts `look_back_not_after`)."""
    end = starts[k + 1] if k + 1 < len(starts) else len(line)
    return any(w in line[starts[k]:end] for w in parts.get("look_back_not_after", ()))


def _turns_to_plan(expr, current: Frame | None) -> bool:
    return current is not None and current.kind == "actual" and expr.kind == "target"


def _frames_ahead(expr, doc: Document) -> bool:
    """A year past the plan year opening a paragraph (2035年，我们将基本实现现代化) is a vision, not
    the frame of what follows; spans and years up to the report's own are."""
    return expr.first < expr.last or doc.year is None or expr.last <= doc.year


def _sentence_starts(paragraph: str, sentence_end) -> list[int]:
    return [0] + [m.end() for m in sentence_end.finditer(paragraph) if m.end() < len(paragraph)]


def _differs(expr, frame: Frame) -> bool:
    return (expr.kind, expr.first, expr.last) != (frame.kind, frame.first, frame.last)


def _frame_by_words(part: str | None, current: Frame | None, start: int, year: int | None
                    ) -> Frame | None:
    """A part heading with no time in it: its review/plan words decide the side; a plan heading
    after a plan keeps the years it had (三、全力抓好七项重点工作 after 2026年重点工作)."""
    if part is None or year is None:
        return Frame(start, current.kind, current.first, current.last, current.source) \
            if current else None
    kind = "actual" if part == "review" else "target"
    if current is not None and current.kind == kind:
        return Frame(start, kind, current.first, current.last, current.source)
    y = year - 1 if part == "review" else year
    return Frame(start, kind, y, y, part)


def _split_sentences(norm: str, sentence_end) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in sentence_end.finditer(norm):
        if m.end() > start:
            bounds.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        bounds.append((start, len(norm)))
    return bounds
