"""Reported speech, single quotes and unbalanced quotation marks (models.voice): which
certainty cues are a speaker's rather than the outlet's own, and what the measures,
spans.csv and the claims make of it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.export import write_spans_csv
from models.features import analyze_article, article_from_text
from models.voice import attributed_flags, quoted_flags, reported_flags


def _decisions(text: str) -> list[tuple[str, str]]:
    """Each certainty cue (not negated) of ``text`` and its voice: 'own', 'quoted' (in
    quotation marks) or 'reported' (reported speech)."""
    analysis = analyze_article(article_from_text(text))
    cues = [s for s in analysis.spans if s.category in ("hedge", "booster") and not s.negated]
    quoted = quoted_flags(analysis.article, cues)
    reported = reported_flags(analysis.article, cues, analysis.spans)
    return [
        (span.text.casefold(), "quoted" if q else "reported" if r else "own")
        for span, q, r in zip(cues, quoted, reported, strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content of a report verb whose source is in the sentence
        ("Smith, a spokesman for the campaign, said the plan would probably fail.",
         [("probably", "reported")]),
        ("The report said costs may rise.", [("may", "reported")]),
        # a parenthetical frame, before the content (seed 002)
        ("This measure, he adds, probably also applies to regional leaders.",
         [("probably", "reported")]),
        ("The plan, said Smith, may fail.", [("may", "reported")]),
        # a trailing frame
        ("The plan will probably fail, officials said on Tuesday.",
         [("probably", "reported")]),
        ("It is possibly true, she told reporters, that costs will rise.",
         [("possibly", "reported")]),
        # 'according to' is the frame; the hedge after it is the source's
        ("According to Smith, the plan will probably fail.",
         [("according to", "own"), ("probably", "reported")]),
        # the report verb itself is the writer's framing; what the believer thinks is not
        ("Trump believes the plan may fail.", [("believes", "own"), ("may", "reported")]),
        # a hedge between the source and its verb hedges the report: the writer's
        ("He probably said the plan was sound.", [("probably", "own")]),
        # a new clause after the content is not the speaker's
        ("Trump said he would win, but the polls probably disagree.",
         [("probably", "own")]),
        ("Trump said he would win; the polls probably disagree.", [("probably", "own")]),
        # a frame followed by its own content is not a trailing frame
        ("Although the plan might fail, Smith said it was worth trying.",
         [("might", "own")]),
        # no report verb, or no source: own voice
        ("The plan will probably fail.", [("probably", "own")]),
        # a passive participle and its agent: what was reported is no speaker (ux20)
        ("Maintenance records reported by a local newspaper suggest two inspections "
         "were missed.", [("suggest", "own")]),
        ("The figures cited by the ministry probably understate the losses.",
         [("probably", "own")]),
        # in quotation marks: quoted, whatever the frame
        ("“The plan will probably fail,” Smith said.", [("probably", "quoted")]),
    ],
)
def test_reported_speech_is_the_speakers(text: str, expected: list[tuple[str, str]]) -> None:
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British single quotes mark a quotation; an apostrophe closes none
        ("The minister called it ‘probably the worst deal’. Putin’s aides may disagree.",
         [("probably", "quoted"), ("may", "own")]),
        ("The ‘likely’ outcome was clear. The players’ union may strike.",
         [("likely", "quoted"), ("may", "own")]),
        # an elision is no opening mark
        ("In the ‘90s it was probably different.", [("probably", "own")]),
        # a closing mark that nothing opened (a lost opening mark): its sentence, up to it
        ("The war will probably end soon,” Warren said. Talks may help.",
         [("probably", "quoted"), ("may", "own")]),
        # a quotation that never closes and is not reopened: its own sentence only
        ("He spoke. “The war will probably end soon. Talks may help.\n"
         "The army is likely to win.",
         [("probably", "quoted"), ("may", "own"), ("likely", "own")]),
        # … but news style reopens a quotation that runs on: the paragraph is quoted
        ("He spoke. “The war will probably end soon. Talks may help.\n"
         "“We are likely to win,” he said.",
         [("probably", "quoted"), ("may", "quoted"), ("likely", "quoted")]),
        # a closed quotation over sentences is still quoted throughout
        ("“The war will probably end soon. Talks may help,” he said. It is likely.",
         [("probably", "quoted"), ("may", "quoted"), ("likely", "own")]),
    ],
)
def test_single_quotes_and_unbalanced_marks(text: str, expected: list[tuple[str, str]]) -> None:
    assert _decisions(text) == expected


def test_the_quoted_measures_count_reported_speech() -> None:
    text = ("Officials said the plan would probably fail. It will likely be delayed. "
            "The plan may fail, he said.")
    analysis = analyze_article(article_from_text(text))
    scores = analysis.scores
    per_hedge = scores.hedges_epistemic_per_100w / 3
    assert scores.hedges_epistemic_quoted_per_100w == pytest.approx(2 * per_hedge)
    assert scores.hedges_epistemic_own_per_100w == pytest.approx(per_hedge)
    flags = attributed_flags(analysis.article, analysis.spans, analysis.spans)
    assert [s.text for s, f in zip(analysis.spans, flags, strict=True)
            if f and s.category == "hedge"] == ["probably", "may"]


def test_spans_csv_marks_reported_speech_apart(tmp_path: Path) -> None:
    text = "“Russia will probably fail,” the ministry said. He said it would likely end."
    write_spans_csv(tmp_path / "spans.csv", [analyze_article(article_from_text(text, "a"))])
    with (tmp_path / "spans.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["category"] == "hedge"]
    assert [(r["text"], r["quoted"], r["reported"]) for r in rows] == [
        ("probably", "1", "0"), ("likely", "1", "1")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # audit25: a source after its own verb is who speaks, not what is reported
        ("“Many are willing to pay a high price,” said one of the sources.", "one of the sources"),
        ("The ban exists, according to Newsweek.", "Newsweek"),
        ("According to a person close to the mayor, the plan would fail.",
         "a person close to the mayor"),
    ],
)
def test_a_source_after_its_verb_is_neither_quoted_nor_reported(text: str, source: str) -> None:
    analysis = analyze_article(article_from_text(text))
    spans = [s for s in analysis.spans if s.category == "source"]
    assert [s.text for s in spans] == [source]
    assert reported_flags(analysis.article, spans, analysis.spans) == (False,)


def test_a_source_inside_another_report_stays_reported() -> None:
    # seed 004 S25: Kyiv's acknowledgement is what the mercenary forces say
    text = ("Russian mercenary forces say they have advanced inside the city, where Kyiv has "
            "acknowledged making small advances.")
    analysis = analyze_article(article_from_text(text))
    kyiv = [s for s in analysis.spans if s.category == "source" and s.text == "Kyiv"]
    assert reported_flags(analysis.article, kyiv, analysis.spans) == (True,)



@pytest.mark.parametrize(
    "text",
    [
        # audit22 (M), audit25: seed 004 S9, the subject of "told" is "four sources", not
        # the officer named in the aside, and "told" takes its addressee after it
        "The ban was imposed after the officials probably wanted to resign, four sources – "
        "including a former FSB officer and a political strategist – told an independent "
        "Russian outlet.",
        "The plan will probably fail, two aides told a local newspaper.",
    ],
)
def test_a_trailing_frame_past_an_aside_or_before_an_addressee(text: str) -> None:
    assert _decisions(text) == [("probably", "reported")]
