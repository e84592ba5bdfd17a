"""Sources kept apart though one, or counted though no name (session 21's walkthroughs):
a name with "Jr.", a campaign written two ways, a company written by its first word, a
common noun opening a sentence. Texts made up for these tests."""

from models.features import analyze_article, article_from_text
from models.sources import find_sources, is_named


def _analysis(text: str, article_id: str = "story"):
    return analyze_article(article_from_text(text, article_id))


def _named(text: str) -> dict[str, list[str]]:
    """Shown name -> the mentions' texts of each named source of one article."""
    return {s.name: [m.text for m in s.mentions]
            for s in find_sources([_analysis(text)]) if is_named(s)}


# --- "Jr." ends a name; the surname is the word before it -----------------------------

def test_a_name_with_jr_opening_a_sentence_is_a_source() -> None:
    spans = _analysis("Ellis Brandt Jr. said the ferry would sail. The crew cheered.").spans
    sources = [s.text for s in spans if s.category == "source"]
    assert sources == ["Ellis Brandt Jr"]


def test_the_surname_of_a_name_with_jr_is_one_source_with_it() -> None:
    for text in (
        "Ellis Brandt Jr. said the ferry would sail on Monday. Brandt said the pier was safe.",
        "The pier is safe, said Ellis Brandt Jr., the harbour's owner. Mr. Brandt said "
        "the ferry would sail.",
    ):
        named = _named(text)
        assert len(named) == 1, named
        (mentions,) = named.values()
        assert any("Jr" in m for m in mentions) and "Brandt" in mentions


def test_father_and_son_stay_two_and_the_bare_surname_joins_neither() -> None:
    named = _named(
        "Ellis Brandt Jr. said the ferry would sail. Ellis Brandt said it would not. "
        "Brandt said the pier was closed."
    )
    assert len(named) == 3, named
    assert named["Brandt"] == ["Brandt"]


# --- a campaign named by its candidate, written two ways ------------------------------

def test_a_campaign_written_two_ways_is_one_source() -> None:
    for text in (
        "Mayor Ruth Okafor's campaign said the debate was rigged. The Okafor campaign "
        "said on Friday that it would ask for a recount.",
        "Ms. Okafor's re-election campaign said the debate was rigged. The Okafor "
        "campaign said on Friday that it would ask for a recount. Ruth Okafor said "
        "nothing.",
    ):
        campaigns = {name: mentions for name, mentions in _named(text).items()
                     if "campaign" in name.casefold()}
        assert len(campaigns) == 1, campaigns
        (mentions,) = campaigns.values()
        assert len(mentions) == 2


def test_campaigns_of_two_people_of_one_surname_stay_apart() -> None:
    named = _named(
        "Ruth Okafor said the vote was fair. Dan Okafor said it was not. "
        "The Okafor campaign said it would ask for a recount. Ruth Okafor's campaign "
        "said it would not."
    )
    campaigns = [name for name in named if "campaign" in name.casefold()]
    assert len(campaigns) == 2, named


# --- a company written by its first word after its full name ---------------------------

def test_a_company_written_by_its_first_word_is_one_source() -> None:
    named = _named(
        "Marsh Lake Ferries said the crossing would resume on Monday. Harbour staff "
        "cleared the slipway. Later, Marsh said every passenger would get a refund."
    )
    ferries = [mentions for name, mentions in named.items() if "Ferries" in name]
    assert ferries == [["Marsh Lake Ferries", "Marsh"]], named
    assert "Marsh" not in named


def test_a_person_of_that_name_stays_a_person() -> None:
    named = _named(
        "Marsh Lake Ferries said the crossing would resume. Jane Marsh, a passenger, "
        "was angry. Marsh said she would sue."
    )
    assert "Marsh" in named or "Jane Marsh" in named, named
    assert all(len(mentions) == 1 for name, mentions in named.items() if "Ferries" in name)


# --- a common noun or pronoun opening a sentence is no name ----------------------------

def test_a_common_noun_opening_a_sentence_is_no_named_source() -> None:
    analysis = _analysis(
        "The ferry struck the pier at Marsh Lake on Sunday. Passengers said the crew "
        "had warned them. Hospital said nine people were treated. Two passengers were "
        "kept overnight at the hospital, and the hospital's ward stayed open."
    )
    types = {s.text: s.subcategory for s in analysis.spans if s.category == "source"}
    assert types["Passengers"] == "group"
    assert types["Hospital"] == "described"
    assert analysis.scores.sources_named == 0
    assert analysis.scores.sources_named_people == 0


def test_a_surname_opening_a_sentence_stays_a_name() -> None:
    # "sanders" in lower case too, but the article writes "Ruth Sanders" inside a sentence
    analysis = _analysis(
        "Sanders said the pier was safe. The report by Ruth Sanders was read aloud. "
        "The sanders at the boatyard agreed."
    )
    assert analysis.scores.sources_named_people == 1


def test_nobody_and_a_plural_of_a_person_noun_name_no_one() -> None:
    for text in ("Nobody said the ferry was safe.", "Doctors said nine were treated.",
                 "Few said the crossing was calm."):
        analysis = _analysis(text)
        assert analysis.scores.sources_named == 0, text
        assert [s.subcategory for s in analysis.spans if s.category == "source"] == ["group"]


# --- a name in apposition after a description the lexicon does not know ---------------

def test_a_name_after_an_unknown_description_is_the_source() -> None:
    for text, name in (
        ("The city's chief planner, Maria Lindqvist, said repairs would take months.",
         "Maria Lindqvist"),
        ("A longtime resident of the town, Mary Smith, said the bridge was safe.",
         "Mary Smith"),
    ):
        analysis = _analysis(text)
        assert [s.text for s in analysis.spans if s.category == "source"] == [name]
        assert analysis.scores.sources_named_people == 1


def test_a_title_of_two_words_without_a_name_is_no_named_source() -> None:
    analysis = _analysis("The harbour master said the storm had passed. The chief of staff "
                         "told reporters the ferry would sail.")
    assert analysis.scores.sources_named_people == 0
    assert _named("The harbour master said the storm had passed.") == {}


def test_a_possessive_after_s_stays_inside_the_source() -> None:
    analysis = _analysis("Okafors' campaign said it would ask for a recount.")
    assert [s.text for s in analysis.spans if s.category == "source"] == ["Okafors' campaign"]
    named = _named("Ruth Okafor said the vote was fair. Sanders' campaign said it was not. "
                   "The Sanders campaign said on Friday it would ask for a recount.")
    assert [m for m in named.values() if len(m) == 2] == [
        ["Sanders' campaign", "The Sanders campaign"]], named


def test_a_medium_written_without_a_capital_is_no_named_source() -> None:
    text = ("A reporter said the ferry was late. News outlets reported that the pier was "
            "closed. The harbour's website said the crossing would resume.")
    assert _named(text) == {}
    assert _analysis(text).scores.sources_named_people == 0
    # a named outlet stays one; "the outlet" still refers back to it
    named = _named("The Marsh Lake Gazette reported that the pier was closed. The outlet "
                   "said the crossing would resume.")
    assert list(named.values()) == [["The Marsh Lake Gazette", "The outlet"]], named
