"""Big letters for the spotlight: the biggest that fit, whole words, or None to show it small."""

from __future__ import annotations

from wijksessie.render.big_text import LINE_HEIGHT, big_letters, big_text


def test_capitals_without_accents_and_none_for_a_sign_the_font_lacks() -> None:
    assert big_letters("Café ‘De Hoek’") == "CAFE 'DE HOEK'"
    assert big_letters("Straße  3") == "STRASSE 3"
    assert big_letters("info@wijk.nl") is None
    assert big_text("🎉 feest", 80, 20) is None


def test_the_larger_size_where_it_fits_else_the_smaller() -> None:
    large = big_text("Koffie", 160, 40)
    assert large is not None and len(large) == 7 and "██" in large[0]
    small = big_text("Koffie-ochtend in de Kruidenhof", 74, 18)
    assert small is not None and "▀" in "".join(small)
    assert len(small) % (LINE_HEIGHT + 1) == LINE_HEIGHT  # lines of 4 with one blank between


def test_every_line_fits_the_width_and_words_stay_whole() -> None:
    for width in (40, 74, 154):
        drawn = big_text("Huiswerkklas en Ouderkamer", width, 40)
        assert drawn is not None
        assert max(len(line) for line in drawn) <= width, width


def test_too_long_for_big_letters_is_none() -> None:
    text = "Een initiatief met een heel lange naam die nergens in grote letters past " * 3
    assert big_text(text, 74, 18) is None
