"""The codebook of the files ``framescope analyze`` writes beside scores.csv and
outlets.csv: one description per column of spans.csv, errors.csv, claims.csv,
sources.csv, reuse.csv, topics.csv, distinctive_words.csv, off_story.csv and of
codebook.csv itself.

The columns themselves, in their order, are the writers' lists in
:mod:`models.export` (:data:`models.export.SPANS_COLUMNS` …); here each file's
columns are described by name, and :func:`file_codebook_rows` gives them in the
file's order, refusing a column with no description or a description of no
column. Values the code defines (the cue categories, the certainty levels, the
merge rules, the numbers of the methods) are taken from the code that uses them,
not written again; the measures' definitions and citations come from
:mod:`models.measures`. scores.csv and outlets.csv are described there
(:func:`models.measures.codebook_rows`, :func:`models.measures.outlet_codebook_rows`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.measures import (
    _VOICE,
    CLAIM_MEASURES,
    DISPLAY_KINDS,
    SELECTION_MEASURES,
    Measure,
    definition_lead,
    lead_and_method_sentence,
    lead_sentence,
    measure,
    sentence_codebook_rows,
)

#: How the app shows a text, an id or a number it does not convert.
AS_WRITTEN = "as written"
#: How the app shows a number it uses but does not show.
NOT_SHOWN = "not shown (the CSV's alone)"
#: How the app shows a character offset: the text there, highlighted.
OFFSET_SHOWN = "not shown: the app highlights the text there"
#: The unit of a 0/1 flag, as in scores.csv.
FLAG = "0 or 1"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a CSV file, as its codebook row gives it."""

    label: str
    unit: str
    definition: str
    citation: str = ""
    app_shows: str = AS_WRITTEN

    def row(self, file: str, column: str) -> dict[str, str]:
        """This column's codebook row, for column ``column`` of ``file``."""
        return {"file": file, "column": column, "label": self.label, "unit": self.unit,
                "app_shows": self.app_shows, "definition": self.definition,
                "citation": self.citation}


def _flag(label: str, definition: str, citation: str = "") -> Column:
    return Column(label, FLAG, definition, citation, DISPLAY_KINDS["flag"])


def _corpus_measure(key: str) -> Measure:
    """A measure across outlets (:data:`models.measures.CLAIM_MEASURES`,
    :data:`models.measures.SELECTION_MEASURES`) by key."""
    return next(m for m in (*CLAIM_MEASURES, *SELECTION_MEASURES) if m.key == key)


def _listed(values: Sequence[str]) -> str:
    return ", ".join(values)


def article_column(what: str = "the row is about") -> Column:
    """The article_id column of a file whose rows are about articles: ``what`` says which
    article ("stating the claim"); the charts' data files use it too."""
    return Column("Article", "id", f"The article {what}: scores.csv's article_id.")


def _outlet(what: str = "the article's outlet") -> Column:
    return Column("Outlet", "text", f"The outlet, as in scores.csv: {what}.")


# ---- spans.csv ---------------------------------------------------------------------

def _rule_subcategories() -> dict[str, tuple[str, ...]]:
    """The subcategories rules give, not a lexicon file: weasel words and vague
    quantities among the hedges; pronoun, group, document and described sources."""
    from models.attribution import DESCRIBED, DOCUMENT, GROUP
    from models.cues import PRONOUN, VAGUE, WEASEL

    return {"hedge": (WEASEL, VAGUE), "source": (PRONOUN, GROUP, DOCUMENT, DESCRIBED)}


def span_subcategories() -> dict[str, tuple[str, ...]]:
    """Each cue category (:data:`models.article.CATEGORIES`) and the subcategories its
    spans may have: those of its lexicon file (:data:`models.lexicons.LEXICON_FILES`),
    then those rules give. A loaded word's subcategory is its lexicon entry's free
    ``kind``: here the kinds of the shipped lexicon, in file order."""
    from models.article import CATEGORIES
    from models.lexicons import LEXICON_FILES, load_lexicon

    by_rules = _rule_subcategories()
    found: dict[str, tuple[str, ...]] = {}
    for spec in LEXICON_FILES.values():
        listed = spec.subcategories
        if listed is None:  # free kinds (loaded words): those the lexicon has
            listed = tuple(dict.fromkeys(
                e.subcategory for e in load_lexicon().by_category(spec.category)))
        found[spec.category] = listed + by_rules.get(spec.category, ())
    return {category: found[category] for category in CATEGORIES}


def _spans() -> dict[str, Column]:
    from models.lexicons import SCALES

    subcategories = span_subcategories()
    voice = _VOICE.strip()
    estimate = measure("estimative_probability_mean").citation  # the probability scales
    return {
        "article_id": article_column("the cue is in"),
        "start": Column("Start", "character offset",
                        "Where the cue starts in the article's decoded text, counted from 0 "
                        "(text == article_text[start:end]).", "", OFFSET_SHOWN),
        "end": Column("End", "character offset",
                      "One past the cue's last character in the article's decoded text.",
                      "", OFFSET_SHOWN),
        "text": Column("Cue", "text", "The cue as the article writes it."),
        "category": Column("Category", "text",
                           f"The kind of cue, one of: {_listed(list(subcategories))}."),
        "subcategory": Column(
            "Subcategory", "text",
            "The cue's subcategory, by category: "
            + "; ".join(f"{category}: {_listed(values)}"
                        for category, values in subcategories.items())
            + ". Those of a category's lexicon file come first (resources/lexicons/README.md "
            "describes each); then those found by rules, not a lexicon ("
            + "; ".join(_listed(values) for values in _rule_subcategories().values())
            + "). A loaded word's is its lexicon entry's kind: a lexicon edited by the user "
            "may add kinds."),
        "in_headline": _flag("In the headline",
                             "1 when the cue is in the headline (sentence_index -1)."),
        "probability_low": Column(
            "Probability, low", "probability 0–1",
            "The low end of an epistemic hedge's estimated probability that the claim is "
            f"true, from its lexicon entry's scale ({_listed(SCALES)}); a negated estimate "
            "('not likely', 'probably not') carries the complementary range (1 − high to "
            "1 − low); empty for other cues and for an epistemic hedge without a range.", estimate, DISPLAY_KINDS["share"]),
        "probability_high": Column(
            "Probability, high", "probability 0–1",
            "The high end of the range given in probability_low.", estimate,
            DISPLAY_KINDS["share"]),
        "term": Column("Term", "text",
                       "The lexicon entry the cue matched (its term, whatever form the text "
                       "uses); for a cue found by a rule, its words in lower case or the "
                       "rule's name ('open question')."),
        "negated": _flag("Negated",
                         "1 when a hedge or booster is negated ('not likely', 'never "
                         "certain'); negated cues are not counted in the rates of scores.csv."),
        "quoted": _flag("Quoted",
                        "1 when the cue is a speaker's words, not the outlet's: its first "
                        "character is inside a direct quotation or in the content of "
                        "reported speech (the rule of the own-voice and quoted measures, in "
                        "Help ▸ Methods).", voice),
        "reported": _flag("Reported speech",
                          "1 when the cue is quoted as reported speech only (a report "
                          "verb's content, without quotation marks); every such cue is "
                          "also quoted.", voice),
    }


# ---- errors.csv --------------------------------------------------------------------

def _errors() -> dict[str, Column]:
    from models.readers.language import MIN_ENGLISH_SHARE, MIN_WORDS, NOT_ENGLISH_LEAD

    return {
        "file": Column("File", "path",
                       "The file that could not be read or analysed, or was read in part "
                       "or passed over (its path; a manifest.csv for a problem of one of "
                       "its rows); the article's id where an article has no file."),
        "reason": Column("Reason", "text",
                         "What happened, in words: why the file was not read, which part "
                         "was left out, or what the user should know about it (a file of a "
                         "type not read, an article with no body text, an article whose "
                         f"text may not be English: '{NOT_ENGLISH_LEAD}: …', when under "
                         f"{MIN_ENGLISH_SHARE:.0%} of a body of {MIN_WORDS} words or more "
                         "are common English words; that article is scored all the same, "
                         "and its scores mean little), or that Framescope could not analyse "
                         "an article (an internal error: its technical detail is in the "
                         "diagnostics log, framescope.log). A notice about one article of a "
                         "file that holds several begins with its id."),
    }


# ---- claims.csv --------------------------------------------------------------------

def _claims() -> dict[str, Column]:
    from models.claims import DEFAULT_THRESHOLD
    from models.measures import CERTAINTY_DEFINITIONS, CERTAINTY_LEVELS

    claim = _corpus_measure("claim")
    certainty = _corpus_measure("certainty")
    threshold = _corpus_measure("claim_threshold")
    levels = " ".join(f"{level}: {lead_sentence(CERTAINTY_DEFINITIONS[level])}"
                      for level in CERTAINTY_LEVELS)
    return {
        "claim_id": Column("Claim", "id",
                           "The claim's number, from 1: claims carried by more outlets "
                           "first, then by more articles, then by their first mention in "
                           "the corpus's order. " + definition_lead(claim.definition),
                           claim.citation),
        "claim_label": Column("Claim label", "text",
                              "The claim's most central sentence (the highest mean cosine "
                              "similarity to the claim's other sentences; a tie goes to the "
                              "sentence loaded first), which names it.",
                              claim.citation),
        "article_id": article_column("stating the claim"),
        "outlet": _outlet("the article's outlet"),
        "sentence": Column("Sentence", "text", "The sentence stating the claim."),
        "certainty": Column(
            certainty.label, "level",
            f"One of {_listed(CERTAINTY_LEVELS)}: how certain the sentence makes the claim. "
            + levels, certainty.citation),
        "probability_low": Column(
            "Probability, low", "probability 0–1",
            "For an epistemic sentence, the low end of its hedge's estimated probability "
            "(as spans.csv's); for an attributed one whose hedge is the speaker's (in a "
            "quotation or reported speech), that hedge's; else empty.",
            certainty.citation, DISPLAY_KINDS["share"]),
        "probability_high": Column(
            "Probability, high", "probability 0–1",
            "The high end of the range given in probability_low.", certainty.citation,
            DISPLAY_KINDS["share"]),
        "attributed_to": Column("Attributed to", "text",
                                "The source the sentence credits, nearest its attribution "
                                "(passing over a name inside a dash or bracket aside), at "
                                "any level (a factive 'revealed' stays asserted and names "
                                "its source). A quotation without a speaker of its own takes "
                                "the one opening the next sentence ('He added:') or at the "
                                "end of a quotation that runs on, else the source named last "
                                "within five sentences before it; empty where none is "
                                "named."),
        "cue": Column("Cue", "text",
                      "The words that decided the certainty: the denial, the hedge, the "
                      "report verb or phrase, 'quotation' for a quotation, the factive "
                      "verb; empty for a plain assertion."),
        "representative": _flag("Representative",
                                "1 for the sentence that gives its article's certainty for "
                                "the claim: of the article's sentences in the claim, the one "
                                "most similar to the claim's label (then the closest to its "
                                "centre); one per article and claim."),
        "similarity": Column("Similarity to the claim", "cosine 0–1",
                             "The sentence's cosine similarity to the claim's centre (the "
                             "sum of the unit vectors of the claim's sentences).",
                             claim.citation, NOT_SHOWN),
        "claim_outlets": Column("Outlets carrying the claim", "outlets",
                                "The outlets with at least one article carrying the claim.",
                                "", DISPLAY_KINDS["count"]),
        "threshold": Column(threshold.label, threshold.unit,
                            f"The run's threshold (--claim-threshold, default "
                            f"{DEFAULT_THRESHOLD:g}; the threshold of the app's Claims view). "
                            + definition_lead(threshold.definition),
                            threshold.citation, DISPLAY_KINDS["decimal"]),
    }


# ---- sources.csv -------------------------------------------------------------------

def _sources() -> dict[str, Column]:
    from models.sources import MERGE_RULES, SOURCE_TYPES

    sources = _corpus_measure("source_mentions")
    return {
        "source_id": Column("Source", "id",
                            "The source after merging its mentions (one id across the "
                            "corpus): its key in lower case, other characters than letters, "
                            "digits and ':' as '-'. 'anonymous:ARTICLE:…' for an anonymous "
                            "source (never merged across articles), 'unnamed:ARTICLE:…' for "
                            "a role or description no named source resolves, which the "
                            "Sources chart leaves out. " + definition_lead(sources.definition),
                            sources.citation),
        "source_name": Column("Source name", "text",
                              "The name the app shows for the source: the alias list's "
                              "name, else its name as written; 'unnamed …' or the phrase "
                              "for an unnamed or anonymous one."),
        "source_type": Column("Source type", "text",
                              f"One of {_listed(SOURCE_TYPES)}: the type most of its "
                              "mentions have (a tie: the first of these)."),
        "aliases": Column("Aliases", "text",
                          "The names the source is written as across the corpus ('|' "
                          "between them, case-insensitive order): its named mentions' "
                          "names, an anonymous source's phrase."),
        "article_id": article_column("citing the source"),
        "outlet": _outlet("the article's outlet"),
        "mentions": Column("Mentions", "mentions",
                           "The source's mentions in the article: as the speaker of a "
                           "report, or as the news medium it came through (via_mentions).",
                           sources.citation, DISPLAY_KINDS["count"]),
        "report_verbs": Column("Report verbs", "text",
                               "The report verbs of its mentions ('|' between them, "
                               "sorted): for each, the lexicon term of the attribution cue "
                               "nearest it in its sentence."),
        "via_mentions": Column("Mentions as the channel", "mentions",
                               "Of the mentions, those naming a news medium as the channel "
                               "of a report ('told The Moscow Times'), not its speaker.",
                               "", DISPLAY_KINDS["count"]),
        "merged_by": Column("Merged by", "text",
                            "The rules that merged the source's mentions ('|' between them), "
                            f"in this order: {_listed(MERGE_RULES)}; empty when none did.",
                            sources.citation),
        "texts": Column("Texts", "text",
                        "The source's mentions in the article as written ('|' between "
                        "them, in the order they first appear)."),
    }


# ---- reuse.csv ---------------------------------------------------------------------

def _reuse() -> dict[str, Column]:
    from models.reuse import MAX_GAP, MIN_SHARED_WORDS, SHINGLE

    passage = _corpus_measure("shared_words")
    cite = passage.citation

    def side(s: str) -> dict[str, Column]:
        which = "first" if s == "a" else "second"
        return {
            f"article_{s}": Column(f"Article {s}", "id",
                                   f"The {which} article of the pair, in the corpus's order "
                                   "(each pair once): scores.csv's article_id."),
            f"outlet_{s}": _outlet(f"article {s}'s outlet"),
            f"start_{s}": Column(f"Start in {s}", "character offset",
                                 f"Where the passage starts in article {s}'s decoded text, "
                                 "counted from 0.", "", OFFSET_SHOWN),
            f"end_{s}": Column(f"End in {s}", "character offset",
                               f"One past the passage's last character in article {s}'s "
                               "text.", "", OFFSET_SHOWN),
        }

    return {
        **side("a"),
        **side("b"),
        "shared_words": Column(
            passage.label, "words",
            f"{lead_and_method_sentence(passage.definition)} Here: the words of article a's passage "
            f"covered by runs of {SHINGLE} words within a sentence (shingles) that both "
            f"articles have, chained along the same offset with gaps of up to {MAX_GAP} "
            f"changed words; a passage counts from {MIN_SHARED_WORDS}.", cite,
            DISPLAY_KINDS["count"]),
        "text": Column("Passage in a", "text",
                       "The passage as article a writes it (article a's text[start_a:end_a])."),
        "text_b": Column("Passage in b", "text",
                         "The passage as article b writes it (text[start_b:end_b])."),
        "words_a": Column("Words in a", "words",
                          "The passage's length in article a, in words (normalised tokens: "
                          "case folded, punctuation dropped).", "", DISPLAY_KINDS["count"]),
        "words_b": Column("Words in b", "words", "The passage's length in article b, in words.",
                          "", DISPLAY_KINDS["count"]),
        "verbatim": _flag("Verbatim",
                          "1 when the passage's words are the same in both articles (after "
                          "case folding and dropping punctuation).", cite),
        "quotation": _flag("Quotation in both",
                           "1 when the passage lies inside a quotation in both articles (one "
                           "that opens before the passage and is still open at its end).",
                           cite),
        "direction": Column(
            "Direction", "text",
            "Which way the passage went: 'a->b' or 'b->a' when both articles are dated on "
            "different days (the earlier is the source); else 'common' when a third article "
            "has the passage, it is a quotation in both, or both cite the same named source "
            "there; else 'unknown'.", cite),
        "also_in": Column("Also in", "id",
                          "The other articles (their article_id, '|' between them, sorted) "
                          "in which an overlapping passage of either article is found too."),
        "common_sources": Column("Common sources", "text",
                                 "The named sources (their source_name in sources.csv, '|' "
                                 "between them, sorted) cited in the passage's sentences in "
                                 "both articles."),
    }


# ---- topics.csv, distinctive_words.csv, off_story.csv ------------------------------

def _topics() -> dict[str, Column]:
    from models.emphasis import TOP_WORDS

    share = _corpus_measure("topic_share")
    off = _corpus_measure("off_story_share")
    return {
        "topic_id": Column("Topic", "id",
                           "The topic's number, counted from 0 (the Topics chart counts from "
                           "1); 'off_story' on the outlet's row of off-story sentences.",
                           share.citation, "counted from 1: the chart's topic 1 is topic_id 0"),
        "topic_label": Column("Topic label", "text",
                              "The topic's first four top words, joined by ' · '; '"
                              f"{off.label}' on the off_story row."),
        "top_words": Column("Top words", "text",
                            f"The topic's {TOP_WORDS} strongest words (the largest weights "
                            "of its NMF component), strongest first, separated by spaces; "
                            "empty on the off_story row.", share.citation),
        "outlet": _outlet("one row per topic and outlet"),
        "sentences": Column("Sentences", "sentences",
                            "The outlet's body sentences whose strongest topic this is (on the "
                            "off_story row: its off-story sentences).", "",
                            DISPLAY_KINDS["count"]),
        "outlet_sentences": Column("Outlet's sentences", "sentences",
                                   "The outlet's body sentences.", "", DISPLAY_KINDS["count"]),
        "share": Column(share.label, share.unit,
                        "sentences / outlet_sentences (empty for an outlet with none). "
                        f"{lead_and_method_sentence(share.definition)} On the off_story row: "
                        f"{lead_and_method_sentence(off.definition)}", share.citation,
                        f"{DISPLAY_KINDS['share']}; the CSV gives {share.unit}"),
    }


def _distinctive_words() -> dict[str, Column]:
    from models.emphasis import DISTINCTIVE_ROWS

    z = _corpus_measure("distinctive_z")
    return {
        "outlet": _outlet("the outlet whose words the row weighs against the others'"),
        "word": Column("Word", "text",
                       "A word of the body sentences: lower case, three letters or more, not "
                       "an English stop word (scikit-learn's list), not stemmed."),
        "z_score": Column(z.label, z.unit, lead_and_method_sentence(z.definition), z.citation,
                          DISPLAY_KINDS["decimal"]),
        "log_odds": Column("Log-odds ratio", "log-odds",
                           "The weighted log-odds ratio (natural logarithm) of the word in "
                           "this outlet against the other outlets, with the informative "
                           "Dirichlet prior: z_score's numerator.", z.citation, NOT_SHOWN),
        "count": Column("Count", "occurrences",
                        "The word's occurrences in the outlet's body sentences.", "",
                        DISPLAY_KINDS["count"]),
        "count_other_outlets": Column("Count, other outlets", "occurrences",
                                      "The word's occurrences in the other outlets' body "
                                      "sentences.", "", DISPLAY_KINDS["count"]),
        "rank": Column("Rank", "rank from 1",
                       "The word's place among the outlet's over-used words (z_score above "
                       f"0), highest z_score first (a tie: by word); the first {DISTINCTIVE_ROWS} "
                       "of each outlet are listed.", "", DISPLAY_KINDS["count"]),
    }


def _off_story() -> dict[str, Column]:
    from models.emphasis import OFF_STORY_FRACTION

    off = _corpus_measure("off_story_share")
    return {
        "article_id": article_column(),
        "outlet": _outlet("the article's outlet"),
        "topic_id": Column("Topic", "id",
                           "The sentence's strongest topic (topics.csv's topic_id; of equal "
                           "weights the first), -1 when it has weight in none.",
                           _corpus_measure("topic_share").citation),
        "support": Column("Support", "cosine 0–1",
                          "The sentence's cross-article support: the mean, over the other "
                          "articles, of its highest TF-IDF cosine similarity (lightly stemmed "
                          "words) with one of their sentences; 0 in a corpus of one article.",
                          off.citation, NOT_SHOWN),
        "support_smoothed": Column("Support, smoothed", "cosine 0–1",
                                   "support averaged with its neighbours in the article, "
                                   "weights 1-2-1 (the sentence twice): (2·s[i] + s[i−1] + "
                                   "s[i+1]) / (2 + neighbours).", off.citation, NOT_SHOWN),
        "off_story": _flag("Off-story",
                           f"1 when support_smoothed is below {OFF_STORY_FRACTION:g} times "
                           "the median support of the corpus's body sentences (never in a "
                           "corpus of one article). " + definition_lead(off.definition),
                           off.citation),
        "sentence": Column("Sentence", "text", "The body sentence's text."),
    }


# ---- codebook.csv ----------------------------------------------------------------------

def _codebook() -> dict[str, Column]:
    return {
        "file": Column("File", "text", "The file the row describes (scores.csv, outlets.csv, "
                       "spans.csv …): the files of one folder, one row per column."),
        "column": Column("Column", "text", "The column the row describes, as the file's "
                         "header names it; the rows of a file in its columns' order."),
        "label": Column("Label", "text", "The column's name in the app (the table's header, "
                        "the chart's title), where the app shows it."),
        "unit": Column("Unit", "text", "What the column's numbers count or measure (per 100 "
                       "words, share 0–1, character offset, index from 0 …), or text, id."),
        "app_shows": Column("App shows", "text", "How the app shows the CSV's value (a share "
                            "of 0.47 as 47%, a flag's 1 as yes, a sentence index counted "
                            "from 1); the CSV keeps the raw value."),
        "definition": Column("Definition", "text", "What the column holds and how it is "
                             "computed; a measure's first sentence (the whole is in Help ▸ "
                             "Methods and the report)."),
        "citation": Column("Citation", "text", "The work the method follows, where it "
                           "follows one; empty otherwise."),
    }


# ---- the codebook's rows -------------------------------------------------------------

#: Each file's descriptions, by column; the files in the order the codebook lists them.
_DESCRIBED: dict[str, Callable[[], dict[str, Column]]] = {
    "spans.csv": _spans,
    "errors.csv": _errors,
    "claims.csv": _claims,
    "sources.csv": _sources,
    "reuse.csv": _reuse,
    "topics.csv": _topics,
    "distinctive_words.csv": _distinctive_words,
    "off_story.csv": _off_story,
    "codebook.csv": _codebook,
}
CORPUS_FILES: tuple[str, ...] = tuple(_DESCRIBED)


def described(file: str) -> dict[str, Column]:
    """The descriptions of ``file``'s columns (one of :data:`CORPUS_FILES`), by column, for
    other codebooks whose columns mean the same (a chart's data)."""
    return _DESCRIBED[file]()


class CodebookError(ValueError):
    """A file's columns and their descriptions differ: a column was added or renamed
    without its codebook row (or a row describes no column)."""


def file_codebook_rows(file: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """One codebook row per column of ``file`` (one of :data:`CORPUS_FILES`), in the
    order of ``columns`` (the writer's list): the sentence-number columns as
    :func:`models.measures.sentence_codebook_rows` gives them, the others from this
    module's descriptions. Raises :class:`CodebookError` naming the columns without a
    row and the rows of no column."""
    described = _DESCRIBED[file]()
    sentences = {column: row for (of, column), row in sentence_codebook_rows().items()
                 if of == file}
    missing = [c for c in columns if c not in described and c not in sentences]
    stale = [c for c in (*described, *sentences) if c not in columns or
             (c in described and c in sentences)]
    if missing or stale or len(set(columns)) != len(columns):
        raise CodebookError(f"{file}: no codebook row for {missing}; rows for no column "
                            f"(or two for one): {stale}; columns {list(columns)}")
    rows: list[dict[str, str]] = []
    for column in columns:
        row = sentences.get(column)
        rows.append(row if row is not None else described[column].row(file, column))
    return rows
