"""A quotation opened with “ and closed with ’ before a comma (a typist's slip, kept by a
translation: the MoD-based seed's '“Despite … [165 to 1,850 yards]’, military spokesman
Serhiy Cherevatyi said in televised comments.').

audit22 (session 22) found the whole sentence read as quoted: 'said' was no attribution,
and the article's only named Ukrainian speaker was lost. Both the cue finder's reading
(models.attribution) and the own-voice reading (models.voice) now close it at the ’."""

from __future__ import annotations

from pathlib import Path

from models.cues import default_finder
from models.features import analyze_article, article_from_text
from models.quotations import quotation_intervals, quoted_intervals
from models.readers import read_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SLIP = ("“Despite the fact that our units have no advantage in equipment and personnel, they "
        "have continued to advance on the flanks, and covered a distance of 150 to 1,700 "
        "meters [165 to 1,850 yards]’, military spokesman Serhiy Cherevatyi said in "
        "televised comments.")


def test_the_slip_closes_the_quotation_for_the_cue_finder() -> None:
    intervals = quoted_intervals(SLIP)
    closing = SLIP.index("’,")
    assert intervals == ((1, closing),)
    found = [(s.text, s.category, s.subcategory) for s in default_finder().find(SLIP)]
    assert ("said", "attribution", "neutral") in found
    assert ("military spokesman Serhiy Cherevatyi", "source", "person") in found


def test_the_slip_closes_the_quotation_for_the_own_voice_reading() -> None:
    article = article_from_text(SLIP)
    (inside,) = quotation_intervals(article)[0]
    assert inside == (1, SLIP.index("’,"))


def test_the_seed_names_its_ukrainian_speaker() -> None:
    (path,) = SEEDS.glob("004_*.txt")
    spans = analyze_article(read_file(path)).spans
    assert any(s.category == "source" and s.term == "serhiy cherevatyi" for s in spans)


def test_a_quotation_inside_a_quotation_keeps_its_own_close() -> None:
    # ‘ opened a quotation inside the double one: its ’ closes that one, not the outer.
    text = "“He called the plan ‘a farce’, and left the room,” the aide said."
    intervals = quoted_intervals(text)
    assert intervals == ((1, text.index("”")),)
    assert quotation_intervals(article_from_text(text))[0] == ((1, text.index("”")),)


def test_a_double_closing_mark_later_wins_over_the_slip() -> None:
    # An apostrophe before a comma inside a quotation that a ” closes later.
    text = "“The governors’, not the ministers’, offices were told first,” she said."
    intervals = quoted_intervals(text)
    assert intervals == ((1, text.index("”")),)


def test_a_possessive_before_a_comma_outside_quotation_marks_is_no_close() -> None:
    text = "The plan was the governors’, the ministry said on Monday."
    assert quoted_intervals(text) == ()
    assert quotation_intervals(article_from_text(text)) == {}
