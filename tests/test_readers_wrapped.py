"""Text hard-wrapped at a fixed width (a report copied out of a PDF): told apart from text written
a paragraph per line, joined back into paragraphs, and read to the same claims."""
from __future__ import annotations

import re
import warnings
from collections import Counter

import pytest

import reportx
from reportx.readers.wrapped import unwrap, width, wrap_width
from tests.conftest import claim_facts, seed_text


def _wrap(text: str, columns: int) -> str:
    """Break every paragraph into lines of at most `columns` display columns, as a PDF's text
    layer copied out line by line would (the paragraph's last line is short)."""
    out = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if width(line + ch) > columns:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_text_a_paragraph_per_line_is_not_wrapped(name):
    assert wrap_width(seed_text(name).split("\n")) is None
    assert unwrap(seed_text(name)) is None


@pytest.mark.parametrize("columns", [40, 56, 70])
def test_wrapped_text_is_told_and_joined_back(columns):
    text = seed_text("guigang-2024")
    wrapped = _wrap(text, columns)
    assert wrap_width(wrapped.split("\n")) in range(columns - 4, columns + 1)
    joined = unwrap(wrapped)
    # every paragraph comes back whole (a space the wrap fell on is gone: a page does not show
    # it either), except where a line happened to end a sentence exactly at the wrap width
    # (then its break stays: a sentence end either way)
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)
    assert joined.count("\n") <= text.count("\n") * 1.1


def test_a_wrapped_file_reads_to_the_claims_of_the_unwrapped_one(tmp_path):
    text = seed_text("guigang-2024")
    path = tmp_path / "guigang-2024.txt"
    path.write_text(_wrap(text, 48), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = reportx.load(path)
    assert any("wrapped at a fixed width" in str(w.message) for w in caught)
    wrapped_claims = reportx.extract(doc)
    plain_claims = reportx.extract(text)
    # the same facts; a sentence whose break stayed may differ in a detail
    same = Counter(claim_facts(wrapped_claims)) & Counter(claim_facts(plain_claims))
    assert sum(same.values()) >= 0.98 * len(plain_claims)
    for c in wrapped_claims:
        assert doc.text[c.start:c.end] == c.surface


def test_latin_words_keep_a_space_and_a_number_cut_by_the_wrap_is_one_number():
    full = "全市地区生产总值比上年增长了多少这里是写满一整行的一句长话而且还要更长一点"
    lines = [full] * 7 + [full[:-3] + "New", "York" + full[:-4] + "4779", "1元，其余略。"]
    joined = unwrap("\n".join(lines))
    assert "New York" in joined and "47791元" in joined


def test_a_copying_sites_watermark_does_not_hide_a_paragraphs_end():
    # 公文搜 copies stamp three letters and digits at the end of paragraphs (…目标任务。9ti): a
    # full line ending so ends its paragraph, and is not joined to the next one
    full = "全市地区生产总值比上年增长了多少这里是写满一整行的一句长话而且还要更长一点"
    end = full[:-4] + "目标任务。9ti"
    lines = [full] * 7 + [end, "全年完成地区生产总值150.17亿元。9ti", full, full, "其余略。9ti"]
    assert f"{end}\n全年完成" in unwrap("\n".join(lines))


def test_a_full_line_a_little_past_the_wrap_is_joined():
    # the wrap is the middle of the full lines' widths: one with digits and ASCII punctuation
    # can stand past it (社会消费品零售总额49.98亿\n元), and was cut at the wrap all the same
    full = "全市地区生产总值比上年增长了多少这里是写满一整行的一句长话而且还要更长"
    past = "增长7.5%。规模以上工业总产值180.01亿元,增长13.3%。社会消费品零售总额49.98亿"
    assert width(full) + 6 <= width(past) <= width(full) + 14
    lines = [full] * 9 + [past, "元,增长9.6%。"]
    assert "49.98亿元" in unwrap("\n".join(lines))


def test_a_list_of_short_lines_among_long_paragraphs_is_not_wrapped():
    # a digest (要点如下：) sets its figures one to a short line with no punctuation, among
    # paragraphs of every length: lines stop near one width, but many lines go past it
    items = ["國內生產毛額增長 5%", "城鎮新增就業 1,267 萬人", "糧食產量達到 1.43 兆斤",
             "新能源車年產量超過 1,600 萬輛", "居民人均可支配收入實際增長 5%", "進出口總額增長 3.8%"]
    para = "據報導，國務院總理向全國人大宣讀政府工作報告，要點如下，這是一段比較長的導語文字。"
    lines = [para * k for k in (1, 2, 3)] + items * 3 + [para * 2, para]
    assert wrap_width(lines) is None


def test_a_short_wrapped_copy_with_a_sites_footer_is_still_wrapped():
    # a few lines wider than the wrap (版权所有…, ICP备案号…) are a page's footer, not a digest's
    # long paragraphs among short lines
    para = ("全年完成地区生产总值1218亿元，增长6.2%；一般公共预算收入88.6亿元，增长6.8%；"
            "社会消费品零售总额346亿元，增长7.1%；城镇新增就业3.2万人。") * 3
    lines, line = [], ""
    for ch in para:
        if width(line + ch) > 60:
            lines.append(line)
            line = ""
        line += ch
    footer = ["版权所有：某某县人民政府办公室  主办单位：某某县人民政府办公室  联系电话：0000-0000000",
              "ICP备案号：某ICP备00000000号-1  公安机关备案号：00000000000000  网站标识码：0000000000",
              "技术支持：某某网络科技有限公司  地址：某某县某某路某某号  邮编：000000  分辨率1024×768"]
    joined = unwrap("\n".join(lines[:18] + footer))
    assert joined is not None and "一般公共预算收入88.6亿元" in joined


def test_bulleted_items_of_one_width_open_lines_of_their_own():
    # an infographic's list (●…, set FR's chancheng-2023): its unpunctuated lines of about one
    # width are items, not a paragraph cut at a wrap, so nothing joins them
    items = ["●地区生产总值预计超2200亿元,同比增长3%左右", "●获评全国“企业家幸福感最强市(区)”称号",
             "●位列全国市辖区高质量发展百强第8名的位置", "●坚定不移建设“最中心”城区,经济实力增强"]
    text = "\n".join(items * 3)
    joined = unwrap(text)
    assert joined is None or joined.count("\n") == text.count("\n")


def test_a_double_spaced_copy_with_page_numbers_is_joined_too():
    """A PDF's text copied with a blank line after every line, and the page numbers (— 3 —)
    between the lines where the page broke a paragraph: joined as the single-spaced copy is."""
    text = seed_text("guigang-2024")
    single = _wrap(text, 48)
    paged = []
    for n, line in enumerate(single.split("\n"), 1):
        paged.append(line)
        if n % 25 == 0:
            paged.append(f"— {n // 25} —")
    joined = unwrap("\n\n".join(paged))
    whole = [re.sub(r"\s", "", p) for p in text.split("\n") if width(p) > 60]

    def kept_whole(joined_text):
        lines = {re.sub(r"\s", "", ln) for ln in joined_text.split("\n")}
        return [p for p in whole if p in lines]

    # the paragraphs come back whole, page numbers inside them dropped, as from a single-spaced
    # copy (save those that happened to end a sentence exactly at the wrap width, in both)
    assert kept_whole(joined) == kept_whole(unwrap(single)) and len(kept_whole(joined)) > 60
    assert Counter(claim_facts(reportx.extract(joined))) == \
        Counter(claim_facts(reportx.extract(unwrap(single))))


def test_a_full_line_ending_a_sentence_before_a_closing_quote_ends_its_paragraph():
    """…干劲更足了。” at the wrap width ends its sentence: the heading after it stays a line."""
    full = "全市地区生产总值比上年增长了多少这里是写满一整行的一句长话而且还要更长一点"
    quoted = full[:-5] + "更足了。”"
    lines = [full] * 7 + ["短句结束。", quoted, "2024年重点工作", full + "。"]
    joined = unwrap("\n".join(lines))
    assert "更足了。”\n2024年重点工作\n" in joined
