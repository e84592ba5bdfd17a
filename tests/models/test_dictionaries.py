"""Custom dictionaries: LIWC-format .dic files and CSV word lists (our own test dictionaries)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.dictionaries import (
    DictionaryError,
    apply_dictionaries,
    dictionary_columns,
    dictionary_from_text,
    find_in_article,
    load_dictionary,
    register,
)
from models.export import SCORES_COLUMNS, write_scores_csv
from models.features import analyze_article, article_from_text
from models.measures import measure

RISK_DIC = (
    "%\n"
    "1\trisk\n"
    "2\tcalm\n"
    "%\n"
    "danger*\t1\n"
    "dangerous\t1\t2\n"  # exact beats the wildcard: counts in both categories
    "threat\t1\n"
    "under control\t2\n"
    "safe*\t2\n"
)


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_dic_categories_entries_and_wildcards(tmp_path: Path) -> None:
    d = load_dictionary(write(tmp_path / "risk.dic", RISK_DIC))
    assert d.name == "risk"
    assert d.categories == ("risk", "calm")
    assert len(d.entries) == 5
    found = d.find("The Danger grew; dangers and dangerous threats. All is under control, safely.")
    terms = [(m.text, m.term, m.categories) for m in found]
    assert terms == [
        ("Danger", "danger*", ("risk",)),
        ("dangers", "danger*", ("risk",)),
        ("dangerous", "dangerous", ("risk", "calm")),
        ("under control", "under control", ("calm",)),
        ("safely", "safe*", ("calm",)),
    ]  # "threats" is not "threat" (no wildcard)


def test_bom_crlf_and_utf16_are_read(tmp_path: Path) -> None:
    a = load_dictionary(write(tmp_path / "a.dic", "\ufeff" + RISK_DIC, newline="\r\n"))
    b = load_dictionary(write(tmp_path / "b.dic", RISK_DIC, encoding="utf-16"))
    assert a.categories == b.categories == ("risk", "calm")
    assert [e.term for e in a.entries] == [e.term for e in b.entries]


def test_longer_prefix_wins_and_multiword_wildcard(tmp_path: Path) -> None:
    text = "%\n1\tgeneral\n2\tspecific\n%\nabs*\t1\nabsolut*\t2\nbreaking new*\t2\n"
    d = load_dictionary(write(tmp_path / "p.dic", text))
    found = d.find("absolutely abstract breaking news")
    assert [(m.text, m.categories) for m in found] == [
        ("absolutely", ("specific",)),
        ("abstract", ("general",)),
        ("breaking news", ("specific",)),
    ]


def test_duplicate_entries_are_merged_with_a_warning(tmp_path: Path) -> None:
    text = "%\n1\ta\n2\tb\n%\nword\t1\nword\t2\n"
    d = load_dictionary(write(tmp_path / "dup.dic", text))
    assert len(d.entries) == 1
    assert d.entries[0].categories == ("a", "b")
    assert d.warnings and "line 6" in d.warnings[0] and "line 5" in d.warnings[0]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("1\tx\n%\nword\t1\n", 1, "starts with a line holding only '%'"),
        ("%\n1\tx\n2\ty\n", 0, "never closed"),
        ("%\n1\tx\nword\t1\n", 3, "a number and a name"),
        ("%\none\tx\n%\nword\t1\n", 2, "a number and a name"),
        ("%\n1\tx\n%\nword\t7\n", 4, "category 7 is not defined"),
        ("%\n1\tx\n%\nword\n", 4, "no category number"),
        ("%\n1\tx\n%\nwo*rd\t1\n", 4, "may only end an entry"),
        ("%\n1\tx\n1\ty\n%\nword\t1\n", 3, "defined twice"),
        ("%\n1\tx\n%\n", 0, "no entries"),
        ("%\n1\tx\n%\nword\t1\tz\n", 4, "'z' is not a category number"),
    ],
)
def test_malformed_dic_names_file_and_line(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    path = write(tmp_path / "bad.dic", text)
    with pytest.raises(DictionaryError) as caught:
        load_dictionary(path)
    assert caught.value.line == line
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


def test_conditional_liwc_entries_are_skipped_with_a_warning(tmp_path: Path) -> None:
    text = "%\n1\tx\n2\ty\n%\nlike\t02 134/125 (02 134)126\nword\t1\n"
    d = load_dictionary(write(tmp_path / "c.dic", text))
    assert [e.term for e in d.entries] == ["word"]
    assert "conditional" in d.warnings[0]


def test_binary_and_wrong_suffix_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "x.dic"
    binary.write_bytes(b"%\x00\x01\x02" * 10)
    with pytest.raises(DictionaryError, match="binary"):
        load_dictionary(binary)
    with pytest.raises(DictionaryError, match=r"expected a \.dic file"):
        load_dictionary(write(tmp_path / "x.txt", RISK_DIC))
    with pytest.raises(DictionaryError, match="No such file"):
        load_dictionary(tmp_path / "missing.dic")


def test_csv_word_list_with_and_without_header(tmp_path: Path) -> None:
    a = load_dictionary(write(tmp_path / "moral.csv", "term,category\nharm*,care\nfair,fairness\n"))
    assert a.categories == ("care", "fairness")
    b = load_dictionary(write(tmp_path / "plain.csv", "crisis\nchao*\n"))
    assert b.categories == ("plain",)
    assert [m.text for m in b.find("A crisis, chaotic scenes.")] == ["crisis", "chaotic"]
    with pytest.raises(DictionaryError, match="line 2"):
        load_dictionary(write(tmp_path / "bad.csv", "term,category\nx,y,z\n"))


def test_scores_per_100_body_words_and_columns_after_the_contract(tmp_path: Path) -> None:
    d = load_dictionary(write(tmp_path / "risk.dic", RISK_DIC))
    register([d])
    article = article_from_text(
        "The danger is real. Officials said the threat is under control. Ten more words "
        "follow here to make the count round and clear enough."
    )
    analysis = analyze_article(article)
    words = analysis.scores.words
    [scored] = apply_dictionaries([analysis], [d])
    assert scored.article is article
    assert scored.scores.value("dict_risk_risk_per_100w") == pytest.approx(200 / words)
    assert scored.scores.value("dict_risk_calm_per_100w") == pytest.approx(100 / words)
    assert scored.scores.hedges_epistemic_per_100w == analysis.scores.hedges_epistemic_per_100w
    assert dictionary_columns([scored]) == ["dict_risk_risk_per_100w", "dict_risk_calm_per_100w"]
    assert measure("dict_risk_risk_per_100w").label == "risk: risk"
    matches = find_in_article(article, [d])["risk"]
    assert [article.text[m.start:m.end] for m in matches] == [
        "danger", "threat", "under control"
    ]

    out = tmp_path / "scores.csv"
    write_scores_csv(out, [scored])
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header[: len(SCORES_COLUMNS)]) == SCORES_COLUMNS
    assert header[len(SCORES_COLUMNS):] == ["dict_risk_risk_per_100w", "dict_risk_calm_per_100w"]


def test_dictionary_round_trips_through_its_text(tmp_path: Path) -> None:
    d = load_dictionary(write(tmp_path / "risk.dic", RISK_DIC))
    again = dictionary_from_text(d.raw, d.name, "dic")
    assert again.entries == d.entries and again.sha256 == d.sha256


def test_outlets_csv_gives_each_dictionary_column_s_outlet_means(tmp_path: Path) -> None:
    """A dictionary's column has a chart by outlet, and outlets.csv gave none of its means
    (audit s34): it ends with each one's mean, interval and count, as the other measures'
    are, equal to scores.csv's per outlet, each described in the codebook."""
    import csv
    import statistics

    from models.export import write_codebook_csv, write_outlets_csv

    d = load_dictionary(write(tmp_path / "risk.dic", RISK_DIC))
    register([d])
    texts = {
        ("a1", "Ledger"): "The danger is real. Officials said the threat is growing fast now.",
        ("a2", "Ledger"): "The plan is safe, officials said on Tuesday in the capital city.",
        ("b1", "Courier"): "A dangerous storm hit the coast, and the threat remains high.",
    }
    analyses = []
    for (article_id, outlet), text in texts.items():
        article = article_from_text(text, article_id)
        article.outlet = outlet
        analyses.append(analyze_article(article))
    scored = apply_dictionaries(analyses, [d])
    assert {a.outlet for a in scored} == {"Ledger", "Courier"}
    write_outlets_csv(tmp_path / "outlets.csv", scored)
    write_codebook_csv(tmp_path / "codebook.csv", scored, outlets=True)
    with (tmp_path / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {r["outlet"]: r for r in reader}
        header = list(reader.fieldnames or [])
    key = "dict_risk_risk_per_100w"
    assert header[-8:] == [key, f"{key}_ci_low", f"{key}_ci_high", f"{key}_n",
                           "dict_risk_calm_per_100w", "dict_risk_calm_per_100w_ci_low",
                           "dict_risk_calm_per_100w_ci_high", "dict_risk_calm_per_100w_n"]
    for outlet, row in rows.items():
        values = [a.scores.value(key) for a in scored if a.outlet == outlet]
        assert float(row[key]) == pytest.approx(statistics.mean(values), rel=1e-5)
        assert int(row[f"{key}_n"]) == len(values)
    with (tmp_path / "codebook.csv").open(encoding="utf-8", newline="") as handle:
        described = [r for r in csv.DictReader(handle) if r["file"] == "outlets.csv"]
    assert [r["column"] for r in described] == header
    mean_row = next(r for r in described if r["column"] == key)
    assert mean_row["label"] == "risk: risk" and mean_row["unit"] == "per 100 words"
