"""Claim alignment and certainty: what a correct comparison of the seeds finds, and the
certainty rules on sentences written for these tests (through the real cue finder)."""

from __future__ import annotations

import numpy as np
import pytest

from models import claims as C
from models.claims import (
    CERTAINTY_LEVELS,
    Claim,
    ClaimAlignment,
    align_claims,
    denial_cue,
    parse_synonyms,
    sentence_certainty,
    stem,
)
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.pipeline import analyze_paths
from models.progress import Cancelled, NullProgress
from tests.models.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_analyses() -> list[ArticleAnalysis]:
    corpus = analyze_paths([SEEDS])
    assert corpus.errors == []
    return corpus.analyses


@pytest.fixture(scope="module")
def alignment(seed_analyses) -> ClaimAlignment:
    return align_claims(seed_analyses)


def _claim_with(alignment: ClaimAlignment, article: str, words: str) -> Claim:
    found = [
        c for c in alignment.claims
        if any(m.article_id.startswith(article) and words in m.sentence for m in c.mentions)
    ]
    assert len(found) == 1, f"{words!r} of {article} is in {len(found)} claims"
    return found[0]


def _certainties(claim: Claim) -> dict[str, str]:
    return {m.article_id[:3]: m.certainty for m in claim.representatives()}


def _mention(claim: Claim, article: str, words: str) -> C.ClaimMention:
    return next(m for m in claim.mentions if m.article_id.startswith(article)
                and words in m.sentence)


# ---- the seeds ---------------------------------------------------------------------


def test_central_claim_in_all_five_with_each_articles_certainty(alignment) -> None:
    ban = _claim_with(alignment, "000", "The Kremlin now prohibits")
    assert set(ban.outlets) == set(alignment.outlets) and len(ban.outlets) == 5
    assert alignment.omitted_by(ban) == ()
    assert _certainties(ban) == {
        "000": "asserted",     # "The Kremlin now prohibits…"
        "001": "evidential",   # "Reportedly"
        "002": "asserted",     # stated as revealed fact…
        "003": "attributed",   # "according to Newsweek"
        "004": "attributed",   # the MoD's "probably", quoted: the ministry's hedge
    }
    # …with the factive "revealed" and its source noted.
    revealed = next(m for m in ban.representatives() if m.article_id.startswith("002"))
    assert revealed.cue == "revealed" and revealed.attributed_to
    newsweek = _mention(ban, "003", "according to Newsweek")
    assert newsweek.certainty == "attributed" and newsweek.attributed_to == "Newsweek"
    probably = _mention(ban, "004", "probably banning")
    assert probably.certainty == "attributed" and probably.quoted_hedge == "probably"
    assert probably.attributed_to == "the ministry"
    assert (probably.probability_low, probably.probability_high) == (0.55, 0.75)
    # The MoD report's certainty comes from its sentence that reads most like the label.
    representative_004 = next(m for m in ban.representatives() if m.article_id.startswith("004"))
    assert representative_004 == probably


def test_the_central_claim_is_the_most_widely_carried_and_comes_first(alignment) -> None:
    assert alignment.claims[0] == _claim_with(alignment, "000", "The Kremlin now prohibits")
    assert alignment.claims[0].claim_id == 1


def test_peskovs_denial_carried_by_000_and_004_only(alignment) -> None:
    denial = _claim_with(alignment, "004", "Peskov insisted the report was false")
    assert set(denial.article_ids) == {a for a in alignment.article_ids
                                       if a.startswith(("000", "004"))}
    assert set(_certainties(denial).values()) == {"denied"}
    assert all("Peskov" in m.attributed_to for m in denial.mentions)
    assert set(alignment.omitted_by(denial)) == {
        "The Daily Beast", "Spanish-language outlet", "PatriotWise",
    }


def test_travel_restrictions_in_000_002_004(alignment) -> None:
    travel = _claim_with(alignment, "000", "strict travel restrictions")
    assert sorted(a[:3] for a in travel.article_ids) == ["000", "002", "004"]
    assert set(_certainties(travel).values()) == {"asserted"}


def test_every_claim_spans_two_articles_has_one_representative_each_and_a_member_label(
    alignment,
) -> None:
    assert alignment.claims
    for claim in alignment.claims:
        articles = {m.article_id for m in claim.mentions}
        assert len(articles) >= C.MIN_ARTICLES
        assert sorted(m.article_id for m in claim.representatives()) == sorted(articles)
        assert claim.label in {m.sentence for m in claim.mentions}
        for m in claim.mentions:
            assert m.certainty in CERTAINTY_LEVELS
            assert (m.probability_low is None) == (m.probability_high is None)
            if m.probability_low is not None:
                # The outlet's own hedge, or a quoted speaker's (then attributed).
                assert m.certainty == "epistemic" or (
                    m.certainty == "attributed" and m.quoted_hedge)
    ids = [c.claim_id for c in alignment.claims]
    assert ids == list(range(1, len(ids) + 1))


def test_mentions_point_at_the_articles_sentences(seed_analyses, alignment) -> None:
    by_id = {a.article_id: a for a in seed_analyses}
    for m in alignment.mentions():
        sentences = {s.index: s.text for s in by_id[m.article_id].article.sentences}
        assert sentences[m.sentence_index] == m.sentence


def test_a_higher_threshold_asks_for_closer_wording(seed_analyses, alignment) -> None:
    strict = align_claims(seed_analyses, threshold=0.8)
    assert 0 < len(list(strict.mentions())) < len(list(alignment.mentions()))
    # At 0.8 only near-verbatim sentences still pair up.
    for claim in strict.claims:
        assert all(m.similarity >= 0.8 for m in claim.mentions)


@pytest.mark.parametrize("threshold", [0.0, 1.0, -0.2])
def test_threshold_out_of_range_is_refused(seed_analyses, threshold) -> None:
    with pytest.raises(ValueError, match="outside"):
        align_claims(seed_analyses, threshold=threshold)


def test_cancelled_progress_stops_alignment(seed_analyses) -> None:
    class Cancelling(NullProgress):
        def is_cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        align_claims(seed_analyses, progress=Cancelling())


def test_one_article_or_none_gives_no_claims(seed_analyses) -> None:
    assert align_claims([]).claims == ()
    assert align_claims(seed_analyses[:1]).claims == ()


def test_blocking_finds_every_pair_above_the_threshold(seed_analyses) -> None:
    """On the seeds, candidate pairs from shared stems lose no pair that a full
    comparison links at the default threshold (bench/claims_scaling.py measures it
    on a larger corpus)."""
    stop = C._stop_words()
    items = []
    for i, a in enumerate(seed_analyses):
        spans = C._spans_by_sentence(a)
        for s in C.claim_sentences(a):
            content = C.default_synonyms().apply(C.claim_content(s, spans.get(s.index, ())))
            stems = tuple(C.content_stems(content, stop))
            if len(stems) >= C.MIN_CONTENT_WORDS:
                items.append(C._Item(i, s, stems))
    x = C._vectors(items)
    full = (x @ x.T).toarray()
    article = np.array([it.analysis for it in items])
    wanted = {
        (i, j) for i, j in zip(*np.nonzero(full >= C.DEFAULT_THRESHOLD), strict=True)
        if i < j and article[i] != article[j]
    }
    a, b = C._candidate_pairs(items)
    assert wanted and wanted <= set(zip(a.tolist(), b.tolist(), strict=True))


# ---- certainty of sentences written for these tests ----------------------------------


def _certainty(text: str) -> C.SentenceCertainty:
    analysis = analyze_article(article_from_text(text))
    sentence = analysis.article.sentences[0]
    return sentence_certainty(sentence, [s for s in analysis.spans if s.sentence_index == 0])


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The army is moving its tanks north of the river.", "asserted"),
        ("The army is probably moving its tanks north of the river.", "epistemic"),
        ("The army is reportedly moving its tanks north of the river.", "evidential"),
        ("The army is moving its tanks north of the river, according to Reuters.", "attributed"),
        ("The mayor said that the army is moving its tanks north.", "attributed"),
        ("Officials called the story about the tanks a false rumour.", "denied"),
        ("The ministry denied that the army is moving its tanks north.", "denied"),
        ("The spokesman insisted the report was false.", "denied"),
        ("No such order exists, the spokesman said.", "denied"),
        ("The government threatened to close the border next week.", "asserted"),
        ("The ministry revealed that the army is moving its tanks north.", "asserted"),
    ],
)
def test_sentence_certainty_levels(text, level) -> None:
    assert _certainty(text).certainty == level


def test_epistemic_carries_the_hedges_probability_range() -> None:
    result = _certainty("The army is probably moving its tanks north of the river.")
    assert result.cue.lower() == "probably"
    assert result.probability_low is not None and result.probability_high is not None
    assert 0.5 < result.probability_low <= result.probability_high <= 1.0


def test_attribution_names_the_outermost_source() -> None:
    result = _certainty("The general told his troops that they must stay, according to Reuters.")
    assert result.certainty == "attributed"
    assert result.attributed_to == "Reuters"


def test_factive_report_stays_asserted_but_names_its_source() -> None:
    result = _certainty("The ministry revealed to the newspaper that the army is moving north.")
    assert result.certainty == "asserted"
    assert result.cue == "revealed"
    assert "ministry" in result.attributed_to.lower()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Peskov said it was a “false rumour”.", "false rumour"),
        ("The Kremlin claims that no such ban exists.", "no such ban exists"),
        ("The report is not true, he said.", "report is not true"),
        ("The embassy has denied the story.", "denied"),
    ],
)
def test_denials(text, cue) -> None:
    assert denial_cue(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        "Those who quit will face false criminal charges.",  # "false" is not a denial here
        "The minister did not deny the report.",  # a negated denial
        "Nobody denied that the border is closed.",
        "The ban is likely being enforced.",
    ],
)
def test_not_denials(text) -> None:
    assert denial_cue(text) == ""


def _denial_by_patterns(text: str) -> str:
    """denial_cue without its word check: every pattern run on every text."""
    plain = text.translate(C._QUOTES).replace('"', "")
    for pattern in C._DENIAL_PATTERNS:
        for match in pattern.finditer(plain):
            if C._NOT_DENIAL_BEFORE.search(plain[: match.start()]):
                continue
            return match.group(0)
    return ""


def test_the_denial_word_check_skips_no_denial() -> None:
    # Each pattern's words, in sentences that deny, that negate the denial and that use
    # the word otherwise, in three cases; with non-ASCII letters that re.I matches to
    # ASCII ones ("ſ" ~ "s", "K" (Kelvin) ~ "k", "İ" ~ "i"), curly quotes and none.
    phrases = [
        "false rumours", "untrue reports", "unfounded claims", "baseless allegations",
        "groundless story", "fake news", "fabricated information", "it is false",
        "this was untrue", "report is not true", "claims were baseless",
        "rumour is unfounded", "story is groundless", "it was fake", "that is fabricated",
        "it is a lie", "this was nonsense", "the report was completely false",
        "not true", "deny", "denies", "denied", "denying", "refute", "refuted", "rebut",
        "rebutted", "rejected the reports", "rejects these claims", "rejecting such rumours",
        "dismissed it as", "dismisses the claims as", "no such ban exists",
        "no such rule was in place", "no such plan has been",
    ]
    sentences: list[str] = []
    for phrase in phrases:
        for variant in (phrase, phrase.upper(), phrase.title()):
            sentences += [f"The ministry said {variant}.", f"He did not {variant} it.",
                          f"“{variant},” she said.", f"{variant}"]
        sentences += [f"The ministry said {phrase.replace('s', 'ſ')}.",
                      f"The ministry {phrase.replace('i', 'İ')}.",
                      f"{phrase.replace('k', chr(0x212A))} today."]
    sentences += ["The army crossed the river.", "Trains ran late.", "", "Den of thieves.",
                  "The defence ministry rejected nothing."]
    found = [denial_cue(text) for text in sentences]
    assert found == [_denial_by_patterns(text) for text in sentences]
    # The check is exercised both ways: many denials found, and ASCII texts skipped.
    assert sum(bool(cue) for cue in found) > 150
    assert any(not text.isascii() and cue for text, cue in zip(sentences, found, strict=True))


# ---- vectors and resources ---------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("resigning", "resigned", "resignation", "resigns"), True),
        (("officials", "official", "official’s"), True),
        (("banned", "ban", "bans"), True),
        (("ban", "resign"), False),
    ],
)
def test_stem(words, same) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_shipped_synonyms_map_paraphrases_to_one_word() -> None:
    synonyms = C.default_synonyms()
    assert synonyms.apply("They are prohibited from stepping down") == "They are ban from resign"
    assert synonyms.apply("Top officials quit") == "senior official resign"
    # Whole words only: "bartender" is not "barred", "topic" not "top".
    assert synonyms.apply("the bartender's topic") == "the bartender's topic"


def _apply_plainly(synonyms: C.Synonyms, text: str) -> str:
    """Synonyms.apply without its check for a form's last word: the phrases on every text."""
    assert synonyms.phrases is not None
    text = synonyms.phrases.sub(
        lambda m: synonyms.canonical.get(C._plain(m.group(0)), m.group(0)), text)
    return C._TOKEN.sub(lambda m: synonyms.canonical.get(C._plain(m.group(0)), m.group(0)),
                        text)


def test_synonym_phrases_only_skipped_where_none_can_match(seed_analyses) -> None:
    # Every form of several words, in three cases, with more space and a line break,
    # and with the non-ASCII letters re.I matches to ASCII ones ("ſ" ~ "s", "K" (Kelvin)
    # ~ "k", "ı"/"İ" ~ "i"); each form's words without its last word; the seeds.
    synonyms = C.default_synonyms()
    forms = [f for f in synonyms.canonical if " " in f]
    texts = [s.text for a in seed_analyses for s in a.article.sentences]
    for form in forms:
        for variant in (form, form.upper(), form.title(), form.replace(" ", "  \n ")):
            texts += [f"Officials said they {variant} today.", f"{variant}", f"“{variant}”"]
        texts += [f"They {form.replace('s', 'ſ')} now.", f"They {form.replace('k', chr(0x212A))}.",
                  f"They {form.replace('i', 'ı')}.", f"They {form.replace('i', 'İ')}.",
                  " ".join(form.split()[:-1]) + " and more."]
    found = [synonyms.apply(text) for text in texts]
    assert found == [_apply_plainly(synonyms, text) for text in texts]
    # Both ways exercised: forms of several words replaced, in ASCII and other texts.
    assert sum(a != b for a, b in zip(found, texts, strict=True)) > 8 * len(forms)
    assert any(not t.isascii() and "resign" in f for t, f in zip(texts, found, strict=True))
    # A form matched through a letter that lower-cases to another key stays as written
    # (it raised KeyError before).
    assert synonyms.apply("They ſtep down.") == "They ſtep down."


def test_content_stems_kept_across_calls_are_the_same(seed_analyses) -> None:
    stop = C._stop_words()
    known: dict[str, str] = {}
    texts = [s.text for a in seed_analyses for s in a.article.sentences] * 2
    assert [C.content_stems(t, stop, known) for t in texts] == \
        [C.content_stems(t, stop) for t in texts]
    assert known and "" in known.values()


def test_synonym_stems_by_token_equal_the_stems_of_the_replaced_text(seed_analyses) -> None:
    """Synonyms.stems (each token's stems kept) gives content_stems(apply(text)): on the
    seeds, on every form of several words, and on texts whose words meet punctuation,
    digits, apostrophes, hyphens and non-ASCII letters between or inside tokens."""
    synonyms, stop = C.default_synonyms(), C._stop_words()
    texts = [s.text for a in seed_analyses for s in a.article.sentences]
    texts += [f"They {form} today, {form.upper()}!" for form in synonyms.canonical]
    texts += ["dogs' food and the dogs’ bowls", "rock'n'roll, rock’n’roll", "'quoted' ''x''",
              "O'Neill's U.S.-led strike's 3rd wave", "abc123def 9-11 K-9 x2y",
              "“Top officials” — quit… ſtep down", "İstanbul ǅemal naïve café’s",
              "won't can’t o'clock 'tis", "_under_score_ a_b", "top-officials' stepping-down",
              "", "   ", "1,000 and 2.5"]
    known: dict[str, str] = {}
    tokens: dict[str, tuple[str, ...]] = {}
    found = [synonyms.stems(t, stop, known, tokens) for t in texts * 2]
    assert found == [C.content_stems(synonyms.apply(t), stop) for t in texts * 2]
    assert tokens and any(len(v) > 1 for v in tokens.values())  # e.g. a hyphenated token


def test_synonym_table_errors_name_the_line() -> None:
    with pytest.raises(ValueError, match="header"):
        parse_synonyms("word,forms\nban,ban|bar\n")
    with pytest.raises(ValueError, match="line 3: 'bar' is listed twice"):
        parse_synonyms("canonical,forms\nban,ban|bar\nblock,bar\n")
    with pytest.raises(ValueError, match="line 2"):
        parse_synonyms("canonical,forms\n,ban\n")


def test_claims_csv_cells_are_the_rows_as_write_csv_formats_them(alignment, tmp_path) -> None:
    """claims.csv is written from claim_cells (no dictionary per mention): the file is
    the one write_csv makes of claim_rows, every column in CLAIMS_COLUMNS' order, for
    the seeds' claims and for mentions with a probability range, a NaN similarity, an
    empty source and both flags."""
    from models.export import CLAIMS_COLUMNS, claim_cells, write_claims_csv, write_csv

    mention = dict(article_id="a1", outlet="Ledger", sentence_index=-1,
                   sentence='He said "maybe", twice.', certainty="epistemic",
                   probability_low=0.3, probability_high=0.7, attributed_to="",
                   cue="maybe", representative=True, similarity=float("nan"))
    made = ClaimAlignment(
        (C.Claim(7, 'A "label", with commas', (
            C.ClaimMention(claim_id=7, **mention),
            C.ClaimMention(claim_id=7, **{**mention, "article_id": "b2", "outlet": "courier",
                                          "probability_low": None, "probability_high": None,
                                          "representative": False, "similarity": 0.123456789}),
        )),), 0.42, ("courier", "Ledger"))
    for aligned in (alignment, made):
        assert aligned.claims
        rows = list(C.claim_rows(aligned))
        assert all(list(row) == list(CLAIMS_COLUMNS) for row in rows)
        cells = list(claim_cells(aligned))
        assert len(cells) == len(rows)
        write_claims_csv(tmp_path / "cells.csv", aligned)
        write_csv(tmp_path / "rows.csv", CLAIMS_COLUMNS, rows)
        assert (tmp_path / "cells.csv").read_bytes() == (tmp_path / "rows.csv").read_bytes()


def _certainty_with_every_quoted_hedge(self, item, quoted_of=None):
    """PreparedClaims._sentence_certainty as it was before it looked up an article's
    quoted hedges only for a sentence with a certainty hedge: always looked up
    (``quoted_of``: another lookup, to check that the test can tell them apart)."""
    from dataclasses import replace

    key = (item.analysis, item.sentence.index)
    if key not in self._certainty:
        own = self._spans[item.analysis]
        index = item.sentence.index
        quoted = (quoted_of or self._quoted_hedges)(item.analysis)
        next_index = 0 if index < 0 else index + 1
        found = sentence_certainty(item.sentence, own.get(index, ()), own.get(next_index, ()),
                                   quoted, self._sentence_at(item.analysis, next_index))
        if ((found.cue == "quotation" or found.quoted_hedge)
                and found.attributed_to.casefold() in C._PERSONAL) or (
                found.cue == "quotation" and not found.attributed_to):
            name = C._named_speaker(own, index)
            if name:
                found = replace(found, attributed_to=name)
        self._certainty[key] = found
    return self._certainty[key]


def test_quoted_hedges_looked_up_only_where_they_can_count(seed_analyses, alignment,
                                                           monkeypatch) -> None:
    """An article's quoted hedges are found only for a sentence with a certainty hedge:
    the seeds' claims are the same as when they are found for every sentence, and not
    the same when none are (so the seeds have quoted hedges that count)."""
    with monkeypatch.context() as patch:
        patch.setattr(C.PreparedClaims, "_sentence_certainty",
                      _certainty_with_every_quoted_hedge)
        assert align_claims(seed_analyses) == alignment
    with monkeypatch.context() as patch:
        patch.setattr(C.PreparedClaims, "_sentence_certainty",
                      lambda self, item: _certainty_with_every_quoted_hedge(
                          self, item, lambda article: {}))
        assert align_claims(seed_analyses) != alignment
