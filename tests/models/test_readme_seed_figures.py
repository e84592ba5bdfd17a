"""Figures README.md gives for the shipped seeds, computed again."""

import re
from pathlib import Path

from models.pipeline import analyze_paths

REPO = Path(__file__).resolve().parents[2]


def test_the_readme_s_own_voice_example_is_the_seed_s_scores():
    """README said the MoD-based report's 1.48 epistemic hedges per 100 words were 0.13
    of its own and 1.35 quoted; by session 28 the rules (s27's six false hedges gone)
    gave 1.35, 0.00 and 1.35, and nothing checked the sentence."""
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"the MoD-based report's (\d\.\d\d) epistemic hedges per 100 words are "
                     r"(\d\.\d\d) of its own and (\d\.\d\d) quoting or reporting", readme)
    assert said is not None
    corpus = analyze_paths([REPO / "seeds" / "004_3fc53e922aa18798.txt"])
    (analysis,) = corpus.analyses
    scores = analysis.scores
    assert said.groups() == (f"{scores.hedges_epistemic_per_100w:.2f}",
                             f"{scores.hedges_epistemic_own_per_100w:.2f}",
                             f"{scores.hedges_epistemic_quoted_per_100w:.2f}")
