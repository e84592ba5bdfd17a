"""The Read view: every cue at its place, greyed boilerplate, tooltips, legend, emoji."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from html import unescape
from itertools import pairwise

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from desktop.highlight import (
    ALL_KEYS,
    CUE_STYLES,
    NOT_SCORED_COLOUR,
    STYLE_BY_KEY,
    OffsetMap,
    legend_counts,
    marks,
    probability_text,
    readable_on,
    resolve_visible,
    segments,
    style_key,
    tooltip_html,
)
from desktop.qt_read_view import (
    EMPTY_TEXT,
    NO_HEADLINE_TEXT,
    PAPER,
    ReadView,
    headline_gap_text,
)
from models.article import Article, Block, Role, Sentence, Span
from models.features import ArticleAnalysis, analyze_article, article_from_text, score_spans
from models.tone import sentence_tones
from tests.desktop.conftest import shown_read_view
from tests.timing import between, moment

# ---- a hand-built article: every offset found in the text, never typed -----

SECTION = "Russia"
# Shares three words with body sentences 1 and 3 (the ban's comment, the ban itself), as
# a restating sentence must (models.headline); "Kremlin bans officials from quitting in
# desperation" shared only two with each (audit28). No needle of build_spans but
# "desperation" is in it: the spans are found at their first occurrence.
HEADLINE = "In desperation, Kremlin ban keeps resigning officials close"
CAPTION = "A parade in Moscow 🙂 on\u00a0Sunday"
BODY_1 = (
    "Officials will probably be barred from resigning, according to Newsweek. "
    "The ban is clearly draconian, a source close to the Kremlin said. "
    "It is not likely to end soon 🎉, the ministry revealed. "
    "Officials were barred from resigning by the Kremlin."
)
ADVERT = "ADVERTISEMENT"
BODY_2 = "Critics insisted the rules were bogus."

YARDSTICK_LIKELY = (0.55, 0.75)


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def build_article(*, headline: str = HEADLINE, with_headline: bool = True) -> Article:
    pieces: list[tuple[str, Role, str]] = [(SECTION, Role.SECTION, "a one-word label line")]
    if with_headline:
        pieces.append((headline, Role.HEADLINE, "first long line"))
    pieces += [
        (CAPTION, Role.CAPTION, "a photo caption under an image"),
        (BODY_1, Role.BODY, "running text"),
        (ADVERT, Role.ADVERT, "an advert marker"),
        (BODY_2, Role.BODY, "running text"),
    ]
    text = ""
    blocks = []
    for piece, role, reason in pieces:
        if text:
            text += "\n\n"
        blocks.append(Block(len(text), len(text) + len(piece), role, reason))
        text += piece
    sentences = []
    if with_headline:
        hs, he = _find(text, headline)
        sentences.append(Sentence(-1, hs, he, headline))
    body_sentences = [
        "Officials will probably be barred from resigning, according to Newsweek.",
        "The ban is clearly draconian, a source close to the Kremlin said.",
        "It is not likely to end soon 🎉, the ministry revealed.",
        "Officials were barred from resigning by the Kremlin.",
        BODY_2,
    ]
    for i, sentence in enumerate(body_sentences):
        s, e = _find(text, sentence)
        sentences.append(Sentence(i, s, e, sentence))
    return Article(
        article_id="fixture-1",
        text=text,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        source="fixture.txt",
        outlet="The Daily Fixture",
        headline=headline if with_headline else "",
        date="2023-05-18",
    )


def _span(text: str, needle: str, category: str, subcategory: str, sentence: int,
          *, term: str | None = None, after: int = 0, **kwargs: object) -> Span:
    start, end = _find(text, needle, after)
    return Span(start, end, needle, category, subcategory, term or needle.lower(),
                sentence, **kwargs)  # type: ignore[arg-type]


def build_spans(article: Article) -> tuple[Span, ...]:
    t = article.text
    body = _find(t, BODY_1)[0]
    spans = [
        _span(t, "probably", "hedge", "epistemic", 0, after=body,
              probability_low=YARDSTICK_LIKELY[0], probability_high=YARDSTICK_LIKELY[1]),
        # "according to" is both an evidential hedge and an attribution: they overlap.
        _span(t, "according to", "hedge", "evidential", 0),
        _span(t, "according to", "attribution", "neutral", 0),
        _span(t, "Newsweek", "source", "media", 0),
        _span(t, "clearly", "booster", "", 1),
        _span(t, "draconian", "loaded", "pejorative", 1),
        _span(t, "a source close to the Kremlin", "source", "anonymous", 1,
              term="a source close to"),
        _span(t, "said", "attribution", "neutral", 1, after=body),
        _span(t, "not likely", "hedge", "epistemic", 2, term="likely",
              probability_low=0.25, probability_high=0.45, negated=True),
        _span(t, "the ministry", "source", "institution", 2),
        _span(t, "revealed", "attribution", "factive", 2),
        _span(t, "insisted", "attribution", "loaded", 4),
        _span(t, "bogus", "loaded", "pejorative", 4),
    ]
    if article.headline_sentence is not None:
        spans.insert(0, _span(t, "desperation", "loaded", "dramatising", -1))
    return tuple(spans)


def build_analysis(article: Article | None = None,
                   spans: tuple[Span, ...] | None = None) -> ArticleAnalysis:
    article = article if article is not None else build_article()
    spans = spans if spans is not None else build_spans(article)
    tones = tuple(sentence_tones(s.text for s in article.body_sentences))
    scores, restating = score_spans(article, spans, tones)
    return ArticleAnalysis(article, spans, tones, restating, scores)


@pytest.fixture
def view(qtbot):
    return shown_read_view(qtbot)


def _colour(brush_or_colour) -> str:
    colour = brush_or_colour.color() if hasattr(brush_or_colour, "color") else brush_or_colour
    return QColor(colour).name().upper()


def _document_text(view: ReadView) -> str:
    """The document's characters as stored (toPlainText would turn U+00A0 into spaces)."""
    return view.text_edit().document().toRawText().replace("\u2029", "\n")


def _assert_drawn(view: ReadView, span: Span, article: Article) -> None:
    """The span's whole range carries its style, checked on the real document."""
    style = STYLE_BY_KEY[style_key(span)]
    doc = view.text_edit().document()
    start, end = view.document_position(span.start), view.document_position(span.end)
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == span.text.replace("\n", "\u2029")
    for offset in (span.start, span.end - 1):
        fmt = view.char_format_at(offset)
        assert style.key in view.cue_keys_at(offset)
        if style.mark == "background":
            assert (
                fmt.background().style() != Qt.BrushStyle.NoBrush
                and _colour(fmt.background()) == style.colour.upper()
            ) or _colour(fmt.underlineColor()) == style.line_colour.upper()
        elif style.mark == "text":
            assert fmt.fontWeight() >= QFont.Weight.Bold
            grey = any(b.start <= offset < b.end and not b.role.is_scored
                       for b in article.blocks)
            fill = (_colour(fmt.background())
                    if fmt.background().style() != Qt.BrushStyle.NoBrush else PAPER)
            # Kept at 4.5:1 on a fill (tests/desktop/test_accessibility.py).
            expected = readable_on(NOT_SCORED_COLOUR if grey else style.colour, fill)
            assert _colour(fmt.foreground()) == expected.upper()
        else:
            assert fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
            assert _colour(fmt.underlineColor()) == style.colour.upper()


# ---- Qt-free pieces -------------------------------------------------------


def test_offset_map_counts_emoji_as_two_positions_and_folds_crlf():
    text = "a🙂b\r\nc🎉"
    m = OffsetMap(text)
    assert not m.is_identity
    assert [m.to_document(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 4, 5, 6, 8]
    assert m.document_length == 8
    assert m.to_text(3) == 2  # 'b'
    assert m.to_text(2) == 1  # inside the surrogate pair of 🙂
    plain = OffsetMap("plain text")
    assert plain.is_identity and plain.to_document(5) == 5 and plain.to_text(5) == 5


def test_segments_merge_overlaps_and_split_at_every_boundary():
    article = build_article()
    spans = build_spans(article)
    segs = segments(len(article.text), article.blocks, spans)
    according = _find(article.text, "according to")
    seg = next(s for s in segs if s.start == according[0])
    assert seg.end == according[1]
    assert {style_key(s) for s in seg.spans} == {"hedge:evidential", "attribution:neutral"}
    m = marks(seg.spans)
    assert m.background is STYLE_BY_KEY["hedge:evidential"]
    assert m.underline is STYLE_BY_KEY["attribution:neutral"]
    assert all(a.end <= b.start for a, b in pairwise(segs))
    # Hiding hedges leaves the attribution alone on that run.
    only = segments(len(article.text), article.blocks, spans, ALL_KEYS - {"hedge:evidential"})
    seg = next(s for s in only if s.start == according[0])
    assert [style_key(s) for s in seg.spans] == ["attribution:neutral"]


def test_two_background_cues_overlapping_keep_both_visible():
    a = Span(0, 10, "x" * 10, "booster", "", "x", 0)
    b = Span(0, 10, "x" * 10, "loaded", "kind", "x", 0)
    m = marks([b, a])
    assert m.background is STYLE_BY_KEY["booster"]
    assert m.underline is STYLE_BY_KEY["loaded"]
    assert m.underline_colour == STYLE_BY_KEY["loaded"].line_colour


def test_resolve_visible_expands_categories_and_rejects_typos():
    assert resolve_visible({"hedge"}) == {
        "hedge:epistemic", "hedge:evidential", "hedge:weasel", "hedge:vague", "hedge:approximator",
    }
    assert resolve_visible({"attribution:loaded", "booster"}) == {"attribution:loaded", "booster"}
    with pytest.raises(ValueError, match="hedges"):
        resolve_visible({"hedges"})


def test_tooltip_names_term_probability_and_negation():
    article = build_article()
    spans = build_spans(article)
    probably = next(s for s in spans if s.term == "probably")
    seg = next(s for s in segments(len(article.text), article.blocks, spans)
               if probably in s.spans)
    tip = tooltip_html(seg)
    assert "Lexicon term: probably" in tip
    assert "probably: 55–75% (UK Probability Yardstick)" in tip
    negated = next(s for s in spans if s.negated)
    seg = next(s for s in segments(len(article.text), article.blocks, spans) if negated in s.spans)
    assert "negated" in tooltip_html(seg)
    assert "not likely: 25–45%" in tooltip_html(seg)


def test_probability_scale_is_named_from_the_range_when_the_lexicon_lacks_the_term():
    odd = Span(0, 4, "odds", "hedge", "epistemic", "not-a-lexicon-term", 0,
               probability_low=0.45, probability_high=0.55)
    assert probability_text(odd) == "not-a-lexicon-term: 45–55% (ICD-203)"
    remote = replace(odd, probability_low=0.0, probability_high=0.05)
    assert probability_text(remote) == "not-a-lexicon-term: ≤5% (UK Probability Yardstick)"
    assert probability_text(replace(odd, probability_low=0.3, probability_high=0.6)) == (
        "not-a-lexicon-term: 30–60%"
    )
    assert probability_text(replace(odd, probability_low=None, probability_high=None)) is None


def test_headline_gap_wording():
    analysis = build_analysis()
    assert analysis.scores.headline_hedged is False
    assert analysis.headline_restating == (1, 3)
    assert analysis.scores.headline_body_gap == pytest.approx(0.5)
    text = headline_gap_text(analysis)
    assert "headline not hedged" in text
    # The verb agrees with the one sentence that hedges or attributes (ux20).
    assert "headline asserts what 1 of 2 restating sentences hedges or attributes" in text


MILLBROOK = (
    "Chemical from Castell plant found in Millbrook tap water, state says\n\n"
    "State regulators said on Tuesday that a chemical from the Castell plant was found "
    "in Millbrook tap water.\n\n"
    "The chemical from the Castell plant has been found in tap water before, the state "
    "health department said.\n"
)


def _read_analysis(text: str) -> ArticleAnalysis:
    from models.readers.documents import build_article as read_article

    return analyze_article(read_article(
        text, article_id="millbrook", source="millbrook.txt", given={}, origin="manifest",
        content_hash="millbrook", notes=[],
    ))


def test_headline_that_names_its_source_has_no_gap_in_the_view(view):
    analysis = _read_analysis(MILLBROOK)
    assert analysis.article.headline.endswith("state says")
    assert analysis.headline_restating == (0, 1)
    assert analysis.scores.headline_body_gap == 0.0
    view.show_analysis(analysis)
    shown = [label.text() for label in view.findChildren(QLabel) if label.isVisible()]
    assert any(
        "headline–body gap 0.00: the headline attributes its claim to a source, and 0 of 2 "
        "restating sentences hedge it or give it to a source the headline does not name"
        in text
        for text in shown
    ), shown


# ---- the widget -----------------------------------------------------------


def test_empty_state(view):
    assert view.is_empty()
    assert view.empty_label().text() == EMPTY_TEXT
    assert view.empty_label().isVisible()
    view.show_analysis(build_analysis())
    assert not view.is_empty() and not view.empty_label().isVisible()
    view.show_analysis(None)
    assert view.is_empty() and view.empty_label().isVisible()
    assert view.text_edit().toPlainText() == ""


def test_document_is_the_exact_article_text(view):
    analysis = build_analysis()
    view.show_analysis(analysis)
    assert _document_text(view) == analysis.article.text
    assert "\u00a0" in analysis.article.text  # kept, not turned into a plain space
    assert view.text_edit().isReadOnly()


def test_every_span_is_drawn_at_its_range(view):
    analysis = build_analysis()
    view.show_analysis(analysis)
    for span in analysis.spans:
        _assert_drawn(view, span, analysis.article)
    # Text with no cue has neither fill nor underline.
    plain = _find(analysis.article.text, "barred")[0]
    fmt = view.char_format_at(plain)
    assert fmt.background().style() == Qt.BrushStyle.NoBrush
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_emoji_before_a_span_does_not_shift_it(view):
    analysis = build_analysis()
    text = analysis.article.text
    revealed = next(s for s in analysis.spans if s.term == "revealed")
    assert "🙂" in text[: revealed.start] and "🎉" in text[: revealed.start]
    view.show_analysis(analysis)
    assert view.document_position(revealed.start) == revealed.start + 2
    cursor = QTextCursor(view.text_edit().document())
    cursor.setPosition(view.document_position(revealed.start))
    cursor.setPosition(view.document_position(revealed.end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "revealed"
    fmt = cursor.charFormat()
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline


def test_non_body_blocks_are_grey_with_not_scored_tooltip(view):
    analysis = build_analysis()
    view.show_analysis(analysis)
    for block in analysis.article.blocks:
        fmt = view.char_format_at(block.start)
        if block.role is Role.BODY:
            assert fmt.foreground().style() == Qt.BrushStyle.NoBrush
            assert "Not scored" not in fmt.toolTip()
        else:
            assert _colour(fmt.foreground()) == NOT_SCORED_COLOUR.upper()
            assert fmt.fontItalic()
            label = block.role.value.replace("_", " ")
            reason = block.reason.removeprefix(f"{label}: ")  # said once (ux22)
            assert f"Not scored: {label} — {reason}" in fmt.toolTip()
            assert f"{label} — {label}:" not in fmt.toolTip()


def test_overlapping_spans_are_both_visible(view):
    analysis = build_analysis()
    view.show_analysis(analysis)
    start, end = _find(analysis.article.text, "according to")
    for offset in (start, end - 1):
        fmt = view.char_format_at(offset)
        assert _colour(fmt.background()) == STYLE_BY_KEY["hedge:evidential"].colour.upper()
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        assert _colour(fmt.underlineColor()) == STYLE_BY_KEY["attribution:neutral"].colour
        tip = fmt.toolTip()
        assert "Evidential hedge" in tip and "Attribution (neutral)" in tip


def test_tooltip_event_shows_the_span_term_and_probability(view, qtbot):
    analysis = build_analysis()
    view.show_analysis(analysis)
    probably = next(s for s in analysis.spans if s.term == "probably")
    browser = view.text_edit()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(view.document_position(probably.start) + 2)
    point = browser.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "Lexicon term: probably" in QToolTip.text())
    assert "55–75% (UK Probability Yardstick" in QToolTip.text()
    QToolTip.hideText()


def test_clicking_a_chip_hides_that_category(view, qtbot):
    analysis = build_analysis()
    view.show_analysis(analysis)
    probably = next(s for s in analysis.spans if s.term == "probably")
    clearly = next(s for s in analysis.spans if s.category == "booster")
    epistemic = STYLE_BY_KEY["hedge:epistemic"].colour.upper()
    assert _colour(view.char_format_at(probably.start).background()) == epistemic
    chip = view.chip("hedge:epistemic")
    assert chip.isVisible() and chip.isChecked()
    with qtbot.waitSignal(view.visibleCategoriesChanged) as blocker:
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert "hedge:epistemic" not in blocker.args[0]
    assert not chip.isChecked()
    fmt = view.char_format_at(probably.start)
    assert fmt.background().style() == Qt.BrushStyle.NoBrush
    assert "hedge:epistemic" not in view.cue_keys_at(probably.start)
    # Other categories stay.
    assert _colour(view.char_format_at(clearly.start).background()) == (
        STYLE_BY_KEY["booster"].colour.upper()
    )
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert _colour(view.char_format_at(probably.start).background()) == epistemic


def test_hidden_categories_stay_hidden_for_the_next_article(view):
    view.set_visible_categories({"attribution", "source"})
    assert view.visible_categories() == resolve_visible({"attribution", "source"})
    assert not view.chip("booster").isChecked() and view.chip("source").isChecked()
    analysis = build_analysis()
    view.show_analysis(analysis)
    clearly = next(s for s in analysis.spans if s.category == "booster")
    said = next(s for s in analysis.spans if s.term == "said")
    assert view.cue_keys_at(clearly.start) == frozenset()
    assert view.cue_keys_at(said.start) == {"attribution:neutral"}


def test_legend_has_one_chip_per_style_with_counts(view):
    analysis = build_analysis()
    view.show_analysis(analysis)
    counts = legend_counts(analysis.spans)
    assert counts["hedge:epistemic"] == 2 and counts["attribution:loaded"] == 1
    # One of the two epistemic hedges is negated ('not likely'), and the loaded word
    # 'desperation' is in the headline: highlighted, named apart from the rate's figure.
    not_counted = {"hedge:epistemic": 1, "loaded": 1}
    for style in CUE_STYLES:
        chip = view.chip(style.key)
        assert chip.parent() is view.legend_widget()
        extra = not_counted.get(style.key, 0)
        expected = f"{style.label}  {counts[style.key] - extra}"
        assert chip.text() == (f"{expected} (+{extra} not counted)" if extra else expected)


BRIDGE = (
    "Insiders say the bridge is not likely to reopen\n\n"
    "Engineers said the repairs would probably take months. It is not likely that the "
    "bridge reopens this year, officials said. Perhaps the city will build a new one. "
    "The repairs could cost millions.\n"
)


def _chip_tooltip(chip, qtbot) -> str:
    point = chip.rect().center()
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, point, chip.mapToGlobal(point))
    QApplication.sendEvent(chip, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_chip_figures_are_the_tables_counts_and_say_what_is_left_out(view, qtbot):
    """ux21: a teacher checks 'Epistemic hedges per 100 words' by counting the blue
    highlights; the chip's figure must be the count the rate is made of, and the
    headline's and negated hedges, highlighted too, named as not counted."""
    analysis = _read_analysis(BRIDGE)
    scores = analysis.scores
    in_rate = round(scores.hedges_epistemic_per_100w * scores.words / 100)
    epistemic = [s for s in analysis.spans if style_key(s) == "hedge:epistemic"]
    headline = sum(s.in_headline for s in epistemic)
    negated = sum(s.negated and not s.in_headline for s in epistemic)
    assert headline >= 1 and negated >= 1 and in_rate >= 2  # the text shows all three kinds
    assert len(epistemic) == in_rate + headline + negated
    view.show_analysis(analysis)
    chip = view.chip("hedge:epistemic")
    label = STYLE_BY_KEY["hedge:epistemic"].label
    assert chip.text() == f"{label}  {in_rate} (+{headline + negated} not counted)"
    tip = _chip_tooltip(chip, qtbot)
    assert f"{in_rate} counted in the article's body" in tip
    assert f"{headline} in the headline" in tip and f"{negated} negated" in tip
    QToolTip.hideText()
    # Hovering a negated hedge in the text says it is not counted.
    hedge = next(s for s in epistemic if s.negated and not s.in_headline)
    browser = view.text_edit()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(view.document_position(hedge.start) + 1)
    point = browser.cursorRect(cursor).center()
    QApplication.sendEvent(browser.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point)))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "negated" in QToolTip.text())
    assert "negated: not counted in the article's rates" in unescape(QToolTip.text())
    QToolTip.hideText()


def test_header_shows_headline_details_and_gap(view):
    view.show_analysis(build_analysis())
    header = view.header_text()
    assert HEADLINE in header
    assert "The Daily Fixture · 2023-05-18 · " in header
    assert "headline asserts what 1 of 2 restating sentences" in header
    assert "2 body sentences restate the headline: sentences 2, 4" in header


def test_header_says_when_no_headline_was_detected(view):
    article = build_article(with_headline=False)
    view.show_analysis(build_analysis(article))
    assert NO_HEADLINE_TEXT in view.header_text()
    assert "restate" not in view.header_text()


def test_manifest_headline_spans_are_not_drawn_into_the_text(view):
    article = replace(build_article(with_headline=False), headline="Officials quit")
    spans = (Span(0, 9, "Officials", "loaded", "kind", "officials", -1),)
    view.show_analysis(build_analysis(article, spans))
    assert "Officials quit" in view.header_text()
    # The text also starts with a word at offsets 0..9 ("Russia\n\nA"), which must stay plain.
    assert view.cue_keys_at(0) == frozenset()


def test_restating_sentences_get_a_margin_bar_and_links_scroll(view, qtbot):
    analysis = build_analysis()
    view.show_analysis(analysis)
    bars = view.text_edit().bars()
    assert [b[3].split(" restates")[0] for b in bars] == [
        "Sentence 2 (sentence_index 1)", "Sentence 4 (sentence_index 3)"
    ]
    sentence = next(s for s in analysis.article.sentences if s.index == 3)
    assert bars[1][0] == view.document_position(sentence.start)
    assert view.scroll_to_sentence(3)
    assert view.text_edit().textCursor().position() == view.document_position(sentence.start)
    assert not view.scroll_to_sentence(99)


def test_scroll_to_sentence_moves_a_long_article(view):
    article = build_article()
    filler = " ".join(["Officials said the talks went on."] * 400)
    text = article.text + "\n\n" + filler
    last = Sentence(5, len(text) - len("Officials said the talks went on."), len(text),
                    "Officials said the talks went on.")
    article = replace(article, text=text, sentences=(*article.sentences, last),
                      blocks=(*article.blocks, Block(len(article.text) + 2, len(text), Role.BODY)))
    view.show_analysis(build_analysis(article))
    bar = view.text_edit().verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    view.scroll_to_sentence(5)
    assert bar.value() > 0
    cursor = view.text_edit().textCursor()
    rect = view.text_edit().cursorRect(cursor)
    assert view.text_edit().viewport().rect().contains(rect.center())


def test_large_article_builds_quickly(view):
    words = ("Officials probably said the ban was clearly draconian and bogus today "
             "according to sources. ")
    text = words * 380  # ~5,300 words
    spans = []
    for match_start in range(0, len(text), len(words)):
        for needle, cat, sub in (("probably", "hedge", "epistemic"), ("said", "attribution",
                                 "neutral"), ("draconian", "loaded", "x")):
            s, e = _find(text, needle, match_start)
            spans.append(Span(s, e, needle, cat, sub, needle, 0))
        if len(spans) >= 500:
            break
    article = Article("big", text, blocks=(Block(0, len(text), Role.BODY),),
                      sentences=(Sentence(0, 0, len(text), text),))
    analysis = ArticleAnalysis(article, tuple(spans), (0.0,), (), build_analysis().scores)
    started = moment()
    view.show_analysis(analysis)
    wall, waited = between(started, moment())
    assert len(spans) >= 500
    _assert_drawn(view, spans[-1], article)
    # The GUI thread's own time: wall time less its wait for a core (tests.timing).
    assert wall - waited < 2.0, f"building took {wall:.2f} s, {waited:.2f} s waiting for a core"


def _hover(view, qtbot, offset: int) -> None:
    browser = view.text_edit()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(view.document_position(offset) + 1)
    point = browser.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)


def test_tooltip_on_a_pronoun_source_names_whom_it_refers_to(view, qtbot):
    # sources.csv counts "He" as a mention of Jane Holt (the one person cited in the
    # sentence before); the Read view says so where the reader sees "He" (issue 3, s18).
    text = ("Bridge Vote Delayed\n\nSenator Jane Holt said the vote would wait. She added "
            "that the bridge was safe. An aide said the plan was old, and he told "
            "reporters nothing more.")
    analysis = analyze_article(article_from_text(text, "a"))
    view.show_analysis(analysis)
    she = _find(text, "She")[0]
    _hover(view, qtbot, she)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "Refers to: Jane Holt" in QToolTip.text())
    QToolTip.hideText()
    # "he" after "An aide": no one person is named, so it is counted nowhere: no referent
    he = _find(text, " he ")[0] + 1
    assert "pronoun" in view.char_format_at(he).toolTip()
    assert "Refers to" not in view.char_format_at(he).toolTip()


def test_tooltip_on_the_margin_bar_explains_it(view, qtbot):
    analysis = build_analysis()
    view.show_analysis(analysis)
    browser = view.text_edit()
    start, end, *_ = browser.bars()[0]
    rect = browser.bar_rect(start, end)
    point = QPoint(rect.center().x(), rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "restates the headline" in QToolTip.text())
    QToolTip.hideText()


# ---- the seeds, once readers and cues exist -------------------------------


def _seed_analyses():
    pytest.importorskip("models.cues")
    try:
        from models.readers import read_paths  # noqa: F401
    except ImportError:
        pytest.skip("models.readers has not landed yet")
    from pathlib import Path

    from models.pipeline import analyze_paths

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    return analyze_paths([seeds]).analyses


def test_seed_articles_draw_every_span(view):
    analyses = _seed_analyses()
    assert analyses
    for analysis in analyses:
        view.show_analysis(analysis)
        assert _document_text(view) == analysis.article.text.replace("\r\n", "\n")
        placed = 0
        for span in analysis.spans:
            if span.in_headline and analysis.article.headline_sentence is None:
                continue
            assert analysis.article.text[span.start:span.end] == span.text
            _assert_drawn(view, span, analysis.article)
            placed += 1
        assert placed > 0, analysis.article_id


def test_header_gives_the_headline_clickbait_style(view):
    analysis = build_analysis()
    probability = analysis.scores.headline_sensational
    assert probability is not None
    assert f"clickbait style {probability:.0%}" in headline_gap_text(analysis)
    view.show_analysis(analysis)
    assert f"clickbait style {probability:.0%}" in view.header_text()


def test_header_gives_the_headline_tone_by_the_news_model_and_vader_alongside(view, tmp_path):
    # ux22: VADER alone called this headline +0.43 (positive).
    from models.readers import read_file
    from models.tone_news import tone_news

    headline = "Kremlin Tells Top Officials They Cannot Resign"
    path = tmp_path / "pw.txt"
    path.write_text(f"{headline}\n\nOfficials may not leave their posts, iStories "
                    "reported.\n", encoding="utf-8")
    view.show_analysis(analyze_article(read_file(path)))
    news = f"{tone_news(headline):+.2f}".replace("-", "\u2212")
    assert f"Headline tone {news} (negative; VADER +0.43)" in view.header_text()


FERRY = (
    "Harbour ferry service suspended after engine fire\n\n"
    "The harbour ferry service was suspended on Monday after an engine fire.\n\n"
    "Passengers were taken back to the quay by a lifeboat crew.\n"
)


def test_one_restating_sentence_that_asserts_reads_as_one(view):
    """ux21: 'none of the 1 restating sentence hedges or attributes the claim'."""
    analysis = _read_analysis(FERRY)
    assert len(analysis.headline_restating) == 1
    assert analysis.scores.headline_body_gap == 0.0
    view.show_analysis(analysis)
    shown = " ".join(label.text() for label in view.findChildren(QLabel) if label.isVisible())
    assert ("headline–body gap 0.00: the one restating sentence neither hedges nor "
            "attributes the claim") in shown, shown
    assert "none of the 1" not in shown


MAYOR = (
    "Mayor defends handling of Kestrel Bridge cracks\n\n"
    "Mayor Helen Okafor on Wednesday defended the city's handling of the Kestrel Bridge "
    "cracks, saying the closure was the responsible choice.\n\n"
    "Repairs will start next week.\n"
)


def test_a_self_attributing_headline_over_one_restating_sentence_reads_as_one(view):
    """ux21: '... and 0 of 1 restating sentence hedge it or give it to a source ...'."""
    analysis = _read_analysis(MAYOR)
    assert len(analysis.headline_restating) == 1
    assert analysis.scores.headline_body_gap == 0.0
    view.show_analysis(analysis)
    shown = " ".join(label.text() for label in view.findChildren(QLabel) if label.isVisible())
    assert ("the headline attributes its claim to a source, and the one restating sentence "
            "neither hedges it nor gives it to a source the headline does not name") in shown, \
        shown


def test_the_gap_line_says_why_a_factive_attribution_is_no_distance(tmp_path) -> None:
    # ux22: "Riverside library closure confirmed" over "The council confirmed on Tuesday
    # that the Riverside library will close" read as a gap of 1.00.
    from models.features import analyze_article
    from models.readers import read_file

    path = tmp_path / "valley.txt"
    path.write_text("Riverside library closure confirmed\n\nThe council confirmed on Tuesday "
                    "that the Riverside library will close, after sixty years of lending "
                    "books to the east side of the city.\n\nThe branch opened in 1962 and "
                    "lends about 40,000 books a year.\n", encoding="utf-8")
    text = headline_gap_text(analyze_article(read_file(path)))
    assert "headline–body gap 0.00: the one restating sentence neither hedges nor " \
           "attributes the claim ('confirmed' gives it to a source as true, which is no " \
           "distance)" in text


def test_header_shows_the_articles_notes_and_hides_the_line_without(view, qtbot):
    """The manifest's note ("English translation of a Dutch article", seed 000) and the
    readers' ("decoded as Windows-1252 ...") were kept with each article and shown
    nowhere: the Read view now gives them a line under the details."""
    view.show()
    qtbot.waitExposed(view)
    notes = ("English translation of a Dutch article",
             "decoded as Windows-1252 (the file is not UTF-8)")
    view.show_analysis(build_analysis(replace(build_article(), notes=notes)))
    header = view.header_text().splitlines()
    assert header[header.index(next(h for h in header if h.startswith("The Daily Fixture"))) + 1] \
        == ("Notes: English translation of a Dutch article; decoded as Windows-1252 "
            "(the file is not UTF-8)")
    line = next(label for label in view.findChildren(QLabel) if label.text().startswith("Notes:"))
    assert line.isVisible()
    view.show_analysis(build_analysis(build_article()))
    assert "Notes:" not in view.header_text()
    assert not line.isVisible()
