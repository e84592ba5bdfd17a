"""Every measure Framescope reports, defined once.

The Methods page, the chart menus, the table columns and the CSV headers all
read :data:`MEASURES`; the numbers themselves are computed in
:mod:`models.features` and :mod:`models.headline`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import NamedTuple


class Measure(NamedTuple):
    """A per-article measure: its CSV column, label, unit, definition and citation.

    A named tuple, not a dataclass: the window's table header reads these before its
    first paint, and ``dataclasses`` (imported, then writing each class's methods from
    source) cost the window's appearance ~2 ms (bench/app_scale.py, session 27)."""

    key: str
    label: str
    unit: str
    definition: str
    citation: str
    # Whether the measure is shown in the per-outlet charts (counts of words are not).
    comparable: bool = True
    # Measures that are 0/1 flags are averaged into shares across articles.
    is_flag: bool = False


_HYLAND = "Hyland, K. (2005). Metadiscourse: Exploring Interaction in Writing. Continuum."
_YARDSTICK = (
    "Professional Head of Intelligence Assessment (2025). Explaining Uncertainty in "
    "UK Intelligence Assessment: the PHIA Probability Yardstick (first developed by UK "
    "Defence Intelligence). GOV.UK; Office of the Director of National Intelligence "
    "(2015). Intelligence Community Directive 203: Analytic Standards."
)
_CHAFE = (
    "Chafe, W. (1986). Evidentiality in English conversation and academic writing. In "
    "Chafe & Nichols (eds.), Evidentiality: The Linguistic Coding of Epistemology. Ablex."
)
_BERGLER = (
    "Bergler, S. (1992). Evidential analysis of reported speech. PhD thesis, Brandeis "
    "University; Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC."
)
_SOURCES = (
    "Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC; Newell, E., "
    "Margolin, D., Ruths, D. (2018). An attribution relations corpus for political "
    "news. LREC."
)
#: Ends each source count's definition: what an article without body words shows.
_NO_BODY_NO_SOURCES = (
    " Empty (undefined, not 0) for an article without body words, such as a headline "
    "alone: there is no body to cite anyone in, so it is left out of its outlet's mean, "
    "written as an empty cell in scores.csv and shown as '–' in the app."
)
_RECASENS = (
    "Recasens, M., Danescu-Niculescu-Mizil, C., Jurafsky, D. (2013). Linguistic models "
    "for analyzing and detecting biased language. ACL."
)
_VADER = (
    "Hutto, C. J., Gilbert, E. (2014). VADER: A parsimonious rule-based model for "
    "sentiment analysis of social media text. ICWSM."
)
_VADER_NYT = (
    f"{_VADER} Ratings: the NYT editorial snippets of Hutto & Gilbert's evaluation "
    "(vaderSentiment, MIT licence); ridge regression (Hoerl & Kennard 1970) in "
    "scikit-learn (Pedregosa et al. 2011, JMLR 12); word-piece vectors from "
    "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; Reimers & Gurevych 2019, "
    "EMNLP; Wang et al. 2020, MiniLM, NeurIPS) with BERT's WordPiece vocabulary "
    "(Devlin et al. 2019, NAACL), averaged in context over the Chakraborty et al. "
    "(2016) headlines (MIT) after Gupta & Jaggi (2021, ACL)."
)
_CLICKBAIT = (
    "Chakraborty, A., Paranjape, B., Kakarla, S., Ganguly, N. (2016). Stop clickbait: "
    "Detecting and preventing clickbaits in online news media. ASONAM 2016 (headline "
    "data, MIT licence); Blom, J. N., Hansen, K. R. (2015). Click bait: Forward-reference "
    "as lure in online news headlines. Journal of Pragmatics 76."
)
_SALTON = (
    "Salton, G., Buckley, C. (1988). Term-weighting approaches in automatic text "
    "retrieval. Information Processing & Management 24(5); scikit-learn "
    "TfidfVectorizer (Pedregosa et al. 2011, JMLR 12)."
)
_WEASEL = (
    "Ganter, V., Strube, M. (2009). Finding hedges by chasing weasels: Hedge detection "
    "using Wikipedia tags and shallow linguistic features. ACL-IJCNLP; Szarvas, G., "
    "Vincze, V., Farkas, R., Móra, G., Gurevych, I. (2012). Cross-genre and cross-domain "
    "detection of semantic uncertainty. Computational Linguistics 38(2)."
)
_VAGUE = (
    "Channell, J. (1994). Vague Language. Oxford University Press; Szarvas, G. et al. "
    "(2012). Cross-genre and cross-domain detection of semantic uncertainty. "
    "Computational Linguistics 38(2)."
)
_HEADLINE = (
    "Ecker, U. K. H., Lewandowsky, S., Chang, E. P., Pillai, R. (2014). The effects of "
    "subtle misinformation in news headlines. J. Exp. Psych.: Applied 20(4); "
    "Sumner, P. et al. (2014). The association between exaggeration in health related "
    "science news and academic press releases. BMJ 349."
)

_VOICE = (
    "Semino, E., Short, M. (2004). Corpus Stylistics: Speech, Writing and Thought "
    "Presentation in a Corpus of English Writing. Routledge (direct speech as the "
    "speaker's words, not the writer's); Pareti, S. (2016). PARC 3.0: A corpus of "
    "attribution relations. LREC. "
)

#: What counts as quoted (a direct quotation or reported speech) for the own-voice and
#: quoted measures (models.voice; the marks as models.quotations reads them).
QUOTATION_RULE = (
    "Quoted means a speaker's words, in either of two forms. (1) A direct quotation: "
    "between “ and ”, between straight double quotes (\" or ''), or between single "
    "quotes ‘ and ’ (British style; an apostrophe, as in 'Putin’s' or 'players’ union', "
    "does not close one), also over several sentences of one paragraph. A quotation that "
    "is never closed runs on to the paragraph's end only when the next paragraph reopens "
    "it with a quotation mark (news style); otherwise its closing mark was lost and it "
    "ends with its sentence. A closing ” that nothing opened (a lost opening mark) "
    "quotes its sentence up to the mark, or what follows a quotation closed before it in "
    "the sentence. A quotation “ opened may close with ’ before a comma (a typist's slip) "
    "where no double mark closes it later in the sentence; a “ typed where the closing mark "
    "belongs (after a word or punctuation, before no letter: 'an “expedited review“ of') "
    "closes a double quotation too. The cue finder reads the same "
    "quotations: a report verb inside one is the speaker's. A word or two in quotation marks (a partial "
    "quotation, or scare quotes: 'called the strike “likely”') counts as quoted. "
    "(2) Reported speech or thought without quotation marks: the content of a report "
    "verb whose source is in the sentence ('the ministry said the state would probably', "
    "'This measure, he adds, probably applies', 'The plan will probably fail, officials "
    "said', '…, two aides told a local newspaper', '…, four sources – including a former "
    "officer – told', 'according to Smith, it may'), up to a clause that is not the speaker's "
    "('…, but the polls probably'). A cue that is the report verb itself ('according "
    "to', 'believes') or stands between the source and its verb ('He probably said') "
    "is the writer's framing, own voice, as is a source named after its verb ('said one "
    "of the sources', 'according to Newsweek'). A cue is quoted when its first character is "
    "inside the marks or the report's content. spans.csv marks both with 'quoted', and "
    "reported speech alone with 'reported'."
)


def _voice_measures() -> tuple[Measure, ...]:
    """The certainty measures split by voice: the outlet's own words, and its quotations.
    Own voice plus quoted is the measure itself, article by article."""
    # What each kind of cue does, in plain words: the first thing its definition says.
    split = (
        ("hedges_epistemic", "Epistemic hedges", "epistemic hedges",
         "estimates how probable a claim is ('probably', 'may')", f"{_HYLAND} {_YARDSTICK}"),
        ("hedges_evidential", "Evidential hedges", "evidential hedges",
         "puts distance between itself and a claim by pointing to its source "
         "('reportedly', 'allegedly')", f"{_CHAFE} {_HYLAND}"),
        ("boosters", "Boosters", "boosters", "signals certainty ('clearly', 'in fact')",
         _HYLAND),
    )
    out: list[Measure] = []
    for stem, label, words, does, citation in split:
        speakers_do = does.replace("estimates", "estimate").replace(
            "puts distance between itself", "put distance between themselves").replace(
            "signals", "signal")
        out.append(Measure(
            f"{stem}_own_per_100w", f"Own {words}", "per 100 words",
            f"How often the outlet, in its own words, {does}, whoever it quotes: the "
            f"{words} counted in '{label}' that are in the outlet's own words, outside "
            f"every quotation and reported speech. {QUOTATION_RULE} Negated ones are not "
            "counted.",
            _VOICE + citation,
        ))
        out.append(Measure(
            f"{stem}_quoted_per_100w", f"Quoted {words}", "per 100 words",
            f"How often the people the outlet quotes or reports {speakers_do}: the "
            f"{words} counted in '{label}' that are a speaker's, inside direct "
            f"quotations or reported speech, per 100 words of the whole body. With 'Own {words}' it adds up to "
            f"'{label}'. {QUOTATION_RULE} Negated ones are not counted. The "
            f"'{label}' chart shows it as the hatched top of each outlet's bar.",
            _VOICE + citation, comparable=False,
        ))
    return tuple(out)


MEASURES: tuple[Measure, ...] = (
    Measure(
        "words", "Words", "words",
        "Number of word tokens in the body (headline, captions, credits, link lists, "
        "adverts, paywall prompts and footers excluded).",
        "", comparable=False,
    ),
    Measure(
        "sentences", "Sentences", "sentences",
        "Number of body sentences.", "", comparable=False,
    ),
    Measure(
        "hedges_epistemic_per_100w", "Epistemic hedges", "per 100 words",
        "Words that estimate how probable a claim is: 'probably', 'likely', 'may', "
        "'might', 'the results indicate that', 'appears to', 'it is unknown whether', "
        "'hard to say', 'open to debate'; the writer's, or a speaker's in a quotation or "
        "reported speech ('Own epistemic hedges' leaves those out). So do "
        "a bare 'appears' before an adjective ('the fallout appears significant'; not "
        "'appeared in court') and 'potential' before a noun ('potential fraud'; not "
        "'her full potential'). Each carries an "
        "estimative-probability range: the UK Probability Yardstick's or ICD-203's where "
        "the scale names the word ('likely', 'probable'), else Framescope's own reading, "
        "mostly one of the yardstick's bands ('may', 'might', 'could' as a realistic "
        "possibility, 40–50%) and sometimes spanning bands ('seems', 40–75%); the lexicon "
        "gives the reason for each, and the Read view's tooltip says which. "
        "'May' that estimates nothing is left out: a concession ('however hard it may "
        "seem', its 'seem' too), a purpose ('so that they may vote'), a wish ('may he "
        "rest in peace'), the root possibility of what can be done with a kind ('vinegar "
        "may be added', 'the term may refer to', 'a kit may include'; not what a "
        "particular, named thing or a report says it may contain: 'drinking water in "
        "Millbrook may contain', 'tests found the wells may contain', and the headline "
        "'Millbrook water may contain chemical' when the article writes 'in Millbrook' "
        "elsewhere), permission given "
        "to a person a rule addresses ('no one may enter', 'any member may speak', "
        "'players may bid', not 'voters may punish the party') and 'may' of how "
        "often ('patients may often show no symptoms', 'in severe cases the leaves may "
        "rot', not 'in this case the jury may acquit'). 'The possibility of "
        "resigning' is an option, 'any idea that the officials might resign' and 'rejected "
        "the notion that the bridge could be saved' name an idea someone entertains (not "
        "one the writer endorses: 'our findings support the notion that it may'), the "
        "modal of 'no possibility that the bridge could collapse' restates the noun's "
        "estimate, a 'may' that concedes before 'but' ('It may be small, but it is "
        "effective'; not a passive or a perfect: 'the vote may be delayed, but …'), 'to "
        "test this possibility' points back to one, 'it "
        "became apparent' is evident, 'no apparent effect' is nothing seen, 'the governor "
        "indicated', 'he suggested that', 'Sanders is suggesting' and 'the head of the team suggested' report, "
        "'among likely voters' names a poll's sample, "
        "'could not' / 'couldn't' / 'could hardly' states inability or impossibility, as 'would not be "
        "possible' states impossibility, 'some exceptions are possible' (of something an "
        "authority grants: exceptions, exemptions, waivers, appeals, extensions, "
        "deferrals, refunds) what the rules allow, and 'could be seen "
        "for miles' ability, as 'so that two buses could pass' a purpose, 'did "
        "everything they could' the utmost and 'I wish I could' a wish: no hedge. "
        "A conditional clause that opens the sentence ('If Cruz wins Wisconsin, …', "
        "'Even if the venture fails, …', 'unless the state steps in, …') is a hedge with "
        "no range: the main claim holds only on an open condition; a general rule in that "
        "form ('If a bill is vetoed, it returns to the house') is counted too, and an 'if' "
        "later in the sentence ('asked if', 'the plan, if approved') is not. "
        "Hypothetical 'would' ('a 4-4 ruling would leave the ruling in place', 'the "
        "center says it would cost $84 billion') is a hedge with no range: it conditions "
        "a claim, it does not estimate it; not after a past verb of saying or thinking "
        "('he said he would attend') or a participle of saying ('by announcing it would "
        "expand'), of habit or narrative ('would often', 'at times he would', 'would "
        "wait at each stop', 'would later', 'years later he "
        "would', 'what would come to be known as'), of a wish ('would like'), in a poll's figure ('46 percent would "
        "choose'), a proposal's content ('a bill that would require') or an embedded "
        "yes/no question ('split on whether Clinton or Trump would do better', 'asked if "
        "parents would vote for him'); a "
        "counterfactual 'would have' stays a hedge even when reported ('he said he "
        "would have attended if …'). A speaker's own belief ('I think', 'I guess', range as 'seem'; 'I "
        "don't think', read as 'unlikely'), an open 'I don't know what …', 'nobody "
        "knows why' and the writer's own yes/no question ('Had they lost touch with the "
        "base?'; not a negative 'Isn't it obvious?' nor a quoted one) are hedges too; 'I believe' and 'I think of' are not "
        "(someone else's 'he thinks that …' is an evidential hedge; a speaker's own "
        "'I expect that …' is an epistemic one). 'The cause is unknown', 'the race is too close to call' leave a question open "
        "(a hedge); 'he was largely unknown' speaks of obscurity (none). Approximators ('approximately', 'an estimated "
        "2,000') hedge a number's precision, not the claim (Prince et al. 1982): they are "
        "shown, as their own kind, and not counted here. "
        "Negated hedges ('not likely', 'doesn't seem', and 'may not', the form of a "
        "prohibition) are not counted; spans.csv lists them, marked negated, with the "
        "complementary range. A negation right after an estimate negates the claim, not "
        "the estimate ('might never reopen', 'may never', 'probably not', 'might not', "
        "'mightn't'): counted, with the range of the claim without the negation.",
        f"{_HYLAND} {_YARDSTICK}",
    ),
    Measure(
        "hedges_evidential_per_100w", "Evidential hedges", "per 100 words",
        "Words that put distance between the writer and a claim by pointing to its "
        "source: 'reportedly', 'reputedly', 'allegedly', 'accuses the mayor of' (the charge is "
        "the accuser's), 'according to' (named source or "
        "not: 'according to police', 'according to legend'; it is also counted under "
        "sourcing), 'claims' and 'alleges' (verbs), 'is said to', 'legend has it'. "
        "Also someone else's belief that a clause is true ('the coach believes the team has "
        "a chance', 'she suspected he was drunk', 'the mayor fears that the plant will "
        "close', 'which he believes will fail', '…, believing that she can win'; also "
        "counted under sourcing), not 'believes in', a stance on what should "
        "be ('believes that schools need more money') nor the speaker's own 'I believe'. "
        "Also someone else's expectation or forecast of a clause ('the bank expects that "
        "growth will slow', 'the campaign expects the moderator to intervene', 'she "
        "predicted he would win', 'he estimated that most members voted', 'experts "
        "estimate that the repairs might cost', 'officials anticipate that', '…, predicted "
        "the former governor'; also counted under sourcing), not an object without a "
        "clause ('hardly expected such a result'), 'than expected', nor the subject's "
        "own 'expects to win'. "
        "'According to' a standard or a rule ('according to state law') means 'in "
        "accordance with': no hedge.",
        f"{_CHAFE} {_HYLAND}",
    ),
    Measure(
        "boosters_per_100w", "Boosters", "per 100 words",
        "Words by which the writer signals certainty: 'clearly', 'in fact', "
        "'undoubtedly'. Negated boosters ('not clearly') are not counted.",
        _HYLAND,
    ),
    Measure(
        "estimative_probability_mean", "Estimated probability", "0–1",
        "How likely the body's hedged claims are made to sound, from 0 (no chance) to 1 "
        "(certain): the mean midpoint of the probability ranges of the body's epistemic "
        "hedges, negated ones left out (empty when there are none).",
        _YARDSTICK,
    ),
    Measure(
        "attributions_per_100w", "Attributions", "per 100 words",
        "How often the article reports what someone said, believed or wanted: report "
        "verbs and attribution phrases ('said', 'told', 'according to', "
        "'revealed', 'insisted') in the body, including verbs that report a source's "
        "belief or intention ('believes', 'wants'; not 'I think' inside a quote) and a "
        "colon that hands the floor to a speaker ('Jones: \"We will rebuild\"'), as "
        "attribution corpora annotate them (PARC, PolNeAR). Verbs outside the word list "
        "count when their frame makes them report verbs: before a that-clause ('Pence "
        "calculated that'), next to a quotation ('“…,” he continued', 'She went on: “…”'), 'calling her “…”', "
        "'sees X as', 'found him to be', 'polls show'; so do stance words ('opposes', 'confident that', "
        "'criticism of'), and an impersonal report ('is expected to', 'was said to'), "
        "which is also a hedge and has no source (an active 'he expected to win' is no "
        "hedge: his own expectation, with him as source). 'Add' with a thing as its "
        "object is no report ('may add extra sailings', 'added to the list'), nor is a "
        "verb in the sense of a deed: a passive ('are threatened with prosecution', 'is "
        "being countered by the Kremlin'), 'threaten' with an object ('threatening them "
        "with charges') or a response in deeds ('responded by blocking the bill', "
        "'responded to falling sales by closing shops') "
        "or with no speaker in its sentence ('the possibility of resigning … responds to "
        "the poor performance'); "
        "'threatened to quit' and 'offered to debate' are reports. "
        "Only the article's own attributions: a report verb inside a "
        "direct quotation (in double or single quotes, as for the own-voice measures) is "
        "the quoted speaker's, and a belief or report verb inside what "
        "a source said ('said she hopes', 'said Cruz attacked him', and before an "
        "inverted attribution that closes the sentence: 'top executives who want to "
        "resign …, the ministry said', 'the Kremlin has told officials that …, according "
        "to Newsweek'; a closing 'according to' covers only its own clause, and a verb "
        "that gives a quotation its speaker stays: '“…,” Sanders said, according to CNN') "
        "is the source's words; "
        "neither is counted.",
        _BERGLER,
    ),
    Measure(
        "attributions_factive_share", "Factive report verbs", "share 0–1",
        "How often the article's verbs of saying present what they report as true, not "
        "just as said ('revealed', 'confirmed', 'disclosed'; not 'said', 'told'): the "
        "share of attributions whose verb presents the reported claim as true (a "
        "factive verb).",
        _BERGLER,
    ),
    Measure(
        "attributions_loaded_share", "Loaded report verbs", "share 0–1",
        "How often the article's verbs of saying carry the writer's judgement of the "
        "speaker ('admitted', 'insisted', 'claimed', 'conceded'; not 'said', 'told'): "
        "the share of attributions whose verb carries the writer's judgement of the "
        "speaker.",
        _BERGLER,
    ),
    Measure(
        "sources_named", "Source names", "distinct names",
        "Distinct names of sources cited in the body (people, institutions and media), "
        "as written: 'Mayor Denise Hart' and 'Hart' are two names here, one person in "
        "Named sources (sources_named_people), which the table shows. "
        "A pronoun source ('he said', 'they’ve suggested', 'he went on to say') is marked "
        "in the text but not counted: it names someone named elsewhere, and the same "
        "name counts once however often it is cited. Where the sources of its sentence "
        "and the two before name one person and no one else ('Donald Trump said … He "
        "added'), and no other person is named between (after 'Mr.' or 'Mrs.', or "
        "one the article cites elsewhere), the Sources chart and sources.csv count "
        "'he' or 'she' as a mention of that person (the Read view's tooltip on the "
        "pronoun names that person; where one person would get both 'he' and 'she' in "
        "an article, the fewer are dropped); else it is counted nowhere. Nor is "
        "a group ('voters said', "
        "'Democrats argue', 'others say', 'six in 10 say', 'neither man said', the plural "
        "of any agent noun: 'forecasters say', 'lobbyists argued'): it "
        "names a camp, not a "
        "source one could ask. Nor is a document "
        "('the poll found', 'according to court records', 'the report said'), marked "
        "as PolNeAR marks it: its author is the source, and it names none; so is the "
        "subject of a verb of saying or showing that no list types ('the airline said', "
        "'the note says', 'the inquiry found'), marked as a source and counted as a "
        "document (a group if plural, a described person if an agent noun: 'the "
        "announcer said'). Nor is a "
        "word whose capital only opens the sentence (or a line in title case) where the "
        "article writes it in lower case elsewhere and never with a capital inside a "
        "sentence ('Hospital said' beside 'the hospital', 'Passengers said' beside 'two "
        "passengers': a described source, a group), nor 'nobody', 'few' or a plural of "
        "a person noun ('Doctors said'), nor a bare noun or title of the source lexicon "
        "('the ministry said', 'the authorities', 'The outlet reported', 'the media "
        "adds', 'the mayor said'), nor a nationality before a noun of no one body, with "
        "or without words in lower case between ('the Russian authorities', 'US officials', "
        "'Russian mercenary forces'; not 'Russian Airborne Forces'): a description, which Named sources merges with the "
        "name it stands for or leaves unnamed. A name counts "
        "before its appositions ('Jeff Weaver, Sanders' campaign manager, said'; also "
        "after a short opening phrase or a conjunction: 'On Tuesday, Ann Lee, who runs "
        "the ferries, said', 'When Jeff Moss, …, said') and "
        "after a description it names ('Trump's wife, Melania, said', 'said his "
        "spokesman, Dmitry Peskov', 'his top aide, Tad Devine, told', 'The city's "
        "chief planner, Maria Lindqvist, said'): one named "
        "source, the person. A report in a participle after a comma is the clause "
        "subject's ('Rubio hit back, saying Christie was too focused': Rubio, not "
        "Christie)." + _NO_BODY_NO_SOURCES,
        _SOURCES,
    ),
    Measure(
        "sources_named_people", "Named sources", "distinct sources",
        "How many different named people, institutions and news media the article "
        "cites, each counted once however its name is written: the distinct named "
        "sources cited in the body after merging the ways of writing "
        "one name, as the Sources chart and sources.csv merge them, on the article "
        "alone: 'Mayor Denise Hart' and 'Hart' are one person where the article names "
        "no other Hart; 'the department' is the department named in the five sentences "
        "before it ('the State Department of Environmental Quality'), and with none "
        "named it is no named source; 'he' or 'she' counts for the person it names "
        "(see Source names for the other rules of what is a named source). A role or "
        "a medium written without a capital ('the harbour master', 'a reporter', 'the "
        "website', 'news outlets') names no one: it is the source named nearby, or none. "
        "A news "
        "medium named as the channel of a report ('told The Moscow Times') counts too, as "
        "in the Sources chart, so the count can exceed Source names; a newsroom's own "
        "caveat ('CNN has not independently confirmed', 'Reuters was unable to verify') "
        "is neither a source nor a channel, and its 'confirmed' no attribution. A company "
        "written without its 'Chemicals', 'Group' or 'Inc.' ('Castell' after "
        "'Castell Chemicals') is the company, and so is a name the article writes by its "
        "first word after its full name ('Bluewater' after 'Bluewater Ferries'), unless "
        "a person of that name is written ('Jane Bluewater'). A surname joins a full name ending in a "
        "suffix ('King' and 'Martin Luther King Jr.'; 'Donald Trump Jr.' is not "
        "'Donald Trump'), and the campaigns one candidate names are one source ('the "
        "Clinton campaign', 'Hillary Clinton's campaign'). Source names (sources_named) counts "
        "the names as written. Counted on each article alone, so that its count does "
        "not depend on the other articles loaded; the Sources chart merges across all "
        "of them, where a bare surname may join the one full name of another article, "
        "or stay apart when the articles name two people of that surname. Being cited "
        "is PolNeAR's attribution (Newell et al. 2018, after PARC), as validated: the "
        "article gives someone words, a belief or an intention ('said', 'believes', "
        "'wants', 'seeks to'), or says it asked them ('declined to comment', 'did not "
        "respond to a request for comment'), so not only people quoted count. The "
        "subject of a passive report verb ('were confirmed dead', 'was reported "
        "missing') is what was reported, not a source." + _NO_BODY_NO_SOURCES,
        _SOURCES,
    ),
    Measure(
        "sources_anonymous", "Anonymous sources", "mentions",
        "Mentions of unnamed sources in the body ('a source close to…', 'officials "
        "said', 'a senior government official'): sources unidentifiable by design, "
        "an official role or a go-between ('an aide', 'a diplomat', 'a military "
        "spokesman') left unnamed. A described person ('the businessman') is not one "
        "(see Described sources). An unnamed group, title or person with a clause that "
        "withholds the identity ('two members who asked not to be named', 'speaking on "
        "condition of anonymity, the spokesman said', 'one Republican involved in the "
        "planning, who spoke on condition of anonymity', 'the spokesman, who was not "
        "authorized to speak publicly') is anonymous, and so is one "
        "'familiar with' or 'close to' something ('one Democrat familiar with the "
        "talks'), as 'people familiar with' is; a name stays named." + _NO_BODY_NO_SOURCES,
        _SOURCES,
    ),
    Measure(
        "sources_described", "Described sources", "mentions",
        "Mentions of one specific person the body describes but does not name ('the "
        "businessman said', 'his wife told reporters', 'one voter said', 'the retired "
        "neurosurgeon'): a person noun outside the lists of titles and unnamed roles, and, "
        "before a verb of saying, any agent noun ('the announcer said', 'a reader asks'). "
        "Counted neither as named (there is no name to count) nor as anonymous (no "
        "identity is withheld by design). Where the five sentences before name a person "
        "whose mention holds the same noun ('billionaire businessman Donald Trump'), the "
        "Sources chart counts the mention for that person. A name in apposition makes "
        "a named source ('his wife, Jane, said'); 'neither man' is a group; 'a boy who' "
        "in a question ('What do you call a boy who …?') is no source. PolNeAR marks "
        "such phrases as sources." + _NO_BODY_NO_SOURCES,
        _SOURCES,
    ),
    Measure(
        "loaded_per_100w", "Loaded words", "per 100 words",
        "Emotive, pejorative or dramatising words from Framescope's loaded-language "
        "lexicon ('draconian', 'desperation', 'bogus').",
        _RECASENS,
    ),
    Measure(
        "tone_mean", "Tone (VADER)", "−1 to 1",
        "How positive or negative the body's sentences sound to the VADER sentiment "
        "lexicon, from −1 (very negative) to 1 (very positive), averaged over them: "
        "technically, the mean VADER compound score over the body's sentences. VADER is "
        "applied per sentence, never to the whole text, where its score saturates "
        "towards ±1.",
        _VADER,
    ),
    Measure(
        "tone_news_mean", "Tone (news model)", "−1 to 1",
        "How positive or negative the body's sentences sound, from −1 (very negative) to "
        "1 (very positive), averaged over them, as VADER scores them corrected towards "
        "how people rate news sentences: technically, the mean tone_news over the body's "
        "sentences. The tone_news of a sentence is its VADER score "
        "corrected by a model of how people rate news sentences: a ridge regression "
        "over VADER's scores, punctuation and negation counts, how the words combine "
        "(clauses, contrast, negation scope, quotes), the sentence's words, "
        "and the mean of static word-piece vectors derived from the all-MiniLM-L6-v2 "
        "sentence encoder (one weight per word piece in the shipped file), averaged "
        "(0.7 to 0.3) with a small convolutional network over the word pieces in "
        "order, both trained on "
        "4,190 New York Times sentences each rated by 20 people from −4 to +4; its "
        "prediction is divided by 4 (and kept within −1 to 1), so 0 is neutral, as for "
        "VADER. Model files and card: models/shipped/tone_news.json, tone_news_cnn.json "
        "and tone_news.md.",
        _VADER_NYT,
    ),
    Measure(
        "tone_negative_share", "Negative sentences", "share 0–1",
        "Share of the body's sentences that sound negative: those with a VADER compound "
        "score of −0.05 or less (the threshold recommended by VADER's authors).",
        _VADER,
    ),
    Measure(
        "headline_tone_news", "Headline tone (news)", "−1 to 1",
        "How positive or negative the headline sounds, from −1 to 1, by the news model: "
        "its tone_news, scored as a body sentence is (see Tone (news model)); empty when "
        "no headline was found. VADER's lexicon reads words of "
        "headline style as sentiment: 'Kremlin Tells Top Officials They Cannot Resign' "
        "is +0.43 to VADER ('top' is positive, 'cannot' flips 'resign') and −0.16 to "
        "tone_news. Its validation figure is tone_news's on NYT editorial sentences; "
        "no data set of headlines rated for tone was at hand, so it is not validated "
        "on headlines.",
        _VADER_NYT,
    ),
    Measure(
        "headline_tone", "Headline tone (VADER)", "−1 to 1",
        "How positive or negative the headline sounds to VADER, from −1 to 1: its VADER "
        "compound score (empty when no headline was found).",
        _VADER,
    ),
    Measure(
        "headline_hedged", "Headline hedged", "0 or 1",
        "Whether the headline holds back from stating its claim as fact, with a word "
        "such as 'may' or 'reportedly' or as a question (1 yes, 0 no): 1 when the "
        "headline carries an epistemic or evidential hedge that is not "
        "negated (not a vague quantity: 'Some Democrats will skip the convention' "
        "asserts; not in a teaser after a dash that follows the news: '… Just Revealed "
        "Who He Would Pick – It Might Surprise You' asserts), or puts its matter in question: doubt as its news ('Questions linger "
        "over …', 'Report raises questions about …') or a yes-no or either-or question "
        "('Is the bridge safe?'; not a wh-question such as 'Why is the bridge unsafe?', "
        "which takes its matter as given); empty when no headline was found.",
        _HYLAND, is_flag=True,
    ),
    Measure(
        "headline_body_gap", "Headline–body gap", "share 0–1",
        "How much the body backs away from a headline that states its claim as fact, "
        "from 0 to 1: of the body's sentences that repeat the claim, the share that "
        "hedge it, credit it to unnamed people or say who said it; technically, for an "
        "unhedged headline, the share of body sentences restating the "
        "headline's claim (at least three of the headline's content words, all when it has "
        "fewer, two in the lede, the body's first sentence; and at least 40% of them; outside "
        "the lede, not names alone: one shared word written in lower case) that "
        "hedge it (an epistemic or evidential hedge, not negated), credit it to unnamed "
        "people (a weasel phrase: 'critics say') or attribute it to a source other than the "
        "headline's subject (its first words: not 'top black lawmakers said' under 'Black "
        "Lawmakers Rip Donald Trump …', which reports what they said), not with a report verb "
        "in a relative clause ('voters who said …', which tells about the voters); a vague "
        "quantity ('some', 'many') or an approximator ('about') does not distance a "
        "claim. When the headline attributes the claim "
        "itself, with a report verb that does not present it as true ('…, state says', "
        "'Sanders: …'; not 'Report reveals …'), a restating sentence counts only when "
        "it hedges the claim or names a source the headline does not ('according to "
        "Newsweek' under 'Kremlin Tells Top Officials …'; not 'state regulators said' "
        "under '…, state says'; a pronoun such as 'she said', or 'the mayor said' under 'De "
        "Blasio says …', names no other source; when no source of the headline is found, its "
        "words before the report verb are its source: 'Saudi prince mocks …'). "
        "A factive report verb presents what it reports as true and does not distance "
        "it ('The council confirmed that the library will close', 'the ministry "
        "revealed that …'), unless negated ('did not confirm'). "
        "0 when the headline is hedged itself (or puts its matter in question, see "
        "Headline hedged); "
        "empty when there is no headline or no body sentence restates it.",
        _HEADLINE,
    ),
    # additions
    Measure(
        "hedges_weasel_per_100w", "Weasel words", "per 100 words",
        "Claims and judgements credited to no one in particular (vague attribution): a "
        "claim or judgement credited to unnamed, unspecified people "
        "('some argue', 'critics say', 'many believe', 'it is often said', 'is widely "
        "regarded as', 'is often compared to', 'widely attributed to', 'praised by "
        "critics', 'there are fears / questions / serious doubts', 'is considered', 'legal experts say', "
        "'critics of the plan say', 'defenders of the law argue', 'the majority of economists believe', 'concerns have "
        "been raised', 'was accused of', 'rumours circulated', 'a story emerged that', 'everyone in Port Ellis knows'), and a reputation credited to no one ('well-known', 'best known "
        "for', 'renowned', 'famous', 'acclaimed', 'has a reputation for', 'is noted for', "
        "'the most popular', 'his most notable work', 'the most influential critic') "
        "or to everyone and no one ('conventional wisdom', 'popular belief'). Not a "
        "named knower ('known to police'), a counted group ('eight other people') nor "
        "a thing weighed ('were not considered in the trial'), nor a vague group "
        "credited with no claim ('some opponents are using', 'many critics attended': "
        "vague quantities). "
        "Found by grammar rules "
        "(an indefinite or role-named subject before a verb of saying or opinion; an "
        "impersonal or agentless passive of saying or judging), not by a word list.",
        _WEASEL,
    ),
    Measure(
        "hedges_vague_per_100w", "Vague quantities", "per 100 words",
        "Amounts and sets left unspecified: 'some', 'many', 'several' before a noun ('many "
        "residents', 'several officials'), 'some sort / kind of', 'certain' as a determiner ('certain "
        "officials', 'to a certain extent'), and a superlative softened to membership "
        "of an unnamed top group ('one of the deadliest', 'among the largest'). Not "
        "'some 20' or 'several hundred' (approximations), set phrases ('for some time', "
        "'for some reason'), a part set against the whole ('some or all', 'some but not "
        "all'), amounts of "
        "time ('for several years', 'many times'), all of a known set ('the many', "
        "'their many stunts'), nor 'other' before a group ('other senior officials such "
        "as governors': more of a kind, no amount). Counted apart from weasel words: "
        "'some critics say' is one weasel; a vague group credited with no claim, "
        "finding or view ('some opponents are using', 'many observers were surprised', "
        "'most people are upset') is a vague quantity. A vague amount is not a hedge of the claim: "
        "a sentence whose only cue is one counts as certain where the hedge measures are "
        "checked against people (on news sentences people called such a sentence "
        "uncertain about 1 time in 10, and the biomedical annotators do not mark them); "
        "CoNLL-2010's Wikipedia annotators mark them as weasels, so this measure's "
        "figure is the 'hedge or vague quantity' row on their sentences. Until "
        "session 21 the hedge figures counted a vague quantity alone as uncertain.",
        _VAGUE,
    ),
    Measure(
        "headline_sensational", "Clickbait style", "probability 0–1",
        "How much the headline reads like a clickbait site's rather than a news site's, "
        "from 0 (news style) to 1 (clickbait style): the probability that it is written "
        "in clickbait style, from a logistic regression trained on 32,000 headlines of clickbait sites (BuzzFeed, Upworthy, "
        "…) and news sites (WikiNews, NYT, Guardian, The Hindu), over the headline's "
        "words and word pairs with case and numbers ignored, so that a site's Title Case "
        "or numbers do not count, nor punctuation. Addressing 'you', pointing forward "
        "('this', 'these', 'here's') and leading numbers ('0 things') weigh most towards "
        "clickbait; words of hard news ('says', 'kills', 'court', 'police') towards news. "
        "Empty when no headline was found. "
        "Model file and card: models/shipped/sensational.json and .md.",
        _CLICKBAIT,
    ),
    *_voice_measures(),
)

_BY_KEY = {m.key: m for m in MEASURES}


def measure(key: str) -> Measure:
    """The measure with CSV column ``key``; raises KeyError for an unknown key.

    A custom dictionary's column (``dict_…_per_100w``) gets the entry of its
    dictionary when one is registered (:func:`models.dictionaries.register`).
    """
    found = _BY_KEY.get(key)
    if found is None:
        from models.dictionaries import measure_for_column

        found = measure_for_column(key)
    if found is None:
        raise KeyError(key)
    return found


def quoted_measures() -> tuple[Measure, ...]:
    """The certainty measures' quoted parts: not compared in charts of their own (the
    charts of their totals show them, hatched), but listed per outlet in outlets.csv."""
    return tuple(m for m in MEASURES if m.key.endswith("_quoted_per_100w"))


def profile_measures() -> tuple[Measure, ...]:
    """The comparable measures of the outlet profiles (the heatmap): all but the certainty
    measures' own-voice parts, whose totals are there (and whose charts split each bar).
    Three more columns made the measures' names overlap with 30 outlets as rows. Named
    sources are shown merged (sources_named_people), not also as names written, and the
    headline's tone by the news model (headline_tone_news), not also by VADER."""
    return tuple(m for m in comparable_measures()
                 if not m.key.endswith("_own_per_100w")
                 and m.key not in ("sources_named", "headline_tone"))


def comparable_measures() -> tuple[Measure, ...]:
    """Measures that make sense to compare across outlets."""
    return tuple(m for m in MEASURES if m.comparable)


def lead_and_method(lead: str, method: str) -> str:
    """A definition as a reader meets it: ``lead`` in plain words (what it counts and how
    to read it), then the technical definition a researcher cites, after "Method: ". The
    lead's first sentence is what the window's measure line and tooltips show."""
    lead = lead.strip()
    if not lead.endswith((".", "!", "?")):
        lead += "."
    return f"{lead} Method: {method.strip()}"


# ---- claims across outlets (models/claims.py) ---------------------------------------

_FACTBANK = (
    "Saurí, R., Pustejovsky, J. (2009). FactBank: a corpus annotated with event "
    "factuality. Language Resources and Evaluation 43(3)."
)
_CLUSTERING = (
    "Manning, C. D., Raghavan, P., Schütze, H. (2008). Introduction to Information "
    "Retrieval, ch. 17 (hierarchical clustering, group-average linkage). Cambridge UP; "
    "Pedregosa, F. et al. (2011). Scikit-learn: Machine learning in Python. JMLR 12."
)

#: How certain an article makes a claim, from the most committed (top of the
#: certainty-drift chart) to the denial (bottom). After FactBank's factuality values
#: (CT+ certain, PR/PS probable/possible, Uu underspecified source commitment, CT−
#: counterfact), with the estimated probability from the epistemic hedge.
CERTAINTY_LEVELS: tuple[str, ...] = ("asserted", "epistemic", "evidential", "attributed", "denied")

CERTAINTY_DEFINITIONS: dict[str, str] = {
    "asserted": "Stated as fact by the writer, with no hedge and no attribution, or "
                "reported with a factive verb that presents it as true ('revealed', "
                "'confirmed'); the source of a factive report is still named.",
    "epistemic": "Hedged in the outlet's own words with an estimate of how probable it is "
                 "('probably', 'likely', 'may'); the hedge's probability range (UK "
                 "Probability Yardstick, ICD-203 or Framescope's reading: see Epistemic "
                 "hedges) is reported with it. A hedge inside a "
                 "quotation or in reported speech ('officials said it would probably') is "
                 "the speaker's, not the outlet's: see attributed. A hedge in scare quotes "
                 "that nobody in the sentence is given as saying ('the army's “probable” "
                 "target') is here: the marks keep the word at a distance but attribute "
                 "it to no one.",
    "evidential": "Hedged by pointing at evidence without naming it: 'reportedly', 'is "
                  "said to', 'a report suggests'.",
    "attributed": "Put in someone else's mouth: 'according to Newsweek', 'the ministry "
                  "said', a quotation; the source is named where the text names it. A claim "
                  "whose only hedges are inside a quotation ('“The state is probably "
                  "banning…,” the ministry said') or in reported speech ('the ministry said "
                  "the state is probably banning…') is here, not epistemic: the outlet reports "
                  "that the speaker hedged, it does not hedge itself; the quoted hedge's "
                  "probability range is kept and shown with it. In reported speech the "
                  "speaker is the source of the report whose content holds the hedge (the "
                  "outermost: '…, the ministry said'). A speaker given as 'He' or 'She' (a "
                  "quotation's, in the next sentence, or reported speech's) is the source "
                  "named last before it (in its sentence or the five before), when there "
                  "is one.",
    "denied": "Denied or called false: 'false rumour', 'denied', 'not true', 'no such "
              "ban exists' (a denial that is itself negated, 'did not deny', is not).",
}

CLAIM_MEASURES: tuple[Measure, ...] = (
    Measure(
        "claim", "Claim", "group of sentences",
        "Sentences from at least two articles that state the same thing. Each headline "
        "and body sentence with at least four content words is reduced to what it "
        "claims (its hedges, boosters and reporting frame, e.g. 'the ministry said', "
        "removed), common news synonyms are mapped to one word ('prohibit', 'bar' → "
        "'ban'; 'quit', 'step down' → 'resign'), words are lightly stemmed, and the "
        "sentence becomes a vector of its distinct content stems joined with character "
        "4–5-grams. Sentences of different articles whose cosine similarity reaches the "
        "threshold are linked, among the pairs that share at least two words not among "
        "the corpus's most common (in more than 40 sentences) or are copies of one "
        "sentence: sentences that share only the story's most frequent words (its main "
        "names and titles) are never compared, however alike, and the larger the corpus, "
        "the more words are that common (120 PolNeAR articles: 30% of the sentence pairs "
        "at cosine 0.35 or more are compared, 87% of those at 0.5 or more; 240 articles: "
        "10% and 47%; bench/claims_scaling.py). Read by hand, few of the pairs never "
        "compared state the same thing (none of 25 drawn at 120 articles, 2 of 25 at "
        "240), and weighing the story's common words less (IDF) would link mostly "
        "different statements about the same people (none of 30 drawn from the pairs "
        "only it links at 0.35; bench/claims_pairs.py). Sentences in which the page talks rather "
        "than the story (a social-media promotion, a sign-up offer, a note about the "
        "article) are not claims. Each linked group is split by group-average "
        "agglomerative clustering at the same threshold. A claim is labelled by its "
        "most central sentence (a tie, as between the two sentences of a two-sentence "
        "claim, goes to the sentence loaded first).",
        _CLUSTERING, comparable=False,
    ),
    Measure(
        "claim_threshold", "Claim similarity threshold", "cosine 0.05–0.95",
        "How alike two sentences must be, on average within a claim, to state the "
        "same claim. Higher asks for closer wording and finds fewer, tighter claims; "
        "lower groups looser paraphrases and risks joining different claims. The "
        "default (0.35) is the value that gives up least against each set's own best, "
        "over three sets of sentence pairs that two readers labelled by hand, blind to "
        "the scores, as stating the same thing or not (bench/claims_pairs.py; they agreed "
        "on 92–98% of the pairs, Cohen's kappa 0.82–0.97): the seed articles (one story, "
        "five outlets), 26 PolNeAR stories each told by two to four outlets, and 120 "
        "PolNeAR articles of many stories. The default's precision, recall and F1 on each, "
        "on the pairs both label alike and weighted by how many pairs each band of "
        "similarity holds, are under Validation. Each set's own best differs (the seeds "
        "0.30, F1 0.68; the PolNeAR stories 0.40, F1 0.46; many stories 0.45, F1 0.44: "
        "the seeds' figures as of session 33, the PolNeAR ones measured in session 28), but 0.30 does much worse on many stories (F1 0.28), 0.40 "
        "on the seeds (0.51), and 0.50 on both one-story sets (F1 0.30 and 0.27); at 0.35 "
        "each set is about 0.05 F1 or less below its own best.",
        _CLUSTERING, comparable=False,
    ),
    Measure(
        "certainty", "Certainty of a claim", "level",
        "How certain an article makes a claim, on one scale from the top: asserted, "
        "epistemic, evidential, attributed, denied (see the scale below). Each "
        "sentence's level comes from the cues already found in it (the first that "
        "applies: a denial, an epistemic hedge in the outlet's own words, an evidential "
        "hedge in its own words, a non-factive attribution, a quotation or a hedge inside "
        "one or in reported speech, else asserted; what counts as quoted is the "
        "own-voice measures' rule). When an article states a claim in "
        "several sentences, its level is that of the sentence most similar to the claim's "
        "label; claims.csv lists every sentence and marks that one 'representative'.",
        f"{_FACTBANK} {_YARDSTICK} {_VOICE.strip()}", comparable=False,
    ),
    Measure(
        "claim_omission", "Claim carried or omitted", "outlets",
        "For each claim, the outlets with at least one article carrying it, and those "
        "of the corpus with none (its omissions).",
        _CLUSTERING, comparable=False,
    ),
)


# ---- sources, emphasis and text reuse across outlets (models/sources.py, emphasis.py,
# reuse.py): corpus-level measures, in their own CSV files rather than scores.csv ----

_NMF = (
    "Lee, D. D., Seung, H. S. (1999). Learning the parts of objects by non-negative matrix "
    "factorization. Nature 401; Pedregosa, F. et al. (2011). Scikit-learn: Machine "
    "learning in Python. JMLR 12."
)
_MONROE = (
    "Monroe, B. L., Colaresi, M. P., Quinn, K. M. (2008). Fightin' words: Lexical feature "
    "selection and evaluation for identifying the content of political conflict. "
    "Political Analysis 16(4)."
)
_REUSE = (
    "Broder, A. Z. (1997). On the resemblance and containment of documents. Compression "
    "and Complexity of Sequences; Schleimer, S., Wilkerson, D. S., Aiken, A. (2003). "
    "Winnowing: local algorithms for document fingerprinting. SIGMOD; Clough, P., "
    "Gaizauskas, R., Piao, S. S. L., Wilks, Y. (2002). METER: MEasuring TExt Reuse. ACL."
)
_COREFERENCE = (
    f"{_SOURCES} Aliases merged by rules after Lee, H. et al. (2013). Deterministic "
    "coreference resolution based on entity-centric, precision-ranked rules. "
    "Computational Linguistics 39(4) (exact and alias match, apposition, head match)."
)

SELECTION_MEASURES: tuple[Measure, ...] = (
    Measure(
        "source_mentions", "Source mentions", "mentions per outlet",
        "Whom an article cites: each person, institution, news medium or anonymous source "
        "named as the speaker of a report ('Peskov said'), or a news medium named as the "
        "channel it came through ('told The Moscow Times'). Mentions of one source are "
        "merged where the text makes it clear: one lexicon term for its forms "
        "('Important Stories', 'Vazhnye Istorii' → iStories), a shipped alias list "
        "(resources/sources/aliases.csv), titles and middle initials left out ('Mr. "
        "Trump' is Trump, 'Charles G. Koch' is Charles Koch), a "
        "surname matching exactly one full name in the corpus ('Peskov' → 'Dmitry "
        "Peskov') or, within one article, the one person of that surname the article "
        "names in full ('Donald J. Trump … Trump said'; never where it names two, such "
        "as 'Mrs. Clinton' and 'Mr. Clinton') or, where it names none in full, the one "
        "cited full name holding the office it writes before the surname ('President "
        "Obama' → 'President Barack Obama'), a description before a full name "
        "('Republican Donald Trump' → 'Donald Trump'), apposition ('Vazhnye Istorii "
        "(iStories)', 'the independent Russian news outlet. Important Stories.'), anaphora "
        "('the outlet', 'the media', 'the ministry', 'the source' refer to the latest "
        "such source in the five sentences before) and, within one article, a shorter name "
        "ending a longer one ('the Defense Ministry' after 'the UK Defense Ministry'), "
        "and a company's name without its company words ('Castell' → 'Castell "
        "Chemicals'; 'Group', 'Inc.', 'Industries' …) where one such company is cited, "
        "no cited person's full name ends in the word and the article writes no given "
        "name or 'Ms.' before it. A capitalised 'of' phrase ending an institution's "
        "name is part of it ('the State Department of Environmental Quality' is not the "
        "State Department). "
        "Anonymous sources are never merged across articles. A name ending in News, Post, "
        "Times or Journal is a news medium, one ending in Center, University, Fund or "
        "Bureau an institution, an initialism ('the F.A.A.') an institution; a weekday or "
        "a month is never a source. A role, a party or a common noun is "
        "not a name ('the president', 'Indiana governor', 'the Kentucky Republican', "
        "'her campaign', 'the media', a described person such as 'the businessman'): it is "
        "the named source of its type in the five sentences before whose "
        "mention holds the word ('President Barack Obama … the president'), else a "
        "description of its own article (sources.csv: source_id 'unnamed:…'), never "
        "one source across articles, and the chart leaves it out. sources.csv names the "
        "rules that merged each source.",
        _COREFERENCE, comparable=False,
    ),
    Measure(
        "topic_share", "Topic share", "share 0–1",
        lead_and_method(
            "What part of an outlet's body sentences is about each topic of the story, a "
            "topic named by its strongest words; each sentence counts for one topic",
            "topics are found over all body sentences by non-negative matrix factorisation "
            "(NMF) of their TF-IDF vectors (words of three letters or more, English stop "
            "words out, sublinear term frequency; √(sentences/3) topics, from 2 to 12; fixed "
            "random state). Each sentence belongs to its strongest topic; an outlet's topic "
            "share is the share of its body sentences in the topic."),
        _NMF, comparable=False,
    ),
    Measure(
        "off_story_share", "Off-story material", "share 0–1",
        lead_and_method(
            "Share of an outlet's body sentences that the other articles hardly echo: "
            "material no other article carries, such as a battle report added to a story "
            "about a resignation ban",
            "a sentence's support is the mean, over the other articles, of its highest "
            "TF-IDF cosine similarity (lightly stemmed words) with one of their sentences; "
            "support is smoothed along the article (1-2-1 with its neighbours), and a "
            "sentence below 0.75 times the corpus's median support is off-story."),
        _SALTON, comparable=False,
    ),
    Measure(
        "distinctive_z", "Distinctive word", "z-score",
        lead_and_method(
            "How much more an outlet uses a word than the other outlets do; beyond 1.96 (or "
            "below −1.96) the difference is unlikely to be chance",
            "the weighted log-odds ratio with an informative Dirichlet prior, divided by its "
            "estimated standard deviation. The prior is the whole corpus's word shares, "
            "weighing as much as one average outlet's words. |z| > 1.96: unlikely to be "
            "chance at the 5% level."),
        _MONROE, comparable=False,
    ),
    Measure(
        "shared_words", "Shared passage", "words",
        lead_and_method(
            "Words of a passage two articles share word for word or nearly so (a few "
            "changed words allowed), six words at the least. Its direction: the earlier "
            "article when both are dated, a common source when a third article has it, when "
            "it is a quotation in both, or when both cite the same named source there; "
            "otherwise unknown",
            "bodies become normalised word tokens (case folded, punctuation dropped); runs "
            "of five tokens within a sentence (shingles) found in both articles are chained "
            "along the same offset with gaps of up to three changed words; a passage counts "
            "from six shared words."),
        _REUSE, comparable=False,
    ),
)


#: How alike two articles' wording is: the similarity chart (desktop/charts/similarity.py,
#: computed by models.compare). Not a column of any CSV's registry, so not in the three
#: registries whose keys resources/validation.json covers.
ARTICLE_SIMILARITY = Measure(
    "similarity", "Article similarity", "cosine 0–1",
    lead_and_method(
        "How alike two articles' wording is, from 0 (no words in common) to 1 (the same "
        "text); wire copy republished by several outlets scores close to 1. Past 150 "
        "articles the chart is drawn per outlet: the average over every pair of articles of "
        "the two outlets (an article never paired with itself)",
        "the cosine similarity (0 to 1) of their TF-IDF vectors over body text: word "
        "unigrams and bigrams, English stop words removed, sublinear term frequency (1 + log "
        "tf), computed with scikit-learn's TfidfVectorizer."),
    _SALTON, comparable=False,
)


#: Why a measure has no validation figure (resources/validation.json lists none for it),
#: said on the Methods page under "Not validated". One entry for each registry measure
#: without a figure and for ARTICLE_SIMILARITY, and none for a measure with one
#: (tests/models/test_validation.py).
NOT_VALIDATED_WHY: dict[str, str] = {
    "words": "A count of the body's word tokens, not a judgement; the tokeniser and the "
             "body/boilerplate roles it counts within are not checked against annotated text.",
    "sentences": "A count of the body's sentences; the sentence splitter is not checked "
                 "against annotated sentence boundaries.",
    "boosters_per_100w": "No data set at hand marks boosters: CoNLL-2010 and the Szeged "
                         "Uncertainty Corpus, which check the hedges, mark uncertainty only.",
    "estimative_probability_mean": "The ranges are assigned to each hedge word by hand in "
                                   "the lexicon: a published scale's (UK Probability "
                                   "Yardstick, ICD-203) where it names the word, else "
                                   "Framescope's own reading ('may', 'might', 'could'); no "
                                   "data set at hand gives readers' probability judgements "
                                   "of news hedges to check the assignment or the mean "
                                   "against.",
    "attributions_factive_share": "PolNeAR, which checks the attributions, does not type "
                                  "report verbs, and no data set at hand marks factive "
                                  "ones; the type comes from the authored lexicon.",
    "attributions_loaded_share": "PolNeAR, which checks the attributions, does not type "
                                 "report verbs, and no data set at hand marks loaded ones; "
                                 "the type comes from the authored lexicon.",
    "loaded_per_100w": "No data set of loaded or biased words is in the shared data (Recasens "
                       "et al.'s Wikipedia bias edits would be one); the lexicon is authored "
                       "and not checked against readers.",
    "tone_negative_share": "Computed from VADER's sentence scores (checked as Tone (VADER)) "
                           "at VADER's own threshold; the share of negative sentences itself "
                           "is not checked against people's ratings.",
    "headline_body_gap": "No data set at hand pairs headlines with judgements of how their "
                         "bodies qualify them; the hedges and attributions it counts are "
                         "checked on body sentences, the match of restating sentences is not.",
    "claim": "The groups are not checked against a gold grouping; the link they are built "
             "from is checked under Claim similarity threshold.",
    "certainty": "No data set at hand grades how certain articles make claims (FactBank, "
                 "whose values the scale follows, is not in the shared data); the cues it is "
                 "read from are checked under the hedge, attribution and own-voice measures.",
    "claim_omission": "Follows from the claims: a statement the link misses in one outlet "
                      "shows as an omission there; not checked apart from the link.",
    "source_mentions": "The source spans are checked under Source names (PolNeAR dev); how "
                       "mentions are merged into one source (aliases, surnames, anaphora) is "
                       "not checked against annotated coreference.",
    "topic_share": "A statistical description of the corpus (NMF topics), with no right "
                   "answer to check; the topics are not compared with human topic codes.",
    "off_story_share": "A statistical description (how far the other articles echo each "
                       "sentence); no data set at hand marks off-story material.",
    "distinctive_z": "A statistic of word counts that carries its own uncertainty (the "
                     "z-score), not a judgement to check against people.",
    "similarity": "A statistic of shared wording, not a judgement; not checked against "
                  "people's judgements of how alike articles are.",
    "shared_words": "Found by matching word sequences; not checked against annotated text "
                    "reuse (the METER corpus would be one; it is not in the shared data).",
}


# ---- how the app shows a measure's numbers, and the codebook of the CSV files ----------

#: How the app shows numbers of each kind (the table, the report's tables): ``count``
#: a whole number, ``rate`` 2 decimals, ``share`` a percentage, ``tone`` signed with 2
#: decimals, ``flag`` yes/no, ``decimal`` 2 decimals. The CSV files keep the raw value.
DISPLAY_KINDS: dict[str, str] = {
    "count": "a whole number",
    "rate": "2 decimals",
    "share": "a percentage (0.47 is shown as 47%)",
    "tone": "signed, 2 decimals (+0.43)",
    "flag": "yes / no (1 / 0 in the CSV)",
    "decimal": "2 decimals",
}

_KIND_OF_UNIT = {
    "per 100 words": "rate", "share 0–1": "share", "probability 0–1": "share",
    "−1 to 1": "tone", "0 or 1": "flag", "0–1": "decimal",
}

#: Shown where a measure has no value (no headline, no hedge to average…).
NO_VALUE = "–"


def display_kind(m: Measure) -> str:
    """How the app shows ``m``'s numbers (a key of :data:`DISPLAY_KINDS`), from its unit:
    rates per 100 words, shares and probabilities from 0 to 1 as percentages, tones from
    −1 to 1 signed, flags as yes/no, counts (words, names, mentions) as whole numbers."""
    if m.is_flag:
        return "flag"
    return _KIND_OF_UNIT.get(m.unit, "count")


def format_for_reading(value: float | None, kind: str) -> str:
    """A number as the app shows it (:data:`DISPLAY_KINDS`); :data:`NO_VALUE` when the
    measure is undefined. The table, its tooltips and the report use this one function;
    the CSV files keep 6 significant digits (:func:`models.export.format_value`)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_VALUE
    if kind == "count":
        return f"{round(value):,}"
    if kind in ("rate", "decimal"):
        return f"{value:.2f}"
    if kind == "share":
        return f"{100 * value:.0f}%"
    if kind == "tone":
        return f"{value:+.2f}"
    if kind == "flag":
        return "yes" if value else "no"
    return str(value)


#: The numbering of sentences in the CSV files, which the app shows counted from 1.
SENTENCE_NUMBERING = (
    "Counted from 0 over the article's body sentences: sentence_index 0 is the first "
    "body sentence, which the app calls 'sentence 1' (the app counts from 1, so its "
    "'sentence 15' is sentence_index 14); -1 is the headline."
)

#: The columns of scores.csv that identify an article rather than measure it.
ARTICLE_FIELDS: tuple[Measure, ...] = (
    Measure("article_id", "Article", "text",
            "The article's id: its file's name without the extension, made unique with "
            "-2, -3 …; the key that joins scores.csv to spans.csv, sources.csv and claims.csv.",
            "", comparable=False),
    Measure("file", "File", "path", "The file the article was read from, on the computer "
            "that read it: a full path from the app; from the command line, as its PATH "
            "arguments name it (relative to the folder it ran in, run.json's cwd, when they "
            "are).", "", comparable=False),
    Measure("outlet", "Outlet", "text", "The outlet that published the article, as "
            "detected or as corrected by the user (see outlet_origin).", "", comparable=False),
    Measure("headline", "Headline", "text", "The article's headline, as detected in the "
            "file (empty when none was found).", "", comparable=False),
    Measure("date", "Date", "text",
            "Publication date, when the file gives one: YYYY-MM-DD where it can be read (a "
            "named month, ISO, or figures whose order of day and month the date or its "
            "column shows: 13/09/2016), else as the file writes it.", "",
            comparable=False),
    Measure("outlet_origin", "Outlet from", "text", "Where the outlet name came from: "
            "manifest, html, title (the web page's title), print, url, dateline, copyright, "
            "byline, email, filename or user.", "", comparable=False),
    Measure("language", "Language", "text", "The article's language code, when the file "
            "gives one.", "", comparable=False),
    Measure("url", "Web address", "text", "The article's web address, when the file gives "
            "one.", "", comparable=False),
)

#: The columns of the codebook, one row per column of the files described.
CODEBOOK_COLUMNS: tuple[str, ...] = (
    "file", "column", "label", "unit", "app_shows", "definition", "citation",
)

_ROW_SENTENCE = "The sentence of the article the row is about. "
#: The sentence-number columns of the other CSV files (the app counts from 1), each with
#: the first words of its codebook definition: which sentence it numbers.
SENTENCE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("spans.csv", "sentence_index", _ROW_SENTENCE),
    ("claims.csv", "sentence_index", _ROW_SENTENCE),
    ("sources.csv", "sentence_indices", "The sentences of the article (separated by ';' "
                                        "where several) the row is about. "),
    ("off_story.csv", "sentence_index", _ROW_SENTENCE),
    ("reuse.csv", "sentence_a", "The sentence of article a in which the passage starts. "),
    ("reuse.csv", "sentence_b", "The sentence of article b in which the passage starts. "),
)
_SENTENCE_FILES = list(dict.fromkeys(file for file, _, _ in SENTENCE_COLUMNS))

#: How the CSV files number sentences, in short: said where the app shows a sentence's
#: number (the evidence list's tooltip); :data:`SENTENCE_NUMBERING` says it in full.
CSV_SENTENCE_NUMBERING = (
    f"{', '.join(_SENTENCE_FILES[:-1])} and {_SENTENCE_FILES[-1]} count body sentences "
    "from 0: the app's sentence 1 is their sentence_index 0, and the headline is -1."
)


def codebook_rows(columns: Sequence[str]) -> list[dict[str, str]]:
    """One row per column of scores.csv (``columns``, in their order): its label in the
    app, unit, how the app shows it (the CSV keeps the raw value), its definition's first
    sentence and its citation, all from the one definition of each measure
    (:data:`MEASURES`, a custom dictionary's entry). A definition goes on in Help ▸
    Methods and the report. The other files' columns: :mod:`models.codebook`."""
    fields = {m.key: m for m in ARTICLE_FIELDS}
    rows = []
    for column in columns:
        m = fields.get(column)
        shown = "as written"
        if m is None:
            try:
                m = measure(column)
            except KeyError:
                m = Measure(column, column, "", "", "")
            kind = display_kind(m)
            shown = DISPLAY_KINDS[kind]
            if kind == "share" and m.unit:
                shown = f"{shown}; the CSV gives {m.unit}"
        rows.append({
            "file": "scores.csv", "column": column, "label": m.label, "unit": m.unit,
            "app_shows": shown,
            "definition": definition_lead(m.definition, CODEBOOK_LEAD_LIMIT),
            "citation": m.citation,
        })
    return rows


def sentence_codebook_rows() -> dict[tuple[str, str], dict[str, str]]:
    """The codebook rows of the sentence-number columns (:data:`SENTENCE_COLUMNS`), by
    (file, column): each says how the CSV files count sentences (:data:`SENTENCE_NUMBERING`)."""
    return {
        (file, column): {
            "file": file, "column": column, "label": "sentence", "unit": "index from 0",
            "app_shows": "counted from 1: 'sentence 15' is index 14",
            "definition": which + SENTENCE_NUMBERING, "citation": "",
        }
        for file, column, which in SENTENCE_COLUMNS
    }


def outlet_codebook_rows(keys: Sequence[str]) -> list[dict[str, str]]:
    """The codebook of outlets.csv: its outlet and article count, then, for each measure
    of ``keys`` (outlets.csv's, in their order), the outlet's mean and its 95% interval
    and count, each described from the measure's one definition."""
    rows = [
        {"column": "outlet", "label": "Outlet", "unit": "text", "app_shows": "as written",
         "definition": "The outlet, as in scores.csv; one row per outlet.", "citation": ""},
        {"column": "articles", "label": "Articles", "unit": "articles",
         "app_shows": DISPLAY_KINDS["count"],
         "definition": "The outlet's articles (excluded articles are not in the files).",
         "citation": ""},
    ]
    for key in keys:
        m = measure(key)
        kind = display_kind(m)
        unit = "share 0–1" if m.is_flag else m.unit
        mean = (f"The share of the outlet's articles whose {key} in scores.csv is 1 (the "
                "flag's mean)" if m.is_flag else
                f"The mean of scores.csv's {key} over the outlet's articles that have one")
        rows += [
            {"column": key, "label": m.label, "unit": unit,
             "app_shows": DISPLAY_KINDS["share" if m.is_flag else kind],
             "definition": f"{mean}. {m.label}: "
                           f"{definition_lead(m.definition, CODEBOOK_LEAD_LIMIT)}",
             "citation": m.citation},
            *({"column": f"{key}_ci_{end}", "label": f"{m.label}, interval {end}",
               "unit": unit, "app_shows": "the whisker of the outlet's bar",
               "definition": f"The {end} end of the 95% Student-t interval of the mean; "
                             "empty for an outlet with fewer than two articles with a value.",
               "citation": ""} for end in ("low", "high")),
            {"column": f"{key}_n", "label": f"{m.label}, articles", "unit": "articles",
             "app_shows": DISPLAY_KINDS["count"],
             "definition": "The outlet's articles with a value for the measure (an "
                           "article without a headline has no headline measure; one "
                           "without body words no rate).",
             "citation": ""},
        ]
    return [{"file": "outlets.csv", **row} for row in rows]


#: Compiled on first use (re's cache), not at import: the window's header imports this
#: module before its first paint, which needs no definition's lead.
_SENTENCE_END = r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s+(?=[A-Z'(\"‘“])"


def lead_sentence(definition: str) -> str:
    """A measure's definition up to the end of its first sentence. Some definitions
    list every rule and run to a dozen lines, which would push the chart off the view
    or fill the screen with a tooltip; the whole text is on the Methods page."""
    return re.split(_SENTENCE_END, definition.strip(), maxsplit=1)[0]


#: The longest lead :func:`definition_lead` gives, in characters (about four lines of a
#: tooltip, two of the Compare view's description).
LEAD_LIMIT = 320

#: The longest lead the codebooks of scores.csv and outlets.csv give: twice a tooltip's.
#: A definition opens with what the measure means in plain words, its method after, in
#: the same sentence (ux29); a cell of a spreadsheet has room for both, where the
#: tooltip's limit cut the method off (the Headline–body gap's whole method).
CODEBOOK_LEAD_LIMIT = 2 * LEAD_LIMIT


def lead_and_method_sentence(definition: str, limit: int = LEAD_LIMIT) -> str:
    """:func:`definition_lead`, then the definition's "Method: …" sentence when it has one
    (:func:`lead_and_method`): a codebook keeps the method a researcher cites, which a
    plain lead alone leaves out."""
    lead = definition_lead(definition, limit)
    where = definition.find("Method: ")
    if where < 0 or "Method: " in lead:
        return lead
    return f"{lead} {lead_sentence(definition[where:])}"


def definition_lead(definition: str, limit: int = LEAD_LIMIT) -> str:
    """The definition's first sentence; when that runs past ``limit`` characters (some
    list every example in it: Evidential hedges' ran to 1,100), cut at its last comma or
    semicolon before ``limit`` (outside brackets, unless that leaves less than half of
    it: then inside, and the brackets closed), and ended with "…"."""
    lead = lead_sentence(definition)
    if len(lead) <= limit:
        return lead
    depth = 0
    outside: tuple[int, int] | None = None  # (index, depth) of the last comma outside
    anywhere: tuple[int, int] | None = None
    for i, char in enumerate(lead[:limit]):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ",;":
            if char == "," and lead[i - 1:i].isdigit() and lead[i + 1:i + 2].isdigit():
                continue  # a thousands separator ("32,000"), not a pause
            anywhere = (i, depth)
            if depth == 0:
                outside = (i, 0)
    if outside is not None and outside[0] >= limit // 2:
        cut, open_brackets = outside
    elif anywhere is not None:
        cut, open_brackets = anywhere
    else:
        cut, open_brackets = lead.rfind(" ", 0, limit), 0
    return lead[:cut].rstrip() + " …" + ")" * open_brackets


