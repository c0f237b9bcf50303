"""Batch workers that encode their own file's rows (extract_paths(..., encode=RowEncoder)): the
text is byte for byte what encoding the claims in the calling process gives, with one job or
two, with a filter or without, and the counts are the same."""
from __future__ import annotations

import pickle

import pytest

from reportx.batch import extract_paths
from reportx.cli.filters import claim_filter
from reportx.engine.claim import CLAIM_FIELDS
from reportx.engine.ruleset import load_rules
from reportx.output.writers import Format, RowEncoder, encode_rows
from reportx.paths import seeds_dir

SEEDS = [str(p) for p in sorted(seeds_dir().glob("*.txt"))]


def _plain(paths, keep, fmt, columns):
    parts = []
    result = extract_paths(paths, jobs=1, keep=keep,
                           on_claims=lambda cs: parts.append(
                               encode_rows(fmt, columns, [c.to_dict() for c in cs])))
    return "".join(parts), result


@pytest.mark.parametrize("fmt", [Format.jsonl, Format.csv, Format.tsv])
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("filtered", [False, True])
def test_encoded_rows_are_the_same_text(fmt, jobs, filtered):
    keep = claim_filter("target", "gdp", None, load_rules().indicators) if filtered else None
    columns = list(CLAIM_FIELDS) if fmt is Format.jsonl else ["doc", "surface", "value", "sentence"]
    paths = SEEDS * 3
    expected, plain = _plain(paths, keep, fmt, columns)
    parts = []
    result = extract_paths(paths, jobs=jobs, keep=keep, encode=RowEncoder(fmt, columns),
                           on_claims=parts.append)
    assert all(isinstance(p, str) for p in parts) and len(parts) == len(paths)
    assert "".join(parts) == expected
    assert (result.found, result.claim_count, result.failures) == \
        (plain.found, plain.claim_count, plain.failures)
    assert result.claims == []


def test_a_failing_file_is_a_failure_as_before(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    parts = []
    result = extract_paths([SEEDS[0], str(bad)], jobs=2, encode=RowEncoder(Format.jsonl, ["doc"]),
                           on_claims=parts.append)
    assert len(parts) == 1 and [p for p, _ in result.failures] == [str(bad)]


def test_filter_and_encoder_travel_to_workers():
    keep = claim_filter("actual", "学位", "2023", load_rules().indicators)
    assert pickle.loads(pickle.dumps(keep)) == keep
    encoder = pickle.loads(pickle.dumps(RowEncoder(Format.csv, ["doc"])))
    assert encoder.fmt is Format.csv and encoder.columns == ["doc"]


def test_encode_needs_somewhere_to_go():
    with pytest.raises(ValueError):
        extract_paths(SEEDS, jobs=1, encode=RowEncoder(Format.jsonl, ["doc"]))
    with pytest.raises(ValueError):
        RowEncoder(Format.xlsx, ["doc"])
