"""The shipped lexicons load, follow their scales, and bad rows are reported by file and line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from models import resources
from models.article import CATEGORIES
from models.lexicons import LEXICON_FILES, Lexicon, LexiconEntry, LexiconError, load_lexicon

SHIPPED = resources.lexicons_dir()

# The seven ranges of each scale, as (low, high) from 0 to 1.
YARDSTICK_BANDS = {
    (0.00, 0.05),
    (0.10, 0.20),
    (0.25, 0.35),
    (0.40, 0.50),
    (0.55, 0.75),
    (0.80, 0.90),
    (0.95, 1.00),
}
ICD_203_BANDS = {
    (0.01, 0.05),
    (0.05, 0.20),
    (0.20, 0.45),
    (0.45, 0.55),
    (0.55, 0.80),
    (0.80, 0.95),
    (0.95, 0.99),
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicons"
    shutil.copytree(SHIPPED, folder)
    return folder


def entry_for(lexicon: Lexicon, category: str, form: str) -> LexiconEntry:
    matches = [e for e in lexicon.by_category(category) if form in e.forms]
    assert len(matches) == 1, f"{form!r} should be listed exactly once in {category}"
    return matches[0]


def append_row(folder: Path, name: str, row: str) -> int:
    """Append a row to a lexicon file and return its line number."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_every_category_is_loaded_with_real_coverage(lexicon: Lexicon) -> None:
    minimum = {"hedge": 50, "booster": 25, "attribution": 50, "source": 100, "loaded": 60}
    for category in CATEGORIES:
        assert len(lexicon.by_category(category)) >= minimum[category], category
    assert {e.category for e in lexicon.entries} == set(CATEGORIES)


def test_by_category_rejects_an_unknown_category(lexicon: Lexicon) -> None:
    with pytest.raises(ValueError, match="hedges"):
        lexicon.by_category("hedges")


@pytest.mark.parametrize(
    "form",
    [
        "probably", "likely", "unlikely", "highly likely", "very likely", "almost certainly",
        "possibly", "possible", "perhaps", "may", "might", "could", "seems", "appears to",
        "apparently", "suggests", "realistic possibility", "remote chance", "presumably",
        "conceivably", "arguably", "potentially", "believed to", "thought to",
        "expected to", "most likely",
    ],
)  # fmt: skip
def test_required_epistemic_hedges_are_listed(lexicon: Lexicon, form: str) -> None:
    assert entry_for(lexicon, "hedge", form).subcategory == "epistemic"


@pytest.mark.parametrize(
    "form",
    [
        "reportedly", "allegedly", "purportedly", "according to", "claims", "claimed",
        "is said to", "was said to", "are said to", "reports suggest", "supposedly",
        "rumoured", "ostensibly", "unconfirmed", "unverified",
    ],
)  # fmt: skip
def test_required_evidential_hedges_are_listed(lexicon: Lexicon, form: str) -> None:
    assert entry_for(lexicon, "hedge", form).subcategory == "evidential"


@pytest.mark.parametrize("form", ["approximately", "roughly", "estimated", "an estimated"])
def test_approximators_are_their_own_kind_without_a_range(lexicon: Lexicon, form: str) -> None:
    entry = entry_for(lexicon, "hedge", form)
    assert entry.subcategory == "approximator"
    assert (entry.probability_low, entry.probability_high) == (None, None)


def test_epistemic_ranges_follow_their_scale(lexicon: Lexicon) -> None:
    ranged = [e for e in lexicon.by_category("hedge") if e.probability_low is not None]
    assert len(ranged) >= 20
    for entry in ranged:
        band = (entry.probability_low, entry.probability_high)
        if entry.scale == "yardstick":
            assert band in YARDSTICK_BANDS, entry.term
        elif entry.scale == "ICD-203":
            assert band in ICD_203_BANDS, entry.term
        else:
            assert entry.scale == "authors", entry.term
            assert entry.note, f"{entry.term}: an authors' reading must say why"


def test_yardstick_wins_where_both_scales_have_the_word(lexicon: Lexicon) -> None:
    probably = entry_for(lexicon, "hedge", "probably")
    assert (probably.probability_low, probably.probability_high, probably.scale) == (
        0.55,
        0.75,
        "yardstick",
    )
    likely = entry_for(lexicon, "hedge", "likely")
    assert (likely.probability_low, likely.probability_high) == (0.55, 0.75)
    highly = entry_for(lexicon, "hedge", "highly likely")
    assert (highly.probability_low, highly.probability_high) == (0.80, 0.90)
    very = entry_for(lexicon, "hedge", "very likely")
    assert (very.probability_low, very.probability_high, very.scale) == (0.80, 0.95, "ICD-203")
    most = entry_for(lexicon, "hedge", "most likely")
    assert (most.probability_low, most.probability_high) == (0.80, 0.90)


def test_modals_read_as_realistic_possibility(lexicon: Lexicon) -> None:
    for form in ("may", "might", "could"):
        entry = entry_for(lexicon, "hedge", form)
        assert (entry.probability_low, entry.probability_high, entry.scale) == (
            0.40,
            0.50,
            "authors",
        )


def test_evidential_hedges_carry_no_probability(lexicon: Lexicon) -> None:
    for entry in lexicon.by_category("hedge"):
        if entry.subcategory == "evidential":
            assert entry.probability_low is None and entry.probability_high is None, entry.term


def test_report_verbs_list_their_inflections(lexicon: Lexicon) -> None:
    say = entry_for(lexicon, "attribution", "said")
    assert {"say", "says", "said", "saying"} <= set(say.forms)
    assert say.subcategory == "neutral"
    assert entry_for(lexicon, "attribution", "revealed").subcategory == "factive"
    assert entry_for(lexicon, "attribution", "insisted").subcategory == "loaded"
    assert entry_for(lexicon, "attribution", "admitted").subcategory == "loaded"
    assert entry_for(lexicon, "attribution", "told").takes_recipient
    assert "claims" in entry_for(lexicon, "attribution", "claims").noun_forms


def test_source_roles_and_aliases(lexicon: Lexicon) -> None:
    istories = entry_for(lexicon, "source", "Important Stories")
    assert istories.term == "istories" and istories.subcategory == "media"
    assert {"iStories", "Vazhnye Istorii"} <= set(istories.forms)
    assert entry_for(lexicon, "source", "Kremlin").subcategory == "institution"
    assert entry_for(lexicon, "source", "sources close to").role == "phrase"
    assert entry_for(lexicon, "source", "AP").case_sensitive


def test_loaded_words_have_kinds(lexicon: Lexicon) -> None:
    kinds = {e.subcategory for e in lexicon.by_category("loaded")}
    assert {"emotive", "pejorative", "intensifier", "conflict"} <= kinds
    assert entry_for(lexicon, "loaded", "falters").subcategory == "war_framing"


def test_entries_remember_their_file_and_line(lexicon: Lexicon) -> None:
    probably = entry_for(lexicon, "hedge", "probably")
    line = (SHIPPED / "hedges.csv").read_text(encoding="utf-8").splitlines()[probably.line - 1]
    assert probably.file == "hedges.csv"
    assert line.startswith("probably,")


def test_version_is_a_short_hash_of_the_contents(lexicon_copy: Path) -> None:
    first = load_lexicon(lexicon_copy)
    assert len(first.version) == 12 and int(first.version, 16) >= 0
    assert load_lexicon(lexicon_copy).version == first.version
    append_row(lexicon_copy, "loaded.csv", "kerfuffle,,emotive,test row")
    changed = load_lexicon(lexicon_copy)
    assert changed.version != first.version
    assert len(changed.entries) == len(first.entries) + 1


def test_comments_and_blank_lines_are_skipped(lexicon_copy: Path) -> None:
    before = len(load_lexicon(lexicon_copy).entries)
    append_row(lexicon_copy, "boosters.csv", "# a comment, with a comma")
    append_row(lexicon_copy, "boosters.csv", "")
    append_row(lexicon_copy, "boosters.csv", "   # indented comment")
    assert len(load_lexicon(lexicon_copy).entries) == before


@pytest.mark.parametrize(
    ("name", "row", "message"),
    [
        ("hedges.csv", "wildly,,epistemic,0.9,0.2,authors,,", "above probability_high"),
        ("hedges.csv", "wildly,,epistemic,0.2,1.5,authors,,", "outside 0..1"),
        ("hedges.csv", "wildly,,epistemic,0.2,,authors,,", "both"),
        ("hedges.csv", "wildly,,epistemic,0.2,0.3,,,", "needs a scale"),
        ("hedges.csv", "wildly,,evidential,0.2,0.3,authors,,", "only epistemic"),
        ("hedges.csv", "wildly,,doxastic,,,,,", "subcategory 'doxastic'"),
        ("hedges.csv", "wildly,,epistemic", "expected 8 cells"),
        ("hedges.csv", "probably,,epistemic,,,,,", "already listed on line"),
        ("report_verbs.csv", "mutter,mutter|mutters,neutral,muttering,no,", "noun_forms"),
        ("report_verbs.csv", "mutter,,neutral,,maybe,", "takes_recipient"),
        ("sources.csv", "scribe,,person,unnamed,,", "must be anonymous"),
        ("sources.csv", "scribe,,person,writer,,", "role 'writer'"),
        ("sources.csv", "scribe,,person,title,upper,", "case must be"),
        ("loaded.csv", "kerfuffle,,Emotive Words,", "lowercase"),
    ],
)
def test_a_malformed_row_names_the_file_and_line(
    lexicon_copy: Path, name: str, row: str, message: str
) -> None:
    line = append_row(lexicon_copy, name, row)
    with pytest.raises(LexiconError, match=message) as caught:
        load_lexicon(lexicon_copy)
    assert caught.value.path == lexicon_copy / name
    assert caught.value.line == line
    assert f"{name}:{line}:" in str(caught.value)


def test_a_missing_file_is_reported(lexicon_copy: Path) -> None:
    (lexicon_copy / "boosters.csv").unlink()
    with pytest.raises(LexiconError, match=r"boosters\.csv: lexicon file is missing"):
        load_lexicon(lexicon_copy)


def test_an_unknown_header_column_is_reported(lexicon_copy: Path) -> None:
    path = lexicon_copy / "loaded.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("term,"))
    lines[header] = lines[header] + ",colour"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown column") as caught:
        load_lexicon(lexicon_copy)
    assert caught.value.line == header + 1


def test_the_five_files_are_the_ones_shipped() -> None:
    assert set(LEXICON_FILES) == {p.name for p in SHIPPED.glob("*.csv")}
    assert (SHIPPED / "README.md").is_file()


# ---------------------------------------------------------------- locating resources


def test_resources_are_found_in_the_checkout() -> None:
    root = Path(resources.__file__).resolve().parent.parent
    assert resources.resources_dir() == root / "resources"
    assert resources.seeds_dir() == root / "seeds"
    assert resources.resource_path("lexicons", "hedges.csv").is_file()


def test_resources_are_found_in_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "lexicons").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv(resources.RESOURCES_ENV_VAR, raising=False)
    assert resources.bundle_root() == tmp_path
    assert resources.lexicons_dir() == tmp_path / "resources" / "lexicons"
    assert resources.seeds_dir() == tmp_path / "seeds"


def test_a_bundle_without_data_falls_back_to_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv(resources.RESOURCES_ENV_VAR, raising=False)
    assert resources.resources_dir() == resources.project_root() / "resources"


def test_the_environment_variable_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(resources.RESOURCES_ENV_VAR, str(tmp_path))
    assert resources.resources_dir() == tmp_path
    monkeypatch.setenv(resources.RESOURCES_ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(resources.ResourceNotFoundError, match="nowhere"):
        resources.resources_dir()


def test_a_missing_folder_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "project_root", lambda: tmp_path / "checkout")
    monkeypatch.setattr(resources, "bundle_root", lambda: None)
    with pytest.raises(resources.ResourceNotFoundError, match="checkout"):
        resources.seeds_dir()
