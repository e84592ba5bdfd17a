"""bench/validity.py's own-voice row on a synthetic PolNeAR dev folder and labels file
(the real articles never enter CI): the rule's agreement with the labels, the quotation
marks alone as a baseline, and what it does with unsure labels and changed texts."""

import hashlib
from pathlib import Path

import pytest

# Written for this test (not from any data set): one direct quotation, one reported
# speech, one own-voice hedge.
TEXT = ("“The plan will probably fail,” the governor said on Monday.\n\n"
        "The mayor said the vote would likely pass.\n\n"
        "The budget may rise next year.\n")


def _cue(text: str, word: str) -> tuple[int, int, str]:
    start = text.index(f" {word} ") + 1  # a whole word ("may", not "mayor")
    # each cue is alone in its paragraph's only sentence
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    sentence = text[line_start:line_end]
    return start, start + len(word), hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:10]


def _write(root: Path, labels: list[tuple[str, str]], text: str = TEXT) -> tuple[Path, Path]:
    folder = root / "data" / "polnear" / "data" / "dev" / "text"
    folder.mkdir(parents=True)
    (folder / "paper_2016-01-01_plan.txt").write_text(text, encoding="utf-8")
    lines = ["# synthetic", "n\tarticle\tstart\tend\thash\tlab99"]
    for n, (word, label) in enumerate(labels):
        start, end, digest = _cue(TEXT, word)
        lines.append(f"{n}\tpaper_2016-01-01_plan\t{start}\t{end}\t{digest}\t{label}")
    path = root / "labels.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root / "data", path


def test_the_rule_and_the_baseline_against_the_labels(validity, tmp_path):
    data, labels = _write(tmp_path, [("probably", "Q"), ("likely", "R"), ("may", "O")])
    rule, baseline = validity._voice_rows(data, labels)
    # the rule reads reported speech as the speaker's: all three agree
    assert rule.ours == "3/3 = 1.000 (kappa 1.00)"
    assert rule.keys == validity.VOICE_KEYS and rule.value == 1.0
    assert "labelled blind by lab99" in rule.data
    # the quotation marks alone call the reported 'likely' own voice
    assert baseline.ours.startswith("2/3 = 0.667") and baseline.keys == ()


def test_unsure_labels_are_left_out_and_a_changed_text_is_not_scored(validity, tmp_path, capsys):
    data, labels = _write(tmp_path, [("probably", "Q"), ("likely", "?"), ("may", "O")],
                          text=TEXT.replace("next year", "in the spring"))
    rule, _ = validity._voice_rows(data, labels)
    # 'may''s sentence no longer has its hash; 'likely' is unsure
    assert rule.ours == "1/1 = 1.000 (kappa 1.00)"
    assert "1 unsure left out" in rule.data
    assert "1 of 3 labelled cues not found again" in capsys.readouterr().err


def test_no_labelled_article_in_the_folder_skips_the_check(validity, tmp_path):
    data, labels = _write(tmp_path, [("probably", "Q")])
    (data / "polnear" / "data" / "dev" / "text" / "paper_2016-01-01_plan.txt").unlink()
    with pytest.raises(validity.SkipCheck, match="none of the 1 articles"):
        list(validity._voice_rows(data, labels))


def test_kappa_is_cohens(validity) -> None:
    # 2 of 4 agree, each side says 'own' twice: chance agreement 0.5, kappa 0
    pairs = [("own", "own"), ("own", "speaker"), ("speaker", "own"), ("speaker", "speaker")]
    assert validity.cohen_kappa(pairs) == pytest.approx(0.0)
    # 3 of 4 agree; chance agreement 0.5 * 0.75 + 0.5 * 0.25 = 0.5: kappa 0.5
    pairs = [("own", "own"), ("own", "own"), ("speaker", "speaker"), ("speaker", "own")]
    assert validity.cohen_kappa(pairs) == pytest.approx(0.5)


def test_polnears_content_spans_as_the_reference(validity, tmp_path):
    # A headline line, then three body paragraphs (written for this test). PolNeAR's
    # annotation gives the quotation and the interrupted content 'The vote, he said,
    # may pass' (two pieces) to their sources; 'likely' is the outlet's own.
    text = ("Budget talks go on\n\n"
            "“The plan will probably fail,” the governor said on Monday.\n\n"
            "The vote, he said, may pass next week.\n\n"
            "The budget is likely to rise next year.\n")
    quote = text.index("The plan")
    vote = text.index("The vote")
    pieces = f"{vote} {vote + 8};{text.index('may pass')} {text.index(' next week')}"
    ann = (f"T1\tContent {quote} {text.index(',” the')}\tx\n"
           f"T2\tContent {pieces}\tx\n")
    dev = tmp_path / "polnear" / "data" / "dev"
    (dev / "text").mkdir(parents=True)
    (dev / "attributions").mkdir()
    (dev / "text" / "paper_2016-01-01_budget.txt").write_text(text, encoding="utf-8")
    (dev / "attributions" / "paper_2016-01-01_budget_ab12.ann").write_text(ann, encoding="utf-8")
    assert validity.content_spans(dev / "attributions" / "paper_2016-01-01_budget_ab12.ann")[1:] == [
        (vote, vote + 8), (text.index("may pass"), text.index(" next week"))]
    rule, baseline = validity.voice_polnear_content(tmp_path)
    assert "all 3 hedges and boosters" in rule.data
    assert rule.ours == "1.000 (kappa 1.00; P 1.000 / R 1.000)" and rule.keys == validity.VOICE_KEYS
    # the quotation marks alone miss the reported 'may'
    assert baseline.ours.startswith("0.667") and "R 0.500" in baseline.ours
