"""A claim's certainty when its hedge is in reported speech or in scare quotes, and the
speaker of a quotation given as a pronoun in the next sentence (models.claims with
models.voice's rule)."""

from __future__ import annotations

from models.claims import PreparedClaims, SentenceCertainty
from models.features import analyze_article, article_from_text


def _levels(text: str) -> dict[str, SentenceCertainty]:
    """Each claim sentence of ``text`` (by its first five words) and its certainty."""
    prepared = PreparedClaims([analyze_article(article_from_text(text))])
    return {
        " ".join(item.sentence.text.split()[:5]): prepared._sentence_certainty(item)
        for item in prepared.items
    }


def test_a_hedge_in_reported_speech_makes_the_claim_attributed() -> None:
    levels = _levels(
        "This measure, he adds, probably also applies to regional leaders and security "
        "officials. The measure probably also applies to regional leaders and security "
        "officials across the country.")
    reported = levels["This measure, he adds, probably"]
    assert reported.certainty == "attributed"
    assert reported.quoted_hedge == "probably"
    assert (reported.probability_low, reported.probability_high) == (0.55, 0.75)
    # the same hedge in the outlet's own words stays epistemic
    assert levels["The measure probably also applies"].certainty == "epistemic"


def test_a_hedge_in_speakerless_scare_quotes_stays_epistemic() -> None:
    levels = _levels(
        "The army’s “probable” target was the dam on the river near the town. "
        "Officials called the army’s target “probable” in their statement on Monday.")
    scare = levels["The army’s “probable” target was"]
    assert scare.certainty == "epistemic"
    assert scare.attributed_to == ""
    # a partial quotation with a speaker in the sentence is still attributed
    partial = levels["Officials called the army’s target"]
    assert partial.certainty == "attributed"
    assert partial.attributed_to == "Officials"


def test_a_quotations_pronoun_speaker_is_the_source_named_before() -> None:
    levels = _levels(
        "Vladimir Ivanov told reporters in Moscow about the war on Tuesday afternoon.\n\n"
        "“The measures will likely extend to regional leaders and security officials.”\n\n"
        "He said so at a press conference in the capital.")
    quoted = levels["“The measures will likely extend"]
    assert quoted.cue == "quotation"
    assert quoted.attributed_to == "Vladimir Ivanov"


def test_a_pronoun_speaker_with_no_one_named_before_is_kept() -> None:
    levels = _levels(
        "The war has gone on for more than a year in the east of the country.\n\n"
        "“The measures will likely extend to regional leaders and security officials.”\n\n"
        "He said so at a press conference in the capital.")
    assert levels["“The measures will likely extend"].attributed_to == "He"


def test_reported_speech_names_the_report_that_holds_the_hedge() -> None:
    # an earlier verb of the sentence ('threatening') is not the frame that holds the
    # hedge: the trailing '…, the ministry said' is
    levels = _levels(
        "Russia is banning officials from stepping down by threatening them over fears "
        "their departure would throw the Kremlin into chaos, the ministry said today.")
    (certainty,) = levels.values()
    assert certainty.certainty == "attributed"
    assert (certainty.cue, certainty.attributed_to) == ("said", "the ministry")


def test_reported_speechs_he_is_the_source_named_before() -> None:
    levels = _levels(
        "The Defence Ministry published its latest intelligence report on the war today.\n\n"
        "This measure, he adds, probably also applies to regional leaders and officials.")
    reported = levels["This measure, he adds, probably"]
    assert reported.certainty == "attributed"
    assert reported.attributed_to == "The Defence Ministry"


def test_a_speakerless_quotation_is_not_given_to_a_source_deep_in_the_next_sentence() -> None:
    levels = _levels(
        "“The measures will likely extend to regional leaders,” the Defence Ministry said in "
        "its briefing.\n\n"
        "“Authorities are also trying to prevent any impression of defeatism in the ranks.”\n\n"
        "The ban was imposed after several senior officials said they wanted to leave, four "
        "sources told an independent newspaper.")
    quoted = levels["“Authorities are also trying to"]
    assert quoted.cue == "quotation"
    # the quotation goes on from the ministry's; the four sources speak of something else
    assert quoted.attributed_to == "the Defence Ministry"


def test_a_speakerless_quotation_takes_the_speaker_opening_the_next_sentence() -> None:
    levels = _levels(
        "The war has gone on for more than a year in the east of the country.\n\n"
        "“Authorities are also trying to prevent any impression of defeatism in the ranks.”\n\n"
        "The ministry added that the ban would stay in place for as long as the war lasts.")
    assert levels["“Authorities are also trying to"].attributed_to == "The ministry"


def test_the_speaker_is_the_subject_before_a_dash_aside_not_a_name_inside_it() -> None:
    levels = _levels(
        "The ban was imposed after several senior officials said they wanted to leave, four "
        "sources – including a former intelligence officer and a political adviser – told "
        "an independent newspaper on Monday.")
    told = levels["The ban was imposed after"]
    assert told.certainty == "attributed" and told.cue == "told"
    assert told.attributed_to == "four sources"
    # without an aside the nearest source is still the speaker
    plain = _levels("Four officials in the capital said the ban would stay in place for "
                    "months, a former intelligence officer told reporters.")
    assert plain["Four officials in the capital"].attributed_to == "a former intelligence officer"
