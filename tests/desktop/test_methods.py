"""The Methods page and the About dialog."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import html
import importlib.metadata
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop import methods_text
from desktop.highlight import CUE_STYLES
from desktop.methods_text import (
    ICD203_BANDS,
    YARDSTICK_BANDS,
    about_html,
    definition_html,
    library_version,
    library_versions,
    methods_html,
    percent_range,
    probability_scale,
)
from desktop.qt_methods import AboutDialog, MethodsDialog, show_about, show_methods
from models import __version__
from models.article import Role
from models.measures import CLAIM_MEASURES, MEASURES, NOT_VALIDATED_WHY, SELECTION_MEASURES


def test_methods_html_has_every_measure_key_label_definition_and_citation():
    page = methods_html()
    for m in MEASURES:
        assert f"<code>{m.key}</code>" in page
        assert html.escape(m.label) in page
        assert definition_html(m.definition) in page  # whole: its lead, then the rest
        if m.citation:
            assert html.escape(m.citation) in page


def test_methods_html_has_the_probability_bands_and_roles():
    page = methods_html()
    assert "UK Probability Yardstick" in page and "ICD-203" in page
    for band in (*YARDSTICK_BANDS, *ICD203_BANDS):
        assert f"<td>{html.escape(band.phrase)}</td><td align='right'>{band.percent_text()}" in page
    for role in Role:
        assert f"<b>{role.value.replace('_', ' ')}</b>" in page
    for style in CUE_STYLES:
        assert style.colour in page
    assert "sublinear" in page and "Salton" in page and "Pedregosa" in page
    assert "sarcasm" in page.lower() and "social-media" in page


def test_methods_html_escapes_text(monkeypatch):
    from models.measures import Measure

    odd = Measure("odd_key", "A <b>bold</b> & label", "x", "defined <here>", "cite & co")
    monkeypatch.setattr(methods_text, "MEASURES", (odd,))
    page = methods_html()
    assert "A &lt;b&gt;bold&lt;/b&gt; &amp; label" in page
    assert "defined &lt;here&gt;" in page and "cite &amp; co" in page
    assert "<b>bold</b>" not in page


def test_methods_html_reports_the_lexicon_version_and_counts():
    lexicons = pytest.importorskip("models.lexicons")
    lexicon = lexicons.load_lexicon()
    page = methods_html()
    assert f"Lexicon version <b>{lexicon.version}</b>" in page
    assert f"{len(lexicon.entries)} entries" in page
    hedges = sum(1 for e in lexicon.entries if e.category == "hedge")
    assert f"<td>hedge</td><td align='right'>{hedges}</td>" in page


def test_methods_html_says_so_when_the_lexicon_cannot_be_loaded(monkeypatch):
    lexicons = pytest.importorskip("models.lexicons")

    def broken():
        raise lexicons.LexiconError(Path("hedges.csv"), 3, "bad row")

    monkeypatch.setattr(lexicons, "load_lexicon", broken)
    page = methods_html()
    assert "The lexicon could not be loaded: hedges.csv:3: bad row" in page


def test_percent_ranges_and_scales():
    assert percent_range(0.55, 0.75) == "55–75%"
    assert percent_range(0.0, 0.05) == "≤5%"
    assert percent_range(0.95, 1.0) == "≥95%"
    assert probability_scale(0.55, 0.75) == ("UK Probability Yardstick", YARDSTICK_BANDS[4])
    assert probability_scale(0.55, 0.80) == ("ICD-203", ICD203_BANDS[4])
    assert probability_scale(0.5, 0.6) is None


def test_library_versions_read_installed_metadata():
    versions = dict(library_versions())
    assert set(versions) == {"PySide6", "matplotlib", "scikit-learn", "vaderSentiment",
                             "trafilatura"}
    assert versions["scikit-learn"] == importlib.metadata.version("scikit-learn")
    assert versions["PySide6"] != "not installed"
    assert library_version(["no-such-distribution-framescope"]) == "not installed"


def test_methods_dialog_opens_non_modal_with_the_yardstick(qtbot):
    dialog = MethodsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.isModal()
    assert dialog.width() >= 700 and dialog.height() >= 500
    text = dialog.browser().toPlainText()
    assert "Probability Yardstick" in text
    assert "hedges_epistemic_per_100w" in text


def test_show_methods_scrolls_to_a_measure(qtbot):
    dialog = show_methods(None, "headline_body_gap")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    bar = dialog.browser().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    at_gap = bar.value()
    dialog.show_measure("words")  # the first measure, far above the last one
    qtbot.waitUntil(lambda: 0 < bar.value() < at_gap)


def test_about_shows_version_licence_libraries_and_credits(qtbot):
    dialog = show_about(None)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, AboutDialog)
    text = dialog.browser().toPlainText()
    assert f"Framescope {__version__}" in text
    assert "Licence: MIT" in text
    assert "Hutto" in text and "ICD" in text and "Yardstick" in text
    assert importlib.metadata.version("matplotlib") in text
    assert "Qt runtime" in text
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_about_html_lists_a_missing_library_as_not_installed(monkeypatch):
    monkeypatch.setattr(methods_text, "LIBRARIES", (("nothing", ("no-such-dist-x",)),))
    assert "<td>nothing</td><td>not installed</td>" in about_html()


def test_methods_html_shows_each_measures_validation_or_not_validated():
    from models.validation import load_validation

    page = methods_html()
    report = load_validation()
    assert report.error == ""
    for m in (*MEASURES, *CLAIM_MEASURES, *SELECTION_MEASURES):
        anchor = page.index(f"<a name='{m.key}'>")
        following = page.find("<a name=", anchor + 1)
        section = page[anchor : following if following > 0 else len(page)]
        assert "Validation" in section
        figures = report.for_measure(m.key)
        if figures:
            for v in figures:
                assert html.escape(v.figure) in section and html.escape(v.data) in section
        else:
            assert methods_text.NOT_VALIDATED in section
            # and why not, in the measure's own words (models.measures.NOT_VALIDATED_WHY)
            assert html.escape(NOT_VALIDATED_WHY[m.key]) in section
    assert "bench/validity.py" in page and report.date in page


def test_methods_html_says_when_validation_figures_cannot_be_read(monkeypatch, tmp_path):
    from models import validation

    missing = tmp_path / "validation.json"
    monkeypatch.setattr(validation, "validation_path", lambda: missing)
    page = methods_html()
    assert "Validation figures could not be read" in page and html.escape(str(missing)) in page
    assert page.count(methods_text.NOT_VALIDATED) == len(MEASURES) + len(CLAIM_MEASURES) + len(
        SELECTION_MEASURES
    ) + 1  # and the article similarity


def test_claim_threshold_methods_give_the_default_and_its_hand_labelled_evidence() -> None:
    """The threshold's Methods text names the shipped default and the figure behind it (two
    readers' labels, bench/claims_pairs.py): the text and the constant change together."""
    from models.claims import DEFAULT_THRESHOLD

    page = methods_html()
    anchor = page.index("<a name='claim_threshold'>")
    section = page[anchor : page.find("<a name=", anchor + 1)]
    assert f"default ({DEFAULT_THRESHOLD})" in section
    assert "bench/claims_pairs.py" in section and "Cohen&#x27;s kappa" in section
    assert "under Validation" in section


def test_methods_page_defines_sources_emphasis_and_reuse() -> None:
    from desktop.methods_text import methods_html
    from models.measures import SELECTION_MEASURES

    page = methods_html()
    assert "Sources, emphasis and text reuse" in page
    for m in SELECTION_MEASURES:
        assert f"<a name='{m.key}'></a>" in page
        assert m.citation and m.citation.split(" ")[0] in page
    assert "Monroe, B. L., Colaresi" in page and "Winnowing" in page


def test_the_opening_says_article_tone_is_the_news_model_with_vader_alongside():
    """The opening spoke only of VADER while the tone shown for articles is tone_news."""
    opening = methods_html().split("<h2>", 1)[0]
    assert "news model" in opening and "VADER" in opening
    assert "<i>Tone (news model)</i>" in opening


def test_the_methods_page_says_how_the_news_hedge_sentences_were_drawn_and_labelled():
    """The hedge measures' news figure comes from our own labels: the page says whose,
    how many, how they were drawn, how far the labellers agreed and what 'uncertain' meant."""
    page = html.unescape(methods_html())
    section = page.split("<h2>Checking the hedges on news sentences</h2>", 1)[1].split("<h2>")[0]
    for words in ("400 body sentences", "84 development articles of PolNeAR",
                  "160 from the sentences the hedge detector marks", "all 3,243 sentences",
                  "Two members of the Framescope team", "blind to the detector",
                  # session 21: who the team's labellers are, said outright
                  "a team of AI language models", "not by human annotators",
                  "not agreement with people",
                  "Cohen's kappa", "not merely because it is attributed",
                  "never its text", "Farkas", "Newell",
                  # session 17: the dev figure is in-sample; session 18: the seed-17
                  # train draw is in-sample too; session 19: so is the seed-18 draw, and
                  # the seed-19 draw is shown, with its figure before the session's rules
                  "after that session) is in-sample", "300 sentences of PolNeAR's 840 training articles",
                  "all 29,632", "in-sample too", "seed 18; none of seed 17's",
                  "in-sample as well", "seed 19; none of seeds 17 and 18's",
                  "29,032 left", "agreed on 293", "F1 0.617 (95% interval 0.532–0.698",
                  "before session 19's rules it reached 0.603",
                  # session 20: the seed-19 draw is in-sample too, the seed-20 draw shown
                  "seed-19 figure (0.694 after that session) is in-sample as well", "seed 20; none of the "
                  "earlier draws'", "28,613 left", "agreed on 292",
                  "F1 0.594 (95% interval 0.511–0.679", "0.657, 0.636, 0.617 and 0.594",
                  # session 21: the seed-20 draw is in-sample too, the seed-21 draw shown
                  "seed-20 figure (0.741 after that session) is in-sample as well",
                  "seed 21; none of the earlier draws'", "27,958 left", "agreed on 292 "
                  "(Cohen's kappa 0.94)", "F1 0.710 (95% interval 0.632–0.792",
                  # session 25: a sixth fresh draw (seed 22); the fresh draws pooled shown
                  "seed 22; none of the earlier draws'", "27,659 left",
                  "F1 0.731 (95% interval 0.656–0.808", "pools the two fresh draws",
                  # session 28: the in-sample figures are dated, not "now"
                  "as it stood after the session that read its draw"):
        assert words in section
    assert "(now 0." not in section  # an in-sample figure said to be current drifted


def test_the_claim_threshold_shows_its_hand_labelled_validation_per_draw() -> None:
    """The threshold's figures were only in its definition text ('Not validated' below
    it); bench/validity.py now scores the committed pair labels (bench/labels/
    claims_pairs.tsv) and the page shows one figure per draw beside the threshold."""
    from models.validation import load_validation

    page = methods_html()
    anchor = page.index("<a name='claim_threshold'>")
    section = html.unescape(page[anchor : page.find("<a name=", anchor + 1)])
    assert methods_text.NOT_VALIDATED not in section
    figures = load_validation().for_measure("claim_threshold")
    assert [v.data.split(":")[0] for v in figures] == [
        "the seed articles (5 outlets, one story)",
        "PolNeAR stories told by 2–4 outlets (each story alone)",
        "120 PolNeAR articles of many stories",
    ]
    for v in figures:
        assert v.value is not None and v.figure in section and "Cohen's kappa" in v.data


def _validation_moved(tmp_path: Path, value: float) -> Path:
    """The shipped figures, with the news-hedge figure (goal F1 ≥ 0.65) moved to ``value``."""
    import json

    from models.validation import validation_path

    document = json.loads(validation_path().read_text(encoding="utf-8"))
    moved = 0
    for figures in document["measures"].values():
        for figure in figures:
            if figure["goal"] == "F1 ≥ 0.65":
                figure["value"], figure["figure"] = value, f"{value:.3f} (moved)"
                figure.pop("value_low", None)  # a moved figure has no interval
                figure.pop("value_high", None)
                moved += 1
    assert moved  # the shipped file has the figure this test moves
    path = tmp_path / f"validation-{value}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "verdict"), [
    (0.536, "Below the goal of 0.65 set for this project."),
    (0.65, "Meets the goal of 0.65 set for this project."),
    (0.71, "Meets the goal of 0.65 set for this project."),
])
def test_the_methods_window_says_where_a_figure_stands_against_its_goal(
        qtbot, monkeypatch, tmp_path, value, verdict):
    from models import validation

    path = _validation_moved(tmp_path, value)
    monkeypatch.setattr(validation, "validation_path", lambda: path)
    dialog = show_methods(None, "hedges_epistemic_per_100w")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    text = dialog.browser().toPlainText()
    section = text[text.index("hedges_epistemic_per_100w"):text.index(
        "hedges_evidential_per_100w")]
    lines = section.splitlines()
    moved = [line for line in lines if f"{value:.3f} (moved)" in line]
    assert len(moved) == 1 and verdict in moved[0]
    assert "(goal F1 ≥ 0.65; published:" in moved[0]
    # The other figures of the measure keep theirs: CoNLL held out below 0.62, Szeged none.
    conll = next(line for line in lines if "held out" in line)
    assert "the goal of 0.62 set for this project." in conll
    szeged = next(line for line in lines if "Szeged" in line)
    assert "No goal was set for this figure." in szeged
    # Each is the any-hedge figure, given under four hedge measures (ux16's finding 6;
    # Vague hedges has its own row since session 21: a vague quantity alone is no hedge).
    shared = "The same figure is given for 4 measures; this one alone is not checked."
    assert all(shared in line for line in (moved[0], conll, szeged))


def test_a_figure_of_one_measure_alone_is_not_called_shared():
    page = methods_html()
    anchor = page.index("<a name='attributions_per_100w'>")
    section = page[anchor:page.find("<a name=", anchor + 1)]
    assert "Meets the goal of 0.75" in section and "The same figure" not in section
    anchor = page.index("<a name='sources_named'>")
    section = page[anchor:page.find("<a name=", anchor + 1)]
    assert "The same figure is given for 4 measures" in section


def test_verdicts_are_worded_for_every_kind_of_goal():
    from models.validation import Validation

    def said(value, goal="", kind="", level=None):
        return methods_text.verdict_text(Validation("m", "d", "r", "x", value, "", goal, kind,
                                                    level))

    assert said(0.5001, "keep ≈ 0.50", "about", 0.5) == (
        "At the goal of about 0.50 set for this project.")
    assert said(0.47, "keep ≈ 0.50", "about", 0.5) == (
        "Below the goal of about 0.50 set for this project.")
    assert said(0.53, "keep ≈ 0.50", "about", 0.5).startswith("Above the goal of about 0.50")
    assert said(0.4) == "No goal was set for this figure."
    assert said(0.7, "raise recall") == "Not measurable here against its goal (raise recall)."
    page = methods_html()
    assert "Not measurable here against its goal (raise recall)." in page
    assert "(goal raise recall" not in page  # the verdict quotes it once


def test_a_verdict_says_when_the_figure_s_interval_reaches_across_the_goal():
    """A figure from a sample of hand labels (the news hedges: 300 sentences) meets or
    misses its goal by its point figure alone when its 95% interval reaches across the
    goal: the verdict says so instead of a plain "Meets the goal" (session 17: 0.657
    [0.564–0.738] against 0.65 read "Meets the goal of 0.65")."""
    from models.validation import MET, NOT_MET, Validation

    def figure(value, low, high):
        return Validation("m", "d", "r", "x", value, "", "F1 ≥ 0.65", "at_least", 0.65,
                          low, high)

    straddles_met = figure(0.657, 0.564, 0.738)
    assert straddles_met.verdict() == MET and straddles_met.interval_crosses_goal()
    assert methods_text.verdict_text(straddles_met) == (
        "Meets the goal of 0.65 set for this project by its figure, but its 95% interval "
        "(0.564–0.738) reaches below the goal: this sample cannot show that the goal is met.")
    straddles_below = figure(0.62, 0.55, 0.70)
    assert straddles_below.verdict() == NOT_MET
    assert methods_text.verdict_text(straddles_below) == (
        "Below the goal of 0.65 set for this project by its figure; its 95% interval "
        "(0.550–0.700) reaches the goal.")
    # An interval wholly on one side keeps the plain verdict.
    assert methods_text.verdict_text(figure(0.72, 0.66, 0.79)) == (
        "Meets the goal of 0.65 set for this project.")
    assert methods_text.verdict_text(figure(0.536, 0.466, 0.612)) == (
        "Below the goal of 0.65 set for this project.")


def test_the_methods_window_gives_the_news_hedge_figure_s_interval_against_its_goal(
        qtbot):
    """The shipped news-hedge figure against its goal, with its interval: sessions 17-24's
    single fresh draws had intervals reaching across 0.65 (session 21's 0.710
    [0.632–0.792]); session 25's two fresh draws pooled give 0.720 [0.664–0.775], wholly
    above it, and the Methods window says it meets the goal without the sample's caveat.
    (The wording of an interval across the goal:
    test_a_verdict_says_when_the_figure_s_interval_reaches_across_the_goal above.)"""
    from models.validation import load_validation

    news = [v for v in load_validation().for_measure("hedges_epistemic_per_100w")
            if v.goal == "F1 ≥ 0.65"]
    assert len(news) == 1 and "fresh draws seed 21 + seed 22 pooled" in news[0].data
    assert news[0].value_low is not None and news[0].value_low >= 0.65
    assert not news[0].interval_crosses_goal()
    dialog = show_methods(None, "hedges_epistemic_per_100w")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    text = " ".join(dialog.browser().toPlainText().split())
    assert f"{news[0].figure} uncertain-class F1 [95% CI] (P / R)" in text
    assert "Meets the goal of 0.65 set for this project." in text
    assert "this sample cannot show that the goal is met" not in text


def test_the_report_s_methods_part_gives_the_verdicts(monkeypatch, tmp_path):
    from desktop.report import ReportData, _HTMLText, _methods_body, report_html
    from models import validation

    path = _validation_moved(tmp_path, 0.536)
    monkeypatch.setattr(validation, "validation_path", lambda: path)
    assert "Below the goal of 0.65 set for this project." in report_html(ReportData([]))
    parser = _HTMLText()  # the PDF report's Methods pages
    parser.feed(_methods_body())
    parser.close()
    assert any("0.536 (moved)" in text and "Below the goal of 0.65 set for this project."
               in text for _, text in parser.paragraphs)


def test_methods_say_where_the_codebook_is_and_how_the_csvs_number_sentences():
    """ux22 #7 and #12: the Methods page points to codebook.csv and says that the CSVs'
    sentence_index counts from 0 where the app counts from 1."""
    from desktop.methods_text import methods_html

    page = methods_html()
    assert "<code>codebook.csv</code>" in page
    assert "'sentence 15' is sentence_index 14" in page.replace("&#x27;", "'")


def test_the_measures_section_says_team_labels_are_ai_models_before_any_team_figure():
    """The clickbait figure ("graded 0–3 blind by two of our team") stood in the Measures
    section with nothing there saying who the team is: only the news-hedge section, further
    down, said the labellers are AI language models. The section's opening now says it,
    before the first figure that rests on the team's labels or grades."""
    page = html.unescape(methods_html())
    measures = page.split("<h2>Measures</h2>", 1)[1].split("<h2>", 1)[0]
    intro, figures = measures.split("not measurable with the data here.", 1)
    assert "graded 0–3 blind by two of our team" in figures  # the clickbait row
    assert "labelled by our team" in figures  # the news-hedge rows
    for words in ("a team of AI language models", "the clickbait grades of headlines",
                  "not by human annotators", "not agreement with people"):
        assert words in intro


def test_every_figure_s_data_set_is_cited_in_full_on_the_methods_page():
    """The figures named CoNLL-2010, Szeged, PolNeAR, the NYT ratings, Chakraborty's
    headlines and GVFC, but the page cited only some of them, in passing: BioScope (Vincze
    et al. 2008), GVFC (Liu et al. 2019) and the Webis scale (Potthast et al. 2018) were
    nowhere. Each figure's data set is now cited under 'Data sets behind the figures'."""
    from models.validation import load_validation

    page = html.unescape(methods_html())
    section = page.split("<h2>Data sets behind the figures</h2>", 1)[1].split("<h2>", 1)[0]
    report = load_validation()
    for figures in report.measures.values():
        for v in figures:
            assert any(name in v.data for name, _ in methods_text.DATA_SETS), v.data
    for _, citation in methods_text.DATA_SETS:
        assert citation in section
    for words in ("Farkas, R., Vincze, V.", "(2010)", "Vincze, V., Szarvas, G.", "(2008)",
                  "BMC Bioinformatics", "Newell, E., Margolin, D., Ruths, D. (2018)", "LREC",
                  "Hutto, C. J., Gilbert, E. (2014)", "ICWSM", "Chakraborty, A., Paranjape",
                  "ASONAM", "Liu, S.", "(2019)", "Potthast, M.", "COLING", "not a held-out"):
        assert words in section


def _readme() -> str:
    return (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_readme_table_of_validation_figures_is_validation_json_s():
    """README.md spoke of two figures near goals (news hedges, clickbait) and of none of
    the misses on public human-annotated sets (CoNLL-2010 0.487 against 0.62, tone_news
    0.568 held out against 0.62). Its table now lists every figure with its goal and
    verdict, written from resources/validation.json; after the file is regenerated,
    print the new table with
    python -c 'from desktop.methods_text import validation_table_markdown as t; print(t())'
    and put it between the markers."""
    readme = _readme()
    start = readme.index(methods_text.README_TABLE_START) + len(methods_text.README_TABLE_START)
    end = readme.index(methods_text.README_TABLE_END)
    assert readme[start:end].strip() == methods_text.validation_table_markdown()
    table = readme[start:end]
    # The misses are in it, as misses (the figures as validation.json holds them).
    from models.validation import NOT_MET, load_validation

    report = load_validation()
    for key, data in (("hedges_epistemic_per_100w", "CoNLL-2010 Wikipedia, held out"),
                      ("tone_news_mean", "VADER NYT, held-out")):
        (v,) = [v for v in report.for_measure(key) if v.data.startswith(data)]
        assert v.verdict() == NOT_MET
        assert f"| {v.figure} | {v.goal}: Below the goal" in table


def test_the_figures_the_readme_restates_are_validation_json_s():
    """The README's prose repeats some shipped figures (to 2 or 3 decimals): each is
    checked against resources/validation.json. It said the claim link reaches 0.40 on
    120 PolNeAR articles of many stories; the file has 0.406."""
    from models.validation import load_validation

    readme = " ".join(_readme().split())
    report = load_validation()

    def only(key: str, data_starts: str):
        (v,) = [v for v in report.for_measure(key) if v.data.startswith(data_starts)]
        return v

    pooled = only("hedges_epistemic_per_100w", "PolNeAR train news sentences, fresh draws")
    assert pooled.figure.startswith("0.720 [95% 0.664–0.775] (P 0.750 / R 0.692)")
    assert "**0.720** (95% interval 0.664–0.775; P 0.750 / R 0.692)" in readme
    graded = only("headline_sensational", "120 PolNeAR titles and 120 GVFC headlines (seed 28)")
    assert graded.figure == "0.466 [95% 0.365–0.557]"
    assert "Spearman **0.466** (95% interval 0.365–0.557;" in readme
    seeds, stories, many = report.for_measure("claim_threshold")
    assert seeds.value is not None and stories.value is not None and many.value is not None
    precision, recall = (float(x) for x in re.findall(r"[PR] (0\.\d+)", seeds.figure))
    assert (f"same-statement F1 of {seeds.value:.2f} (P {precision:.2f} / R {recall:.2f};"
            in readme)
    assert f"to four outlets {stories.value:.2f} (kappa 0.97)" in readme
    assert f"many stories {many.value:.2f} (kappa 0.82)" in readme


def test_article_similarity_is_defined_once_in_models_and_says_it_is_not_validated():
    """The similarity chart's definition was written in the Methods text itself, with no
    validation line; it is now models.measures.ARTICLE_SIMILARITY, shown with its reason."""
    from models.measures import ARTICLE_SIMILARITY

    page = methods_html()
    anchor = page.index(f"<a name='{ARTICLE_SIMILARITY.key}'>")
    section = page[anchor: page.index("<h2>", page.index("</h2>", anchor))]
    assert html.escape(ARTICLE_SIMILARITY.definition) in section
    assert html.escape(ARTICLE_SIMILARITY.citation) in section
    assert methods_text.NOT_VALIDATED in section
    assert html.escape(NOT_VALIDATED_WHY[ARTICLE_SIMILARITY.key]) in section


def test_the_page_says_which_probability_ranges_are_the_scales_and_which_framescope_s():
    """The page said every epistemic hedge carries 'the probability range that
    intelligence analysts attach to the same words', but 33 of the 50 ranged words
    ('may', 'might', 'could', 'seem' among them) have the authors' reading (scale
    'authors' in hedges.csv). It now counts each kind from the lexicon."""
    from collections import Counter

    from models.lexicons import load_lexicon
    from models.measures import measure

    ranged = [e for e in load_lexicon().by_category("hedge") if e.probability_low is not None]
    scales = Counter(e.scale for e in ranged)
    assert scales["authors"] > 0
    page = html.unescape(methods_html())
    section = page.split("<h2>Estimative probability</h2>", 1)[1].split("<h2>", 1)[0]
    assert (f"Of the lexicon's {len(ranged)} hedge words with a range, {scales['yardstick']} "
            f"take it from the UK Probability Yardstick and {scales['ICD-203']} from ICD-203, "
            f"which name them. The other {scales['authors']} ") in section
    assert "that intelligence analysts attach to the same words." not in section
    assert "else Framescope's own reading" in measure("hedges_epistemic_per_100w").definition


def test_the_trained_models_section_gives_their_figures_against_their_goals():
    """'Trained models' described both models with no figure (the clickbait one 'is on the
    Methods page'): the tone model's held-out 0.568 and the clickbait 0.466, both short of
    their goals, now stand there with their verdicts, read from validation.json."""
    from models.validation import load_validation

    page = html.unescape(methods_html())
    section = page.split("<h2>Trained models</h2>", 1)[1].split("<h2>", 1)[0]
    section = re.sub(r"<[^>]+>", "", section)
    report = load_validation()
    shown = [v for key in ("tone_news_mean", "headline_sensational")
             for v in report.for_measure(key) if v.goal]
    assert len(shown) >= 3
    for v in shown:
        assert f"{v.figure} {v.metric}, {v.data}. {methods_text.verdict_text(v)}" in section
    assert "the figure is on the Methods page" not in section
    assert "not human graders" in section
