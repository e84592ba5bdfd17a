"""scores.csv's cue rates and source counts recompute from spans.csv, as a researcher
checking the numbers would: each rate is the article's body spans of its kind (not in the
headline, not negated) per 100 body words. Session 31 checked this with a script only."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from tests.e2e.test_cli import SEEDS, framescope, rows

#: scores.csv column -> (spans.csv category, subcategory or None for any).
RATES = {
    "hedges_epistemic_per_100w": ("hedge", "epistemic"),
    "hedges_evidential_per_100w": ("hedge", "evidential"),
    "hedges_weasel_per_100w": ("hedge", "weasel"),
    "hedges_vague_per_100w": ("hedge", "vague"),
    "boosters_per_100w": ("booster", None),
    "attributions_per_100w": ("attribution", None),
    "loaded_per_100w": ("loaded", None),
}
COUNTS = {
    "sources_anonymous": ("source", "anonymous"),
    "sources_described": ("source", "described"),
}


def test_scores_recompute_from_spans(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = framescope("analyze", str(SEEDS), "--out", str(out), "--no-charts")
    assert done.returncode == 0, done.stderr
    spans = rows(out / "spans.csv")
    scores = rows(out / "scores.csv")
    assert len(scores) == 5
    checked = nonzero = 0
    for row in scores:
        body = [s for s in spans if s["article_id"] == row["article_id"]
                and s["in_headline"] == "0" and s["negated"] == "0"]
        kinds = Counter((s["category"], s["subcategory"]) for s in body)
        categories = Counter(s["category"] for s in body)
        words = int(row["words"])
        assert words > 0
        for column, (category, sub) in RATES.items():
            n = categories[category] if sub is None else kinds[category, sub]
            assert math.isclose(float(row[column]), 100 * n / words, rel_tol=1e-5), (
                row["article_id"], column, row[column], n, words)
            checked += 1
            nonzero += n > 0
        for column, (category, sub) in COUNTS.items():
            assert int(row[column]) == kinds[category, sub], (row["article_id"], column)
            checked += 1
    assert checked == 5 * (len(RATES) + len(COUNTS))
    assert nonzero >= 20  # the seeds have cues of most kinds: the check compares real counts
