"""Numbers as written → exact values."""
from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import reportx.engine.numerals
from reportx.engine.numerals import NumberError, parse_number


@pytest.mark.parametrize("written,value", [
    ("0.1", "0.1"), ("1,234.5", "1234.5"), ("1.3万", "13000"), ("1112亿", "111200000000"),
    ("1.39万亿", "1390000000000"), ("6600多万", "66000000"), ("1万余", "10000"), ("3千万", "30000000"),
    ("百亿", "10000000000"), ("千亿", "100000000000"), ("一千二百", "1200"), ("两万", "20000"),
    ("十一", "11"), ("二十", "20"), ("三千零五", "3005"), ("一万二千亿", "1200000000000"),
    ("一千亿", "100000000000"), ("４３０６．７万", "43067000"), ("五", "5"),
    ("5.2兆", "5200000000000"), ("1.43 兆", "1430000000000"),   # a Taiwan paper's 兆: 10^12
])
def test_parse_number(written, value):
    assert parse_number(written) == Decimal(value)


def test_multiplier_is_exact():
    # float("2.3") * 1e8 is 229999999.99999997; the parser stays exact.
    assert float(parse_number("2.3亿")) == 230000000.0


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3万", "万x"])
def test_not_a_number(bad):
    with pytest.raises(NumberError):
        parse_number(bad)


def test_doctests():
    assert doctest.testmod(reportx.engine.numerals).failed == 0
