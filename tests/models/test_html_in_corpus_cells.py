"""A corpus file's cell holding a web page's markup, as scrapers and news APIs export an
article's body, is read as its text: "<p>Officials said" counted its tags as words and
ran the paragraphs into one sentence, "&#8217;" and "&amp;" stayed as written (audit s34)."""

from __future__ import annotations

from pathlib import Path

from models.readers import read_paths

CELL = ("<p>Officials said the plan would <b>probably</b> fail.</p>"
        "<p>The mayor&#8217;s aide reportedly disagreed &amp; left.<br>Critics cheered.</p>")


def test_markup_in_a_text_cell_is_read_as_its_text(tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_text(f'outlet,headline,text\nLedger,Plan &amp; mayor,"{CELL}"\n',
                      encoding="utf-8")
    [article] = read_paths([corpus]).articles
    assert article.headline == "Plan & mayor"
    assert article.text == (
        "Plan & mayor\n\nOfficials said the plan would probably fail.\n\n"
        "The mayor\u2019s aide reportedly disagreed & left.\nCritics cheered.")
    assert [s.text for s in article.body_sentences] == [
        "Officials said the plan would probably fail.",
        "The mayor\u2019s aide reportedly disagreed & left.", "Critics cheered."]


def test_a_cell_without_markup_is_kept_as_it_is(tmp_path: Path) -> None:
    text = "Rates rose 5 < 6 points at AT&T, officials said.\n\n<tweet author=\"x\">Hi</tweet>."
    corpus = tmp_path / "c.csv"
    corpus.write_text('outlet,text\nLedger,"' + text.replace('"', '""') + '"\n',
                      encoding="utf-8")
    [article] = read_paths([corpus]).articles
    assert article.text == text
