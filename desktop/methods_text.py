"""The Methods and About texts, as HTML built from the measure registry.

Qt-free: the dialogs in :mod:`desktop.qt_methods` only display these strings,
and a script or the command line can write them to a file. Every measure's
wording comes from :data:`models.measures.MEASURES`; nothing is defined twice.
"""

from __future__ import annotations

import importlib.metadata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from models import __version__
from models.article import Role
from models.measures import (
    ARTICLE_SIMILARITY,
    CERTAINTY_DEFINITIONS,
    CERTAINTY_LEVELS,
    CLAIM_MEASURES,
    MEASURES,
    NOT_VALIDATED_WHY,
    SELECTION_MEASURES,
    SENTENCE_NUMBERING,
    lead_sentence,
)
from models.tone import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD
from models.validation import (
    MET,
    NO_GOAL,
    NOT_MEASURABLE,
    Validation,
    ValidationReport,
    load_validation,
)

APP_NAME = "Framescope"
PURPOSE = "Compare how news outlets frame the same story: certainty, sourcing, tone, headlines."
LICENCE = "MIT"


@dataclass(frozen=True, slots=True)
class ProbabilityBand:
    """A verbal probability expression and its range, from 0 to 1."""

    phrase: str
    low: float
    high: float

    def percent_text(self) -> str:
        return percent_range(self.low, self.high)


def percent_range(low: float, high: float) -> str:
    """'55–75%', '≤5%' for a band from 0, '≥95%' for a band up to 1."""
    lo, hi = round(low * 100), round(high * 100)
    if lo <= 0 and hi < 100:
        return f"≤{hi}%"
    if hi >= 100 and lo > 0:
        return f"≥{lo}%"
    if lo == hi:
        return f"{lo}%"
    return f"{lo}–{hi}%"


YARDSTICK_NAME = "UK Probability Yardstick"
ICD203_NAME = "ICD-203"

# The PHIA Probability Yardstick (Professional Head of Intelligence Assessment,
# "Explaining Uncertainty in UK Intelligence Assessment", GOV.UK 2025; first
# developed by UK Defence Intelligence). The gaps between
# bands are deliberate: the yardstick leaves them unnamed.
YARDSTICK_BANDS: tuple[ProbabilityBand, ...] = (
    ProbabilityBand("remote chance", 0.0, 0.05),
    ProbabilityBand("highly unlikely", 0.10, 0.20),
    ProbabilityBand("unlikely", 0.25, 0.35),
    ProbabilityBand("realistic possibility", 0.40, 0.50),
    ProbabilityBand("likely or probable", 0.55, 0.75),
    ProbabilityBand("highly likely", 0.80, 0.90),
    ProbabilityBand("almost certain", 0.95, 1.0),
)

# US Intelligence Community Directive 203 (2015), analytic standards.
ICD203_BANDS: tuple[ProbabilityBand, ...] = (
    ProbabilityBand("almost no chance / remote", 0.01, 0.05),
    ProbabilityBand("very unlikely / highly improbable", 0.05, 0.20),
    ProbabilityBand("unlikely / improbable", 0.20, 0.45),
    ProbabilityBand("roughly even chance", 0.45, 0.55),
    ProbabilityBand("likely / probable", 0.55, 0.80),
    ProbabilityBand("very likely / highly probable", 0.80, 0.95),
    ProbabilityBand("almost certain / nearly certain", 0.95, 0.99),
)


def probability_scale(low: float, high: float) -> tuple[str, ProbabilityBand] | None:
    """The scale and band whose range is exactly ``low``–``high`` (yardstick first)."""
    for name, bands in ((YARDSTICK_NAME, YARDSTICK_BANDS), (ICD203_NAME, ICD203_BANDS)):
        for band in bands:
            if abs(band.low - low) < 1e-6 and abs(band.high - high) < 1e-6:
                return name, band
    return None


# What each role of a block means, in the words of the Methods page.
ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.HEADLINE: "the article's headline: scored separately (headline tone, hedged, gap), "
    "never as body text; in plain text, the short line at the top (see below)",
    Role.KICKER: "a short label above or below the headline ('NO ESCAPE')",
    Role.SECTION: "a section label ('Russia')",
    Role.STANDFIRST: "the summary line under the headline",
    Role.BODY: "the running text of the article: the only text that is scored",
    Role.CROSSHEAD: "a short subheading inside the body ('Travel restrictions')",
    Role.CAPTION: "a photo caption",
    Role.CREDIT: "a photo credit ('Gavriil Grigorov/Sputnik via Reuters'; also with a final "
    "full stop, as some corpora end every paragraph: 'John Moore/Getty Images.')",
    Role.IMAGE_FILE: "an image file name left in the text",
    Role.ADVERT: "an advertisement marker ('ADVERTISEMENT'), the writer's or outlet's "
    "social-media promotion ('Follow Pam Key on Twitter @pamkeyNEN.') and sign-up offers "
    "('For more, sign up for the What’s Working newsletter.')",
    Role.LINK_LIST: "'Keep reading:' lists, teasers and link titles",
    Role.PAYWALL: "paywall and log-in prompts",
    Role.FOOTER: "copyright lines, a newsletter's 'Unsubscribe' footer and other page "
    "furniture",
    Role.DATELINE: "a dateline or outlet tag kept apart from the first body sentence",
    Role.METADATA: "machine residue such as 'date 2023-05-18', an embedded post's "
    "markup with its text ('<tweet …>…</tweet>': another account's words, not the "
    "article's) and notes about the article (corrections, 'This story has been "
    "updated…'; an editor's note is the outlet's own voice and stays body), the header "
    "lines of a saved or forwarded e-mail ('From:', 'Subject:'), a mail program's "
    "signature ('Sent from my iPhone') and page numbers left by a copy from a PDF",
}

KNOWN_LIMITS: tuple[str, ...] = (
    "Cues are found with lexicons: a paraphrase, an unusual wording or a cue split across "
    "a quotation is missed, and a listed word used in another sense is counted.",
    "A translated article carries the translator's choices: its hedges and report verbs "
    "are the translation's, not the original reporter's.",
    "Sarcasm, irony and scare quotes are not recognised; neither the cue lexicons nor "
    "VADER can tell them from plain statement.",
    "VADER was built for social-media text; on news prose its scores are a rough "
    "signal of tone, best compared between outlets rather than read as absolute values.",
    "Layout detection (body versus boilerplate) follows patterns; a caption or teaser "
    "that looks like a paragraph may be scored, and a short body paragraph may not.",
    "A first line that ends in a full stop is taken as the headline only when it is "
    "worded as one: a sentence-case headline with a past tense or two articles, or whose "
    "words neither recur in the first paragraph nor name someone it names in full, is "
    "missed (its article shows '–' for the headline measures; on PolNeAR's 924 texts, "
    "135 titles are missed, 56 of them among The Washington Post's 132), and a short "
    "title-case line opening a text without a headline, or a deck left at the top, is "
    "taken for one.",
    "Rates are per 100 body words: very short articles give unstable values, which the "
    "per-outlet intervals reflect.",
)

# Distribution names tried in order: PySide6 is often installed as its
# "Essentials" wheel only, which has no "PySide6" metadata of its own.
LIBRARIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PySide6", ("PySide6", "PySide6_Essentials")),
    ("matplotlib", ("matplotlib",)),
    ("scikit-learn", ("scikit-learn",)),
    ("vaderSentiment", ("vaderSentiment",)),
    ("trafilatura", ("trafilatura",)),
)


def library_version(distributions: Iterable[str]) -> str:
    """The installed version of the first distribution found, or 'not installed'."""
    for name in distributions:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "not installed"


def library_versions() -> list[tuple[str, str]]:
    """(library, version) for each library Framescope is built on."""
    return [(label, library_version(names)) for label, names in LIBRARIES]


@dataclass(frozen=True, slots=True)
class LexiconSummary:
    """The cue lexicon's version and how many entries each category holds."""

    version: str
    counts: dict[str, int]
    subcategory_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    error: str = ""


def _field(entry: Any, name: str) -> str:
    value = entry.get(name, "") if isinstance(entry, dict) else getattr(entry, name, "")
    return str(value or "")


def lexicon_summary() -> LexiconSummary | None:
    """The lexicon's version and entry counts, or None when no lexicon module exists."""
    try:
        from models.lexicons import load_lexicon
    except ImportError:
        return None
    try:
        lexicon = load_lexicon()
    except (OSError, ValueError) as error:  # LexiconError is a ValueError
        return LexiconSummary("", {}, error=f"The lexicon could not be loaded: {error}")
    entries = list(getattr(lexicon, "entries", ()))
    counts = Counter(_field(e, "category") or "other" for e in entries)
    subs: dict[str, Counter[str]] = {}
    for e in entries:
        subs.setdefault(_field(e, "category") or "other", Counter())[
            _field(e, "subcategory") or "—"
        ] += 1
    return LexiconSummary(
        str(getattr(lexicon, "version", "")),
        dict(counts),
        {category: dict(c) for category, c in subs.items()},
    )


def _minus(value: float) -> str:
    return f"{value:g}".replace("-", "−")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _band_rows(bands: Iterable[ProbabilityBand]) -> str:
    return "".join(
        f"<tr><td>{_e(b.phrase)}</td><td align='right'>{_e(b.percent_text())}</td></tr>"
        for b in bands
    )


_STYLE = (
    "<style>"
    "h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 18px; } "
    "h3 { font-size: 12pt; margin-bottom: 2px; } "
    "td, th { padding: 2px 8px 2px 0; vertical-align: top; } th { text-align: left; } "
    ".muted { color: #555555; } code { font-family: monospace; }"
    "</style>"
)


NOT_VALIDATED = "Not validated: no human-annotated data set checks this measure yet."

#: Whose labels the figures without a public data set rest on, said beside every figure.
TEAM_LABELS = (
    "Framescope is built by a team of AI language models working as its engineers. Where "
    "no public data set exists (hedges in news sentences, claim pairs, voice, named "
    "sources, the clickbait grades of headlines), a figure is agreement with labels or "
    "grades made by members of that team, shown as 'labelled by our team' or 'graded by "
    "two of our team': made by AI models following a written guideline, not by human "
    "annotators. Such a figure measures agreement with the guideline as they applied it, "
    "not agreement with people."
)

#: How the news sentences that check the hedges were drawn and labelled (bench/news_hedges.py).
NEWS_HEDGE_CHECK = (
    "No public data set marks uncertainty in news sentences, so we labelled our own. "
    "400 body sentences were drawn at random from the 84 development articles of PolNeAR "
    "(2016 US election news from seven outlets), split by this app's own reader: 160 from "
    "the sentences the hedge detector marks and 240 from the rest, so that both its false "
    "alarms and its misses are seen; the figures weigh each group back to its share of "
    "all 3,243 sentences. Who labelled them: Framescope is built by a team of AI language "
    "models working as its engineers, and every hand label behind the figures on this "
    "page (these sentences, the claim pairs, the voice and named-source checks, the "
    "clickbait grades) was made "
    "by members of that team, not by human annotators. Such a figure measures agreement "
    "with a written guideline as those labellers applied it, not agreement with people; "
    "it is not a substitute for a check by human readers. "
    "Two members of the Framescope team labelled every sentence "
    "independently, blind to the detector, following a written guideline: CoNLL-2010's "
    "notion of uncertainty adapted to news. A sentence is uncertain when the writer or a "
    "cited source presents it as not certain (may, likely, appears, suggests; 'some "
    "say'; reportedly, allegedly), not merely because it is attributed ('X said Y' is "
    "certain). They agreed on 388 of the 400 (Cohen's kappa 0.93); as both work on "
    "this project and followed the same guideline, that is likely more than independent "
    "annotators would reach. The validation figure of the hedge measures is the "
    "detector's uncertain-class F1 ('any hedge' in the sentence, as on CoNLL-2010) on the "
    "sentences both labellers agree on, with a 95% bootstrap interval; each labeller's "
    "own figure is in bench/validity.py's table. The labels file in the repository holds "
    "only article names, character offsets and a hash of each sentence, never its text. "
    "In session 17 the detector's rules for hypothetical 'would', 'I think' and 'I don't "
    "know' were chosen by reading these 400 labels, so their figure (F1 0.698 on the 388 "
    "agreed after that session) is in-sample and is no longer shown here. They were checked on a fresh "
    "draw made the same way: 300 sentences of PolNeAR's 840 training articles (seed 17; "
    "weighted back to all 29,632), where the detector went from F1 0.557 to 0.657 on the "
    "289 both labellers agreed on. Session 18 then chose its rules for 'would' by reading "
    "that draw's errors, so its figure is in-sample too. A second fresh draw (seed 18; "
    "none of seed 17's) put the detector at F1 0.636 on the 289 both labellers agreed "
    "on; session 19 chose its rules (someone else's 'believes that', the writer's own "
    "yes/no question, refusals, 'too close to call') by reading that draw's errors, so "
    "its figure (0.724 after that session) is in-sample as well. The figure shown comes from a third "
    "fresh draw made the same way before session 19's rules were tried on it: 300 "
    "other sentences of the training articles (seed 19; none of seeds 17 and 18's; 120 "
    "the detector marked, 180 the rest, weighted back to the 29,032 left), labelled "
    "blind by two members of the team (one outside the work on the rules; the other, "
    "who wrote them, only after they were frozen), who agreed on 293 (Cohen's kappa "
    "0.95). On those "
    "293 the detector reaches F1 0.617 (95% interval 0.532–0.698; P 0.612 / R 0.623); "
    "before session 19's rules it reached 0.603 (0.517–0.684). The rules gained far "
    "more on the draw they were read from than on this one. Session 20 chose its rules "
    "(someone else's expectation or forecast, 'which he believes will', no hypothetical "
    "'would' inside 'whether …') by sorting the errors of all four draws by cause, so the "
    "seed-19 figure (0.694 after that session) is in-sample as well. The figure shown comes from a "
    "fourth fresh draw made the same way: 300 other sentences of the training articles "
    "(seed 20; none of the earlier draws'; 120 the detector marked, 180 the rest, "
    "weighted back to the 28,613 left), labelled blind by two members of the team (one "
    "before session 20's rules existed; the other, who wrote them, only after they were "
    "frozen), who agreed on 292 (Cohen's kappa 0.93). On those 292 the detector reaches "
    "F1 0.594 (95% interval 0.511–0.679; P 0.544 / R 0.655), the same as before session "
    "20's rules, which change one of the 300 sentences (one the labellers disagree on). "
    "The four fresh draws, each scored with the rules frozen before it was read, give "
    "0.657, 0.636, 0.617 and 0.594: rules read from labelled errors have not carried "
    "over to fresh sentences. Session 21 stopped counting a vague quantity alone "
    "('some', 'many', 'several') as making a sentence uncertain, as the guideline always "
    "said, and chose further rules by reading the earlier draws' errors, so the seed-20 "
    "figure (0.741 after that session) is in-sample as well. The figure shown comes from a fifth fresh "
    "draw made the same way before the session's rules were frozen: 300 other sentences "
    "of the training articles (seed 21; none of the earlier draws'; 120 the detector "
    "marked, 180 the rest, weighted back to the 27,958 left), labelled blind by two "
    "members of the team, neither of whom worked on the rules (about one and two "
    "minutes for the 300 sentences by the clock), who agreed on 292 (Cohen's kappa "
    "0.94). On those 292 the detector reaches F1 0.710 (95% interval 0.632–0.792; P 0.799 / "
    "R 0.639), above the goal of 0.65 by the point figure though the interval reaches "
    "below it; with the rules of the session's start it reached 0.625 (0.546–0.711). "
    "Session 25 made a sixth fresh draw the same way, before that session's rules were "
    "written (seed 22; none of the earlier draws'; weighted back to the 27,659 left), "
    "labelled blind by two other members of the team outside the rules work, who agreed "
    "on 293 (Cohen's kappa 0.95), and scored it once the rules were merged: F1 0.731 "
    "(95% interval 0.656–0.808; P 0.701 / R 0.763). The figure shown pools the two fresh "
    "draws whose errors no one has read (seeds 21 and 22: each weighted back to its "
    "population, the two estimates averaged, on the 585 sentences on which each draw's "
    "labellers agree). Each in-sample figure above is as it stood after the session that "
    "read its draw; later rules, chosen by reading the same errors, have raised them "
    "since, and bench/validity.py prints every draw's current figure."
)


#: The data sets behind the validation figures: the words that name each in a figure's
#: data set (resources/validation.json's "data"), and its full citation. Every figure's
#: data set is cited (tests/desktop/test_methods.py).
DATA_SETS: tuple[tuple[str, str], ...] = (
    ("CoNLL-2010",
     "CoNLL-2010 shared task, Wikipedia sentences (the training part; its test part is not "
     "at hand; the rules were tuned on rows 0-6 of every 10 and the figure shown is on the "
     "rows 7-9 held out): Farkas, R., Vincze, V., Móra, G., Csirik, J., Szarvas, G. (2010). The "
     "CoNLL-2010 shared task: Learning to detect hedges and their scope in natural language "
     "text. Proceedings of CoNLL-2010: Shared Task. Research use."),
    ("Szeged bio",
     "Szeged Uncertainty Corpus, biomedical parts (bmc, fly, hbc): Szarvas, G., Vincze, V., "
     "Farkas, R., Móra, G., Gurevych, I. (2012). Cross-genre and cross-domain detection of "
     "semantic uncertainty. Computational Linguistics 38(2); re-annotating the BioScope "
     "corpus: Vincze, V., Szarvas, G., Farkas, R., Móra, G., Csirik, J. (2008). The BioScope "
     "corpus: biomedical texts annotated for uncertainty, negation and their scopes. BMC "
     "Bioinformatics 9 (Suppl. 11). Research use. Its figure was watched while the hedge "
     "rules were chosen (bench/hedge_tuning.py --szeged): it is not a held-out figure."),
    ("PolNeAR",
     "PolNeAR, 2016 US election news from seven outlets with attribution relations (840 "
     "training and 84 development articles): Newell, E., Margolin, D., Ruths, D. (2018). An "
     "attribution relations corpus for political news. Proceedings of LREC 2018. Research "
     "use; its annotators agree at Krippendorff's α 75.4% token-wise."),
    ("VADER NYT",
     "New York Times editorial sentences, each rated from −4 to +4 by 20 people: Hutto, C. "
     "J., Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis "
     "of social media text. Proceedings of ICWSM 2014 (distributed with vaderSentiment, MIT "
     "licence). Here the 4,190 sentences of its 80% part; the paper's r figures are on the "
     "whole set of 5,190."),
    ("Chakraborty 2016",
     "Clickbait and news headlines (15,999 and 16,001): Chakraborty, A., Paranjape, B., "
     "Kakarla, S., Ganguly, N. (2016). Stop Clickbait: Detecting and preventing clickbaits "
     "in online news media. Proceedings of ASONAM 2016. MIT licence."),
    ("GVFC",
     "Gun Violence Frame Corpus, US news headlines: Liu, S., Guo, L., Mays, K., Betke, M., "
     "Wijaya, D. T. (2019). Detecting frames in news headlines and its application to "
     "analyzing news framing trends surrounding U.S. gun violence. Proceedings of CoNLL "
     "2019. Evaluation only."),
    ("graded 0–3",
     "The clickbait grades use the question and four-point scale of the Webis Clickbait "
     "Corpus 2017: Potthast, M., Gollub, T., Komlossy, K., et al. (2018). Crowdsourcing a "
     "large corpus of clickbait on Twitter. Proceedings of COLING 2018. That corpus is not "
     "at hand; the grades are the team's."),
    ("the seed articles",
     "The five seed articles shipped in seeds/ (one story, May 2023; see "
     "seeds/manifest.csv)."),
)


def _data_sets_section() -> str:
    items = "".join(f"<li>{_e(citation)}</li>" for _, citation in DATA_SETS)
    return (
        "<h2>Data sets behind the figures</h2>"
        "<p>The validation figures above are measured on these; none of them ships with "
        "the app. Each figure names the part, the split and the metric it was measured "
        "with; where the rules were chosen while watching a set's figure, its entry here "
        "says so.</p>"
        f"<ul>{items}</ul>"
    )


def verdict_text(v: Validation) -> str:
    """Where a figure stands against the goal set for this project, in words for a reader
    who is not a statistician; computed from the figure's value and its goal
    (:meth:`models.validation.Validation.verdict`), never written by hand."""
    verdict = v.verdict()
    if verdict == NO_GOAL:
        return "No goal was set for this figure."
    if verdict == NOT_MEASURABLE:
        return f"Not measurable here against its goal ({v.goal})."
    level = f"{v.goal_level:.2f}"
    if v.goal_kind == "about":
        if verdict == MET:
            return f"At the goal of about {level} set for this project."
        side = "Above" if (v.value or 0.0) > (v.goal_level or 0.0) else "Below"
        return f"{side} the goal of about {level} set for this project."
    if v.interval_crosses_goal():
        interval = f"{v.value_low:.3f}–{v.value_high:.3f}"
        if verdict == MET:
            return (f"Meets the goal of {level} set for this project by its figure, but its "
                    f"95% interval ({interval}) reaches below the goal: this sample cannot "
                    "show that the goal is met.")
        return (f"Below the goal of {level} set for this project by its figure; its 95% "
                f"interval ({interval}) reaches the goal.")
    if verdict == MET:
        return f"Meets the goal of {level} set for this project."
    return f"Below the goal of {level} set for this project."


#: The markers around README.md's table of the validation figures.
README_TABLE_START = "<!-- validation table: desktop.methods_text.validation_table_markdown -->"
README_TABLE_END = "<!-- end of validation table -->"


def validation_table_markdown(report: ValidationReport | None = None) -> str:
    """README.md's table of every validation figure (one row per figure, the measures it
    validates together), its goal and where it stands, from resources/validation.json:
    what the README says of the figures cannot drift from what the Methods page shows."""
    report = load_validation() if report is None else report
    rows: dict[Validation, list[str]] = {}
    for key, figures in report.measures.items():
        for v in figures:
            rows.setdefault(v, []).append(key)

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| measures | data set | metric | figure | goal: where it stands |",
             "|---|---|---|---|---|"]
    for v, keys in rows.items():
        goal = f"{v.goal}: {verdict_text(v)}" if v.goal else verdict_text(v)
        lines.append(f"| {', '.join(f'`{k}`' for k in keys)} | {cell(v.data)} | "
                     f"{cell(v.metric)} | {cell(v.figure)} | {cell(goal)} |")
    return "\n".join(lines)


def _figure_html(v: Validation) -> str:
    """One figure: what it is, where it stands against its goal, the published reference."""
    notes = []
    if v.goal and v.verdict() != NOT_MEASURABLE:  # else the verdict quotes the goal
        notes.append(f"goal {_e(v.goal)}")
    if v.reference:
        notes.append(f"published: {_e(v.reference)}")
    muted = f" <span class='muted'>({'; '.join(notes)})</span>" if notes else ""
    return (f"<b>{_e(v.figure)}</b> {_e(v.metric)} of {_e(v.measure)}, {_e(v.data)}. "
            f"<i>{_e(verdict_text(v))}</i>{muted}")


def shared_text(report: ValidationReport, v: Validation) -> str:
    """When one figure validates several measures (e.g. any hedge in a sentence, under each
    kind of hedge), say that none of them is checked alone; else ''."""
    keys = [key for key, figures in report.measures.items() if v in figures]
    if len(keys) < 2:
        return ""
    return f"The same figure is given for {len(keys)} measures; this one alone is not checked."


def _validation_html(report: ValidationReport, key: str) -> str:
    """The figures that validate measure ``key``, each with its verdict against its goal,
    or a plain 'not validated'."""
    figures = report.for_measure(key)
    if not figures:
        why = NOT_VALIDATED_WHY.get(key, "")
        return f"<i>{_e(NOT_VALIDATED)}</i>" + (f" {_e(why)}" if why else "")
    return "<br>".join(
        _figure_html(v) + (f" {_e(shared)}" if (shared := shared_text(report, v)) else "")
        for v in figures
    )


def _validation_intro(report: ValidationReport) -> str:
    if report.error:
        return f"<p>Validation figures could not be read: {_e(report.error)}</p>"
    return (
        "<p>Each measure's <b>validation</b> is its agreement with human annotators on a "
        "public data set or, where none exists, with labels or grades made by members of "
        "our team, "
        "measured by <code>bench/validity.py</code> through the same code "
        f"as the app (measured {_e(report.date)}, {_e(APP_NAME)} {_e(report.framescope)}, "
        f"lexicon {_e(report.lexicon)}). The data sets never ship with the app. "
        f"{_e(TEAM_LABELS)} Beside "
        "each figure is where it stands against the goal set for this project, when one "
        "was set: met, below it, or not measurable with the data here.</p>"
    )


def definition_html(definition: str) -> str:
    """A measure's definition as the Methods page shows it: its first sentence (what the
    measure means, in plain words), then the rules that follow it in a paragraph of their
    own, headed "In detail". Some definitions run to forty lines of rules in one block,
    where a journalist opening Methods at Epistemic hedges met a wall of text before the
    meaning stood out (ux4's walkthrough, session 33)."""
    lead = lead_sentence(definition)
    rest = definition.strip()[len(lead):].strip()
    if not rest:
        return _e(definition)
    return f"<p>{_e(lead)}</p><p class='muted'><i>In detail:</i> {_e(rest)}</p>"


def _measure_section() -> str:
    report = load_validation()
    parts = ["<h2>Measures</h2>"]
    parts.append(
        "<p>Every number in the table, the charts and <code>scores.csv</code> is one of "
        "these. Rates are per 100 body words; shares run from 0 to 1 in the CSV files "
        "and are shown as percentages in the app. An article without body words (a "
        "headline alone) has no rate, body tone or source count: an empty cell in the "
        "CSV files, '–' in the app, left out of its outlet's means. <code>codebook.csv</code>, written "
        "beside <code>scores.csv</code>, maps each column to its label here. "
        f"{_e(SENTENCE_NUMBERING)}</p>"
    )
    parts.append(_validation_intro(report))
    from models.dictionaries import registered_measures

    # Custom dictionaries' categories (models.dictionaries) follow the built-in measures.
    for m in (*MEASURES, *registered_measures()):
        citation = m.citation or "A count; no source needed."
        parts.append(
            f"<a name='{_e(m.key)}'></a><h3>{_e(m.label)}</h3>"
            "<table>"
            f"<tr><th>Unit</th><td>{_e(m.unit)}</td></tr>"
            f"<tr><th>CSV column</th><td><code>{_e(m.key)}</code></td></tr>"
            f"<tr><th>Definition</th><td>{definition_html(m.definition)}</td></tr>"
            f"<tr><th>Source</th><td class='muted'>{_e(citation)}</td></tr>"
            f"<tr><th>Validation</th><td>{_validation_html(report, m.key)}</td></tr>"
            "</table>"
        )
    return "".join(parts)


def _outlet_averages_section() -> str:
    from models.compare import OUTLET_AVERAGES

    return f"<a name='outlet-averages'></a><h2>Outlet averages</h2><p>{_e(OUTLET_AVERAGES)}</p>"


def _selection_section() -> str:
    """Sources, emphasis and text reuse: measures of what outlets select, across articles."""
    report = load_validation()
    parts = [
        "<h2>Sources, emphasis and text reuse</h2>",
        "<p>These compare what the outlets select rather than how each article is "
        "written. They are computed over the whole corpus and written to their own files "
        "(<code>sources.csv</code>, <code>topics.csv</code>, "
        "<code>distinctive_words.csv</code>, <code>off_story.csv</code>, "
        "<code>reuse.csv</code>); clicking a cell or bar of their charts lists the "
        "sentences behind it.</p>",
    ]
    for m in SELECTION_MEASURES:
        parts.append(
            f"<a name='{_e(m.key)}'></a><h3>{_e(m.label)}</h3>"
            "<table>"
            f"<tr><th>Unit</th><td>{_e(m.unit)}</td></tr>"
            f"<tr><th>Definition</th><td>{definition_html(m.definition)}</td></tr>"
            f"<tr><th>Source</th><td class='muted'>{_e(m.citation)}</td></tr>"
            f"<tr><th>Validation</th><td>{_validation_html(report, m.key)}</td></tr>"
            "</table>"
        )
    return "".join(parts)


def _charts_section() -> str:
    """How to read each chart, first: the words under the chart on screen (its
    description, plain words first and its method after, desktop.charts.CHART_KINDS), so
    that a reader of this page (a teacher preparing a class, ux28) meets them before the
    measures' definitions."""
    from desktop.charts import CHART_KINDS  # matplotlib: only when the page is written

    parts = ["<h2>How to read the charts</h2>",
             "<p>Under <i>Compare</i>, the <i>Chart</i> box chooses one of these; the same "
             "words stand under the chart. Click a bar, cell or point (or use the arrow "
             "keys and Enter) to list the sentences behind it.</p>"]
    for kind in CHART_KINDS:
        parts.append(f"<a name='chart-{_e(kind.key)}'></a><h3>{_e(kind.title)}</h3>"
                     f"<p>{_e(kind.description)}</p>")
    return "".join(parts)


def _highlight_section() -> str:
    from desktop.highlight import CUE_STYLES

    rows = []
    for style in CUE_STYLES:
        if style.mark == "background":
            sample = f"<span style='background-color:{style.colour}'>&nbsp;{_e(style.sample)}&nbsp;</span>"
        elif style.mark == "text":
            sample = f"<b style='color:{style.colour}'>{_e(style.sample)}</b>"
        else:
            # Qt's HTML has no underline colour: the sample takes the line's colour.
            sample = (
                f"<span style='text-decoration: underline; color: {style.colour}'>"
                f"{_e(style.sample)}</span> <span class='muted'>({_e(style.line)} line)</span>"
            )
        rows.append(
            f"<tr><td>{sample}</td><td><b>{_e(style.label)}</b></td>"
            f"<td>{_e(style.description)}</td></tr>"
        )
    return (
        "<h2>How the Read view marks cues</h2>"
        "<p>Hedges, boosters and loaded words are shaded; attributions are underlined "
        "(solid for neutral, dashed for factive, wavy for loaded report verbs); sources "
        "are in bold colour. A phrase that is two cues at once, such as 'according to' "
        "(an evidential hedge and an attribution), shows both. "
        "Text that is not scored is grey. The colours come from Paul Tol's "
        "colour-blind-safe schemes.</p>"
        "<p>With the keyboard: in the text (Tab to it), the arrow keys, Page Up/Down "
        "and Ctrl+Home/End move a caret; on a highlighted word its explanation, the words "
        "of the hover tooltip, shows beside the caret and in the status bar, and is the "
        "text's accessible description for screen readers. F8 and Shift+F8 go to the next "
        "and previous highlighted cue (stopping at the last and the first).</p>"
        f"<table>{''.join(rows)}</table>"
    )


def _range_sources_html() -> str:
    """How many hedge words take their range from each scale, counted in the lexicon: most
    ranges ('may', 'might', 'could', 'seem') are Framescope's reading, not a scale's."""
    try:
        from models.lexicons import load_lexicon

        ranged = [e for e in load_lexicon().by_category("hedge") if e.probability_low is not None]
    except (ImportError, OSError, ValueError):
        return ""
    scales = Counter(e.scale for e in ranged)
    own = sorted(e.term for e in ranged if e.scale == "authors")
    examples = [t for t in ("may", "might", "could", "seem", "possible") if t in own]
    return (
        f"<p>Of the lexicon's {len(ranged)} hedge words with a range, "
        f"{scales.get('yardstick', 0)} take it from the {_e(YARDSTICK_NAME)} and "
        f"{scales.get('ICD-203', 0)} from {_e(ICD203_NAME)}, which name them. The other "
        f"{scales.get('authors', 0)} (among them "
        f"{_e(', '.join(repr(t) for t in examples))}) have Framescope's reading, "
        "unvalidated: mostly one of the yardstick's bands, some spanning two or more "
        "('seem' 40–75%), each with its reason in <code>resources/lexicons/hedges.csv</code>; "
        "the Read view's tooltip names the source of each range.</p>"
    )


def _trained_goals_html() -> str:
    """The trained models' figures that have a goal, with where each stands (from
    resources/validation.json, as under each measure): the models are described above
    without their figures, which would otherwise be read as meeting it."""
    report = load_validation()
    items = [
        f"<li><b>{_e(label)}</b>: <b>{_e(v.figure)}</b> {_e(v.metric)}, {_e(v.data)}. "
        f"<i>{_e(verdict_text(v))}</i></li>"
        for key, label in (("tone_news_mean", "Tone (news model)"),
                           ("headline_sensational", "Headline clickbait style"))
        for v in report.for_measure(key) if v.goal
    ]
    if not items:
        return ""
    return f"<p>Their figures against the goals set for this project:</p><ul>{''.join(items)}</ul>"


def _lexicon_section() -> str:
    summary = lexicon_summary()
    if summary is None:
        return (
            "<h2>Lexicon</h2><p>This build has no lexicon module; cue counts come from "
            "the analysis that produced the loaded results.</p>"
        )
    if summary.error:
        return f"<h2>Lexicon</h2><p>{_e(summary.error)}</p>"
    rows = "".join(
        f"<tr><td>{_e(category)}</td><td align='right'>{count}</td>"
        f"<td class='muted'>{_e(_subcategory_text(summary.subcategory_counts.get(category, {})))}"
        "</td></tr>"
        for category, count in sorted(summary.counts.items())
    )
    total = sum(summary.counts.values())
    return (
        "<h2>Lexicon</h2>"
        f"<p>Lexicon version <b>{_e(summary.version or 'unversioned')}</b>, "
        f"{total} entries.</p>"
        f"<table><tr><th>Category</th><th>Entries</th><th>By subcategory</th></tr>{rows}"
        "</table><p class='muted'>The lexicons are CSV files in "
        "<code>resources/lexicons</code>; their README gives the format and sources.</p>"
    )


def _subcategory_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items()))


def _claims_section() -> str:
    """Claims across outlets: the claim measures and the certainty scale, from the registry."""
    parts = ["<h2>Claims across outlets</h2>"]
    for m in CLAIM_MEASURES:
        parts.append(
            f"<a name='{_e(m.key)}'></a><h3>{_e(m.label)}</h3>"
            f"<p>{_e(m.definition)} <span class='muted'>({_e(m.unit)})</span></p>"
            f"<p class='muted'>{_e(m.citation)}</p>"
            f"<p><b>Validation:</b> {_validation_html(load_validation(), m.key)}</p>"
        )
    rows = "".join(
        f"<tr><td><b>{_e(level)}</b></td><td>{_e(CERTAINTY_DEFINITIONS[level])}</td></tr>"
        for level in CERTAINTY_LEVELS
    )
    parts.append(f"<h3>Certainty scale (top to bottom)</h3><table>{rows}</table>")
    return "".join(parts)


def methods_html() -> str:
    """The Methods page: what is measured, how, from which sources, and the limits."""
    intro = (
        f"<h1>{_e(APP_NAME)}: methods</h1>"
        f"<p>{_e(APP_NAME)} reads news articles about one story and measures how each "
        "frames it: how certain it sounds (hedges, boosters, estimative probability), "
        "whom it lets speak and how (attributions; named, anonymous and described "
        "sources), how "
        "charged its words are (loaded language), its tone, and whether its headline "
        "asserts what its body only hedges or attributes.</p>"
        "<p>Only <b>body text</b> is scored. Headlines are measured on their own, and "
        "captions, credits, link lists, adverts, paywall prompts and other page "
        "furniture are set aside (see <i>Body and boilerplate</i> below); the Read view "
        "shows them in grey.</p>"
        "<p>Tone is scored <b>per sentence</b> and then averaged: on a whole article "
        "VADER's compound score saturates towards ±1. The tone the app shows for an "
        "article, and in the sentence-tone charts, is the <b>news model</b> "
        "(<i>Tone (news model)</i> under <i>Trained models</i> below: VADER corrected by "
        "people's ratings of news sentences); VADER's own score stays alongside in the "
        "table, tooltips and exported data. A sentence counts as "
        f"negative at a VADER compound score of {_minus(NEGATIVE_THRESHOLD)} or less and as "
        f"positive at {POSITIVE_THRESHOLD:g} or more, the thresholds VADER's authors recommend.</p>"
    )
    probability = (
        "<h2>Estimative probability</h2>"
        "<p>Each epistemic hedge carries a probability range. Where one of the two scales "
        "below names the word, it is the range intelligence analysts attach to it; for "
        "the other words it is Framescope's own reading (see below). A negated hedge "
        "('not likely') carries the complementary range.</p>"
        f"{_range_sources_html()}"
        f"<h3>{_e(YARDSTICK_NAME)} (PHIA; first developed by UK Defence Intelligence)</h3>"
        f"<table><tr><th>Phrase</th><th>Probability</th></tr>{_band_rows(YARDSTICK_BANDS)}</table>"
        f"<h3>{_e(ICD203_NAME)} (US Office of the Director of National Intelligence)</h3>"
        f"<table><tr><th>Phrase</th><th>Probability</th></tr>{_band_rows(ICD203_BANDS)}</table>"
    )
    hedges_on_news = (
        "<h2>Checking the hedges on news sentences</h2>"
        f"<p>{_e(NEWS_HEDGE_CHECK)}</p>"
        "<p class='muted'>Farkas, R., Vincze, V., Móra, G., Csirik, J., Szarvas, G. (2010). "
        "The CoNLL-2010 shared task: Learning to detect hedges and their scope in natural "
        "language text. CoNLL; Newell, E., Margolin, D., Ruths, D. (2018). An attribution "
        "relations corpus for political news. LREC; Cohen, J. (1960). A coefficient of "
        "agreement for nominal scales. Educational and Psychological Measurement 20(1).</p>"
    )
    similarity = (
        f"<a name='{_e(ARTICLE_SIMILARITY.key)}'></a><h2>{_e(ARTICLE_SIMILARITY.label)}</h2>"
        f"<p>{_e(ARTICLE_SIMILARITY.definition)}</p>"
        f"<p class='muted'>{_e(ARTICLE_SIMILARITY.citation)}</p>"
        f"<p><b>Validation:</b> {_validation_html(load_validation(), ARTICLE_SIMILARITY.key)}</p>"
    )
    trained = (
        "<h2>Trained models</h2>"
        "<p>Two measures come from small models shipped as readable files "
        "(<code>models/shipped/</code>, each with a model card: data, licence, "
        "features, training command, validation figures), computed without "
        "scikit-learn at run time. The training scripts rebuild them bit for bit.</p>"
        "<p><b>Tone (news model)</b>: ridge regression over VADER's sentence scores, "
        "punctuation and negation counts, how the words combine (the sentence cut into "
        "clauses at commas, dashes and contrast words such as <i>but</i>, each clause "
        "scored as VADER scores a sentence; words within a negation's scope; quoted "
        "speech against the writer's own words), the sentence's words, and the mean "
        "of static word-piece vectors derived from the all-MiniLM-L6-v2 sentence "
        "encoder (Apache-2.0), averaged (0.7 to 0.3) with a small convolutional network "
        "that reads the word pieces in their order (three at a time). Both are trained "
        "on the New York Times editorial sentences that Hutto "
        "&amp; Gilbert (2014) had rated by people, distributed with vaderSentiment "
        "under the MIT licence. The encoder never runs in the app: each word piece "
        "carries one weight, and 16 numbers for the network, in the model files.</p>"
        "<p><b>Headline clickbait style</b>: logistic regression trained on the "
        "headlines of Chakraborty, A., Paranjape, B., Kakarla, S., Ganguly, N. (2016), "
        "Stop clickbait: Detecting and preventing clickbaits in online news media, "
        "ASONAM 2016 (MIT licence). Those labels follow the source site, so the model "
        "ignores case and numbers; it reads the headline's words and word pairs. "
        "No graded clickbait ratings by outside annotators were available: it is "
        "checked against the Framescope team's own blind grades of news headlines it "
        "never saw (AI language models grading on the Webis Clickbait 2017 scale, not "
        "human graders).</p>"
        f"{_trained_goals_html()}"
    )
    roles = "".join(
        f"<tr><td><b>{_e(role.value.replace('_', ' '))}</b></td>"
        f"<td>{_e(ROLE_DESCRIPTIONS.get(role, ''))}</td>"
        f"<td>{'scored' if role.is_scored else 'not scored'}</td></tr>"
        for role in Role
    )
    body = (
        "<h2>Body and boilerplate</h2>"
        "<p>Each line of an article gets a role, with the reason it was given. Only "
        "body lines are split into sentences and scored; the rest are kept, shown in "
        "grey in the Read view with their reason, and never counted.</p>"
        f"<table>{roles}</table>"
        "<p><b>The headline of a plain-text file</b> is the first short line at the top "
        "without a full stop. Many files end their headline with one ('Poll: Voters "
        "Abandon the GOP.'), and so does a one-sentence first paragraph of a file that "
        "has no headline. A first line that ends in a full stop is therefore the headline "
        "only when it is one sentence of 3 to 20 words (30 with every word capitalised), "
        "set apart by a blank line, with "
        "body below it, and worded as a headline: in title case, opening with a label "
        "and a colon, above a paragraph that opens with a dateline ('DES MOINES — ', "
        "also typed 'DES MOINES - '), above an 'ABSTRACT' label (as news databases "
        "export an article), or in a headline's wording (no past tense or auxiliary "
        "verb, a modal may stand, and an '-ed' word before a preposition is a headline's passive: "
        "'emails now deemed classified'; at most one article, no day named: 'on "
        "Tuesday', 'yesterday') of at most 14 words, at least half of whose words recur "
        "in the first paragraph or which calls someone by a bare name that the first "
        "paragraph gives in full ('Clinton' for 'Hillary Clinton'). The sentence under "
        "such a headline stays "
        "body (no full stop sets a summary apart from the lede there) unless it reads as "
        "a deck, a second headline line: one sentence of 3 to 16 words set apart above "
        "the first paragraph, with no past tense, pronoun, name in full or opening "
        "article and at most one article ('Plan would create huge experiment in effects "
        "of higher labor costs.'); up to two decks. A first line that "
        "ends in a semicolon with its deck on the next line, as news databases export a "
        "print headline ('Jobs report gives Democrats a lift;'), is the headline too, "
        "also in capitals, and its deck a standfirst; one or two capitalised words there "
        "are the column's name ('Economic Scene.'), a section label. A label in capitals "
        "before a dash ('EXCLUSIVE – ') is a kicker, not a dateline. In a news database's record (title, 'ABSTRACT', "
        "abstract, 'FULL TEXT', text) the abstract is a standfirst and the two labels "
        "are not body: the abstract restates the lede, and its cues would count "
        "twice.</p>"
        "<p><b>A standfirst</b> under a headline without a full stop is one sentence of "
        "at most 20 words above the body (40 when a picture follows it). A lede has the "
        "same shape, so the sentence stays body when it names who told the news ('said', "
        "'according to', 'officials confirmed', 'the ministry announced') or when the "
        "paragraph below goes on from it ('But …', 'It …'). Where the reader still sets "
        "a lede or a paragraph aside, right-click it in the Read view (or press the Menu "
        "key there) and choose <i>Score This … as Body Text</i>: the article is scored "
        "again with it, the line says it was your choice, a saved study keeps it, and "
        "Edit ▸ Undo takes it back.</p>"
        "<p class='muted'>Mårdh, I. (1980). Headlinese: On the grammar of English front "
        "page headlines. Lund: CWK Gleerup.</p>"
    )
    limits = "".join(f"<li>{_e(limit)}</li>" for limit in KNOWN_LIMITS)
    return (
        f"<html><head>{_STYLE}</head><body>"
        f"{intro}{_charts_section()}{_measure_section()}{_outlet_averages_section()}"
        f"{_selection_section()}"
        f"{_data_sets_section()}{probability}{hedges_on_news}"
        f"{similarity}"
        f"{_claims_section()}{trained}{body}"
        f"{_highlight_section()}{_lexicon_section()}"
        f"<h2>Known limits</h2><ul>{limits}</ul>"
        "</body></html>"
    )


def about_html(extra_versions: Iterable[tuple[str, str]] = ()) -> str:
    """The About text: name, version, purpose, licence, libraries and credits."""
    versions = "".join(
        f"<tr><td>{_e(name)}</td><td>{_e(version)}</td></tr>"
        for name, version in [*library_versions(), *extra_versions]
    )
    return (
        f"<html><head>{_STYLE}</head><body>"
        f"<h1>{_e(APP_NAME)} {_e(__version__)}</h1>"
        f"<p>{_e(PURPOSE)}</p>"
        f"<p>Licence: {_e(LICENCE)}.</p>"
        f"<h3>Built with</h3><table>{versions}</table>"
        "<h3>Credits</h3><ul>"
        "<li>VADER sentiment analysis: Hutto, C. J., Gilbert, E. (2014). VADER: A "
        "parsimonious rule-based model for sentiment analysis of social media text. "
        "ICWSM. MIT licence.</li>"
        "<li>News tone model: trained on the NYT editorial sentences rated in Hutto "
        "&amp; Gilbert (2014), from vaderSentiment, MIT licence; word-piece weights "
        "derived from all-MiniLM-L6-v2 (sentence-transformers; Reimers, N., Gurevych, "
        "I. (2019). Sentence-BERT. EMNLP; Wang, W. et al. (2020). MiniLM. NeurIPS), "
        "Apache-2.0, with BERT's uncased WordPiece vocabulary (Devlin, J. et al. "
        "(2019). BERT. NAACL), Apache-2.0.</li>"
        "<li>Headline clickbait model: trained on the headline data of Chakraborty, A., "
        "Paranjape, B., Kakarla, S., Ganguly, N. (2016). Stop clickbait: Detecting and "
        "preventing clickbaits in online news media. ASONAM. MIT licence.</li>"
        "<li>Estimative probability: Professional Head of Intelligence Assessment "
        "(2025). Explaining Uncertainty in UK Intelligence Assessment: the PHIA "
        "Probability Yardstick, first developed by UK Defence Intelligence. GOV.UK; "
        "US Office of the Director of National Intelligence, "
        "Intelligence Community Directive 203 (ICD-203): Analytic Standards (2015).</li>"
        "<li>Hedges and boosters: Hyland, K. (2005). Metadiscourse. Continuum.</li>"
        "<li>Colours: Paul Tol's colour-blind-safe schemes.</li>"
        "</ul></body></html>"
    )
