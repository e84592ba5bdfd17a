"""Tell an article's body from everything around it, in plain text.

:func:`detect_layout` cuts the text into lines (a line is a block; in Markdown
and in hard-wrapped text, consecutive lines of one paragraph are joined) and
gives every block a :class:`~models.article.Role` and a short reason a user
can read in a tooltip. Only BODY is scored; the rest stays visible, greyed.

The rules are general, in four passes:

1. **Patterns** that identify a line wherever it is: image file names, photo
   credits and captions ("FILE –", "(… via AP)", "… Photograph: X/AP"),
   "ADVERTISEMENT" and newsletter promotions, the writer's social-media
   promotion ("Follow X on Twitter @x") and sign-up offers, embedded posts'
   markup ("<tweet …>"), correction or update notices (not editor's notes: the
   outlet's own voice stays body),
   paywall prompts, copyright footers, link-list headers ("Keep reading:"), date stamps, bylines, bare
   web addresses and separator lines; a mail program's signature ("Sent from my
   iPhone"), a newsletter's "Unsubscribe" footer, page numbers ("Page 1 of 2"),
   and the header lines that open a saved or forwarded e-mail ("From:",
   "Subject:", two at least). A date stamp at the start of a
   paragraph ("date 2023-05-18 Russia is…") and a dateline ("(PatriotWise.com)
   —", "MOSCOW (Reuters) -") are split off the paragraph they start.
2. **The top**, before the first paragraph or sentence: the headline is the
   first line of 3–30 words that does not end in a full stop (a '#' heading
   in Markdown). Failing that, the first line that reads as body is the
   headline though it ends in a full stop ("Poll: Voters Abandon the GOP.")
   when it is one sentence of 3–20 words set apart by blank lines, body
   follows it, and it is worded as a headline: title case, a "Label:" opening,
   a dateline opening the paragraph below (its dash may be typed " - "), an
   "ABSTRACT" label below it (a news database's record), or a headline's
   wording (no past tense or auxiliary, though an '-ed' before a preposition
   is a headline's passive; at most one article; Mårdh 1980) whose
   words recur in the first paragraph or that calls someone by a bare name the
   first paragraph gives in full ("Clinton" for "Hillary Clinton"). A
   one-sentence lede at the top of a body-only text has the same shape, hence
   the wording test. A first line that ends in ';'
   with its deck on the next line and a blank line below both is a headline
   as news databases export it ("Jobs report gives Democrats a lift;"); its
   deck is a standfirst. In a news database's record ("ABSTRACT", the abstract,
   "FULL TEXT", the text) the abstract is a standfirst and the labels are not
   body. Under a headline that ends in a full stop, up to two decks (one
   sentence of 3-16 words set apart, in a deck's wording: no past tense,
   pronoun, name in full or opening article) are standfirsts. Short lines above the headline
   are section labels (kickers if in capitals); right below it, capitals are
   a kicker, a short sentence (or a deck without a full stop) before any
   picture is the standfirst (not a sentence under a headline that itself
   ends in a full stop: that is the lede), and a bare name is a byline.
3. **The end**: link titles after a link-list header, and teaser titles (lines
   without a full stop, or marked "(+)") just before a paywall or footer.
4. **The middle**: crossheads (short lines without final punctuation between
   paragraphs), captions next to an image or credit, embedded image "cards"
   (a line without a full stop and the line under it, set apart by blank
   lines), and descriptive lines without a full stop between paragraphs that
   name a place or a time ("… near Bakhmut, Donetsk region, Ukraine,
   yesterday").

Whatever no rule claims is BODY. Blank lines (and Markdown '#' markers) are
not covered by any block. The outlet is read from a dateline, else from a
copyright line (".com" dropped), else from a byline that names it (also on the
line under it: "By Jon Pascal" / "Valley Courier") or a source and date line under
the headline ("*Capitol News Service*, November 19, 2026"), else from a saved
e-mail's "From:" line that names an outlet ("From: The Riverside Brief <…>");
the date from a date stamp, else from such a byline or line that carries one,
never from dates mentioned in the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from models.article import Block, Role
from models.segment import split_sentences


@dataclass(frozen=True, slots=True)
class Layout:
    """The blocks of a text in order, and what the text itself says about the article.

    ``outlet_origin`` is ``"dateline"``, ``"copyright"``, ``"byline"`` or ``"email"`` (a
    saved e-mail's 'From:' line) when ``outlet`` was found in the text, else both are
    empty. ``date`` is ISO ``YYYY-MM-DD`` or
    empty. ``headline`` is empty when no headline line was found.
    """

    blocks: tuple[Block, ...]
    headline: str = ""
    outlet: str = ""
    outlet_origin: str = ""
    date: str = ""

    @property
    def headline_block(self) -> Block | None:
        for block in self.blocks:
            if block.role is Role.HEADLINE:
                return block
        return None


@dataclass(slots=True)
class _Unit:
    """A candidate block: one line, or one joined paragraph."""

    start: int
    end: int
    text: str
    group: int  # units in one group have no blank line between them
    role: Role | None = None
    reason: str = ""
    heading_level: int = 0  # Markdown '#' level, 0 for none
    md_structure: bool = False  # a Markdown list item, quote, table row or image
    link_header: bool = False
    opens_body: bool = False  # the paragraph after a split-off dateline
    named_outlet: str = ""  # the outlet a dateline names


# --- reasons shown to users ---------------------------------------------------------

WHY_HEADLINE = "headline: a short line without a full stop at the top"
# A first line that ends in a full stop is a headline only when it is set apart above
# the body and worded as one; each reason names the wording that decided it.
WHY_HEADLINE_TITLE_CASE = (
    "headline: a short line in title case at the top, set apart above the body "
    "(it ends in a full stop)"
)
WHY_HEADLINE_LABEL = (
    "headline: a short line at the top that opens with a label ('Poll: …'), "
    "set apart above the body (it ends in a full stop)"
)
WHY_HEADLINE_DATELINE = (
    "headline: a short line at the top, set apart above a paragraph that opens with "
    "a dateline (it ends in a full stop)"
)
WHY_HEADLINE_WORDING = (
    "headline: a short line at the top in a headline's wording (no past tense, at most "
    "one article, its words recur in the first paragraph), set apart above the body "
    "(it ends in a full stop)"
)
WHY_HEADLINE_OVER_DECK = (
    "headline: a short line ending in ';' at the top, over its deck on the next line "
    "(as news databases export a print headline)"
)
WHY_HEADLINE_SHORT_NAME = (
    "headline: a short line at the top in a headline's wording (no past tense, at most "
    "one article) that calls someone by a short name the first paragraph gives in full "
    "('Clinton' for 'Hillary Clinton'), set apart above the body (it ends in a full stop)"
)
WHY_HEADLINE_OVER_ABSTRACT = (
    "headline: a short line at the top over an 'ABSTRACT' label (as news databases "
    "export an article), set apart above the body (it ends in a full stop)"
)
# Under these headlines a sentence stays body, no full stop setting a summary apart from
# the lede there, unless it reads as a deck (_is_deck).
_WHY_STOPPED_HEADLINE = frozenset(
    {
        WHY_HEADLINE_TITLE_CASE,
        WHY_HEADLINE_LABEL,
        WHY_HEADLINE_DATELINE,
        WHY_HEADLINE_WORDING,
        WHY_HEADLINE_OVER_DECK,
        WHY_HEADLINE_SHORT_NAME,
        WHY_HEADLINE_OVER_ABSTRACT,
    }
)
WHY_KNOWN_HEADLINE = "headline: the headline given for this article"
WHY_PDF_HEADLINE = "headline: the largest type at the top of the PDF's first page"
WHY_OTHER_HEADLINE = "headline line in the text (the headline given for this article differs)"
WHY_SECTION = "section label above the headline"
WHY_NAVIGATION = "the site's navigation or section labels above the headline"
_NAVIGATION_WORDS = 15
WHY_KICKER = "kicker: a short label in capitals next to the headline"
WHY_STANDFIRST = "standfirst: the summary under the headline"
WHY_DECK = "standfirst: a deck, the headline's second line, under the headline"
WHY_COLUMN_NAME = "section label: the column's name under the headline ('Economic Scene.')"
WHY_ABSTRACT = (
    "standfirst: the abstract between 'ABSTRACT' and 'FULL TEXT' (as news databases "
    "export an article)"
)
WHY_ABSTRACT_LABEL = "label: 'ABSTRACT' over a news database's abstract"
WHY_FULL_TEXT_LABEL = "label: 'FULL TEXT' over the article's text in a news database's record"
WHY_IMAGE = "image file name left in the text"
WHY_CREDIT = "photo credit"
WHY_CAPTION_FILE = "photo caption (a file photo with its credit)"
WHY_CAPTION_CREDIT = "photo caption (it ends in its credit)"
WHY_SEPARATOR = "separator line"
WHY_NAME_BYLINE = "byline: a name under the headline"
WHY_CAPTION_NEXT = "photo caption next to an image or credit"
WHY_CAPTION_CARD = (
    "embedded image or teaser: a line without a full stop and the line under it, "
    "set apart from the paragraphs"
)
WHY_CAPTION_PLACE = (
    "photo caption: a description without a full stop between paragraphs, naming a place or time"
)
WHY_ADVERT = "advertisement marker"
WHY_LINK_HEADER = "link list: links to other articles"
WHY_LINK_TITLE = "link list: title of another article"
WHY_TEASER = "teaser for another article at the end of the page"
WHY_PAYWALL = "login or subscription prompt"
WHY_FOOTER = "copyright or publication footer"
WHY_DATELINE = "dateline before the first sentence"
WHY_DATE = "date stamp left over from the web page"
WHY_BYLINE = "byline"
WHY_URL = "web address on its own line"
WHY_CREDITS_LINE = "reporting and editing credits"
WHY_CROSSHEAD = "crosshead: a short subheading between paragraphs"
WHY_SOCIAL_PROMO = "promotion: follow the writer or outlet on social media"
WHY_SIGN_UP = "promotion: sign up for a newsletter, podcast or email"
WHY_EMAIL_HEADER = "e-mail header ('From:', 'Subject:', 'Date:' …) of a forwarded or saved e-mail"
WHY_SOURCE_DATE = "source and date line under the headline ('Capitol News Service, November 19, 2026')"
WHY_PAGE_NUMBER = "page number ('Page 1 of 2') left by a copy from a PDF"
WHY_HEADLINE_PAGE = "page number after the headline ('Story - Page 2 of 3'): one page of a longer story"
WHY_EMAIL_SIGNATURE = "e-mail signature ('Sent from my iPhone')"
WHY_NEWSLETTER_FOOTER = "newsletter footer ('You are receiving this …', 'Unsubscribe')"
WHY_NOTE = "correction or update notice: about the article, not part of the story"
WHY_PLAYER = "a video player's message left in the text"
WHY_EMBED = "embedded post (<tweet> markup): another account's words, not the article's"

# Wire copy repeats whole paragraphs across outlets: what a line's own text decides
# is remembered by the text (a few thousand distinct lines per thousand articles).
_LINE_CACHE = 1 << 15


# --- patterns -----------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?)"
)
_DATE = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|(?:{_WEEKDAY},?\s+)?(?P<md_month>{_MONTH_NAME})\s+(?P<md_day>\d{{1,2}}),?\s+(?P<md_year>\d{{4}})"
    rf"|(?:{_WEEKDAY},?\s+)?(?P<dm_day>\d{{1,2}})\s+(?P<dm_month>{_MONTH_NAME})\s+(?P<dm_year>\d{{4}}))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
)
_DATE_ONLY = re.compile(rf"{_DATE}", re.IGNORECASE)
_DATE_LINE = re.compile(
    rf"(?:(?:date|published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?{_DATE}",
    re.IGNORECASE,
)
# An outlet's or agency's name and the date, on one line under the headline (in Markdown
# the name often in italics): '*Capitol News Service*, November 19, 2026'.
_SOURCE_DATE_LINE = re.compile(
    r"[*_]{0,2}(?P<name>[A-Z][\w’'&.-]*(?:\s+[\w’'&.-]+){0,5}?)[*_]{0,2}\s*[,|–—·•-]\s*"
    rf"{_DATE}\.?"
    # and the writer after it: "Bay Observer · November 22, 2026 · By Keith Arno"
    r"(?:\s*[,|–—·•-]\s*By\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?",
)
# A time stamp without a date, or before it: "Updated 4:05 PM EDT", "Published 9:12 a.m. ET,
# Fri November 3, 2023" (read as a standfirst or a crosshead, or as a body sentence).
_TIME_STAMP_LINE = re.compile(
    r"(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?"
    rf"(?:\s*[,|·•–—-]?\s*(?:on\s+)?{_DATE})?",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    rf"(?:date|published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*{_DATE}(?=\s+\S)",
    re.IGNORECASE,
)
# _DATE without its named groups (to stand a second time in one pattern), its "AM"/"PM"
# in either case: "By Sam Okafor  November 24, 2026  5:00 AM ET", as a browser prints a
# news site's byline and date on one line (ux28: read as a standfirst, the date lost).
_DATE_UNNAMED = re.sub(r"\(\?P<\w+>", "(?:", _DATE).replace(r"[ap]\.?m\.?", r"[AaPp]\.?[Mm]\.?")
_BYLINE = re.compile(
    r"By\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})*"
    # the date after the last writer's name ("By Jo Roe and Ann Lee, November 24, 2026")
    rf"(?:\s*[,|·•–—-]?\s*{_DATE_UNNAMED})?"
    r"(?:\s*[,|–—-]\s*[\w’' .-]{0,40})?"
    # "| The Ledger | March 4, 2025": more fields, only after bars; then "Published May 10, 2023"
    # (a printed page's byline and date lines, run together).
    # (a field may be a date and time: "| Nov 3, 2023 10:15 a.m. ET")
    rf"(?:\s*\|\s*(?:{_DATE_UNNAMED}|[\w’' .,-]{{0,40}})){{0,2}}"
    rf"(?:\s+(?:[Pp]ublished|[Uu]pdated|[Pp]osted)(?:\s+on)?:?\s+{_DATE})?"
)
_SEPARATOR = re.compile(r"[^\w\s]{3,}|(?:[^\w\s]\s*){3,}|_{3,}")
_NAME_LINE = re.compile(
    r"[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'.-]*|van|von|de|der|da|di|al|bin|el)){1,3}"
)
_READING_TIME = re.compile(r"\d{1,2}\s*(?:min(?:ute)?s?)\.?\s*(?:read|reading time)", re.IGNORECASE)
_URL_LINE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CREDITS_LINE = re.compile(
    r"\(\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^()]*\)?"
    r"|(?:additional\s+)?(?:reporting|writing) by [^.;]*;\s*(?:editing|writing) by .*",
    re.IGNORECASE,
)
# A news agency's credits, each role by names (capitalised: "Reporting by the council's
# auditors found …" is a sentence): "Reporting by Jo Roe in London; Additional reporting by
# Ann Lee; Editing by Sam Poe and Tim Cole", "Reporting by Jo Roe, editing by Sam Poe".
_CREDIT_NAMES = (
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|al|bin|el))*"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|al|bin|el))*)*"
    r"(?:\s+in\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?"
)
_CREDIT_ROLE = (r"(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|graphics"
                r"|fact-checking|research)\s+by)")
_AGENCY_CREDITS = re.compile(
    rf"{_CREDIT_ROLE}\s+{_CREDIT_NAMES}(?:\s*[;,.]\s*(?:(?i:and)\s+)?{_CREDIT_ROLE}\s+"
    rf"{_CREDIT_NAMES})*\.?"
)
# The credits as the last sentence of the last paragraph: "… she said. Reporting by Jo Roe;
# Editing by Sam Poe".
_TRAILING_CREDITS = re.compile(
    rf"(?<=[.!?\"”’])\s+(?P<credits>{_AGENCY_CREDITS.pattern})\s*$"
)

_IMAGE_EXTENSION = re.compile(
    r"\S+\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp|svg|heic)(?:\?\S*)?", re.IGNORECASE
)
# A long token without spaces, with an underscore and a digit: an agency's picture id.
_IMAGE_TOKEN = re.compile(r"(?=\S*\d)(?=\S*_)[\w.+-]{20,}")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?:\s*\{[^}]*\})?")

_AGENCIES = (
    r"(?:Reuters|AP|AFP|Getty Images|Getty|EPA(?:-EFE)?|Bloomberg|Shutterstock|Alamy|"
    r"ZUMA(?: Wire| Press)?|Sipa(?: USA)?|dpa|TASS|Sputnik|ANP|Belga|Anadolu(?: Agency)?|"
    r"Xinhua|Kyodo|PA(?: Wire)?|Associated Press|Agence France-Presse|SOPA Images|NurPhoto|"
    r"Imago|LightRocket|Twitter|Telegram|Facebook|Instagram|YouTube)"
)
_VIA_AGENCY = re.compile(rf".*\bvia\s+{_AGENCIES}\)?")
_NAME_SLASH_AGENCY = re.compile(
    r"\(?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,4}\s*/\s*"
    r"(?:[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|via|for|and|of))*)?\)?"
)
_AGENCY_ONLY = re.compile(rf"\(?(?:photo:?\s*)?{_AGENCIES}(?:\s*(?:/|and)\s*{_AGENCIES})*\)?\.?")
_CREDIT_PREFIX = re.compile(
    r"(?:photo|photograph|picture|image|foto|credit|photo credit|image credit)s?\s*[:：]\s*(?P<rest>.+)",
    re.IGNORECASE,
)
_CAPTION_FILE = re.compile(r"(?:FILE(?:\s+PHOTO)?|File photo)\s*[–—:-]\s*\S")
# A caption that ends in its credit: "Soldiers near Bakhmut. Photograph: Libkos/AP"
_CAPTION_CREDIT_SUFFIX = re.compile(
    r".*\b(?:Photograph|Photo|Picture|Image|Foto|Credit)s?\s*:\s*\S+(?:\s+\S+){0,8}"
)
_CAPTION_PREFIX = re.compile(
    r"(?:Pictured|Above|Top|Main image|Caption|In the photo|In the picture)\s*[:–—-]\s*\S",
    re.IGNORECASE,
)
# A caption often ends in its credit: "(Sergey Guneyev, Sputnik, … via AP, File) (Sergey Guneyev/)"
_TRAILING_CREDIT = re.compile(
    rf"\((?:[^()]*\b(?:via\s+{_AGENCIES}|AP Photo|Photo:|Getty Images)\b[^()]*|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+\s*/[^()]{{0,40}})\)\s*$"
)

# Credits with the full stop some corpora put at the end of every paragraph (PolNeAR:
# "John Moore/Getty Images.", "Scott Olson via Getty Images.", "Getty."). Only a name
# (capitalised words) may stand before "via": "He said it via Twitter." stays body.
_STOPPED_CREDIT = re.compile(
    rf"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,4}}\s+via\s+{_AGENCIES}"
    r"|\(?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}\s*/\s*"
    r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|via|for|and|of)){0,4}\)?"
    rf"|\(?(?:photo:?\s*)?{_AGENCIES}(?:\s*(?:/|and)\s*{_AGENCIES})*\)?)\."
)
# "Follow Pam Key on Twitter @pamkeyNEN.", "On Twitter follow Ken Thomas https://twitter.com/…":
# the writer's promotion under a story, with the account it promotes.
_SOCIAL_PROMO = re.compile(
    r"(?:on (?:twitter|facebook|instagram),?\s+)?follow\b.{1,80}?"
    r"(?:\bon (?:twitter|facebook|instagram)\b.*(?:@\w|https?://)"
    r"|(?:@\w|https?://(?:www\.)?(?:twitter|x|facebook|instagram)\.com/)).*",
    re.IGNORECASE,
)
# A sign-up offer: "For more, sign up for the What’s Working newsletter.", "Subscribe to
# HuffPost’s politics podcast here.", "Sign up to get an email from reporter Ryan Grim when…".
_SIGN_UP = re.compile(
    r"(?:for more,?\s+)?(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|podcast|email|here)\b.*"
    r"|.{0,40}\bvia email!.*",
    re.IGNORECASE,
)
# A note about the article: "Correction: An earlier version of this article …", "This story
# has been updated to include …". An editor's note is not one of them: it is the outlet
# speaking in its own voice, often framing the story ("Editor’s note: Donald Trump regularly
# incites political violence and is a serial liar…", under every HuffPost article on him in
# 2016), which is what Framescope measures, so it stays body.
_ARTICLE_NOTE = re.compile(
    r"(?:correction(?: appended)?)\s*[:.–—-].*"
    r"|this (?:article|story|post|piece|report) (?:has been|was) (?:updated|corrected)\b.*",
    re.IGNORECASE | re.DOTALL,
)
# "We Are Sorry,This video is restricted from playing in your locationEcode: 17."
_PLAYER_MESSAGE = re.compile(
    r"(?:we are sorry,?\s*)?this video (?:is|has been) (?:restricted|unavailable|not available"
    r"|removed|no longer available)\b.*",
    re.IGNORECASE,
)
# An embedded post as PolNeAR's texts keep it: '<tweet id="…" author="…">text</tweet>.',
# '<tweet tweet-id="…"><tweet/>.', '<tweet pic="" author="…" …>text' (a line that opens with
# the markup; its text is the other account's, quoted by the page, not the article's).
_EMBED = re.compile(r"<tweet\b[^>]*>.*", re.IGNORECASE | re.DOTALL)

_ADVERT = re.compile(
    r"(?:advertisement|advertising|advert|ad|anzeige|publicité|publicidad|sponsored(?: content| post| story)?"
    r"|sponsored by .{1,40}|paid (?:content|post|partnership)|partner content"
    r"|(?:story|article) continues below(?: (?:this )?(?:advertisement|ad))?"
    r"|continue reading below|scroll to continue(?: with content)?)\W*"
    r"|(?:sign up|subscribe|register) (?:to|for) .{0,60}\bnewsletters?\b.*",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"\b(?:log|sign)\s?in\b.{0,60}\b(?:create|register|subscribe|account|continue|read)"
    r"|\bcreate (?:a|an|your) (?:free )?account\b"
    r"|\balready (?:a subscriber|subscribed|have an account|a member)\b"
    r"|^(?:get )?(?:free|unlimited|full|exclusive) (?:unlimited )?(?:digital )?access\b"
    r"|^subscribe\b|\bsubscribe (?:now|today|here|for|to (?:read|continue|our|get|unlock))\b"
    r"|\bsubscribers? only\b|\bfor (?:subscribers|members) only\b|^become a (?:member|subscriber)\b"
    r"|\b(?:this|the) (?:article|content|story) is (?:for|reserved for|only available to|exclusive to) "
    r"(?:subscribers|members)\b"
    r"|\b(?:subscribe|log in|sign in|sign up|register)\b.{0,40}\bto (?:continue|keep) reading\b"
    r"|^unlock (?:this|the full|unlimited)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b|[“”\"]")
# What a lede's attribution says beyond "said" ("officials confirmed on Tuesday"): a
# standfirst characterises the story, a lede reports it and names who told it (ux22).
_LEDE_REPORT = re.compile(
    r"\b(?:confirmed|announced|reported|stated|warned|claimed|insisted|revealed|admitted|"
    r"denied|disclosed|explained|added|testified|acknowledged|wrote)\b")
# The opening of a paragraph that goes on from the one before: a connective or a word
# pointing back to it. Under a short sentence, it makes that sentence the body's first.
_CONTINUES = re.compile(
    r"(?:But|And|Yet|However|Still|So|Instead|Meanwhile|Now|That|This|These|Those|It|Its|"
    r"They|Their|He|She|His|Her)\b[\s,]")
# A saved or forwarded e-mail: its header lines at the top, a mail program's signature,
# and a newsletter's footer.
_EMAIL_HEADER = re.compile(
    r"(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To)\s*:\s*\S.*"
    r"|-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:?",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"(?:page|p\.)\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}", re.IGNORECASE)
# A page number ending a title or a headline, set apart: "Story - Page 2 of 3", "Story (page
# 2)", or the whole title ("Page 2 of 3"): one page of a multi-page story saved or printed
# on its own. Not "Part 3": a series' parts are different stories.
TITLE_PAGE_NUMBER = re.compile(
    r"(?:^|\s*[-–—|:·,]\s*|\s*(?=\())"
    r"(?:page\s+\d+(?:\s+of\s+\d+)?|\(page\s+\d+(?:\s+of\s+\d+)?\))\s*$",
    re.IGNORECASE)
_EMAIL_SIGNATURE = re.compile(
    r"Sent from my (?:iPhone|iPad|Android|BlackBerry|Samsung|Galaxy|mobile|phone|Pixel)\b.{0,30}",
    re.IGNORECASE,
)
_NEWSLETTER_FOOTER = re.compile(
    r"^you(?:'re|’re| are) receiving this\b|\bunsubscribe\s*(?:\||$)|^unsubscribe\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s+(?:©|\(c\))|©|\(c\)\s*\d{4})"
    r"|\ball rights reserved\b"
    r"|^this (?:article|story) (?:was )?(?:originally|first) (?:published|appeared)\b"
    r"|\bmay not be (?:published|reproduced|redistributed|rewritten)\b"
    r"|^(?:privacy (?:notice|policy)|terms of (?:use|service)|cookie (?:policy|settings))\b",
    re.IGNORECASE,
)
_LINK_HEADER = re.compile(
    r"(?:keep reading|read more|read also|also read|read next|more to read|related"
    r"(?: articles?| stories| coverage| news| content| links?)?|see also|more on this(?: story| topic)?"
    r"|recommended(?: for you| stories| articles)?|you (?:may|might) also like|more from [\w .’']{1,30}"
    r"|most read|most popular|trending(?: now)?|further reading|latest news|top stories|more stories"
    r"|explore more on (?:these|this) topics?|topics|tags|more on these topics"
    r"|watch|listen|lees ook|lees meer|leer más|lea también|lire aussi|weiterlesen|mehr zum thema)"
    r"\s*(?P<colon>[:：»›>–—-]\s*)?(?P<rest>.*)",
    re.IGNORECASE,
)
_TEASER_MARKER = re.compile(
    r"(?:\(\+\)|\[\+\]|\((?:paid|premium|plus)\)|\bPremium)\s*$|^(?:[▶►»›]|PREMIUM\b)"
)

_DATELINE_PAREN = re.compile(r"\((?P<name>[A-Z][\w.&’' -]{1,40}?)\)\s*[—–-]{1,2}\s*(?=\S)")
_DATELINE_CITY_AGENCY = re.compile(
    r"(?:[A-Z][A-Z.’'-]+(?:[ ,]+[A-Z][\w.’'-]*){0,4})\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
    r"\((?P<name>[A-Z][\w.&’' -]{1,30})\)\s*[—–-]{1,2}\s*(?=\S)"
)
_DATELINE_CITY = re.compile(r"[A-Z][A-Z.’'-]{2,}(?:[ ,]+[A-Z][\w.’'-]*){0,3}\s*[—–]\s*(?=\S)")
# Labels in capitals that open a headline before a dash, as a city opens a dateline.
_KICKER_LABEL = re.compile(
    r"EXCLUSIVE|BREAKING(?: NEWS)?|UPDATED?|WATCH|LISTEN|ANALYSIS|OPINION|EDITORIAL|COMMENTARY"
    r"|EXCERPT|VIDEO|LIVE|REVIEW|INTERVIEW|FACT CHECK|SPECIAL REPORT|ICYMI"
)
_DOMAIN_SUFFIX = re.compile(
    r"\.(?:com|org|net|news|info|co\.uk|co|uk|us|eu|nl|de|es|fr|ru)$", re.IGNORECASE
)

_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_STRUCTURE = re.compile(r"(?:[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~|!\[)")

# Words a heading or a title does not end on: a line ending on one was cut off.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as that which who whom whose "
    "is are was were be been being have has had do does did will would can could may might "
    "must shall should not than then into onto over under about after before".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_ENDS_SENTENCE = re.compile(r"(?:[.!?…]|\.\.\.)[\"'”’)\]]*$")
_ENDS_STATEMENT = re.compile(r"(?:[.!…]|\.\.\.)[\"'”’)\]]*$")  # a question may be a headline
_ENDS_WITH_STOP = re.compile(r"[.,;:][\"'”’)\]]*$")
_ENDS_WITH_PUNCTUATION = re.compile(r"[.,;:!?…][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(]?[A-Z0-9]")
# A headline that ends in a full stop (see _headline_with_full_stop).
_MAX_STOPPED_HEADLINE_WORDS = 20
_MAX_WORDS_TITLE_CASE = 30  # as a headline without a full stop
_MIN_SHARED_WORDS = 0.5
_TITLE_SMALL = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via with from into "
    "onto over than that vs v is are was be".split()
)
_MAX_WORDED_HEADLINE_WORDS = 14
_HEADLINE_LABEL = re.compile(r"(?P<label>[^:.!?]{1,40}):\s+\S")  # "Poll: …", "The Latest: …"
_FINAL_STOP = re.compile(r"\.(?=[\"'”’)\]]*$)")
# Past tense and auxiliaries; '-ed' only in a lower-case word ('United' is a name). Not
# modals: a headline keeps them, since they carry its meaning ('emails might be
# released', 'Plan would create …'), as it always kept 'may' and 'can'.
_LEDE_WORDS = re.compile(
    r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|is|are|been|said|told|according|[a-z]{3,}ed)\b"
)
# A headline's passive without its auxiliary ('emails now deemed classified', 'Pfizer
# deal's tax strategy assailed.', 'bill criticized as anti-gay'): an '-ed' word before a
# preposition or at the end, not a lede's past tense with its object ('unleashed an attack')
# or after a pronoun ('the backstop they once counted on').
_HEADLINE_PARTICIPLE = re.compile(
    r"\b[a-z]{3,}ed\b(?= (?:by|in|on|as|from|to|at|for|over|after|amid|with)\b|[\"'”’)\]]*\.?$)"
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|[Yy]ou)\b")
_LEDE_TIME = re.compile(
    rf"\b(?:{_WEEKDAY}|yesterday|today|tonight|(?:last|this) (?:week|night|month|year|morning))\b"
)
_LEDE_OPENING = re.compile(
    r"(?:he|she|it|they|we|i|you|this|that|these|those|his|her|their|but|and|so|yet|still"
    r"|however|meanwhile|now|then)\b",
    re.IGNORECASE,
)
_ARTICLES = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)
# A dateline opening a paragraph, also where it is not split off ("Mexico City (AFP) –"),
# and with its dash typed as a spaced hyphen ("DES MOINES - Donald Trump …").
_DATELINE_OPENING = re.compile(
    r"[A-Z][\w.,’' -]{0,40}?\((?:AP|AFP|UPI|Reuters|CNN|[A-Z][\w.&’' -]{1,30})\)\s*[—–-]{1,2}\s*\S"
    r"|[A-Z][A-Z.’'-]{2,}(?:[ ,]+[A-Z][\w.’'-]*){0,3}(?:\s*[—–]\s*\S|\s+-\s+[A-Z“\"‘'])"
)
# A news database's label over an article's abstract (ProQuest: title, ABSTRACT, FULL TEXT).
_ABSTRACT_LABEL = re.compile(r"abstract[.:]?", re.IGNORECASE)
_FULL_TEXT_LABEL = re.compile(r"full text[.:]?", re.IGNORECASE)
# A deck under a headline that ends in a full stop: at most this many words, two decks.
_MAX_DECK_WORDS = 16
_MAX_DECKS = 2
_NAME_WORD = re.compile(r"[A-Z][a-z]+")  # 'Clinton' (not 'GOP', not 'clinton')
_FURNITURE_BELOW_HEADLINE = frozenset(
    {Role.METADATA, Role.ADVERT, Role.IMAGE_FILE, Role.CREDIT, Role.CAPTION}
)
_PLACE_CUE = re.compile(
    r"\b(?:near|in|at|outside|around|inside|from|on the (?:outskirts|front ?line) of)\s+"
    r"(?:the\s+)?[A-Z][\w’'-]+"
    r"|\b[A-Z][\w’'-]+\s+(?:region|province|oblast|district|county|state)\b"
)
_TIME_CUE = re.compile(
    rf"\b(?:yesterday|today|on {_WEEKDAY}|{_WEEKDAY}|last (?:week|month|year|night)"
    rf"|this (?:week|month|morning)|{_MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_NAME}|(?:19|20)\d{{2}})\b"
)


def detect_layout(
    text: str, *, markdown: bool = False, known_headline: str = "", known_reason: str = ""
) -> Layout:
    """Split ``text`` into role-labelled blocks (offsets into ``text``) and read its cues.

    ``markdown`` treats '#' lines as headings and joins paragraph lines.
    ``known_headline`` (from a manifest, a web page's title or a PDF's type): if it
    occurs verbatim in the text, that occurrence is the HEADLINE block, with
    ``known_reason`` as its reason (default: given for this article).
    """
    units = _units(text, markdown=markdown)
    if not markdown and _is_hard_wrapped(units):
        units = _join_wrapped(text, units)
    units = _split_prefixes(text, units)
    _split_trailing_credits(text, units)
    known_index = _place_known_headline(text, units, known_headline) if known_headline else None
    if known_index is not None and known_reason:
        units[known_index].reason = known_reason
    for unit in units:
        if unit.role is None:
            _classify_by_pattern(unit)
    _classify_link_lists(units)
    _classify_email_headers(units)
    headline_index = _classify_top(units, _end_of_top(units), known_index)
    if known_headline and known_index is None and headline_index is not None:
        units[headline_index].reason = WHY_OTHER_HEADLINE
    if headline_index is not None and units[headline_index].reason != WHY_KNOWN_HEADLINE:
        _split_page_number(text, units, headline_index)
    _classify_tail(units)
    _classify_middle(units)
    for unit in units:
        if unit.role is None:
            unit.role = Role.BODY
    outlet, origin = _outlet_from(units)
    return Layout(
        blocks=tuple(Block(u.start, u.end, u.role or Role.BODY, u.reason) for u in units),
        # one line, as the table shows it: a hard-wrapped headline keeps no line breaks
        headline=" ".join(units[headline_index].text.split()) if headline_index is not None else "",
        outlet=outlet,
        outlet_origin=origin,
        date=_date_from(units),
    )


def parse_date(value: str) -> str:
    """An ISO ``YYYY-MM-DD`` date from '2023-05-18', 'May 18, 2023' or '18 May 2023'; else ''."""
    match = _DATE_ONLY.search(value)
    if match is None:
        return ""
    if match.group("iso"):
        return match.group("iso")
    if match.group("md_month"):
        month, day, year = match.group("md_month"), match.group("md_day"), match.group("md_year")
    else:
        month, day, year = match.group("dm_month"), match.group("dm_day"), match.group("dm_year")
    number = _MONTHS.get(month.rstrip(".").lower())
    if number is None or not 1 <= int(day) <= 31:
        return ""
    return f"{int(year):04d}-{number:02d}-{int(day):02d}"


# A date written in figures only: "09/13/2016", "13.09.2016", "2016/09/13", "20160913"
# (spreadsheets and scrapers write them so), with a time after it or not.
_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})(?:(?:[T ,]|\s+).*)?"
)
_COMPACT_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:T.*)?")


def _iso(year: int, month: int, day: int) -> str:
    import datetime as dt

    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def numeric_date_order(values: Iterable[str]) -> str:
    """'dmy' or 'mdy': the order of day and month that a column's dates in figures show
    where one of them cannot be a month ("13/09/2016" is day first, "09/13/2016" month
    first); '' when none shows it or they disagree."""
    orders: set[str] = set()
    for value in values:
        match = _NUMERIC_DATE.fullmatch(value.strip())
        if match is None or len(match.group("c")) != 4:
            continue
        first, second = int(match.group("a")), int(match.group("b"))
        if first > 12 >= second:
            orders.add("dmy")
        elif second > 12 >= first:
            orders.add("mdy")
    return orders.pop() if len(orders) == 1 else ""


def parse_numeric_date(value: str, order: str = "") -> str:
    """An ISO ``YYYY-MM-DD`` date from one written in figures: year first ("2016/09/13",
    "20160913"), or day and month before a four-digit year, read in the order the value
    itself shows ("13/09/2016", "09/13/2016") or else in ``order`` ('dmy' or 'mdy', from
    :func:`numeric_date_order` over its column); '' when it is none, or "04/05/2016" with
    no order to tell April from May."""
    text = value.strip()
    compact = _COMPACT_DATE.fullmatch(text)
    if compact is not None:
        return _iso(int(compact.group("y")), int(compact.group("m")), int(compact.group("d")))
    match = _NUMERIC_DATE.fullmatch(text)
    if match is None:
        return ""
    a, b, c = match.group("a"), match.group("b"), match.group("c")
    if len(a) == 4:
        return _iso(int(a), int(b), int(c))
    if len(c) != 4:
        return ""  # a two-digit year: which century is a guess
    first, second = int(a), int(b)
    if first > 12 >= second or (order == "dmy" and max(first, second) <= 12):
        return _iso(int(c), second, first)
    if second > 12 >= first or (order == "mdy" and max(first, second) <= 12):
        return _iso(int(c), first, second)
    return ""


def outlet_name(raw: str) -> str:
    """An outlet's name from a dateline or footer fragment: 'www.PatriotWise.com' -> 'PatriotWise'."""
    name = raw.strip().strip(",.;:–—-").strip()
    name = re.sub(r"^www\.", "", name, flags=re.IGNORECASE)
    name = _DOMAIN_SUFFIX.sub("", name)
    return name.strip()


# --- units --------------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, blank)`` for every line, ``end`` excluding the line break."""
    offset = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        yield offset, offset + len(content), not content.strip()
        offset += len(line)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _units(text: str, *, markdown: bool) -> list[_Unit]:
    units: list[_Unit] = []
    group = 0
    previous_blank = True
    for line_start, line_end, blank in _lines(text):
        if blank:
            if not previous_blank:
                group += 1
            previous_blank = True
            continue
        previous_blank = False
        start, end = _trimmed(text, line_start, line_end)
        unit = _Unit(start, end, text[start:end], group)
        if markdown:
            heading = _MD_HEADING.fullmatch(unit.text)
            if heading is not None and heading.group(2):
                content_start = start + heading.start(2)
                unit = _Unit(
                    content_start,
                    content_start + len(heading.group(2)),
                    heading.group(2),
                    group,
                    heading_level=len(heading.group(1)),
                )
            elif _MD_STRUCTURE.match(unit.text):
                unit.md_structure = True
            previous = units[-1] if units else None
            if (
                previous is not None
                and previous.group == group
                and not previous.heading_level
                and not previous.md_structure
                and not unit.heading_level
                and not unit.md_structure
            ):
                units[-1] = _Unit(previous.start, end, text[previous.start : end], group)
                continue
        units.append(unit)
    return units


def _is_hard_wrapped(units: list[_Unit]) -> bool:
    """Whether lines were broken at a fixed width (most inner lines nearly full, width <= 100)."""
    if len(units) < 4:
        return False
    width = max(len(u.text) for u in units)
    if width > 100:
        return False
    inner = [u for u, nxt in pairwise(units) if nxt.group == u.group]
    full = [u for u in inner if len(u.text) >= 0.75 * width]
    return len(full) >= 3 and len(full) >= 0.7 * len(inner)


def _join_wrapped(text: str, units: list[_Unit]) -> list[_Unit]:
    width = max(len(u.text) for u in units)
    joined: list[_Unit] = []
    for index, unit in enumerate(units):
        previous = joined[-1] if joined else None
        following = units[index + 1] if index + 1 < len(units) else None
        short_inside = (
            len(unit.text) < 0.6 * width and following is not None and following.group == unit.group
        )  # a heading, not the end of a wrapped paragraph
        if (
            previous is not None
            and previous.group == unit.group
            and not short_inside
            and _last_line_length(previous.text) >= 0.6 * width
            and _pattern_role(unit.text) is None
            and _pattern_role(_last_line(previous.text)) is None
        ):
            joined[-1] = _Unit(
                previous.start, unit.end, text[previous.start : unit.end], unit.group
            )
        else:
            joined.append(unit)
    return joined


def _last_line(value: str) -> str:
    return value.rsplit("\n", 1)[-1].strip()


def _last_line_length(value: str) -> int:
    return len(_last_line(value))


def _split_unit(text: str, units: list[_Unit], index: int, cut: int) -> None:
    """Split ``units[index]`` at character offset ``cut`` into two trimmed units."""
    unit = units[index]
    head_start, head_end = _trimmed(text, unit.start, cut)
    tail_start, tail_end = _trimmed(text, cut, unit.end)
    head = replace(unit, start=head_start, end=head_end, text=text[head_start:head_end])
    tail = replace(unit, start=tail_start, end=tail_end, text=text[tail_start:tail_end])
    units[index : index + 1] = [u for u in (head, tail) if u.start < u.end]


def _split_page_number(text: str, units: list[_Unit], index: int) -> None:
    """Split a page number off the end of the headline ("Story - Page 2 of 3"): a page of
    the story, not its words (a headline the user gave is not looked at: it is theirs)."""
    unit = units[index]
    match = TITLE_PAGE_NUMBER.search(unit.text)
    if match is None or not any(ch.isalnum() for ch in unit.text[: match.start()]):
        return
    _split_unit(text, units, index, unit.start + match.start())
    units[index + 1].role, units[index + 1].reason = Role.METADATA, WHY_HEADLINE_PAGE


def _split_prefixes(text: str, units: list[_Unit]) -> list[_Unit]:
    """Split a leading date stamp and a dateline off the paragraph they start (top of text)."""
    index = 0
    while index < min(len(units), 8):
        unit = units[index]
        if _pattern_role(unit.text) is not None:
            index += 1
            continue
        stamp = _DATE_PREFIX.match(unit.text)
        if stamp is not None and _word_count(unit.text[stamp.end() :]) >= 5:
            _split_unit(text, units, index, unit.start + stamp.end())
            units[index].role, units[index].reason = Role.METADATA, WHY_DATE
            index += 1
            continue
        dateline = _match_dateline(unit.text)
        if (
            dateline is not None
            and _word_count(unit.text[dateline.end() :]) >= 6
            and _ENDS_SENTENCE.search(unit.text) is not None  # a paragraph, not a headline
        ):
            _split_unit(text, units, index, unit.start + dateline.end())
            units[index].role, units[index].reason = Role.DATELINE, WHY_DATELINE
            name = dateline.groupdict().get("name")
            units[index].named_outlet = outlet_name(name) if name else ""
            if index + 1 < len(units):
                units[index + 1].opens_body = True
            break  # one dateline per article
        index += 1
    return units


def _split_trailing_credits(text: str, units: list[_Unit]) -> None:
    """Split an agency's credits off the end of the paragraph they close: as a sentence of
    the body, "Reporting by Jo Roe; Editing by Sam Poe" was a source and an attribution."""
    for index in range(len(units) - 1, -1, -1):
        unit = units[index]
        if unit.role is not None or "by" not in unit.text[-300:].lower():
            continue
        credits = _TRAILING_CREDITS.search(unit.text, max(0, len(unit.text) - 300))
        if credits is not None and _word_count(unit.text[:credits.start()]) >= 5:
            _split_unit(text, units, index, unit.start + credits.start("credits"))
            units[index + 1].role, units[index + 1].reason = Role.METADATA, WHY_CREDITS_LINE


def _match_dateline(value: str) -> re.Match[str] | None:
    for pattern in (_DATELINE_PAREN, _DATELINE_CITY_AGENCY, _DATELINE_CITY):
        match = pattern.match(value)
        if match is not None:
            if pattern is _DATELINE_CITY and _KICKER_LABEL.fullmatch(match.group().rstrip(" —–")):
                return None  # 'EXCLUSIVE – Roger Stone: …' is a kicker, not a place
            return match
    return None


def _place_known_headline(text: str, units: list[_Unit], headline: str) -> int | None:
    """Mark ``headline`` as HEADLINE where it occurs verbatim; return its unit index.

    A line that is exactly the headline is preferred; else the first occurrence
    inside a line is split off.
    """
    wanted = headline.strip()
    for index, unit in enumerate(units):
        if unit.text == wanted and unit.role is None:
            unit.role, unit.reason = Role.HEADLINE, WHY_KNOWN_HEADLINE
            return index
    position = text.find(wanted) if wanted else -1
    if position < 0:
        return None
    end = position + len(wanted)
    for index, unit in enumerate(units):
        if unit.start <= position and end <= unit.end:
            if end < unit.end:
                _split_unit(text, units, index, end)
            if units[index].start < position:
                _split_unit(text, units, index, position)
                index += 1
            units[index].role, units[index].reason = Role.HEADLINE, WHY_KNOWN_HEADLINE
            return index
    return None  # the headline spans a line break; it is not a block of its own


# --- pass 1: patterns ---------------------------------------------------------------


def _classify_by_pattern(unit: _Unit) -> None:
    found = _pattern_role(unit.text)
    if found is not None:
        unit.role, unit.reason = found
        unit.link_header = unit.reason == WHY_LINK_HEADER


@lru_cache(maxsize=_LINE_CACHE)
def _pattern_role(value: str) -> tuple[Role, str] | None:
    """A role that the line's own wording shows, wherever the line is."""
    words = _word_count(value)
    if _MARKDOWN_IMAGE.fullmatch(value) or (
        " " not in value
        and not _URL_LINE.fullmatch(value)
        and (_IMAGE_EXTENSION.fullmatch(value) or _IMAGE_TOKEN.fullmatch(value))
    ):
        return Role.IMAGE_FILE, WHY_IMAGE
    if _URL_LINE.fullmatch(value):
        return Role.METADATA, WHY_URL
    if _SEPARATOR.fullmatch(value):
        return Role.METADATA, WHY_SEPARATOR
    if _ADVERT.fullmatch(value):
        return Role.ADVERT, WHY_ADVERT
    if _EMBED.fullmatch(value):
        return Role.METADATA, WHY_EMBED
    if words <= 80 and _ARTICLE_NOTE.fullmatch(value):
        return Role.METADATA, WHY_NOTE
    if words <= 30 and _PLAYER_MESSAGE.fullmatch(value):
        return Role.METADATA, WHY_PLAYER
    if words <= 30 and _SOCIAL_PROMO.fullmatch(value) and not _REPORTED.search(value):
        return Role.ADVERT, WHY_SOCIAL_PROMO
    if words <= 30 and _SIGN_UP.fullmatch(value) and not _REPORTED.search(value):
        return Role.ADVERT, WHY_SIGN_UP
    if words <= 40 and _FOOTER.search(value):
        return Role.FOOTER, WHY_FOOTER
    if words <= 40 and _NEWSLETTER_FOOTER.search(value) and not _REPORTED.search(value):
        return Role.FOOTER, WHY_NEWSLETTER_FOOTER
    if _PAGE_NUMBER.fullmatch(value):
        return Role.METADATA, WHY_PAGE_NUMBER
    if words <= 10 and _EMAIL_SIGNATURE.fullmatch(value):
        return Role.METADATA, WHY_EMAIL_SIGNATURE
    if words <= 20 and _PAYWALL.search(value) and not _REPORTED.search(value):
        return Role.PAYWALL, WHY_PAYWALL
    if _CAPTION_FILE.match(value) or (words > 6 and _CAPTION_PREFIX.match(value)):
        return Role.CAPTION, WHY_CAPTION_FILE
    if words > 4 and words <= 60 and _CAPTION_CREDIT_SUFFIX.fullmatch(value):
        return Role.CAPTION, WHY_CAPTION_CREDIT
    credit_prefix = _CREDIT_PREFIX.fullmatch(value)
    if credit_prefix is not None:
        if _word_count(credit_prefix.group("rest")) <= 8:
            return Role.CREDIT, WHY_CREDIT
        return Role.CAPTION, WHY_CAPTION_FILE
    if (
        words <= 12
        and not _ENDS_SENTENCE.search(value.rstrip(")"))
        and (
            _VIA_AGENCY.fullmatch(value)
            or _NAME_SLASH_AGENCY.fullmatch(value)
            or _AGENCY_ONLY.fullmatch(value)
        )
    ):
        return Role.CREDIT, WHY_CREDIT
    if words <= 12 and _STOPPED_CREDIT.fullmatch(value):
        return Role.CREDIT, WHY_CREDIT
    if words >= 4 and _TRAILING_CREDIT.search(value):
        return Role.CAPTION, WHY_CAPTION_FILE
    if words <= 12 and (_DATE_LINE.fullmatch(value) or _READING_TIME.fullmatch(value)
                        or _TIME_STAMP_LINE.fullmatch(value)):
        return Role.METADATA, WHY_DATE
    if words <= 14 and _BYLINE.fullmatch(value):
        return Role.METADATA, WHY_BYLINE
    if words <= 40 and (_CREDITS_LINE.fullmatch(value) or _AGENCY_CREDITS.fullmatch(value)):
        return Role.METADATA, WHY_CREDITS_LINE
    header = _LINK_HEADER.fullmatch(value)
    if header is not None:
        rest = header.group("rest").strip()
        if not rest and (header.group("colon") or words <= 6):
            return Role.LINK_LIST, WHY_LINK_HEADER
        if rest and header.group("colon") and _is_title_like(rest):
            return Role.LINK_LIST, WHY_LINK_TITLE
    return None


def promotion_or_note(sentence: str) -> str:
    """Why ``sentence`` is the page talking rather than the story (a social-media promotion, a
    sign-up offer, a note about the article), or "" when it is not: for sentences of a body
    paragraph, where a whole-line pattern cannot see them ("… podcast. Subscribe here, and
    listen to the latest episode below.")."""
    value = sentence.strip()
    words = _word_count(value)
    if words <= 30 and not _REPORTED.search(value):
        if _SOCIAL_PROMO.fullmatch(value):
            return WHY_SOCIAL_PROMO
        if _SIGN_UP.fullmatch(value):
            return WHY_SIGN_UP
    if words <= 80 and _ARTICLE_NOTE.fullmatch(value):
        return WHY_NOTE
    if words <= 30 and _PLAYER_MESSAGE.fullmatch(value):
        return WHY_PLAYER
    return ""


# --- pass 2: the top ------------------------------------------------------------------


def _end_of_top(units: list[_Unit]) -> int:
    """Index of the first unit that reads as body: a paragraph or a sentence (``len(units)`` if none).

    The headline is looked for before it.
    """
    for index, unit in enumerate(units):
        if unit.opens_body:
            return index
        if unit.role is None and (_is_paragraph(unit.text) or _ENDS_STATEMENT.search(unit.text)):
            return index
    return len(units)


def _classify_top(units: list[_Unit], end_of_top: int, known_index: int | None) -> int | None:
    """Headline, section, kickers and standfirst before the first paragraph; the headline's index."""
    headline = known_index
    if headline is None:
        open_units = [i for i in range(end_of_top) if units[i].role is None][:6]
        headings = [i for i in open_units if units[i].heading_level]
        if headings:
            headline = min(headings, key=lambda i: (units[i].heading_level, i))
        else:
            headline = next((i for i in open_units if _is_headline_like(units[i].text)), None)
        if headline is None:
            headline = next(
                (i for i in open_units if _is_headline_like(units[i].text, allow_capitals=True)),
                None,
            )
        if headline is not None:
            units[headline].role, units[headline].reason = Role.HEADLINE, WHY_HEADLINE
        else:
            why = _headline_with_full_stop(units, end_of_top)
            if why is not None:
                headline = end_of_top
                units[headline].role, units[headline].reason = Role.HEADLINE, why
            else:
                headline = _headline_over_deck(units, end_of_top)
                if headline is not None:
                    units[headline].role = Role.HEADLINE
                    units[headline].reason = WHY_HEADLINE_OVER_DECK
    if headline is None:
        _classify_labels(units, min(end_of_top, 3))
        return None
    _classify_labels(units, min(headline, end_of_top), navigation=known_index is not None)
    has_standfirst = False
    seen_picture = False  # a standfirst sits between the headline and the picture
    # Under a headline that ends in a full stop, a full stop no longer sets a summary
    # apart from the lede: a sentence below it stays body.
    headline_stops = units[headline].reason in _WHY_STOPPED_HEADLINE
    decks = 0
    for index in range(headline + 1, len(units)):
        unit = units[index]
        if unit.role in (Role.IMAGE_FILE, Role.CREDIT, Role.CAPTION):
            seen_picture = True
            continue
        if unit.role in (Role.METADATA, Role.ADVERT):
            continue
        if unit.role is not None or unit.opens_body or unit.heading_level:
            break
        full_text = _full_text_label_after(units, index)
        if full_text is not None:
            # A news database's record: title, ABSTRACT, abstract, FULL TEXT, text. The
            # abstract restates the lede: scored as body, its cues counted twice.
            unit.role, unit.reason = Role.KICKER, WHY_ABSTRACT_LABEL
            for abstract in units[index + 1 : full_text]:
                abstract.role, abstract.reason = Role.STANDFIRST, WHY_ABSTRACT
            units[full_text].role, units[full_text].reason = Role.METADATA, WHY_FULL_TEXT_LABEL
            break
        if (
            index == headline + 1
            and units[headline].reason == WHY_HEADLINE_OVER_DECK
            and unit.group == units[headline].group
        ):
            if _is_column_name(unit.text):
                unit.role, unit.reason = Role.SECTION, WHY_COLUMN_NAME  # 'Economic Scene.'
                continue
            unit.role, unit.reason = Role.STANDFIRST, WHY_DECK  # 'Jobs report …;' / its deck
            has_standfirst = True
            continue
        if (
            headline_stops
            and decks < _MAX_DECKS
            and not seen_picture
            and index == headline + 1 + decks
            and _is_deck(units, index, _MAX_DECKS - decks)
        ):
            unit.role, unit.reason = Role.STANDFIRST, WHY_DECK
            has_standfirst = True
            decks += 1
            continue
        if _is_all_caps(unit.text) and _word_count(unit.text) <= 6:
            unit.role, unit.reason = Role.KICKER, WHY_KICKER
        elif _source_of_date_line(unit.text):
            unit.role, unit.reason = Role.METADATA, WHY_SOURCE_DATE
            break  # the body starts under the source and date line: no standfirst there
        elif (
            not has_standfirst
            and not seen_picture
            and not (headline_stops and _ENDS_SENTENCE.search(unit.text))
            and _is_standfirst(units, index)
        ):
            unit.role, unit.reason = Role.STANDFIRST, WHY_STANDFIRST
            has_standfirst = True
        elif _NAME_LINE.fullmatch(unit.text) and any(
            _is_paragraph(u.text) or u.opens_body for u in units[index + 1 : index + 4]
        ):
            unit.role, unit.reason = Role.METADATA, WHY_NAME_BYLINE
        else:
            break
    return headline


def _source_of_date_line(value: str) -> str:
    """The outlet a source and date line names ('*Capitol News Service*, November 19,
    2026' -> 'Capitol News Service'); '' unless the name reads as an outlet's or an
    agency's (a place and a date, 'Washington, May 4, 2023', is no source)."""
    match = _SOURCE_DATE_LINE.fullmatch(value)
    if match is None:
        return ""
    name = match.group("name").strip(" *_")
    words = name.split()
    if _AGENCY_ONLY.fullmatch(name) or (len(words) >= 2 and _names_an_outlet(words)):
        return outlet_name(name)
    return ""


def _classify_labels(units: list[_Unit], end: int, *, navigation: bool = False) -> None:
    """Short lines before the headline (or before the body): section labels and kickers.
    Above a known headline (given, a page's title, a PDF's largest type) a longer line
    without a full stop is the site's navigation ("The Daily Beast World Politics …")."""
    for unit in units[:end]:
        if unit.role is not None:
            continue
        words = _word_count(unit.text)
        if _is_all_caps(unit.text) and words <= 6:
            unit.role, unit.reason = Role.KICKER, WHY_KICKER
        elif words <= 6 and not _ENDS_WITH_STOP.search(unit.text):
            unit.role, unit.reason = Role.SECTION, WHY_SECTION
        elif navigation and words <= _NAVIGATION_WORDS and not _ENDS_WITH_STOP.search(unit.text):
            unit.role, unit.reason = Role.SECTION, WHY_NAVIGATION


def _is_headline_like(value: str, *, allow_capitals: bool = False) -> bool:
    words = _word_count(value)
    return (
        3 <= words <= 30
        and len(value) <= 250
        and not _ENDS_WITH_STOP.search(value)
        and _opens_as_headline(value)
        and (allow_capitals or not _is_all_caps(value))
    )


def _opens_as_headline(value: str) -> bool:
    """A capital, a digit, an opening quotation mark or a capitalised hashtag
    ('#GirlBoss Is …') first."""
    first = value[0]
    return (
        first.isupper()
        or first.isdigit()
        or first in "“‘\"'"
        or (first == "#" and len(value) > 1 and value[1].isupper())
    )


def _headline_with_full_stop(units: list[_Unit], index: int) -> str | None:
    """The reason to take ``units[index]``, the first line that reads as body, as the
    headline though it ends in a full stop ('Poll: Voters Abandon the GOP.'); else None.

    A one-sentence lede at the top of a body-only file has the same shape, so the line
    must be set apart above the body and worded as a headline, not as a lede.
    """
    if index >= len(units) or index + 1 >= len(units):
        return None
    unit = units[index]
    value = unit.text
    if unit.role is not None or unit.opens_body or unit.heading_level or unit.md_structure:
        return None
    if units[index + 1].group == unit.group or (index > 0 and units[index - 1].group == unit.group):
        return None  # blank lines set a headline apart
    title_case = _is_title_case(value)
    # Every word capitalised allows a headline's full length: a long lede full of names
    # ('… praised Breitbart News’ Washington Political Editor …') is not.
    longest = _MAX_WORDS_TITLE_CASE if _is_title_case(value, share=1.0) else _MAX_STOPPED_HEADLINE_WORDS
    if not 3 <= _word_count(value) <= longest or len(value) > 200:
        return None
    if "\n" in value or not _ENDS_STATEMENT.search(value):
        return None
    if not _opens_as_headline(value):
        return None
    if any(u.role is None and _word_count(u.text) > 6 for u in units[:index]):
        return None  # only short labels may stand above a headline
    unstopped = _FINAL_STOP.sub("", value).rstrip()
    if _ENDS_WITH_STOP.search(unstopped) or _is_all_caps(value):
        return None  # a stop after a comma ("In her recording,."), or capitals (a kicker)
    if len(split_sentences(value)) > (2 if title_case else 1):
        return None  # two sentences only in title case ("Sanders Lost. Here's Why.")
    lede, after_dateline = _body_below(units, index)
    if lede is None:
        return None
    if title_case:
        why = WHY_HEADLINE_TITLE_CASE
    elif _has_headline_label(value):
        why = WHY_HEADLINE_LABEL
    elif after_dateline:
        why = WHY_HEADLINE_DATELINE
    elif _ABSTRACT_LABEL.fullmatch(units[index + 1].text) and units[index + 1].group != (
        units[index + 2].group if index + 2 < len(units) else -1
    ):
        why = WHY_HEADLINE_OVER_ABSTRACT
    elif _word_count(value) <= _MAX_WORDED_HEADLINE_WORDS and _is_headline_wording(value):
        if _shared_words(value, lede) >= _MIN_SHARED_WORDS:
            why = WHY_HEADLINE_WORDING
        elif _has_short_name(value, lede):
            why = WHY_HEADLINE_SHORT_NAME
        else:
            return None
    else:
        return None
    if _pattern_role(unstopped) is not None:
        return None  # a photo credit or a byline given a full stop ("Jim Urquhart / Reuters.")
    return why


def _has_headline_label(value: str) -> bool:
    """Opens with a short label and a colon ('Poll:', 'The Latest:', 'Trump:'), not with
    a reported speaker ('he added:') or a quotation."""
    match = _HEADLINE_LABEL.match(value)
    if match is None:
        return False
    label = match.group("label")
    return (
        _word_count(label) <= 5
        and not any(mark in label for mark in ",“”‘\"")
        and _LEDE_WORDS.search(label) is None
        and not value.startswith(("'", "’"))
    )


def _headline_over_deck(units: list[_Unit], end_of_top: int) -> int | None:
    """The index of a first line that ends in ';' with its deck on the next line and a
    blank line under both ('Jobs report gives Democrats a lift;' / 'Solid upturn could
    blunt Republican claims.'), as news databases export a print headline; else None."""
    index = next((i for i in range(min(end_of_top + 1, len(units))) if units[i].role is None), None)
    if index is None or index + 2 >= len(units):
        return None
    unit, deck = units[index], units[index + 1]
    value = unit.text
    if not value.endswith(";") or not 3 <= _word_count(value) <= _MAX_STOPPED_HEADLINE_WORDS:
        return None
    # Capitals are no kicker here: a kicker does not end in ';' ("DEATH, LIES AND …;").
    if unit.opens_body or unit.heading_level or unit.md_structure:
        return None
    if not _opens_as_headline(value):
        return None
    if index > 0 and units[index - 1].group == unit.group:
        return None
    if deck.role is not None or deck.group != unit.group or units[index + 2].group == deck.group:
        return None  # the deck is the next line, and a blank line follows it
    if not (3 <= _word_count(deck.text) <= 30 or _is_column_name(deck.text)):
        return None
    if _is_paragraph(deck.text):
        return None
    return index if _body_below(units, index + 1)[0] is not None else None


def _is_column_name(value: str) -> bool:
    """One or two capitalised words, as a column's name under a print headline
    ('Economic Scene.', 'The Upshot.', 'Obituary.')."""
    words = _WORD.findall(value)
    return 1 <= len(words) <= 2 and all(w[0].isupper() for w in words)


def _body_below(units: list[_Unit], index: int) -> tuple[str | None, bool]:
    """The text of the lines below ``units[index]`` up to the body, and whether a
    dateline opens them; ``(None, False)`` unless body follows within four lines
    (bylines, dates and pictures aside): a paragraph, or two full sentences of 8+ words."""
    after_dateline = False
    seen: list[str] = []
    sentences = 0
    lines = (u for u in units[index + 1 :] if u.role not in _FURNITURE_BELOW_HEADLINE)
    for unit in lines:
        if unit.role is Role.DATELINE:
            after_dateline = True
            continue
        if unit.role is not None or unit.heading_level or len(seen) >= 4:
            break
        if not seen:
            after_dateline = after_dateline or _DATELINE_OPENING.match(unit.text) is not None
        seen.append(unit.text)
        sentences += _ENDS_SENTENCE.search(unit.text) is not None and _word_count(unit.text) >= 8
        if unit.opens_body or _is_paragraph(unit.text) or sentences >= 2:
            return "\n".join(seen), after_dateline
    return None, False


def _is_title_case(value: str, share: float = 0.8) -> bool:
    """Most words (``share`` of them) after the first capitalised, small function words aside."""
    words = [
        w for w in _WORD.findall(value)[1:] if w[0].isalpha() and w.lower() not in _TITLE_SMALL
    ]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= share * len(words)


def _is_headline_wording(value: str) -> bool:
    """Headline style (present tense, articles dropped), not a lede's: no past tense
    (an '-ed' before a preposition or at the end is a headline's passive), auxiliary
    or reporting verb (a modal may stand), no day or time, no pronoun or connective first, at most one
    article."""
    verbs = value if _SUBJECT_PRONOUN.search(value) else _HEADLINE_PARTICIPLE.sub("", value)
    return (
        _LEDE_WORDS.search(verbs) is None
        and _LEDE_TIME.search(value) is None
        and _LEDE_OPENING.match(value) is None
        and len(_ARTICLES.findall(value)) <= 1
    )


def _has_short_name(value: str, lede: str) -> bool:
    """The line calls someone by a bare name ('Clinton stays well ahead of Sanders') that
    ``lede`` gives in full ('Hillary Rodham Clinton', 'Bernie Sanders'), as headlines do and
    a lede, which names people in full, does not (Mårdh 1980)."""
    words = _WORD.findall(value)
    for i, word in enumerate(words):
        name = word.removesuffix("’s").removesuffix("'s")
        if len(name) < 3 or not _NAME_WORD.fullmatch(name):
            continue
        if any(
            0 <= j < len(words) and _NAME_WORD.match(words[j]) is not None for j in (i - 1, i + 1)
        ):
            continue  # part of a longer name in the line ('Ted Cruz', 'Mr. Trump')
        for match in re.finditer(rf"\b([A-Z][a-z]+)\.? {re.escape(name)}\b", lede):
            if match.group(1).lower() not in _FUNCTION_WORDS | _TITLE_SMALL:
                return True
    return False


def _shared_words(value: str, lede: str) -> float:
    """Share of the line's content words (of 3+ letters) that recur in ``lede``."""
    words = _content_words(value)
    return len(words & _content_words(lede)) / len(words) if words else 0.0


def _content_words(value: str) -> set[str]:
    return {
        w.lower().removesuffix("’s").removesuffix("'s")
        for w in _WORD.findall(value)
        if len(w) > 2 and w.lower() not in _FUNCTION_WORDS
    }


def _full_text_label_after(units: list[_Unit], index: int) -> int | None:
    """The index of a 'FULL TEXT' label when ``units[index]`` is an 'ABSTRACT' label with
    one to three lines of abstract between them, else None."""
    if not _ABSTRACT_LABEL.fullmatch(units[index].text):
        return None
    for end in range(index + 2, min(index + 5, len(units))):
        if units[end].role is not None:
            return None
        if _FULL_TEXT_LABEL.fullmatch(units[end].text):
            return end
    return None


# A lede's narrative past: a deck, like a headline, keeps to the present ('seems ready',
# 'is set', 'would create'), though it may use a copula or a modal, which a headline drops.
_LEDE_PAST = re.compile(r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|said|told|according|[a-z]{3,}ed)\b")


# A name in full ('Donald Trump', 'Bernie Sanders'): a lede names people in full, a deck,
# like its headline, by a short name ('Cruz', 'Clinton') or by role ('senator').
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+")


def _is_deck_wording(value: str) -> bool:
    """A deck's wording, not a one-sentence lede's ('Ted Cruz and Donald Trump are
    neck-and-neck in Texas, …', 'The FBI is expanding …'): no past tense (a headline's
    '-ed' passive aside), no day or time, no pronoun, no article first, at most one
    article, and no name in full. A copula or a modal may stand ('Protest is set as …',
    'Plan would create …'), which a headline drops."""
    if _SUBJECT_PRONOUN.search(value) or _FULL_NAME.search(value):
        return False
    return (
        _LEDE_PAST.search(_HEADLINE_PARTICIPLE.sub("", value)) is None
        and _LEDE_TIME.search(value) is None
        and _LEDE_OPENING.match(value) is None
        and _ARTICLES.match(value) is None
        and len(_ARTICLES.findall(value)) <= 1
    )


def _is_deck(units: list[_Unit], index: int, room: int) -> bool:
    """A deck under a headline that ends in a full stop (The Washington Post's second
    headline line, 'As hate speech toward migrants grows, so does debate on free
    expression.'): one sentence of 3-16 words in a headline's wording, set apart by blank
    lines, over the body's first paragraph or (``room`` > 1) over another deck. A
    one-sentence lede is worded as a lede (past tense, auxiliaries, a pronoun first)."""
    unit = units[index]
    value = unit.text
    if index + 1 >= len(units) or "\n" in value or unit.md_structure:
        return False
    if units[index - 1].group == unit.group or units[index + 1].group == unit.group:
        return False
    if not 3 <= _word_count(value) <= _MAX_DECK_WORDS or not _ENDS_SENTENCE.search(value):
        return False
    if _is_all_caps(value):
        return False  # a kicker
    if _SENTENCE_BREAK.search(value) is not None or _DATELINE_OPENING.match(value):
        return False
    if not _is_deck_wording(value) or _pattern_role(value) is not None:
        return False
    below = units[index + 1]
    if below.role is None and (_is_paragraph(below.text) or below.opens_body):
        return _word_count(below.text) > _word_count(value)
    return room > 1 and below.role is None and _is_deck(units, index + 1, room - 1)


def _is_standfirst(units: list[_Unit], index: int) -> bool:
    """A short summary above the body: one sentence, or a deck without a full stop.

    A lede looks much the same, so a sentence counts only if a body paragraph
    follows and it is short: up to 40 words when a picture follows it, else up
    to 20 words without attribution ("said", "according to", "officials confirmed",
    "the ministry announced": a lede names who told the news, ux22), and not when the
    paragraph below goes on from it ("But …", "It …"). Where the reader
    is still wrong, the user marks the line as body text (Read view, right-click).
    """
    value = units[index].text
    words = _word_count(value)
    if not any(_is_paragraph(u.text) or u.opens_body for u in units[index + 1 :]):
        return False
    followed_by_picture = index + 1 < len(units) and units[index + 1].role in (
        Role.IMAGE_FILE,
        Role.CREDIT,
        Role.CAPTION,
    )
    if _ENDS_SENTENCE.search(value):
        if _SENTENCE_BREAK.search(value) is not None:
            return False
        if followed_by_picture:
            return words <= 40
        if index + 1 < len(units) and _CONTINUES.match(units[index + 1].text):
            # The paragraph below goes on from it ("But as the Obama administration
            # enters its final year, …"): the first paragraph of the body, not a summary.
            return False
        return words <= 20 and _REPORTED.search(value) is None \
            and _LEDE_REPORT.search(value) is None
    return 5 <= words <= 30 and not _ENDS_WITH_STOP.search(value)


# --- pass 3: the end ------------------------------------------------------------------


def _classify_email_headers(units: list[_Unit]) -> None:
    """The header lines that open a saved or forwarded e-mail ('From: …', 'Subject: …',
    '---------- Forwarded message ---------'): metadata, when at least two header lines
    open the text (a body line may start 'To:' or 'Date:')."""
    run = []
    for unit in units:
        if unit.heading_level or unit.md_structure or _word_count(unit.text) > 30:
            break
        if not _EMAIL_HEADER.fullmatch(unit.text):
            break
        run.append(unit)
    if sum(":" in unit.text.split()[0] for unit in run) < 2:
        return
    for unit in run:
        unit.role, unit.reason = Role.METADATA, WHY_EMAIL_HEADER


def _classify_link_lists(units: list[_Unit]) -> None:
    """The link titles after a link-list header, up to the next paragraph."""
    for index, unit in enumerate(units):
        if not unit.link_header:
            continue
        for following in units[index + 1 :]:
            if following.role is not None or not _is_title_like(following.text):
                break
            following.role, following.reason = Role.LINK_LIST, WHY_LINK_TITLE


_TAIL_ROLES = frozenset(
    {
        Role.PAYWALL,
        Role.FOOTER,
        Role.ADVERT,
        Role.LINK_LIST,
        Role.METADATA,
        Role.CREDIT,
        Role.IMAGE_FILE,
    }
)


def _classify_tail(units: list[_Unit]) -> None:
    """Teaser titles at the end: marked '(+)', or without a full stop just before a paywall/footer."""
    after_tail = False
    for unit in reversed(units):
        if unit.role in _TAIL_ROLES:
            after_tail = True
            continue
        if (
            unit.role is None
            and _is_teaser(unit.text)
            and (after_tail or _TEASER_MARKER.search(unit.text))
        ):
            unit.role, unit.reason = Role.LINK_LIST, WHY_TEASER
            after_tail = True
            continue
        break


def _is_teaser(value: str) -> bool:
    words = _word_count(value)
    return 2 <= words <= 25 and not _ENDS_WITH_STOP.search(value) and not value.endswith("!")


def _is_title_like(value: str) -> bool:
    return 1 <= _word_count(value) <= 30 and not _ENDS_WITH_STOP.search(value)


# --- pass 4: the middle ---------------------------------------------------------------


def _classify_middle(units: list[_Unit]) -> None:
    blank_separated = _uses_blank_lines(units)
    groups: dict[int, list[_Unit]] = {}
    for unit in units:
        groups.setdefault(unit.group, []).append(unit)
    for index in range(len(units)):
        unit = units[index]
        if unit.role is not None:
            continue
        if unit.heading_level:
            unit.role, unit.reason = Role.CROSSHEAD, WHY_CROSSHEAD
        elif _is_next_to_picture(units, index, blank_separated):
            unit.role, unit.reason = Role.CAPTION, WHY_CAPTION_NEXT
        elif blank_separated and _is_card(groups[unit.group], unit):
            for member in groups[unit.group]:
                member.role, member.reason = Role.CAPTION, WHY_CAPTION_CARD
        elif _is_descriptive_caption(units, index):
            unit.role, unit.reason = Role.CAPTION, WHY_CAPTION_PLACE
        elif _is_crosshead(units, index):
            unit.role, unit.reason = Role.CROSSHEAD, WHY_CROSSHEAD


def _uses_blank_lines(units: list[_Unit]) -> bool:
    """Whether paragraphs are separated by blank lines (then a line break alone binds lines)."""
    pairs = list(pairwise(units))
    if not pairs:
        return False
    separated = sum(1 for a, b in pairs if a.group != b.group)
    return separated >= 0.5 * len(pairs)


def _is_next_to_picture(units: list[_Unit], index: int, blank_separated: bool) -> bool:
    """A short descriptive line bound to an image file name or a credit."""
    unit = units[index]
    words = _word_count(unit.text)
    if words > 45 or words < 3:
        return False
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(units):
            continue
        other = units[neighbour]
        if other.role not in (Role.IMAGE_FILE, Role.CREDIT):
            continue
        if blank_separated and other.group == unit.group:
            return True
        if not blank_separated and not _ENDS_WITH_STOP.search(unit.text):
            return True
    return False


def _is_card(members: list[_Unit], unit: _Unit) -> bool:
    """Two or three lines without a blank between, the first a title without a full stop."""
    return (
        2 <= len(members) <= 3
        and members[0] is unit
        and all(m.role is None for m in members)
        and _word_count(unit.text) <= 25
        and not _ENDS_WITH_PUNCTUATION.search(unit.text)
        and all(_word_count(m.text) <= 40 for m in members)
    )


def _is_descriptive_caption(units: list[_Unit], index: int) -> bool:
    """No final punctuation, 6-45 words, between paragraphs, naming a place or a time."""
    value = units[index].text
    words = _word_count(value)
    if not 6 <= words <= 45 or _ENDS_WITH_PUNCTUATION.search(value):
        return False
    if any(mark in value for mark in '“”"') or _last_word(value) in _FUNCTION_WORDS:
        return False
    if not (value[0].isupper() or value[0].isdigit()):
        return False
    if not (_PLACE_CUE.search(value) or _TIME_CUE.search(value)):
        return False
    return _is_body_neighbour(units, index - 1) and _is_body_neighbour(units, index + 1)


def _is_crosshead(units: list[_Unit], index: int) -> bool:
    """A short heading-like line (<= 8 words, no stop) with body paragraphs around it."""
    value = units[index].text
    words = _word_count(value)
    return (
        1 <= words <= 8
        and len(value) <= 80
        and not _ENDS_WITH_STOP.search(value)
        and (value[0].isupper() or value[0].isdigit())
        and _last_word(value) not in _FUNCTION_WORDS
        and _is_body_neighbour(units, index - 1)
        and _is_body_neighbour(units, index + 1)
    )


def _is_body_neighbour(units: list[_Unit], index: int) -> bool:
    if not 0 <= index < len(units):
        return False
    unit = units[index]
    return (
        (unit.role in (None, Role.BODY) or unit.opens_body)
        and _ENDS_SENTENCE.search(unit.text) is not None
        and _word_count(unit.text) >= 8
    )


# --- cues from the text -----------------------------------------------------------


def _outlet_from(units: list[_Unit]) -> tuple[str, str]:
    for unit in units:
        if unit.role is Role.DATELINE and unit.named_outlet:
            return unit.named_outlet, "dateline"
    for unit in units:
        if unit.role is Role.FOOTER:
            name = _outlet_from_copyright(unit.text)
            if name:
                return name, "copyright"
    for index, unit in enumerate(units):
        if unit.role is Role.METADATA and unit.reason == WHY_BYLINE:
            name = outlet_from_byline(unit.text)
            if not name and index + 1 < len(units):
                below = units[index + 1]
                if below.role is Role.METADATA and below.group == unit.group and (
                    below.reason == WHY_NAME_BYLINE
                ):
                    # A byline over its outlet's line: 'By Jon Pascal' / 'Valley Courier'.
                    name = outlet_from_byline(f"{unit.text}, {below.text}")
            if name:
                return name, "byline"
        if unit.role is Role.METADATA and unit.reason == WHY_SOURCE_DATE:
            return _source_of_date_line(unit.text), "byline"
    for unit in units:
        if unit.role is Role.METADATA and unit.reason == WHY_EMAIL_HEADER:
            name = _outlet_from_email_sender(unit.text)
            if name:
                return name, "email"
    return "", ""


# An e-mail's sender line: 'From: The Riverside Brief <brief@riversidebrief.net>'.
_EMAIL_FROM = re.compile(r"From\s*:\s*[\"']?(?P<name>[^<>\"'@]+?)[\"']?\s*(?:<[^<>]*>)?\s*$",
                         re.IGNORECASE)


def _outlet_from_email_sender(value: str) -> str:
    """The outlet a saved e-mail's 'From:' line names ('From: The Riverside Brief
    <brief@…>' -> 'The Riverside Brief'), when the name reads as an outlet's or an
    agency's, as after a byline's comma: 'From: Ann Smith <ann@…>' names a person."""
    match = _EMAIL_FROM.fullmatch(value.strip())
    if match is None:
        return ""
    return outlet_from_byline(f"From, {match.group('name').strip()}")


# Words of a writer's job, not of an outlet ("By Jo Roe, Staff Writer").
_JOB_WORDS = frozenset({
    "writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist",
    "chief", "bureau", "analyst", "producer", "intern", "special", "senior", "photographer",
    "photos", "video", "desk", "team", "and", "&",
})
_BYLINE_DATE = re.compile(rf"\s*(?:(?:[Pp]ublished|[Uu]pdated|[Pp]osted)(?:\s+on)?:?\s+)?{_DATE}\s*$")


def outlet_from_byline(value: str) -> str:
    """The outlet a byline names: 'By Jo Roe | The Ledger | March 4, 2025' -> 'The Ledger',
    'By Jo Roe, Riverton Courier' and 'By Jo Roe, Reuters' -> the outlet; '' when the byline
    names none. After a comma or a dash only a news agency or a name of two words or more
    that reads as an outlet's (after 'The', or with a word like 'Courier', 'News') counts:
    'By Jo Roe, Moscow' names a place, 'By Ann Smith, John Doe' a second writer; never a job
    ('Staff Writer')."""
    text = _BYLINE_DATE.sub("", " ".join(value.split()))
    if "|" in text:
        fields, by_bar = [f.strip() for f in text.split("|")[1:]], True
    else:
        match = re.search(r"\s*(?:,|\s[–—-])\s*([^,–—]+)$", text)
        fields, by_bar = ([match.group(1).strip()] if match else []), False
    for field in fields:
        name = field.strip(" .,;:–—-")
        words = name.split()
        if (
            not name
            or not name[0].isupper()
            or len(words) > 5
            or any(ch.isdigit() for ch in name)
            or parse_date(name)
            or any(word.casefold().strip(".") in _JOB_WORDS for word in words)
        ):
            continue
        if by_bar or _AGENCY_ONLY.fullmatch(name) or (len(words) >= 2 and _names_an_outlet(words)):
            return outlet_name(name)
    return ""


# Words of outlets' names ("Riverton Courier", "Fox News"): after a comma a name of two
# words or more is taken as the outlet only with one of these, or after "The". Without,
# "By Ann Smith, John Doe" would make the second writer the outlet; a name the list lacks
# ("By Jo Roe, Al Jazeera") leaves the file's name, which the window says is only a file name.
_OUTLET_WORDS = frozenset({
    "news", "times", "post", "courier", "herald", "journal", "gazette", "tribune", "daily",
    "press", "ledger", "chronicle", "review", "observer", "guardian", "telegraph", "star",
    "mail", "express", "sun", "record", "inquirer", "enquirer", "examiner", "monitor",
    "bulletin", "dispatch", "register", "standard", "globe", "report", "weekly", "magazine",
    "radio", "tv", "television", "network", "media", "wire", "today", "insider", "online",
    "digital", "global", "brief", "mirror", "independent", "nation", "sentinel", "courant",
    "advocate", "citizen", "beacon", "leader", "messenger", "mercury", "telegram", "voice",
    "world", "week", "argus", "broadcasting", "channel", "agency", "service", "newspaper",
    "newspapers", "publications", "group", "digest", "focus", "spectator", "economist",
})


def _names_an_outlet(words: list[str]) -> bool:
    """A comma's field names an outlet, not a second writer: 'Riverton Courier', 'The Ledger'."""
    if words[0].casefold() == "the":
        return True
    return any(re.sub(r"(?:['’]s)?\.?$", "", word.casefold()) in _OUTLET_WORDS for word in words)


def _outlet_from_copyright(value: str) -> str:
    """'Copyright 2023, PatriotWise.com' -> 'PatriotWise'; '' if no name is there."""
    if not re.match(r"(?:copyright\b|©|\(c\))", value, re.IGNORECASE):
        return ""
    # "© 2023 The Daily Beast. All rights reserved. · Privacy · Terms": the name, not the links
    value = re.split(r"\s[·|•]\s", value, maxsplit=1)[0]
    name = re.sub(r"(?i)copyright|©|\(c\)|all rights reserved\.?", " ", value)
    name = re.sub(r"\b\d{4}(?:\s*[-–]\s*\d{4})?\b", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,.;:–—-")
    name = outlet_name(name)
    if not name or _word_count(name) > 6 or not name[0].isalnum():
        return ""
    return name


def _date_from(units: list[_Unit]) -> str:
    for unit in units:
        if unit.role is Role.METADATA and unit.reason == WHY_DATE:
            date = parse_date(unit.text)
            if date:
                return date
    # "By Jo Roe | The Ledger | March 4, 2025", "By … Published 18 May 2023": a printed
    # page's byline and date lines, run together.
    for unit in units:
        if unit.role is Role.METADATA and unit.reason in (WHY_BYLINE, WHY_SOURCE_DATE):
            date = parse_date(unit.text)
            if date:
                return date
    return ""


# --- small helpers --------------------------------------------------------------------


@lru_cache(maxsize=_LINE_CACHE)
def _word_count(value: str) -> int:
    return len(_WORD.findall(value))


def _last_word(value: str) -> str:
    words = _WORD.findall(value)
    return words[-1].lower() if words else ""


def _is_all_caps(value: str) -> bool:
    letters = [c for c in value if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=_LINE_CACHE)
def _is_paragraph(value: str) -> bool:
    """Reads as a body paragraph: long, or a full sentence of some length, or several sentences."""
    words = _word_count(value)
    ends = _ENDS_SENTENCE.search(value) is not None
    several = _SENTENCE_BREAK.search(value) is not None
    return words >= 40 or (ends and words >= 20) or (ends and several and words >= 12)
