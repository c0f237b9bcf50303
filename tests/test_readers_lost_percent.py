"""A copy that lost every per cent sign (增长7.2；): told apart from a report that keeps them, its
bare growths and rates given their % back, and read to the claims the report has."""
from __future__ import annotations

import warnings
from collections import Counter

import pytest

import reportx
from reportx.readers.lost_percent import restore_percent
from tests.conftest import seed_text



def test_bare_growths_and_rates_take_their_sign_back():
    text = ("实现地区生产总值4303亿元，同比增长7.2；一般公共预算收入353亿元，增长8.8；城镇、农村常住居民人均可支配收入"
            "分别增长8.7、10.5；居民消费价格涨幅控制在1.8；城镇登记失业率1.91；新增就业7.2万人，"
            "占比分别提高15、22个百分点。")
    assert restore_percent(text) == (
        "实现地区生产总值4303亿元，同比增长7.2%；一般公共预算收入353亿元，增长8.8%；城镇、农村常住居民人均可支配收入"
        "分别增长8.7%、10.5%；居民消费价格涨幅控制在1.8%；城镇登记失业率1.91%；新增就业7.2万人，"
        "占比分别提高15、22个百分点。")


def test_what_is_no_per_cent_keeps_its_number():
    # per mille, ratios, a price, points a list shares, the start of a pair whose end is none
    text = ("地区生产总值增长7.2；财政收入增长8.8；投资增长9；人口自然增长率控制在6以内；出生率为11.2；容积率为2.5；"
            "人民币汇率为6.5；城乡居民收入比率为2.8；第一产业比重下降0.8、第三产业比重提高1.2个百分点；"
            "比重分别提高1.5，2.0个百分点；城乡居民收入比值由3.27缩小至2.93；城镇化率由52.23提高到58.08。")
    assert restore_percent(text) == text.replace("7.2；", "7.2%；").replace("8.8；", "8.8%；") \
        .replace("9；人口", "9%；人口").replace("52.23提高到58.08", "52.23%提高到58.08%")


@pytest.mark.parametrize("text", [
    "地区生产总值增长7.2；财政收入增长8.8；投资增长9；消费增长6%。",   # one sign: it keeps its signs
    "地区生产总值增长7.2；财政收入增长8.8。",                            # two bare figures: too few
])
def test_a_text_with_a_sign_or_few_bare_figures_is_left_alone(text):
    assert restore_percent(text) is None


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_a_report_keeps_its_signs_and_is_left_alone(name):
    assert restore_percent(seed_text(name)) is None


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_a_report_with_its_signs_stripped_reads_most_of_its_per_cents_back(tmp_path, name):
    text = seed_text(name).replace("%", "").replace("％", "")
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        back = reportx.extract(path)
    assert any("no per cent sign" in str(w.message) for w in caught)

    def per_cents(claims):
        return Counter((c.value, c.indicator_id, c.direction) for c in claims if c.unit == "%")

    whole, read = per_cents(reportx.extract(seed_text(name))), per_cents(back)
    assert not read - whole                                  # nothing the report does not say
    assert sum((read & whole).values()) >= 0.75 * sum(whole.values())
