"""The one reading of quotation marks (models.quotations), which the cue finder and the
own-voice measures share. Sentences written for these tests."""

from __future__ import annotations

from models.cues import default_finder
from models.features import article_from_text
from models.quotations import mistyped_double_close, quotation_intervals, quoted_intervals


def _quoted(text: str) -> list[str]:
    """The quoted stretches of a one-paragraph article, in order."""
    article = article_from_text(text, "q")
    found = quotation_intervals(article)
    return [text[a:b] for index in sorted(found) for a, b in found[index]]


def _cue_terms(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


def test_curly_straight_and_doubled_apostrophe_marks_each_quote() -> None:
    text = "“We will,” he said, \"we must,\" she said, and ''we can,'' they said."
    assert _quoted(text) == ["We will,", "we must,", "we can,"]
    intervals = quoted_intervals(text)
    assert [text[a:b] for a, b in intervals] == ["We will,", "we must,", "we can,"]


def test_marks_of_the_other_kind_inside_a_quotation_are_the_speakers_quoting() -> None:
    single_inside = "“The mayor called it ‘a plan for nothing’, then left,” an aide said."
    assert _quoted(single_inside) == ["The mayor called it ‘a plan for nothing’, then left,"]
    double_inside = "‘They called the ferry “a wreck”, and laughed,’ the skipper said."
    assert _quoted(double_inside) == ["They called the ferry “a wreck”, and laughed,"]
    assert _quoted("‘Dunmore’s pier isn’t safe,’ she said.") == ["Dunmore’s pier isn’t safe,"]


def test_a_quotation_over_two_sentences_covers_both_up_to_its_close() -> None:
    text = "“The pier is closed. It will reopen in May,” the harbour master said."
    assert _quoted(text) == ["The pier is closed.", "It will reopen in May,"]
    # read alone, the second sentence's close that nothing opened quotes it up to the mark
    second = "It will reopen in May,” the harbour master said."
    assert quoted_intervals(second) == ((0, second.index("”")),)


def test_a_single_closing_mark_closes_no_double_quotation_begun_sentences_before() -> None:
    # Read from the paragraph's start, the kind of mark that opened the quotation is
    # known: the apostrophe of "players’" after its second sentence's start is no close.
    text = "Smith said: “Talks are over. The players’ union agrees. We are done,” he said."
    assert _quoted(text) == ["Talks are over.", "The players’ union agrees.", "We are done,"]


def test_a_mismatched_close_before_a_comma_ends_the_quotation_in_its_sentence() -> None:
    # A ’ before a comma closes a quotation “ opened (a typist's slip) where no double
    # mark closes it later in its sentence, even if one closes a later quotation of the
    # paragraph: the officer's verb and the second quotation are read apart. (The
    # own-voice reading used to look for a double close in the whole paragraph, and
    # read "the officer said. Later he added:" as quoted.)
    text = "“We held the bridge’, the officer said. Later he added: “We will hold it.”"
    assert _quoted(text) == ["We held the bridge", "We will hold it."]
    first = "“We held the bridge’, the officer said."
    assert "said" in _cue_terms(first)


def test_an_apostrophe_before_a_comma_closes_nothing_a_double_mark_closes_later() -> None:
    text = "“The governors’, not the mayors’, offices knew,” she said."
    assert _quoted(text) == ["The governors’, not the mayors’, offices knew,"]


def test_a_closing_mark_that_nothing_opened_quotes_its_sentence_up_to_it() -> None:
    # The opening mark was lost: the words before the mark are the speaker's, for the
    # own-voice reading and (since session 27) for the cue finder, which ignored the
    # mark and counted "told" as the article's report verb.
    # ("as he left": no inverted frame, whose content would drop "told" anyway)
    text = "Officials told him the vote is lost,” Warren said as he left."
    assert _quoted(text) == ["Officials told him the vote is lost,"]
    assert _cue_terms(text) == ["said"]


def test_a_lost_opening_after_a_closed_quotation_starts_after_that_one() -> None:
    # Double marks nested in double marks: the inner close reads as the outer's, and the
    # outer close then closes nothing. What follows the inner quotation is quoted, not
    # the writer's frame before the outer one ("Jane Roe … wrote").
    text = "Jane Roe, a county clerk, wrote: “Fans in “Vote Smith” hats cheered all night.”"
    assert _quoted(text) == ["Fans in “Vote Smith", "hats cheered all night."]
    assert "wrote" in _cue_terms(text)


def test_a_quotation_never_closed_ends_with_its_sentence_unless_the_next_paragraph_reopens() -> None:
    stray = "He called it a “good deal. Then he left.\n\nNobody knew why."
    assert _quoted(stray) == ["good deal."]
    runs_on = "He said: “We will win. We will win big.\n\n“And we will govern,” he added."
    assert _quoted(runs_on) == ["We will win.", "We will win big.", "And we will govern,"]


def test_an_opening_mark_typed_as_a_close_closes_the_quotation() -> None:
    # “ after a word or punctuation and before no letter closes the double quotation
    # open there; it used to be ignored, and the quotation ran on (to its sentence's
    # end, quoting "said the mayor", or to the paragraph's, or to the next straight ").
    text = "“The pier will reopen in May,“ said the mayor. The council backs the plan."
    assert _quoted(text) == ["The pier will reopen in May,"]
    assert _cue_terms(text) == ["said", "backs"]
    straight = 'He wrote: "Repairs are done.“ Critics say the pier is unsafe. "It is not."'
    assert _quoted(straight) == ["Repairs are done.", "It is not."]
    assert "say" in _cue_terms(straight)
    # an opening mark after a space, a bracket or a dash is none
    for placed in ("rose “5 percent", "rose (“5 percent", "rose —“5 percent"):
        assert not mistyped_double_close(placed, placed.index("“"))
    assert mistyped_double_close("rose 5 percent“ in", len("rose 5 percent"))


def test_an_articles_quotations_are_read_once_for_its_readers_and_never_for_another():
    # The cue finder, the own-voice flags and the claims each asked for the article's
    # quotations, and each scanned it again; the last articles' readings are now kept.
    first = article_from_text("“We will not resign,” the governor said.\n\nShe left.")
    again = quotation_intervals(first)
    assert quotation_intervals(first) is again and again == {0: ((1, 20),)}
    # Another article, even of the same text, is read for itself (no stale answer).
    twin = article_from_text("“We will not resign,” the governor said.\n\nShe left.")
    assert quotation_intervals(twin) is not again and quotation_intervals(twin) == again
    other = article_from_text("The governor said she would stay.\n\n“I am here,” she said.")
    assert quotation_intervals(other) == {1: ((36, 46),)}
    for article in [article_from_text(f"“Line {n},” he said.") for n in range(3)]:
        quotation_intervals(article)  # pushes the first articles out of the kept ones
    assert quotation_intervals(first) is not again and quotation_intervals(first) == again
