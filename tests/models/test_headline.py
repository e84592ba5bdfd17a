"""The headline–body certainty gap, on hand-built spans (no lexicon involved)."""

from pathlib import Path

import pytest

from models.article import Sentence, Span
from models.headline import content_stems, headline_measures, restating_sentences


def _sentence(index: int, text: str) -> Sentence:
    return Sentence(index=index, start=0, end=len(text), text=text)


def _span(index: int, category: str, sub: str, negated: bool = False) -> Span:
    return Span(0, 1, "x", category, sub, "x", index, negated=negated)


BODY = [
    _sentence(0, "The Kremlin has told senior officials they are prohibited from resigning."),
    _sentence(1, "A missile attack hit Kyiv overnight."),
    _sentence(2, "Officials who resign face prosecution, the Kremlin warned."),
]
HEADLINE = "Kremlin Tells Top Officials They Cannot Resign"


def test_content_stems_drop_function_words_and_inflection() -> None:
    assert content_stems("The officials are resigning") == {"official", "resign"}
    assert "they" not in content_stems(HEADLINE)


def test_a_function_words_contraction_is_no_content_word() -> None:
    assert content_stems("Campaign for Ortiz says he'll recast image") == {
        "campaign", "ortiz", "recast", "image"}
    assert content_stems("It’s a speech we'd like to hear; they don't, won't, can't") == {
        "speech", "like", "hear"}
    assert content_stems("Ortiz's campaign") == {"ortiz", "campaign"}
    # a possessive of a word that is also a function word keeps it (review29)
    assert content_stems("May's speech") == {"may", "speech"}
    assert content_stems("Let's talk, there's time, who's next") == {"talk", "time", "next"}


def test_restating_sentences_share_content_words() -> None:
    restating = restating_sentences(HEADLINE, BODY)
    assert [s.index for s in restating] == [0, 2]


def test_a_sentence_sharing_only_two_words_with_a_longer_headline_does_not_restate_it() -> None:
    # Two shared words are mostly the story's subject and a topic word, or a quotation
    # that uses the headline's words for another claim (audit28).
    body = [
        _sentence(0, "Ortiz vetoed the harbour tax on Monday, her office said."),
        _sentence(1, "Ortiz grew up in the harbour district."),
        _sentence(2, "\"I will not vote for Ortiz again,\" one councillor said."),
        _sentence(3, "Ortiz wins applause from the council, but not its votes."),
    ]
    assert [s.index for s in restating_sentences("Mayor Ortiz vetoes harbour tax", body)] == [0]
    assert [s.index for s in restating_sentences("Ortiz wins applause, not votes", body)] == [3]


def test_a_sentence_sharing_only_the_headlines_names_does_not_restate_it() -> None:
    # A claim is in its words, not its names: under "Black Girls Rock! Is The Ultimate
    # Celebration Of Sisterhood" every sentence naming the show restated it, quotations
    # by its guests too (audit34, PolNeAR). The lede still may, and a name opening the
    # sentence or a quotation is read as any word there.
    headline = "Dale County Harbour Trust Wins Ortiz Grant"
    body = [
        _sentence(0, "The Dale County Harbour Trust held its gala on Friday."),
        _sentence(1, "\"Dale County Harbour Trust is our family,\" Ortiz said."),
        _sentence(2, "The Dale County Harbour Trust won a grant from Ortiz's office."),
        _sentence(3, "Ortiz handed the Dale County Harbour Trust its grant on Monday."),
    ]
    assert [s.index for s in restating_sentences(headline, body)] == [0, 2, 3]


def test_the_lede_restates_the_headline_with_two_shared_words() -> None:
    # The lede is written to state the headline's news, often in other words.
    body = [
        _sentence(0, "The county has not voted yet, but Ortiz is already losing there."),
        _sentence(1, "Ortiz held a rally in the county on Sunday."),
    ]
    assert [s.index for s in restating_sentences("Ortiz trounced in Dale County", body)] == [0]


def test_a_headline_of_two_content_words_is_restated_by_a_sentence_with_both() -> None:
    body = [_sentence(0, "Ortiz resigned on Friday."), _sentence(1, "Ortiz spoke on Friday.")]
    assert [s.index for s in restating_sentences("Ortiz resigns", body)] == [0]


def test_unhedged_headline_over_hedged_body_is_a_gap() -> None:
    body_spans = [_span(0, "hedge", "evidential"), _span(2, "attribution", "neutral")]
    m = headline_measures(HEADLINE, -0.2, [], BODY, body_spans)
    assert m.hedged is False
    assert m.body_gap == 1.0
    assert m.restating == (0, 2)


def test_gap_counts_only_distanced_restatements() -> None:
    m = headline_measures(HEADLINE, 0.0, [], BODY, [_span(0, "hedge", "epistemic")])
    assert m.body_gap == 0.5


def test_hedged_headline_has_no_gap() -> None:
    m = headline_measures(HEADLINE, 0.0, [_span(-1, "hedge", "evidential")], BODY, [])
    assert m.hedged is True
    assert m.body_gap == 0.0


def test_negated_hedge_does_not_hedge_the_headline() -> None:
    m = headline_measures(HEADLINE, 0.0, [_span(-1, "hedge", "epistemic", negated=True)],
                          BODY, [])
    assert m.hedged is False
    assert m.body_gap == 0.0  # restated twice, never distanced


@pytest.mark.parametrize("sub", ["vague", "approximator"])
def test_a_vague_quantity_or_an_approximator_neither_hedges_nor_distances(sub: str) -> None:
    # "Some officials …", "about 2,000 …": the claim is still asserted (audit27).
    m = headline_measures(HEADLINE, 0.0, [_span(-1, "hedge", sub)], BODY,
                          [_span(0, "hedge", sub), _span(2, "hedge", sub)])
    assert m.hedged is False
    assert m.body_gap == 0.0
    m = headline_measures(HEADLINE, 0.0, STATE_SAYS, BODY, [_span(0, "hedge", sub)])
    assert m.body_gap == 0.0


def test_a_weasel_phrase_in_the_body_distances_the_claim_but_does_not_hedge_a_headline() -> None:
    # "critics say …" credits the claim to unnamed people, as an attribution does.
    m = headline_measures(HEADLINE, 0.0, [], BODY, [_span(2, "hedge", "weasel")])
    assert m.hedged is False
    assert m.body_gap == 0.5
    m = headline_measures(HEADLINE, 0.0, STATE_SAYS, BODY, [_span(2, "hedge", "weasel")])
    assert m.body_gap == 0.5
    m = headline_measures(HEADLINE, 0.0, [_span(-1, "hedge", "weasel")], BODY, [])
    assert m.hedged is False


def test_some_in_a_headline_found_by_the_cue_finder_does_not_hedge_it(tmp_path: Path) -> None:
    from models.features import analyze_article
    from models.readers import read_file

    path = tmp_path / "gazette.txt"
    path.write_text(
        "Some ferry crews will strike on Friday\n\n"
        "Some ferry crews on the northern routes will strike on Friday, the union said. "
        "Many ferry crews went on strike last Friday too.\n",
        encoding="utf-8",
    )
    analysis = analyze_article(read_file(path))
    head = [s for s in analysis.spans if s.in_headline and s.category == "hedge"]
    assert [(s.text, s.subcategory) for s in head] == [("Some", "vague")]
    assert analysis.scores.headline_hedged is False
    # the union's "said" distances the first restating sentence; "Many" does not the second
    assert analysis.headline_restating == (0, 1)
    assert analysis.scores.headline_body_gap == 0.5


def _hedge_in(headline: str, word: str) -> Span:
    start = headline.rindex(word)
    return Span(start, start + len(word), word, "hedge", "epistemic", word.lower(), -1)


def test_a_hedge_in_a_teaser_after_the_news_does_not_hedge_the_headline() -> None:
    # "Donald Trump Just Revealed Who He Would Pick For VP – It Might Surprise You": the
    # news is asserted, the teaser guesses at the reader (audit34: 5 of PolNeAR's 88
    # hedged headlines, all such teasers).
    for headline in ("Mayor Ortiz Just Revealed Her Pick For Harbour Chief – It Might Surprise You",
                     "Ortiz Was Asked About The Harbour — Her Answer Might Infuriate The Council"):
        m = headline_measures(headline, 0.0, [_hedge_in(headline, "Might")], BODY, [])
        assert m.hedged is False, headline
    # a label before the dash, or a hedge of the news itself, still hedges
    for headline, word in (("Harbour Tax – It Might Be Too Late", "Might"),
                           ("Ortiz Could Pick Harbour Chief – It Might Surprise You", "Could")):
        m = headline_measures(headline, 0.0, [_hedge_in(headline, word)], BODY, [])
        assert m.hedged is True, headline


def test_no_headline_means_undefined() -> None:
    m = headline_measures("", None, [], BODY, [])
    assert (m.tone, m.hedged, m.body_gap) == (None, None, None)


def test_no_restatement_means_undefined_gap() -> None:
    m = headline_measures("Weather turns cold in Lisbon", 0.0, [], BODY, [])
    assert m.hedged is False
    assert m.body_gap is None



def _named(index: int, category: str, sub: str, text: str) -> Span:
    return Span(0, len(text), text, category, sub, text.lower(), index)


# "Chemical from Castell plant found in Millbrook tap water, state says" (ux19's Ledger).
STATE_SAYS = [_named(-1, "source", "institution", "state"),
              _named(-1, "attribution", "neutral", "says")]


def test_body_naming_the_headlines_own_source_does_not_distance_its_claim() -> None:
    body_spans = [_named(0, "source", "institution", "State regulators"),
                  _named(0, "attribution", "neutral", "said"),
                  _named(2, "source", "institution", "the state"),
                  _named(2, "attribution", "neutral", "warned")]
    m = headline_measures(HEADLINE, 0.0, STATE_SAYS, BODY, body_spans)
    assert m.hedged is False
    assert m.body_gap == 0.0
    assert m.restating == (0, 2)


def test_body_giving_an_attributed_headlines_claim_to_another_source_distances_it() -> None:
    # "Kremlin Tells Top Officials …" over "…, according to Newsweek": the Kremlin's
    # telling is asserted; the body credits Newsweek with it.
    head = [_named(-1, "source", "institution", "Kremlin"),
            _named(-1, "attribution", "neutral", "Tells")]
    body_spans = [_named(0, "source", "media", "Newsweek"),
                  _named(0, "attribution", "neutral", "according to"),
                  _named(2, "source", "institution", "the Kremlin"),
                  _named(2, "attribution", "neutral", "warned")]
    m = headline_measures(HEADLINE, 0.0, head, BODY, body_spans)
    assert m.body_gap == 0.5


def test_a_definite_description_refers_back_to_the_headlines_source() -> None:
    # "De Blasio says Chelsea explosion was an 'intentional act'" over "the mayor also
    # said …", "Clinton blasts Trump …" over "The Democratic presidential candidate
    # blasted …" (audit34, PolNeAR): the same speaker, not another source. A name that
    # opens with "The" is still a name.
    head = [_named(-1, "source", "person", "De Blasio"),
            _named(-1, "attribution", "neutral", "says")]
    described = [_named(0, "source", "person", "the mayor"),
                 _named(0, "attribution", "neutral", "said"),
                 _named(2, "source", "person", "The Democratic presidential candidate"),
                 _named(2, "attribution", "neutral", "said")]
    assert headline_measures(HEADLINE, 0.0, head, BODY, described).body_gap == 0.0
    named = [_named(0, "source", "media", "The New York Times"),
             _named(0, "attribution", "neutral", "reported")]
    assert headline_measures(HEADLINE, 0.0, head, BODY, named).body_gap == 0.5


def test_without_a_source_found_the_headlines_speaker_is_the_words_before_its_report_verb(
) -> None:
    # "Saudi prince mocks Trump on Twitter": no source span in the headline, so every
    # named source in the body was another one, "Saudi Prince Alwaleed Bin Talal
    # mocked …" too (audit34, PolNeAR).
    headline = "Saudi prince mocks Trump on Twitter"
    body = [_sentence(0, "Saudi Prince Alwaleed Bin Talal mocked Donald Trump on Twitter."),
            _sentence(1, "Trump answered on Twitter, mocking the prince, Reuters said.")]
    head = [Span(12, 17, "mocks", "attribution", "loaded", "mock", -1)]
    body_spans = [_named(0, "source", "person", "Saudi Prince Alwaleed Bin Talal"),
                  _named(0, "attribution", "loaded", "mocked"),
                  _named(1, "source", "media", "Reuters"),
                  _named(1, "attribution", "neutral", "said")]
    m = headline_measures(headline, 0.0, head, body, body_spans)
    assert m.restating == (0, 1)
    assert m.body_gap == 0.5


def test_the_plain_headlines_own_subject_as_source_does_not_distance() -> None:
    # "Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud'" over "…, top black
    # lawmakers said" (audit34, PolNeAR): the headline reports what its subject said under
    # a verb no lexicon knows ("Rip"); crediting the same people adds no distance.
    # Another source (or the headline's object, "Trump said") still distances.
    headline = "Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud'"
    body = [_sentence(0, "Donald Trump is a disgusting fraud, top black lawmakers said."),
            _sentence(1, "Donald Trump is a disgusting fraud, his Republican rivals said.")]
    spans = [_named(0, "source", "person", "top black lawmakers"),
             _named(0, "attribution", "neutral", "said"),
             _named(1, "source", "person", "his Republican rivals"),
             _named(1, "attribution", "neutral", "said")]
    assert headline_measures(headline, 0.0, [], body, spans).body_gap == 0.5
    own = [_named(0, "source", "person", "Eric Trump"),
           _named(0, "attribution", "neutral", "said")]
    head = "Eric Trump's not so sure father gave his charity 'hundreds of thousands'"
    lede = [_sentence(0, "Eric Trump said his father gave his charity hundreds of thousands.")]
    assert headline_measures(head, 0.0, [], lede, own).body_gap == 0.0
    swipe = [_sentence(0, "Clinton swiped at Trump over Brexit, Trump said.")]
    trump = [_named(0, "source", "person", "Trump"),
             _named(0, "attribution", "neutral", "said")]
    assert headline_measures("Clinton swipes at Trump over Brexit", 0.0, [], swipe,
                             trump).body_gap == 1.0


def test_a_report_verb_in_a_relative_clause_does_not_distance() -> None:
    # "Clinton won by almost 60 points among the 30 percent of voters who said Wall
    # Street does more to help the economy" (audit34, PolNeAR): the relative clause tells
    # about the voters; the main clause asserts the win. A report verb of the main clause
    # still distances, and "Who said …" opening a sentence is no relative clause.
    headline = "Clinton Won Among Wall Street Voters In New York"
    texts = ["Clinton won among voters in New York who said Wall Street helps the economy.",
             "Clinton won among Wall Street voters in New York, exit polls said.",
             "Who said Clinton won among Wall Street voters in New York?"]
    body, spans = [], []
    start = 0
    for i, text in enumerate(texts):
        body.append(Sentence(index=i, start=start, end=start + len(text), text=text))
        at = start + text.index("said")
        spans.append(Span(at, at + 4, "said", "attribution", "neutral", "said", i))
        start += len(text) + 1
    assert headline_measures(headline, 0.0, [], body, spans).body_gap == pytest.approx(2 / 3)
    assert headline_measures(headline, 0.0, [], body[:1], spans[:1]).body_gap == 0.0


def test_body_hedging_an_attributed_headlines_claim_distances_it() -> None:
    m = headline_measures(HEADLINE, 0.0, STATE_SAYS, BODY, [_span(0, "hedge", "epistemic")])
    assert m.body_gap == 0.5


def test_a_pronoun_or_no_source_names_no_other_source() -> None:
    body_spans = [_named(0, "source", "pronoun", "she"),
                  _named(0, "attribution", "neutral", "said"),
                  _named(2, "attribution", "neutral", "warned")]
    m = headline_measures(HEADLINE, 0.0, STATE_SAYS, BODY, body_spans)
    assert m.body_gap == 0.0


def test_factive_or_negated_headline_attribution_still_asserts() -> None:
    # "Report reveals …" presents the claim as true; a negated report verb reports nothing.
    body_spans = [_named(0, "source", "institution", "state"),
                  _named(0, "attribution", "neutral", "said"),
                  _span(2, "attribution", "neutral")]
    for head_span in (_named(-1, "attribution", "factive", "reveals"),
                      Span(0, 4, "says", "attribution", "neutral", "says", -1, negated=True)):
        m = headline_measures(HEADLINE, 0.0, [STATE_SAYS[0], head_span], BODY, body_spans)
        assert m.body_gap == 1.0


# A headline that puts its matter in question asserts nothing (session 21's walkthrough:
# "Questions linger over ..." over a body that hedges was a gap of 1.0).
BRIDGE_BODY = [
    _sentence(0, "The Kestrel Bridge may be unsafe for heavy traffic, engineers said."),
    _sentence(1, "Ferries ran on time."),
]
BRIDGE_SPANS = [_span(0, "hedge", "epistemic"), _span(0, "attribution", "neutral")]


def test_a_headline_of_doubt_or_a_yes_no_question_is_hedged_with_no_gap() -> None:
    for headline in ("Questions linger over safety of Kestrel Bridge",
                     "Report raises questions about Kestrel Bridge safety",
                     "Is the Kestrel Bridge safe for heavy traffic?",
                     "Kestrel Bridge: safe or unsafe for heavy traffic?"):
        m = headline_measures(headline, 0.0, [], BRIDGE_BODY, BRIDGE_SPANS)
        assert m.hedged is True, headline
        assert m.body_gap == 0.0, headline


def test_a_wh_question_or_an_assertion_before_a_question_still_asserts() -> None:
    for headline in ("Why is the Kestrel Bridge unsafe for heavy traffic?",
                     "Kestrel Bridge unsafe for heavy traffic. Is the ferry next?",
                     "Kestrel Bridge unsafe for heavy traffic"):
        m = headline_measures(headline, 0.0, [], BRIDGE_BODY, BRIDGE_SPANS)
        assert m.hedged is False, headline
        assert m.body_gap == 1.0, headline



@pytest.mark.parametrize(
    ("lede", "gap"),
    [
        # ux22: "… closure confirmed" over "The council confirmed … that …" was a gap of 1.
        ("The council confirmed on Tuesday that the Riverside library will close next month.",
         0.0),
        ("The council revealed on Tuesday that the Riverside library will close next month.",
         0.0),
        # Not presented as true: a neutral verb, a negated factive one, a hedge.
        ("The council said on Tuesday that the Riverside library will close next month.", 1.0),
        ("The council did not confirm that the Riverside library will close next month.", 1.0),
        ("The Riverside library will probably close next month.", 1.0),
    ],
)
def test_a_factive_report_verb_in_the_body_does_not_distance_the_claim(
    tmp_path: Path, lede: str, gap: float,
) -> None:
    from models.features import analyze_article
    from models.readers import read_file

    path = tmp_path / "valley.txt"
    # Over 20 words, so that no reading of the layout can take it for a standfirst.
    lede = lede.replace(" next month.", " next month, after sixty years of lending books "
                        "to the east side of the city.")
    path.write_text(f"Riverside library to close next month\n\n{lede}\n\nThe branch opened "
                    "in 1962 and lends about 40,000 books a year, more than any other branch "
                    "in the county.\n", encoding="utf-8")
    analysis = analyze_article(read_file(path))
    assert analysis.headline_restating == (0,)
    assert analysis.scores.headline_body_gap == gap
