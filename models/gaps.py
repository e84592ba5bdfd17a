"""Why an article has no headline, no date or no value for a measure, in words a user reads.

The table and the charts show "–" where a value is missing; these phrases say why, naming
the file, so that a missing headline or date reads as a fact about the file (and how to
give one), not as a fault of the app. One place for the phrases: the table's tooltips and
the outlet heatmap's hover text and note use them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the table imports this module: no analysis modules at start-up
    from models.article import Article
    from models.features import ArticleAnalysis

#: The measures computed from the headline: undefined for an article without one.
HEADLINE_KEYS: frozenset[str] = frozenset(
    {"headline_tone", "headline_tone_news", "headline_hedged", "headline_body_gap",
     "headline_sensational"}
)

HOW_TO_GIVE_HEADLINE = (
    "A headline is a short line without a full stop at the top of the text "
    "(a '#' heading in Markdown, the page title of a web page), a short line ending "
    "in a full stop set apart by a blank line above the body and worded as a headline "
    "('Senate Blocks Gun Bill.', 'Poll: voters back checks.'), or the 'headline' "
    "column of a manifest.csv beside the files or of a corpus file."
)
HOW_TO_GIVE_DATE = (
    "A date is read from a date stamp on a line of its own or opening the text "
    "('Published 18 May 2023', '2023-05-18'), from a web page's metadata, or from the "
    "'date' column of a manifest.csv beside the files or of a corpus file; dates "
    "mentioned in the body are not taken as the publication date."
)


def where(article: Article) -> str:
    """The file an article came from, as a user knows it: 'notes.txt', or 'corpus.csv,
    row 12' for one article of a file that holds many."""
    name = Path(article.source).name if article.source else article.article_id
    for note in article.notes:
        # The readers' notes for one article among many: "row 12 of corpus.csv",
        # "article 3 of 40 in a Nexis Uni export".
        if note.endswith(f" of {name}"):
            return f"{name}, {note.removesuffix(f' of {name}')}"
        if note.startswith("article ") and " export" in note:
            return f"{name}, {note}"
    return name


def no_headline(article: Article) -> str:
    """'No headline found in FILE.' (one line; see :data:`HOW_TO_GIVE_HEADLINE`)."""
    return f"No headline found in {where(article)}."


def no_date(article: Article) -> str:
    """'No date found in FILE.' (one line; see :data:`HOW_TO_GIVE_DATE`)."""
    return f"No date found in {where(article)}."


def explained(reason: str, how: str, width: int = 72) -> str:
    """``reason`` on its first line, then ``how`` wrapped (a plain-text tooltip does not
    wrap by itself)."""
    return reason + "\n" + textwrap.fill(how, width)


def why_undefined(analysis: ArticleAnalysis, key: str) -> str:
    """Why ``key`` has no value for this article (one line), or '' when the reason is the
    measure's own definition (its Methods text says when it is empty)."""
    article = analysis.article
    if key in HEADLINE_KEYS and not article.headline:
        return no_headline(article)
    if analysis.scores.value("words") == 0:
        return f"No body text found in {where(article)}."
    return ""


def outlet_reason(analyses: Sequence[ArticleAnalysis], key: str, *, shown: int = 3) -> str:
    """Why an outlet's articles (all without a value for ``key``) have none: the reasons
    of its articles, when they share one kind ('No headline found in a.txt, b.txt.'); ''
    when they differ or have none."""
    if not analyses:
        return ""
    if key in HEADLINE_KEYS and all(not a.article.headline for a in analyses):
        return "No headline found in " + _files(analyses, shown) + "."
    if all(a.scores.value("words") == 0 for a in analyses):
        return "No body text found in " + _files(analyses, shown) + "."
    return ""


def _files(analyses: Sequence[ArticleAnalysis], shown: int) -> str:
    names = [where(a.article) for a in analyses]
    more = len(names) - shown
    return "; ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")
