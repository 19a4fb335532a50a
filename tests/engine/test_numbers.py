import pytest

from factcheck import languages
from factcheck.numbers import find_values, parse_number
from factcheck.text import sentences


def values(text: str, code: str):
    ld = languages.get(code)
    (s,) = sentences(text, code, ld.tokenizer)
    by_start, by_end = {}, {}
    for m in ld.lexicon.find_all(s.lowers):
        by_start.setdefault(m[0], []).append(m)
        by_end.setdefault(m[1], []).append(m)
    return [(v.value, v.unit, v.qualifier) for v in find_values(s.texts, s.starts, s.ends, ld, by_start, by_end)]


@pytest.mark.parametrize(
    ("raw", "locale", "expected"),
    [
        ("2.400", "de_DE", 2400),
        ("1,85", "de_DE", 1.85),
        ("2,400", "en_US", 2400),
        ("14.3", "en_US", 14.3),
        ("58,20", "de_DE", 58.2),
    ],
)
def test_parse_number_follows_the_locale(raw, locale, expected):
    assert parse_number(raw, locale) == pytest.approx(expected)


def test_english_decimal_comma_is_not_read_as_a_thousands_group():
    # strict parsing: "14,3" is not 143 in English; it falls back to the comma-decimal reading
    assert parse_number("14,3", "en_US") == pytest.approx(14.3)


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Brightmoor zahlte 1,5 Mrd. Euro.", "de", (1.5e9, "EUR", "exact")),
        ("Der Preis lag bei rund 320 Millionen US-Dollar.", "de", (320e6, "USD", "approx")),
        ("Es ging um 2,75 Milliarden Franken.", "de", (2.75e9, "CHF", "exact")),
        ("Halvex paid $14.3bn for it.", "en", (14.3e9, "USD", "exact")),
        ("Halvex paid €1.85bn for it.", "en", (1.85e9, "EUR", "exact")),
        ("Halvex paid US$200m for it.", "en", (200e6, "USD", "exact")),
        ("Halvex paid more than £75 million for it.", "en", (75e6, "GBP", "at_least")),
        ("Halvex paid 40 million dollars for it.", "en", (40e6, "USD", "exact")),
    ],
)
def test_money(text, code, expected):
    got = values(text, code)
    assert got[0][1] == expected[1]
    assert got[0][0] == pytest.approx(expected[0])
    assert got[0][2] == expected[2]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Sie erwarb eine 35%-Beteiligung.", "de", 35),
        ("Sie hält 12,5 Prozent.", "de", 12.5),
        ("Sie hält 3,2% der Aktien.", "de", 3.2),
        ("It holds 12.5 per cent.", "en", 12.5),
        ("It holds 8% of the company.", "en", 8),
    ],
)
def test_percentages(text, code, expected):
    got = [v for v in values(text, code) if v[1] == "%"]
    assert got and got[0][0] == pytest.approx(expected)


def test_numbers_in_words_with_a_scale():
    got = values("Die App hat zwölf Millionen Nutzer.", "de")
    assert got[0][:2] == (12e6, "count")


def test_counts_with_group_separators():
    assert values("Sie beschäftigt 12.800 Menschen.", "de")[0][:2] == (12800, "count")
    assert values("It employs 12,800 people.", "en")[0][:2] == (12800, "count")
