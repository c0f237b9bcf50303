"""Scoring logic of reportx.views.evaluation on small hand-made gold records and claims: overlap on
half-open spans, one-to-one matching by best overlap, optional records, the value tolerance,
attribute accuracies, the gold loader's errors and the headline check."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportx.engine.claim import Claim
from reportx.errors import InputError, ReportxError
from reportx.views.evaluation import evaluate, headline_check, load_gold, load_key


def gold(start, end, value=5.0, unit="%", optional=False, **attrs):
    record = {"doc": "t", "start": start, "end": end, "surface": f"g{start}", "value": value,
              "unit": unit, "key": None, "period": "2023", "kind": "actual", "qualifier": None,
              "direction": None, "optional": optional}
    record.update(attrs)
    return record


def claim(start, end, value=5.0, unit="%", **attrs):
    record = {"doc": "t", "start": start, "end": end, "surface": f"c{start}", "value": value,
              "unit": unit, "indicator_id": None, "period": "2023", "kind": "actual",
              "qualifier": None, "direction": None, "sentence": f"sentence of c{start}"}
    record.update(attrs)
    return record


def counts(metrics):
    return metrics.tp, metrics.fp, metrics.fn


def test_identical_records_score_perfectly():
    score = evaluate([gold(0, 4), gold(10, 15)], [claim(0, 4), claim(10, 15)])
    assert counts(score.exact) == (2, 0, 0)
    assert (score.exact.precision, score.exact.recall, score.exact.f1) == (1.0, 1.0, 1.0)
    assert not (score.misses or score.false_alarms or score.mismatches or score.disagreements)


def test_partial_overlap_is_detected_but_a_touching_span_is_not():
    # half-open offsets: [0, 4) and [4, 8) share no character
    score = evaluate([gold(0, 4)], [claim(2, 6), claim(4, 8)])
    assert counts(score.detection) == (1, 1, 0)
    assert [f.start for f in score.false_alarms] == [4]


def test_other_value_is_a_detection_hit_but_exact_miss_and_false_alarm():
    score = evaluate([gold(0, 4, value=5.0)], [claim(0, 4, value=5.5)])
    assert counts(score.detection) == (1, 0, 0)
    assert counts(score.exact) == (0, 1, 1)
    assert score.exact.f1 == 0.0
    (m,) = score.mismatches
    assert (m.gold.value, m.claim.value) == (5.0, 5.5)
    assert not score.misses and not score.false_alarms  # listed as a mismatch, not twice


def test_other_unit_is_not_exact():
    score = evaluate([gold(0, 4, value=9.4, unit="pp")], [claim(0, 4, value=9.4, unit="%")])
    assert counts(score.exact) == (0, 1, 1)


@pytest.mark.parametrize("claimed, exact", [
    (111200000000.0, True),
    (float("1112") * 1e8, True),             # float noise: 111199999999.99998
    (111200000000 * (1 + 5e-7), True),       # inside the relative 1e-6
    (111200000000 * (1 + 5e-6), False),      # outside it
    (111200000001.0, True),
    (111300000000.0, False),
])
def test_value_tolerance_is_relative(claimed, exact):
    score = evaluate([gold(0, 7, value=111200000000, unit="CNY")],
                     [claim(0, 7, value=claimed, unit="CNY")])
    assert score.exact.tp == int(exact)


def test_small_values_are_not_matched_by_an_absolute_slack():
    score = evaluate([gold(0, 4, value=0.1)], [claim(0, 4, value=0.1000002)])
    assert score.exact.tp == 0


def test_optional_record_found_is_not_a_hit_and_missed_is_not_a_miss():
    records = [gold(0, 4), gold(10, 14, optional=True), gold(20, 24, optional=True)]
    score = evaluate(records, [claim(0, 4), claim(10, 14)])
    assert counts(score.detection) == (1, 0, 0)
    assert counts(score.exact) == (1, 0, 0)
    assert (score.gold, score.optional, score.claims, score.neutral) == (1, 2, 2, 1)


def test_every_claim_on_an_optional_record_is_neutral():
    # the second claim cannot take the record (one-to-one) but still overlaps it
    score = evaluate([gold(0, 6, optional=True)], [claim(0, 3), claim(3, 6)])
    assert counts(score.detection) == (0, 0, 0)
    assert score.neutral == 2 and not score.false_alarms


def test_optional_record_with_other_value_is_still_neutral():
    score = evaluate([gold(0, 4, optional=True, value=1e10, unit="CNY")], [claim(0, 4, value=3)])
    assert counts(score.exact) == (0, 0, 0)
    assert not score.mismatches


def test_required_record_is_preferred_to_an_optional_one_at_equal_overlap():
    records = [gold(0, 4, optional=True), gold(0, 4)]
    score = evaluate(records, [claim(0, 4)])
    assert counts(score.detection) == (1, 0, 0)


def test_only_an_empty_result_scores_zero():
    score = evaluate([gold(0, 4)], [])
    assert (score.exact.precision, score.exact.recall, score.exact.f1) == (0.0, 0.0, 0.0)
    nothing = evaluate([gold(0, 4, optional=True)], [])
    assert (nothing.exact.precision, nothing.exact.recall, nothing.exact.f1) == (1.0, 1.0, 1.0)
    noise = evaluate([], [claim(0, 4)])
    assert (noise.exact.precision, noise.exact.recall) == (0.0, 0.0)


def test_two_claims_on_one_record_give_one_hit_and_one_false_alarm():
    score = evaluate([gold(0, 8)], [claim(0, 4), claim(4, 8)])
    assert counts(score.detection) == (1, 1, 0)


def test_one_claim_over_two_records_finds_only_one():
    score = evaluate([gold(0, 4), gold(4, 8)], [claim(0, 8)])
    assert counts(score.detection) == (1, 0, 1)


def test_best_overlap_is_matched_first_not_first_in_document_order():
    # g1 [0,4) and g2 [2,9); X [1,9) overlaps g1 by 3 and g2 by 7; Y [0,2) overlaps only g1.
    # Taking g1's best claim first (X) would leave g2 unmatched; best overlap first pairs both.
    score = evaluate([gold(0, 4), gold(2, 9)], [claim(1, 9), claim(0, 2)])
    assert counts(score.detection) == (2, 0, 0)


def test_at_equal_overlap_the_agreeing_claim_wins():
    score = evaluate([gold(0, 4, value=5)], [claim(0, 4, value=6), claim(0, 4, value=5)])
    assert counts(score.exact) == (1, 1, 0)
    assert [f.value for f in score.false_alarms] == [6]


def test_attribute_accuracy_counts_only_exact_required_pairs():
    records = [
        gold(0, 4, qualifier="approx", direction="increase", key="gdp"),
        gold(10, 14, qualifier="approx"),                  # claimed with a wrong value
        gold(20, 24, optional=True, qualifier="approx"),   # optional: not compared
        gold(30, 34, period="2024", kind="target", key="cpi", qualifier="at_most"),
    ]
    claims = [
        claim(0, 4, qualifier="approx", direction="decrease", indicator_id="gdp"),
        claim(10, 14, value=7),
        claim(20, 24),
        claim(30, 34, period=2024, kind="target", indicator_id="cpi", qualifier="at_most"),
    ]
    score = evaluate(records, claims)
    assert score.agreement["qualifier"] == (2, 2)
    assert score.agreement["direction"] == (1, 2)
    assert score.accuracy["direction"] == 0.5
    assert score.accuracy["period"] == 1.0          # 2024 and "2024" compare as strings
    assert score.accuracy["indicator_id"] == 1.0    # gold `key` against `indicator_id`
    (d,) = score.disagreements
    assert (d.attribute, d.gold, d.claimed, d.start) == ("direction", "increase", "decrease", 0)
    assert d.context == "sentence of c0"


def test_accuracy_is_none_without_exact_pairs():
    score = evaluate([gold(0, 4)], [claim(0, 4, value=1)])
    assert score.accuracy == dict.fromkeys(score.accuracy, None)


def test_claim_objects_and_dicts_score_alike():
    fields = dict(doc="t", city=None, year=2024, start=0, end=4, surface="0.1％", value=0.1,
                  unit="%", raw_number="0.1", raw_unit="％", classifier=None, indicator="地区生产总值",
                  indicator_id="gdp", period="2023", span=None, kind="actual", qualifier=None, value_high=None,
                  direction="increase", section="", sentence="地区生产总值增长0.1％。", rule="measure")
    records = [gold(0, 4, value=0.1, key="gdp", direction="increase")]
    as_object = evaluate(records, [Claim(**fields)])
    as_dict = evaluate(records, [fields])
    assert as_object == as_dict
    assert as_object.exact.tp == 1 and as_object.accuracy["indicator_id"] == 1.0


def test_misses_show_the_text_around_them_and_false_alarms_their_sentence():
    text = "一、回顾\n地区生产总值增长0.1％，粮食产量149.3万吨。\n二、计划\n"
    start = text.index("0.1％")
    score = evaluate([gold(start, start + 4, value=0.1)], [claim(30, 33)], text=text)
    (miss,) = score.misses
    assert "地区生产总值增长0.1％" in miss.context and "\n" not in miss.context
    assert score.false_alarms[0].context == "sentence of c30"


def test_score_converts_to_plain_json():
    score = evaluate([gold(0, 4), gold(8, 9)], [claim(0, 4, direction="increase"), claim(20, 22)])
    out = json.loads(json.dumps(score.to_dict()))
    assert out["exact"]["tp"] == 1 and out["exact"]["precision"] == 0.5
    assert out["misses"][0]["start"] == 8 and out["disagreements"][0]["attribute"] == "direction"


spans = st.tuples(st.integers(0, 40), st.integers(1, 6)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(spans, st.booleans()), max_size=12), st.lists(spans, max_size=12))
def test_counts_always_add_up(gold_spans, claim_spans):
    records = [gold(a, b, optional=o) for (a, b), o in gold_spans]
    claims = [claim(a, b, value=5.0 if a % 2 else 6.0) for a, b in claim_spans]
    score = evaluate(records, claims)
    det, ex = score.detection, score.exact
    assert det.tp + det.fn == score.gold == ex.tp + ex.fn
    assert det.tp + det.fp + score.neutral == score.claims == ex.tp + ex.fp + score.neutral
    assert ex.tp <= det.tp and len(score.mismatches) == det.tp - ex.tp
    assert 0.0 <= ex.f1 <= det.f1 <= 1.0


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_gold_reads_records_and_skips_blank_lines(tmp_path):
    path = write(tmp_path, "g.jsonl", json.dumps(gold(0, 4)) + "\n\n" + json.dumps(gold(5, 9)) + "\n")
    assert [r["start"] for r in load_gold(path)] == [0, 5]


@pytest.mark.parametrize("bad_line, says", [
    ('{"start": 0, "end": 4, "value": 1', "not JSON"),
    ('{"start": 0, "end": 4, "unit": "%"}', "value"),
    ('{"start": 4, "end": 4, "value": 1, "unit": "%"}', "bad span"),
    ('{"start": "0", "end": 4, "value": 1, "unit": "%"}', "integers"),
    ('[1, 2]', "not a JSON object"),
])
def test_load_gold_names_file_and_line_of_a_bad_record(tmp_path, bad_line, says):
    path = write(tmp_path, "g.jsonl", json.dumps(gold(0, 4)) + "\n" + bad_line + "\n")
    with pytest.raises(InputError) as info:
        load_gold(path)
    message = str(info.value)
    assert isinstance(info.value, ReportxError)
    assert str(path) in message and "line 2" in message and says in message
    assert "\n" not in message


def test_load_gold_rejects_a_missing_or_empty_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "absent.jsonl")
    with pytest.raises(InputError, match="no gold records"):
        load_gold(write(tmp_path, "empty.jsonl", "\n"))


def test_evaluate_rejects_a_gold_dict_without_offsets():
    with pytest.raises(InputError, match="record 1"):
        evaluate([{"value": 1, "unit": "%"}], [])


KEY = {"key": "gdp", "period": "2024", "kind": "target", "value": 5, "unit": "%",
       "qualifier": "approx", "direction": "increase", "surface": "地区生产总值增长5％左右"}


def key_claim(**changes):
    fields = dict(start=0, end=2, value=5.0, unit="%", indicator_id="gdp", period="2024",
                  kind="target", qualifier="approx", direction="increase")
    fields.update(changes)
    return claim(**fields)


def test_headline_check_passes_when_one_claim_states_the_figure():
    others = [key_claim(period="2023", kind="actual", value=0.1), key_claim(value=5.0, unit="CNY")]
    assert headline_check([KEY], others + [key_claim(start=9, end=11)]) == []


@pytest.mark.parametrize("changes, says", [
    ({"indicator_id": "cpi"}, "no claim with indicator_id gdp"),
    ({"value": 5.5}, "value differs"),
    ({"period": "2023"}, "period, kind and unit"),
    ({"unit": "pp"}, "period, kind and unit"),
    ({"qualifier": "at_least"}, "qualifier at_least (want approx)"),
    ({"direction": None}, "direction None (want increase)"),
])
def test_headline_check_says_what_is_wrong(changes, says):
    (problem,) = headline_check([KEY], [key_claim(**changes)])
    assert problem.startswith("gdp 2024 target 5 %") and says in problem


def test_headline_check_accepts_claim_objects_and_int_periods():
    entry = dict(KEY, period=2024)
    fields = {f: None for f in Claim.__dataclass_fields__}
    fields.update(doc="t", start=0, end=2, surface="5％", value=5.0, unit="%", raw_number="5",
                  section="", sentence="", rule="r", indicator_id="gdp", period="2024",
                  kind="target", qualifier="approx", direction="increase")
    assert headline_check([entry], [Claim(**fields)]) == []


def test_load_key_needs_the_figure_fields(tmp_path):
    good = write(tmp_path, "a.key.json", json.dumps([KEY], ensure_ascii=False))
    assert load_key(good) == [KEY]
    bad = write(tmp_path, "b.key.json", json.dumps([{"key": "gdp"}]))
    with pytest.raises(InputError, match="entry 1: missing field"):
        load_key(bad)


def test_reanchor_moves_records_where_a_readers_repair_put_them():
    from reportx.views.evaluation import reanchor

    # the annotator counted in the file as decoded; the reader dropped a pinyin gloss and the
    # spaces inside a figure, so what follows moved
    raw = "补贴2341萬(wàn)元，收入27 .4 亿元，增长8%。"
    read = "补贴2341萬元，收入27.4亿元，增长8%。"
    gold = [{"start": raw.index(s), "end": raw.index(s) + len(s), "surface": s, "value": 1, "unit": "x"}
            for s in ("2341萬(wàn)元", "27 .4 亿元", "8%")]
    placed, moved, lost = reanchor(gold, read)
    assert [read[g["start"]:g["end"]] for g in placed] == ["2341萬元", "27.4亿元", "8%"]
    assert moved == 3 and lost == []


def test_reanchor_keeps_records_that_hold_and_names_the_ones_it_cannot_place():
    from reportx.views.evaluation import reanchor

    text = "增长8%，下降3%。"
    good = {"start": 2, "end": 4, "surface": "8%", "value": 8, "unit": "%"}
    other = {"start": 7, "end": 9, "surface": "5%", "value": 5, "unit": "%"}
    placed, moved, lost = reanchor([good, other], text)
    assert placed[0] == good and moved == 0 and lost == [other]
