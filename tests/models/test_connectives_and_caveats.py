"""Two readings audit22 (session 22) found wrong in the MoD-based seed:

* "Despite the fact that …" counted a factuality booster: there "the fact that" is part
  of a connective (= "although") and signals no certainty;
* "Reuters was unable to verify the battlefield situation." made Reuters a named source,
  the channel of a report: it is the writing agency's own caveat."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.cues import default_finder
from models.features import analyze_article
from models.readers import read_file
from models.sources import named_mentions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def boosters(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "booster"]


@pytest.mark.parametrize("opening", ["Despite", "In spite of", "Due to", "Because of",
                                     "Given", "Regardless of", "Notwithstanding"])
def test_the_fact_that_after_a_connective_is_no_booster(opening: str) -> None:
    assert boosters(f"{opening} the fact that the units lack equipment, they advanced.") == []


def test_the_fact_that_elsewhere_stays_a_booster() -> None:
    assert boosters("The fact that the units advanced shows the plan worked.") == \
        ["The fact that"]
    assert boosters("She pointed to the fact that the units advanced.") == ["the fact that"]


def _seed_004():
    (path,) = SEEDS.glob("004_*.txt")
    return analyze_article(read_file(path))


def test_the_seed_counts_no_booster_in_its_concessive() -> None:
    analysis = _seed_004()
    assert not any(s.category == "booster" and s.term == "the fact that"
                   for s in analysis.spans)


def test_a_writing_agency_s_own_caveat_names_no_source() -> None:
    analysis = _seed_004()
    named = {mention.text for _, mention in named_mentions(analysis)}
    assert "Reuters" not in named
    # The article's named speakers stay.
    assert {"Kremlin spokesman Dmitry Peskov", "military spokesman Serhiy Cherevatyi"} <= named


@pytest.mark.parametrize("caveat", [
    "Reuters was unable to verify the report.",
    "Reuters could not independently verify the claims.",
    "AFP was not able to verify the figures.",
])
def test_caveats_of_a_medium_after_a_report_name_no_source(tmp_path: Path, caveat: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Army advances near town\n\nThe army said on Monday that its units had "
                    "advanced two kilometres near the town after a week of fighting in the "
                    f"area. {caveat}\n", encoding="utf-8")
    analysis = analyze_article(read_file(path))
    medium = caveat.split()[0]
    assert medium not in {m.text for _, m in named_mentions(analysis)}


def test_a_medium_that_reports_stays_a_channel(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Army advances near town\n\nThe army said on Monday that its units had "
                    "advanced two kilometres near the town after a week of fighting in the "
                    "area, Reuters reported.\n", encoding="utf-8")
    analysis = analyze_article(read_file(path))
    assert "Reuters" in {m.text for _, m in named_mentions(analysis)}
