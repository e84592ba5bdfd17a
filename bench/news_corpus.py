"""Big news corpora for the benchmarks, built at bench time in a temporary folder.

Originals are the PolNeAR article texts (``../shared/data/polnear``, read in
place and never copied into the repository) and the seeds; when PolNeAR is
absent, deterministic synthetic news-like articles take their place. The
rest of the corpus is wire copy: each copy is an original as another outlet
ran it: its own headline line, sometimes a dateline, often trimmed at the
end, sometimes with a closing line of its own. Every file is distinct (the
readers drop byte-identical files), and a ``manifest.csv`` names the outlets.

    from news_corpus import build_corpus
    info = build_corpus(Path(tmp), articles=2400, outlets=12)
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import bench_common  # noqa: F401  (this checkout's models and desktop, not the installed one)

from models.resources import seeds_dir

_REPO = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (or beside the folder of worktrees).
DATA_CANDIDATES = (_REPO.parent / "shared" / "data", _REPO.parent.parent / "shared" / "data")
POLNEAR = next(
    (d / "polnear" / "data" for d in DATA_CANDIDATES if (d / "polnear").is_dir()),
    DATA_CANDIDATES[0] / "polnear" / "data",
)

OUTLET_NAMES = (
    "Associated Press", "Reuters", "Agence France-Presse", "The Daily Ledger", "Morning Courier",
    "Evening Standard-Post", "Valley Herald", "Coastal Times", "Capital Gazette", "Prairie News",
    "Harbor Tribune", "Metro Chronicle", "Northern Observer", "Southern Record", "River City Star",
    "Lakeside Journal", "Highland Dispatch", "Union Register", "Mountain Sentinel", "Bay Examiner",
    "Summit Daily", "Central Bulletin", "Frontier Press", "Atlantic Monitor", "Pacific Review",
    "Granite Voice", "Liberty Banner", "Civic Wire", "Plains Mirror", "Delta Messenger",
)
DATELINES = ("WASHINGTON", "NEW YORK", "LONDON", "CHICAGO", "BRUSSELS", "DES MOINES")


@dataclass(frozen=True)
class CorpusInfo:
    folder: Path
    articles: int
    originals: int
    outlets: int
    source: str  # "PolNeAR + seeds" or "synthetic"


def _originals(limit: int | None = None) -> tuple[list[str], str]:
    texts: list[str] = []
    for split in ("train", "dev"):
        folder = POLNEAR / split / "text"
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    source = "PolNeAR + seeds" if texts else "synthetic"
    texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    if source == "synthetic":
        rng = random.Random(7)
        texts += [synthetic_article(rng) for _ in range(max(0, (limit or 900) - len(texts)))]
    return (texts[:limit] if limit else texts), source


def _paragraphs(text: str) -> list[str]:
    return [p for p in (q.strip() for q in text.split("\n\n")) if p]


def wire_copy(original: str, outlet: str, number: int, rng: random.Random) -> str:
    """``original`` as ``outlet`` ran it: new headline line, maybe a dateline, trimmed."""
    paragraphs = _paragraphs(original)
    if len(paragraphs) < 2:
        paragraphs = [*paragraphs, "More details were not immediately available."]
    headline, body = paragraphs[0], paragraphs[1:]
    words = headline.rstrip(".").split()
    styles = (
        " ".join(words),
        " ".join(words[: max(4, len(words) - 2)]) + ", report says",
        f"{outlet}: " + " ".join(words),
        " ".join(w.capitalize() for w in words),
    )
    lines = [styles[number % len(styles)]]
    if rng.random() < 0.4:
        body = [f"{rng.choice(DATELINES)} ({outlet}) — {body[0]}", *body[1:]]
    if len(body) > 3 and rng.random() < 0.6:
        body = body[: len(body) - rng.randint(1, min(3, len(body) - 2))]
    if rng.random() < 0.3:
        body = [*body, f"{outlet} staff contributed to this report (copy {number})."]
    return "\n\n".join(lines + body) + "\n"


def build_corpus(
    folder: Path, *, articles: int, outlets: int, originals: int | None = None, seed: int = 1
) -> CorpusInfo:
    """Write ``articles`` files (originals first, then wire copies) and a manifest."""
    if outlets > len(OUTLET_NAMES):
        raise ValueError(f"at most {len(OUTLET_NAMES)} outlets")
    texts, source = _originals(originals)
    texts = texts[:articles]
    rng = random.Random(seed)
    names = OUTLET_NAMES[:outlets]
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str]] = []
    for i in range(articles):
        outlet = names[i % outlets]
        if i < len(texts):
            text = texts[i]
        else:
            text = wire_copy(texts[i % len(texts)], outlet, i // len(texts), rng)
        name = f"{i:05d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append({"file": name, "outlet": outlet, "date": f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}"})
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "outlet", "date"])
        writer.writeheader()
        writer.writerows(rows)
    return CorpusInfo(folder, articles, min(len(texts), articles), outlets, source)


# --- synthetic news, when no real texts are at hand ------------------------------

_SUBJECTS = (
    "The minister", "Officials", "The senator", "A spokesperson for the agency", "Analysts",
    "The company", "Local residents", "The governor", "Prosecutors", "The central bank",
    "Opposition leaders", "A senior diplomat", "Witnesses", "The mayor's office", "Economists",
)
_VERBS = (
    "said the plan would", "warned that the decision could", "claimed the measure might",
    "insisted the talks will", "suggested the proposal may", "denied that the budget would",
    "confirmed that the inquiry will", "argued the reform could", "admitted the deal might",
)
_OBJECTS = (
    "raise taxes for millions of families", "end the dispute within weeks",
    "delay the vote until next year", "cost the state billions of dollars",
    "protect thousands of jobs in the region", "trigger a sharp fall in prices",
    "undermine confidence in the courts", "bring relief to flooded towns",
    "spark protests across the country", "clearly improve public safety",
)
_TAILS = (
    "according to people familiar with the matter.", "sources close to the talks said.",
    "a report published on Tuesday found.", "though the figures remain disputed.",
    "in a statement released late on Monday.", "an anonymous official told reporters.",
    "which critics called a disaster.", "a move welcomed by business groups.",
)


def synthetic_article(rng: random.Random) -> str:
    """A news-like article: a headline and 4-8 paragraphs of attributed, hedged claims."""
    headline = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    paragraphs = [headline.replace(" the ", " The ", 1).rstrip(".")]
    for _ in range(rng.randint(4, 8)):
        sentences = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}, "
            f"{rng.choice(_TAILS)}"
            for _ in range(rng.randint(1, 3))
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"
